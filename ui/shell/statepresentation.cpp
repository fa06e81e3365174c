#include "ui/shell/statepresentation.h"

#include "ui/shell/theme.h"

#include <QPalette>

namespace qaconsole::ui {

namespace {

// Saturated enough to read as a dot at 10 px, dark enough to read as text on a pale tint.
const QColor green(0x21, 0x8a, 0x4f);
const QColor amber(0xc2, 0x7c, 0x0e);
const QColor red(0xcf, 0x3a, 0x3a);
const QColor grey(0x7a, 0x84, 0x90);

} // namespace

StatePresentation statePresentation(stack::ServiceState state)
{
    using stack::ServiceState;
    const QString label = stack::stateName(state);
    switch (state) {
    case ServiceState::Running:
        return {label, green};
    case ServiceState::Starting:
    case ServiceState::Stopping:
        return {label, amber};
    case ServiceState::Crashed:
    case ServiceState::Failed:
    case ServiceState::Unreachable:
        return {label, red};
    case ServiceState::Stopped:
        break;
    }
    return {label, grey};
}

StatePresentation unknownStatePresentation()
{
    return {QStringLiteral("unknown"), grey};
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

QString pillStyleSheet(const StatePresentation& presentation, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    return QStringLiteral("QLabel { color: %1; background: %2; border: 1px solid %3;"
                          " border-radius: 11px; padding: 2px 12px; font-weight: 600; }")
        .arg(presentation.color.name(), blend(base, presentation.color, 0.13).name(),
             blend(base, presentation.color, 0.42).name());
}

} // namespace qaconsole::ui
