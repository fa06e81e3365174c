#pragma once

#include "backend/stack/servicestatus.h"
#include "ui/shell/tonecolor.h"

#include <QColor>
#include <QString>

class QPalette;

namespace qaconsole::ui {

// How a service state looks: the one mapping the status bar and the Services page share. Only
// stack services' states go through here; anything else picks its Tone directly.
struct StatePresentation
{
    QString label; // "running", "crashed", ...: stack::stateName(), or "unknown"
    Tone tone = Tone::Neutral;
    QColor color() const { return toneColor(tone); } // the dot, and the text of the state pill
};

// Good when running; Busy while starting or stopping; Bad when crashed, failed or
// unreachable; Neutral when stopped.
Tone stateTone(stack::ServiceState state);
// The state's name in its tone's colour.
StatePresentation statePresentation(stack::ServiceState state);
// Grey "unknown": before the first status of a service has arrived.
StatePresentation unknownStatePresentation();
// Crashed, Failed and Unreachable: the status message then describes an error.
bool isErrorState(stack::ServiceState state);
// Starting and Stopping: work is in progress and no new request can be made.
bool isBusyState(stack::ServiceState state);
// A style sheet for a QLabel that draws it as a rounded pill in `tone`, tinted against the
// palette's base colour.
QString pillStyleSheet(Tone tone, const QPalette& palette);

} // namespace qaconsole::ui
