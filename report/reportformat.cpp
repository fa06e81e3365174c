#include "report/reportformat.h"

#include <QLocale>

#include <cmath>

namespace qaconsole::report {

namespace {

const QLocale& english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString withUnit(const QString& number, const QString& unit)
{
    return number + kNoBreakSpace + unit;
}

// Decimals enough to show `significant` digits of a value below 1 (0.0042 with 2: 4 decimals).
int decimalsFor(double value, int significant)
{
    if (value <= 0 || value >= 1)
        return significant;
    return std::max(significant, int(std::ceil(-std::log10(value))) + significant - 1);
}

} // namespace

QString numberText(double value, int decimals)
{
    return english().toString(value, 'f', decimals);
}

QString rateValue(double rps)
{
    return numberText(rps, rps < 10 && std::round(rps) != rps ? 1 : 0);
}

QString rateText(double rps)
{
    return withUnit(rateValue(rps), QStringLiteral("requests/s"));
}

QString latencyText(double ms)
{
    if (ms >= 1000)
        return withUnit(numberText(ms / 1000, ms < 10000 ? 1 : 0), QStringLiteral("s"));
    return withUnit(numberText(ms, ms < 10 ? 1 : 0), QStringLiteral("ms"));
}

QString moneyText(double dollars)
{
    const double cents = std::round(dollars * 100);
    // Whole dollars read as prices; cents only where they are there and still matter.
    const bool whole = std::fmod(cents, 100) == 0 || dollars >= 1000;
    return u'$' + numberText(whole ? std::round(dollars) : cents / 100, whole ? 0 : 2);
}

QString unitPriceText(double dollars)
{
    if (dollars >= 1)
        return u'$' + numberText(dollars, 2);
    return u'$' + numberText(dollars, decimalsFor(dollars, 2));
}

QString percentText(double fraction)
{
    const double percent = fraction * 100;
    if (percent == 0)
        return withUnit(QStringLiteral("0"), QStringLiteral("%"));
    if (percent < 0.01)
        return withUnit(QStringLiteral("<0.01"), QStringLiteral("%"));
    // Two significant digits are what a reader takes in: 0.23 %, 1.5 %, 70 %; 1 % is a target
    // and reads as one.
    const bool whole = std::abs(percent - std::round(percent)) < 1e-9 * std::max(1.0, percent);
    const int decimals = whole ? 0 : (percent < 1 ? 2 : percent < 10 ? 1 : 0);
    return withUnit(numberText(percent, decimals), QStringLiteral("%"));
}

QString timesText(double ratio)
{
    return numberText(ratio, ratio < 10 ? 1 : 0) + QStringLiteral("×");
}

QString countText(double count)
{
    if (count >= 1e9)
        return withUnit(numberText(count / 1e9, 1), QStringLiteral("billion"));
    if (count >= 1e6)
        return withUnit(numberText(count / 1e6, count < 1e7 ? 1 : 0), QStringLiteral("million"));
    return numberText(count);
}

QString bytesText(double bytes)
{
    if (bytes >= 1e6)
        return withUnit(numberText(bytes / 1e6, 1), QStringLiteral("MB"));
    if (bytes >= 1e3)
        return withUnit(numberText(bytes / 1e3, 1), QStringLiteral("kB"));
    return withUnit(numberText(bytes), QStringLiteral("B"));
}

QString dateText(const QDateTime& at)
{
    return english().toString(at.date(), QStringLiteral("d MMMM yyyy"));
}

QString targetText(double p99Ms, double errorRate)
{
    return QStringLiteral("p99 under %1, under %2 errors")
        .arg(latencyText(p99Ms), percentText(errorRate));
}

} // namespace qaconsole::report
