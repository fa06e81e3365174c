#include "etl/loadrefusal.h"

namespace qaconsole::etl {

namespace {

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
}

// "12.5%", "0.25%": precise enough to compare with the limit, never in exponent notation.
QString shareText(qint64 part, qint64 whole)
{
    const double share = 100.0 * double(part) / double(whole);
    if (share > 0 && share < 0.01)
        return QStringLiteral("less than 0.01%");
    return QString::number(share, 'f', share >= 1 ? 1 : 2) + u'%';
}

} // namespace

std::optional<Error> refuseFileLoad(const TableSpec& spec, const TableCounts& counts,
                                    const RejectLimit& limit)
{
    const QString file = fromView(spec.fileName);
    const QString table = fromView(spec.tableName);
    if (counts.rowsRead == 0)
        return makeError(ErrorKind::NothingLoaded,
                         QStringLiteral("the file has no rows, only its header; loading it would "
                                        "empty the table %1")
                             .arg(table),
                         file);
    if (counts.rowsLoaded == 0)
        return makeError(ErrorKind::NothingLoaded,
                         QStringLiteral("none of its %1 rows is valid (the reject file says why); "
                                        "loading it would empty the table %2")
                             .arg(counts.rowsRead)
                             .arg(table),
                         file);
    if (limit.exceededBy(counts.rowsRejected, counts.rowsRead))
        return makeError(ErrorKind::TooManyRejects,
                         QStringLiteral("%1 of %2 rows were rejected (%3), more than the limit "
                                        "of %4; the reject file says which and why")
                             .arg(counts.rowsRejected)
                             .arg(counts.rowsRead)
                             .arg(shareText(counts.rowsRejected, counts.rowsRead), limit.text()),
                         file);
    return std::nullopt;
}

} // namespace qaconsole::etl
