#pragma once

#include <QString>

namespace qaconsole::planning {

// How the planning texts write numbers, the same under any locale (the C locale of a headless
// run included): digits grouped with commas, as the client reads them in English.

QString usdText(double usd);          // "$54.46", "$1,204.00", below 10 cents "$0.0069"
QString rateText(double perSecond);   // "4,200" (whole requests/s)
QString percentText(double fraction); // 0.032 -> "3.2 %", 0.0015 -> "0.15 %", 0.25 -> "25 %"
QString numberText(double value, int decimals); // "1,234.5" with decimals = 1

} // namespace qaconsole::planning
