#include "ui/api/apitext.h"

#include "ui/shell/numbertext.h"

#include <QLocale>

#include <cmath>

namespace qaconsole::ui {

QString perSecondText(double perSecond)
{
    if (!(perSecond > 0))
        return QStringLiteral("0");
    if (perSecond < 10)
        return QLocale().toString(perSecond, 'f', 1);
    return countText(std::llround(perSecond));
}

QString latencyText(double milliseconds)
{
    const QLocale locale;
    if (milliseconds >= 1000)
        return QStringLiteral("%1 s").arg(locale.toString(milliseconds / 1000, 'f', 2));
    const int decimals = milliseconds < 1 ? 2 : milliseconds < 10 ? 1 : 0;
    return QStringLiteral("%1 ms").arg(locale.toString(milliseconds, 'f', decimals));
}

} // namespace qaconsole::ui
