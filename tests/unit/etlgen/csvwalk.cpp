#include "csvwalk.h"

#include <QDate>
#include <QFile>

WalkedFile walkCsv(const QByteArray& bytes)
{
    WalkedFile file;
    qsizetype pos = 0;
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        file.bom = true;
        pos = 3;
    }
    qint64 line = 1;
    const qsizetype size = bytes.size();
    while (pos < size) {
        WalkedRecord record;
        record.line = line;
        for (;;) {
            QByteArray field;
            if (pos < size && bytes[pos] == '"') {
                ++pos;
                for (;;) {
                    if (pos >= size) {
                        record.unterminated = true;
                        break;
                    }
                    const char c = bytes[pos];
                    if (c == '"') {
                        if (pos + 1 < size && bytes[pos + 1] == '"') {
                            field += '"';
                            pos += 2;
                            continue;
                        }
                        ++pos;
                        break;
                    }
                    if (c == '\n')
                        ++line;
                    field += c;
                    ++pos;
                }
            } else {
                while (pos < size && bytes[pos] != ',' && bytes[pos] != '\n')
                    field += bytes[pos++];
                if (pos < size && bytes[pos] == '\n' && field.endsWith('\r'))
                    field.chop(1);
            }
            record.fields << field;
            if (record.unterminated || pos >= size)
                break;
            if (bytes[pos] == ',') {
                ++pos;
                continue;
            }
            if (bytes[pos] == '\r' && pos + 1 < size && bytes[pos + 1] == '\n') {
                record.terminator = "\r\n";
                pos += 2;
            } else if (bytes[pos] == '\n') {
                record.terminator = bytes.mid(pos - 1, 1) == "\r" ? "\r\n" : "\n";
                ++pos;
            } else {
                // Junk after a closing quote: keep it in the field, as a lenient reader would.
                continue;
            }
            ++line;
            break;
        }
        file.records << record;
    }
    return file;
}

WalkedFile walkCsvFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return walkCsv(file.readAll());
}

namespace {

bool positiveInt32(const QByteArray& value)
{
    if (value.isEmpty() || value.size() > 10)
        return false;
    for (char c : value)
        if (c < '0' || c > '9')
            return false;
    const qint64 number = value.toLongLong();
    return number >= 1 && number <= 2147483647;
}

bool validUtf8WithoutNul(const QByteArray& value)
{
    return !value.contains('\0') && QString::fromUtf8(value).toUtf8() == value;
}

bool validDate(const QByteArray& value)
{
    bool digits = !value.isEmpty();
    for (char c : value)
        digits = digits && c >= '0' && c <= '9';
    if (digits)
        return value.toLongLong() > 0;
    return value.size() == 10 &&
           QDate::fromString(QString::fromLatin1(value), Qt::ISODate).isValid();
}

} // namespace

QString firstProblem(const WalkedRecord& record, const QList<ColumnRule>& rules)
{
    if (record.unterminated)
        return QStringLiteral("unterminated_quote");
    if (record.fields.size() != rules.size())
        return QStringLiteral("field_count");
    for (qsizetype i = 0; i < rules.size(); ++i) {
        const QByteArray& value = record.fields[i];
        switch (rules[i]) {
        case ColumnRule::Id:
            if (!positiveInt32(value))
                return QStringLiteral("bad_id");
            break;
        case ColumnRule::Reference:
            if (!positiveInt32(value))
                return QStringLiteral("bad_reference");
            break;
        case ColumnRule::Text:
            if (value.trimmed().isEmpty())
                return QStringLiteral("empty_field");
            if (!validUtf8WithoutNul(value))
                return QStringLiteral("bad_encoding");
            break;
        case ColumnRule::Date:
            if (!validDate(value))
                return QStringLiteral("bad_date");
            break;
        case ColumnRule::Reported:
            if (value != "0" && value != "1")
                return QStringLiteral("bad_reported");
            break;
        case ColumnRule::Helpful: {
            bool ok = !value.isEmpty();
            for (char c : value)
                ok = ok && c >= '0' && c <= '9';
            if (!ok || value.size() > 10 || value.toLongLong() > 2147483647)
                return QStringLiteral("bad_helpful");
            break;
        }
        }
    }
    return {};
}
