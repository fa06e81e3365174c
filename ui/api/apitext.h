#pragma once

#include <QString>

namespace qaconsole::ui {

// How the API page writes rates and latencies. Counts and sizes are written as on the Data load
// page (countText(), bytesText() in ui/shell/numbertext.h).

// Per second: "0", "4.5", "1,234".
QString perSecondText(double perSecond);
// A latency in milliseconds: "0.42 ms", "4.2 ms", "42 ms", "1.25 s".
QString latencyText(double milliseconds);

} // namespace qaconsole::ui
