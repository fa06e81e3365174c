#include "ui/services/servicespage.h"

#include "ui/services/servicecard.h"

#include <QVBoxLayout>

namespace qaconsole::ui {

ServicesPage::ServicesPage(QWidget* parent) : Page(parent)
{
    setObjectName(QStringLiteral("servicesPage"));

    auto* cards = new QWidget;
    cards->setObjectName(QStringLiteral("serviceCards"));
    m_cardLayout = new QVBoxLayout(cards);
    m_cardLayout->setContentsMargins(0, 0, 0, 0);
    m_cardLayout->setSpacing(16);

    // The cards share the height; below their minimum the page scrolls instead of squeezing
    // the logs away.
    setScrollingContent(tr("The PostgreSQL and Redis the backend uses: started and watched by "
                           "the console, or external ones it only connects to."),
                        cards);
    // After the scroll area took it, which turns the fill on.
    cards->setAutoFillBackground(false);

    card(stack::ServiceKind::Postgres);
    card(stack::ServiceKind::Redis);
}

QString ServicesPage::title() const
{
    return tr("Services");
}

QIcon ServicesPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/services.svg"));
}

void ServicesPage::showServiceStatus(const stack::ServiceStatus& status)
{
    card(status.kind)->showStatus(status);
}

ServiceCard* ServicesPage::card(stack::ServiceKind kind)
{
    for (ServiceCard* existing : std::as_const(m_cards)) {
        if (existing->kind() == kind)
            return existing;
    }
    auto* added = new ServiceCard(kind);
    connect(added, &ServiceCard::startRequested, this, &ServicesPage::startRequested);
    connect(added, &ServiceCard::stopRequested, this, &ServicesPage::stopRequested);
    connect(added, &ServiceCard::restartRequested, this, &ServicesPage::restartRequested);
    m_cardLayout->addWidget(added, 1);
    m_cards.append(added);
    return added;
}

} // namespace qaconsole::ui
