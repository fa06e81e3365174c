#include "tests/support/samplefixture.h"

#include <QDir>
#include <QFile>

namespace qaconsole::testing {

bool copySampleFixture(const QString& toDir, const QString& fromDir)
{
    for (const char* name : {"questions.csv", "answers.csv", "answers_photos.csv"}) {
        const QString file = QString::fromLatin1(name);
        const QString target = QDir(toDir).filePath(file);
        // A checkout can make the fixtures read-only; the copy must not inherit that.
        if (!QFile::copy(QDir(fromDir).filePath(file), target) ||
            !QFile::setPermissions(target, QFile::permissions(target) | QFile::WriteOwner))
            return false;
    }
    return true;
}

bool writeFixtureFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size() && file.flush();
}

} // namespace qaconsole::testing
