#include "ui/services/servicesbinding.h"

#include "backend/stack/stacksupervisor.h"
#include "ui/services/servicespage.h"
#include "ui/shell/mainwindow.h"

namespace qaconsole::ui {

void bindServices(stack::StackSupervisor& supervisor, ServicesPage& page, MainWindow& window)
{
    using stack::StackSupervisor;
    QObject::connect(&supervisor, &StackSupervisor::statusChanged, &page,
                     &ServicesPage::showServiceStatus);
    QObject::connect(&supervisor, &StackSupervisor::statusChanged, &window,
                     &MainWindow::showServiceStatus);
    QObject::connect(&page, &ServicesPage::startRequested, &supervisor, &StackSupervisor::start);
    QObject::connect(&page, &ServicesPage::stopRequested, &supervisor, &StackSupervisor::stop);
    QObject::connect(&page, &ServicesPage::restartRequested, &supervisor,
                     &StackSupervisor::restart);
}

} // namespace qaconsole::ui
