#include "ui/api/apibinding.h"

#include "backend/stack/stacksupervisor.h"
#include "ui/api/apicontroller.h"
#include "ui/api/apipage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/serviceindicator.h"

namespace qaconsole::ui {

namespace {

const QString kIndicator = QStringLiteral("api");

Indication indicationOf(const ApiController& controller)
{
    const BackendView view = controller.view();
    return {view.label, view.tone, controller.summary(), backendActionText(view.action)};
}

} // namespace

void bindApi(stack::StackSupervisor& supervisor, ApiPage& page, MainWindow& window)
{
    ApiController& controller = page.controller();
    QObject::connect(&supervisor, &stack::StackSupervisor::postgresUrlChanged, &controller,
                     &ApiController::setDatabaseUrl);
    QObject::connect(&supervisor, &stack::StackSupervisor::redisUrlChanged, &controller,
                     &ApiController::setRedisUrl);
    window.addIndicator(kIndicator, page.title());
    window.showIndicator(kIndicator, indicationOf(controller));
    QObject::connect(&controller, &ApiController::stateChanged, &window, [&window, &controller] {
        window.showIndicator(kIndicator, indicationOf(controller));
    });
    QObject::connect(&window, &MainWindow::indicatorActionTriggered, &controller,
                     [&controller](const QString& name) {
                         if (name == kIndicator)
                             controller.triggerAction();
                     });
}

} // namespace qaconsole::ui
