#pragma once

#include "ui/shell/tone.h"

#include <QString>

namespace qaconsole::ui {

// A sentence a controller has for the user about what just happened or what holds now (a
// page's status banner or status line), in the Tone it is said in.
struct Notice
{
    Tone tone = Tone::Neutral;
    QString text;    // empty: nothing to say
    QString details; // more, for a tooltip; may be empty
};

} // namespace qaconsole::ui
