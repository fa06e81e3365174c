#pragma once

#include "backend/stack/servicestatus.h"

#include <QList>
#include <QWidget>

class QHBoxLayout;

namespace qaconsole::ui {

class ServiceIndicator;

// The row of service indicators in the status bar, in the order the services were added.
class ServiceIndicatorPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ServiceIndicatorPanel(QWidget* parent = nullptr);

    // Appends an indicator for `kind`, or returns the one it already has.
    ServiceIndicator* addIndicator(stack::ServiceKind kind);
    // Appends an indicator keyed by `name` for something that is not a stack service, or
    // returns the one it already has.
    ServiceIndicator* addIndicator(const QString& name, const QString& title);
    // nullptr when `kind` has no indicator.
    ServiceIndicator* indicator(stack::ServiceKind kind) const;
    // nullptr when no indicator has this name (stack::serviceName() for the services).
    ServiceIndicator* indicator(const QString& name) const;
    // Shows `status` on its service's indicator, adding one for a service not seen before.
    void showStatus(const stack::ServiceStatus& status);

private:
    QHBoxLayout* m_layout;
    QList<ServiceIndicator*> m_indicators;
};

} // namespace qaconsole::ui
