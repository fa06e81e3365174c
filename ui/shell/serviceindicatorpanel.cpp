#include "ui/shell/serviceindicatorpanel.h"

#include "ui/shell/serviceindicator.h"

#include <QHBoxLayout>

namespace qaconsole::ui {

ServiceIndicatorPanel::ServiceIndicatorPanel(QWidget* parent)
    : QWidget(parent), m_layout(new QHBoxLayout(this))
{
    setObjectName(QStringLiteral("serviceIndicators"));
    m_layout->setContentsMargins(0, 0, 4, 0);
    m_layout->setSpacing(8);
}

ServiceIndicator* ServiceIndicatorPanel::addIndicator(stack::ServiceKind kind)
{
    return addIndicator(stack::serviceName(kind), stack::serviceTitle(kind));
}

ServiceIndicator* ServiceIndicatorPanel::addIndicator(const QString& name, const QString& title)
{
    if (ServiceIndicator* existing = indicator(name))
        return existing;
    auto* added = new ServiceIndicator(name, title, this);
    m_layout->addWidget(added);
    m_indicators.append(added);
    return added;
}

ServiceIndicator* ServiceIndicatorPanel::indicator(stack::ServiceKind kind) const
{
    return indicator(stack::serviceName(kind));
}

ServiceIndicator* ServiceIndicatorPanel::indicator(const QString& name) const
{
    for (ServiceIndicator* candidate : m_indicators) {
        if (candidate->name() == name)
            return candidate;
    }
    return nullptr;
}

void ServiceIndicatorPanel::showStatus(const stack::ServiceStatus& status)
{
    addIndicator(status.kind)->showStatus(status);
}

} // namespace qaconsole::ui
