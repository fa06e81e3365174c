#include "ui/etl/etltext.h"

#include <QLocale>

#include <cmath>

namespace qaconsole::ui {

namespace {

QLocale numberLocale()
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}

QString fromView(std::string_view text)
{
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}

} // namespace

QString countText(qint64 count)
{
    return numberLocale().toString(count);
}

QString bytesText(qint64 bytes)
{
    return numberLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString durationText(qint64 milliseconds)
{
    if (milliseconds < 60'000)
        return QStringLiteral("%1 s").arg(numberLocale().toString(milliseconds / 1000.0, 'f', 1));
    const qint64 seconds = milliseconds / 1000;
    if (seconds < 3600) {
        return QStringLiteral("%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return QStringLiteral("%1 h %2 min")
        .arg(seconds / 3600)
        .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
}

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
