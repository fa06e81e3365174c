#include "ui/api/apibinding.h"

#include "backend/stack/stacksupervisor.h"
#include "ui/api/apipage.h"
#include "ui/shell/mainwindow.h"

namespace qaconsole::ui {

namespace {

const QString kIndicator = QStringLiteral("api");

} // namespace

void bindApi(stack::StackSupervisor& supervisor, ApiPage& page, MainWindow& window)
{
    QObject::connect(&supervisor, &stack::StackSupervisor::postgresUrlChanged, &page,
                     &ApiPage::setDatabaseUrl);
    QObject::connect(&supervisor, &stack::StackSupervisor::redisUrlChanged, &page,
                     &ApiPage::setRedisUrl);
    window.addIndicator(kIndicator, page.title());
    window.showIndicatorState(kIndicator, page.state(), page.summary());
    QObject::connect(&page, &ApiPage::stateChanged, &window,
                     [&window](stack::ServiceState state, const QString& summary) {
                         window.showIndicatorState(kIndicator, state, summary);
                     });
}

} // namespace qaconsole::ui
