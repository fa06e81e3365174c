#pragma once

#include "ui/shell/tone.h"

#include <QColor>

namespace qaconsole::ui {

// Saturated enough to read as a dot at 10 px, dark enough to read as text on a pale tint.
QColor toneColor(Tone tone);

} // namespace qaconsole::ui
