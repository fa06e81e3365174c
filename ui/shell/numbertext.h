#pragma once

#include <QString>

namespace qaconsole::ui {

// How every page writes numbers, sizes and times, so they agree. Digits are grouped even under
// the C locale (offscreen, CI), where Qt would otherwise run them together.

QString countText(qint64 count);           // "1,234,567"
QString bytesText(qint64 bytes);           // "9.7 kB", "1.7 GB" (decimal units)
QString durationText(qint64 milliseconds); // "0.4 s", "12.4 s", "3 min 05 s", "1 h 02 min"

} // namespace qaconsole::ui
