#include "ui/services/servicespage.h"

#include "ui/services/servicecard.h"
#include "ui/shell/pageheader.h"

#include <QScrollArea>
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
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(cards);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->viewport()->setAutoFillBackground(false);
    cards->setAutoFillBackground(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 24, 28, 20);
    layout->setSpacing(18);
    layout->addWidget(
        new PageHeader(title(),
                       tr("The PostgreSQL and Redis the backend uses: started and watched by the "
                          "console, or external ones it only connects to."),
                       this));
    layout->addWidget(scroll, 1);

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
