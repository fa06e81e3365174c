#include "ui/api/apibinding.h"

#include "backend/stack/stacksupervisor.h"
#include "ui/api/apipage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/serviceindicator.h"

namespace qaconsole::ui {

namespace {

const QString kIndicator = QStringLiteral("api");

Indication indicationOf(const ApiPage& page)
{
    const BackendView view = page.view();
    return {view.label, view.tone, page.summary(), backendActionText(view.action)};
}

} // namespace

void bindApi(stack::StackSupervisor& supervisor, ApiPage& page, MainWindow& window)
{
    QObject::connect(&supervisor, &stack::StackSupervisor::postgresUrlChanged, &page,
                     &ApiPage::setDatabaseUrl);
    QObject::connect(&supervisor, &stack::StackSupervisor::redisUrlChanged, &page,
                     &ApiPage::setRedisUrl);
    window.addIndicator(kIndicator, page.title());
    window.showIndicator(kIndicator, indicationOf(page));
    QObject::connect(&page, &ApiPage::stateChanged, &window,
                     [&window, &page] { window.showIndicator(kIndicator, indicationOf(page)); });
    QObject::connect(&window, &MainWindow::indicatorActionTriggered, &page,
                     [&page](const QString& name) {
                         if (name == kIndicator)
                             page.triggerAction();
                     });
}

} // namespace qaconsole::ui
