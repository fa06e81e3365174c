#include "ui/shell/numbertext.h"

#include <QLocale>

namespace qaconsole::ui {

namespace {

QLocale numberLocale()
{
    QLocale locale;
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
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

} // namespace qaconsole::ui
