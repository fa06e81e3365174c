#pragma once

#include "backend/stack/servicestatus.h"
#include "ui/shell/page.h"

#include <QList>

class QVBoxLayout;

namespace qaconsole::ui {

class ServiceCard;

// The local services the backend needs, one card each (see ServiceCard): PostgreSQL and Redis
// from the start, and a card for any other service the first time a status of it arrives.
// The page never controls a service itself: it shows the statuses it is given and asks for
// changes through its signals, which app/ connects to the stack supervisor.
class ServicesPage : public Page
{
    Q_OBJECT
public:
    explicit ServicesPage(QWidget* parent = nullptr);

    QString title() const override;
    QIcon icon() const override;

public Q_SLOTS:
    void showServiceStatus(const qaconsole::stack::ServiceStatus& status);

Q_SIGNALS:
    void startRequested(qaconsole::stack::ServiceKind kind);
    void stopRequested(qaconsole::stack::ServiceKind kind);
    void restartRequested(qaconsole::stack::ServiceKind kind);

private:
    ServiceCard* card(stack::ServiceKind kind);

    QVBoxLayout* m_cardLayout;
    QList<ServiceCard*> m_cards;
};

} // namespace qaconsole::ui
