#include "ui/services/uptimetext.h"

#include <QCoreApplication>

namespace qaconsole::ui {

namespace {

QString twoDigits(qint64 value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

QString uptimeText(qint64 seconds)
{
    const auto tr = [](const char* text) {
        return QCoreApplication::translate("Uptime", text);
    };
    seconds = std::max<qint64>(0, seconds);
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(twoDigits(hours % 24));
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(twoDigits(minutes % 60));
    if (minutes > 0)
        return tr("%1 min %2 s").arg(minutes).arg(twoDigits(seconds % 60));
    return tr("%1 s").arg(seconds);
}

} // namespace qaconsole::ui
