#include "etl/datasetinspector.h"

#include "etl/csvrecordparser.h"
#include "etl/fieldchecks.h"
#include "etl/rowvalidator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace qaconsole::etl {

namespace {

// Enough for the header and well over a thousand rows of the real files, and still instant on
// a slow disk.
constexpr qint64 kHeadBytes = 256 * 1024;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// The exact name first; a spreadsheet or another OS may have changed its case.
QString findFile(const QDir& dir, const QString& name, bool* found)
{
    const QString exact = dir.filePath(name);
    *found = QFileInfo(exact).isFile();
    if (*found)
        return exact;
    const QStringList entries = dir.entryList(QDir::Files);
    for (const QString& entry : entries) {
        if (entry.compare(name, Qt::CaseInsensitive) == 0) {
            *found = true;
            return dir.filePath(entry);
        }
    }
    return exact;
}

int dateFieldIndex(const TableSpec& spec, const CsvRecord& header)
{
    for (const ColumnSpec& column : spec.columns) {
        if (column.kind != ColumnKind::Date)
            continue;
        for (std::size_t i = 0; i < header.fields.size(); ++i) {
            if (fromView(trimBlanks(header.fields[i]))
                    .compare(fromView(column.name), Qt::CaseInsensitive) == 0)
                return static_cast<int>(i);
        }
    }
    return -1;
}

bool hasDateColumn(const TableSpec& spec)
{
    for (const ColumnSpec& column : spec.columns) {
        if (column.kind == ColumnKind::Date)
            return true;
    }
    return false;
}

// Counts which of the two known formats the sampled dates use; the more common one wins, so a
// single bad row among the first ones does not hide the format of the file.
struct DateVotes
{
    int epoch = 0;
    int legacy = 0;

    void add(std::string_view value)
    {
        if (!parseDateWritten(value))
            return;
        const std::string_view trimmed = trimBlanks(value);
        if (trimmed.find_first_not_of("0123456789") == std::string_view::npos)
            ++epoch;
        else
            ++legacy;
    }

    QString verdict() const
    {
        if (epoch == 0 && legacy == 0)
            return QStringLiteral("unknown");
        return epoch >= legacy ? QStringLiteral("epoch ms") : QStringLiteral("YYYY-MM-DD");
    }
};

FileInspection inspectFile(const QDir& dir, const TableSpec& spec, int previewRows)
{
    FileInspection inspection;
    inspection.table = spec.table;
    if (hasDateColumn(spec))
        inspection.dateFormat = QStringLiteral("unknown");
    const QString fileName = fromView(spec.fileName);
    inspection.path = findFile(dir, fileName, &inspection.found);
    if (!inspection.found) {
        inspection.problem = QStringLiteral("%1 not found in %2").arg(fileName, dir.path());
        return inspection;
    }

    QFile file(inspection.path);
    if (!file.open(QIODevice::ReadOnly)) {
        inspection.problem = QStringLiteral("cannot read %1: %2").arg(fileName, file.errorString());
        return inspection;
    }
    inspection.sizeBytes = file.size();
    const QByteArray head = file.read(kHeadBytes);
    const bool atEof = file.atEnd();
    std::string_view data(head.constData(), static_cast<std::size_t>(head.size()));
    if (data.substr(0, kBom.size()) == kBom) {
        inspection.bom = true;
        data.remove_prefix(kBom.size());
    }

    CsvRecordParser parser;
    CsvRecord record;
    std::size_t consumed = 0;
    bool haveHeader = false;
    int headerFields = 0;
    int dateField = -1;
    DateVotes votes;
    for (;;) {
        const auto result = parser.parse(data.substr(consumed), atEof, record);
        if (result.kind == CsvRecordParser::Kind::EmptyLine) {
            consumed += result.consumed;
            continue;
        }
        if (result.kind != CsvRecordParser::Kind::Record)
            break;
        consumed += result.consumed;
        inspection.crlf = inspection.crlf || result.crlf;
        if (!haveHeader) {
            haveHeader = true;
            headerFields = static_cast<int>(record.fields.size());
            for (const std::string_view field : record.fields) {
                const std::string_view trimmed = trimBlanks(field);
                inspection.legacyHeader = inspection.legacyHeader || trimmed.size() != field.size();
                inspection.header << fromView(trimmed);
            }
            if (const auto validator = RowValidator::create(spec, record); !validator)
                inspection.problem = validator.error().text();
            dateField = dateFieldIndex(spec, record);
            continue;
        }
        if (inspection.preview.size() < previewRows) {
            QStringList fields;
            for (const std::string_view field : record.fields)
                fields << fromView(field);
            inspection.preview << fields;
        }
        if (dateField >= 0 && static_cast<int>(record.fields.size()) == headerFields)
            votes.add(record.fields[static_cast<std::size_t>(dateField)]);
    }

    if (!haveHeader) {
        inspection.problem = head.isEmpty()
                                 ? QStringLiteral("%1 is empty").arg(fileName)
                                 : QStringLiteral("%1: no complete header line in the first %2 KB")
                                       .arg(fileName)
                                       .arg(kHeadBytes / 1024);
    }
    // Only whole records count: the cut at kHeadBytes may split a multi-byte character.
    const bool utf8 = findEncodingError(data.substr(0, consumed)) == std::string_view::npos;
    if (!utf8)
        inspection.encoding = QStringLiteral("not UTF-8");
    else
        inspection.encoding =
            inspection.bom ? QStringLiteral("UTF-8 with BOM") : QStringLiteral("UTF-8");
    if (hasDateColumn(spec))
        inspection.dateFormat = votes.verdict();
    return inspection;
}

} // namespace

QList<FileInspection> inspectDataset(const QString& sourceDir, int previewRows)
{
    const QDir dir(sourceDir);
    QList<FileInspection> inspections;
    for (const Table table : kTables)
        inspections << inspectFile(dir, tableSpec(table), previewRows);
    return inspections;
}

} // namespace qaconsole::etl
