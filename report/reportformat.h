#pragma once

#include <QDateTime>
#include <QString>

// How the report writes its figures, so the answer, the tables and the charts agree. English
// digits grouped by thousands whatever the machine's locale (the client reads "1,000"), and a
// no-break space between a number and its unit so a line never ends between them.
namespace qaconsole::report {

inline constexpr QChar kNoBreakSpace{0x00a0};

QString numberText(double value, int decimals = 0); // "1,000", "2.5"
QString rateValue(double rps);                      // "1,000", "6,000", "2.5"
QString rateText(double rps);                       // "1,000 requests/s"
QString latencyText(double ms);                     // "0.8 ms", "12 ms", "2.6 s"
QString moneyText(double dollars);                  // "$24", "$24.50", "$1,240"
QString unitPriceText(double dollars);              // "$0.60", "$0.0042": 2 significant digits
QString percentText(double fraction);  // 0.0023: "0.23 %"; 0.015: "1.5 %"; 0.698: "70 %"
QString timesText(double ratio);       // 6.04: "6.0×"; 14.2: "14×"
QString countText(double count);       // "2.6 million", "850,000"
QString bytesText(double bytes);       // "1.9 kB"
QString dateText(const QDateTime& at); // "14 March 2025"

// "p99 under 50 ms, under 1 % errors": the target every tier is measured against.
QString targetText(double p99Ms, double errorRate);

} // namespace qaconsole::report
