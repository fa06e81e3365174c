#include "ui/shell/statepresentation.h"

#include "ui/shell/theme.h"

#include <QPalette>

namespace qaconsole::ui {

Tone stateTone(stack::ServiceState state)
{
    using stack::ServiceState;
    switch (state) {
    case ServiceState::Running:
        return Tone::Good;
    case ServiceState::Starting:
    case ServiceState::Stopping:
        return Tone::Busy;
    case ServiceState::Crashed:
    case ServiceState::Failed:
    case ServiceState::Unreachable:
        return Tone::Bad;
    case ServiceState::Stopped:
        break;
    }
    return Tone::Neutral;
}

StatePresentation statePresentation(stack::ServiceState state)
{
    return {stack::stateName(state), stateTone(state)};
}

StatePresentation unknownStatePresentation()
{
    return {QStringLiteral("unknown"), Tone::Neutral};
}

bool isErrorState(stack::ServiceState state)
{
    using stack::ServiceState;
    return state == ServiceState::Crashed || state == ServiceState::Failed ||
           state == ServiceState::Unreachable;
}

bool isBusyState(stack::ServiceState state)
{
    using stack::ServiceState;
    return state == ServiceState::Starting || state == ServiceState::Stopping;
}

QString pillStyleSheet(Tone tone, const QPalette& palette)
{
    const QColor color = toneColor(tone);
    const QColor base = palette.color(QPalette::Base);
    return QStringLiteral("QLabel { color: %1; background: %2; border: 1px solid %3;"
                          " border-radius: 11px; padding: 2px 12px; font-weight: 600; }")
        .arg(color.name(), blend(base, color, 0.13).name(), blend(base, color, 0.42).name());
}

} // namespace qaconsole::ui
