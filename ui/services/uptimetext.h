#pragma once

#include <QString>

namespace qaconsole::ui {

// A running time for people, precise where it matters and short: "42 s", "12 min 04 s",
// "2 h 05 min", "3 d 04 h". Negative values (clocks that disagree) read as "0 s".
QString uptimeText(qint64 seconds);

} // namespace qaconsole::ui
