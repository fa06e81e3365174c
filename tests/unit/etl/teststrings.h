#pragma once

// Readable QCOMPARE failure messages for the std types the ETL tests compare.

#include <QByteArray>
#include <QTest>

#include <string>
#include <vector>

namespace QTest {

template <> inline char* toString(const std::string& text)
{
    return QTest::toPrettyCString(text.data(), qsizetype(text.size()));
}

template <> inline char* toString(const std::vector<std::string>& fields)
{
    QByteArray out = "[";
    for (const std::string& field : fields) {
        char* one = QTest::toPrettyCString(field.data(), qsizetype(field.size()));
        if (out.size() > 1)
            out += ", ";
        out += one;
        delete[] one;
    }
    out += ']';
    return qstrdup(out.constData());
}

} // namespace QTest
