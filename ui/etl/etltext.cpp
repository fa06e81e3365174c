#include "ui/etl/etltext.h"

#include "ui/shell/numbertext.h"

#include <cmath>

namespace qaconsole::ui {

namespace {

QString fromView(std::string_view text)
{
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

QString rateText(double rowsPerSecond)
{
    if (!(rowsPerSecond > 0))
        return QStringLiteral("—");
    return QStringLiteral("%1 rows/s").arg(countText(std::llround(rowsPerSecond)));
}

QString etaText(double seconds)
{
    if (seconds < 0 || !std::isfinite(seconds))
        return QStringLiteral("—");
    // Whole seconds: a tenth of a second of an estimate is noise.
    const qint64 rounded = std::max<qint64>(1, std::llround(seconds));
    return QStringLiteral("about %1")
        .arg(rounded < 60 ? QStringLiteral("%1 s").arg(rounded) : durationText(rounded * 1000));
}

QString fileNameOf(etl::Table table)
{
    return fromView(etl::tableSpec(table).fileName);
}

QString tableNameOf(etl::Table table)
{
    return fromView(etl::tableSpec(table).tableName);
}

} // namespace qaconsole::ui
