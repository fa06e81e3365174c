#include "planning/plantext.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace qaconsole::planning {

namespace {

// English with grouping forced on: the texts go to a client, whatever the machine's locale.
QLocale textLocale()
{
    QLocale locale(QLocale::English, QLocale::UnitedStates);
    locale.setNumberOptions(locale.numberOptions() & ~QLocale::OmitGroupSeparator);
    return locale;
}

// Decimals that show two significant digits of a value below 10 (0.0069 -> 4), at least one.
int significantDecimals(double value)
{
    return std::max(1, 1 - int(std::floor(std::log10(value))));
}

} // namespace

QString numberText(double value, int decimals)
{
    return textLocale().toString(value, 'f', decimals);
}

QString usdText(double usd)
{
    // Cents, but a price per million requests of a fraction of a cent keeps two digits that
    // say something: "$0.0069", not "$0.01".
    const double size = std::abs(usd);
    return u'$' + numberText(usd, size > 0 && size < 0.1 ? significantDecimals(size) : 2);
}

QString rateText(double perSecond)
{
    return numberText(std::round(perSecond), 0);
}

QString percentText(double fraction)
{
    const double percent = fraction * 100;
    if (percent == 0)
        return QStringLiteral("0 %");
    // Two significant digits below 10 %: a coherency of 0.0015 must not read "0.0 %".
    if (percent < 0.001)
        return QStringLiteral("under 0.001 %");
    // 9.9999 % is written as the 10 % it rounds to, not "10.0 %".
    if (std::round(percent * 10) >= 100)
        return numberText(percent, 0) + QStringLiteral(" %");
    return numberText(percent, significantDecimals(percent)) + QStringLiteral(" %");
}

} // namespace qaconsole::planning
