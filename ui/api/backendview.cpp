#include "ui/api/backendview.h"

#include <QCoreApplication>

namespace qaconsole::ui {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("qaconsole::ui::ApiPage", text);
}

} // namespace

BackendView describeBackend(const BackendFacts& facts)
{
    using stack::ServiceState;
    BackendView view;
    const bool idle = facts.phase != BackendPhase::Starting &&
                      facts.phase != BackendPhase::Running && facts.phase != BackendPhase::Stopping;
    view.canStart = idle && !facts.databaseAddress.isEmpty() && !facts.shutDown;
    view.canStop = facts.phase == BackendPhase::Running;
    view.settingsEditable = idle;
    view.label = stack::stateName(ServiceState::Stopped);

    switch (facts.phase) {
    case BackendPhase::Running:
        view.state = ServiceState::Running;
        view.label = stack::stateName(view.state);
        view.tone = Tone::Good;
        view.message = facts.threads == 1
                           ? tr("Serving the Q&A API from PostgreSQL at %1 with 1 worker thread.")
                                 .arg(facts.databaseAddress)
                           : tr("Serving the Q&A API from PostgreSQL at %1 with %2 worker threads.")
                                 .arg(facts.databaseAddress)
                                 .arg(facts.threads);
        break;
    case BackendPhase::Starting:
    case BackendPhase::Stopping:
        view.state =
            facts.phase == BackendPhase::Starting ? ServiceState::Starting : ServiceState::Stopping;
        view.label = stack::stateName(view.state);
        view.tone = Tone::Busy;
        view.busy = true;
        view.message = facts.phase == BackendPhase::Starting
                           ? tr("Checking the database at %1 and starting the server…")
                                 .arg(facts.databaseAddress)
                           : tr("Stopping: the requests in progress finish first…");
        break;
    case BackendPhase::WaitingForData:
        view.label = tr("waiting for data");
        view.message =
            facts.failureMessage + u' ' + tr("Load a dataset and the API starts by itself.");
        view.action = BackendAction::LoadDataset;
        break;
    case BackendPhase::Failed:
        view.state = ServiceState::Failed;
        view.label = stack::stateName(view.state);
        view.tone = Tone::Bad;
        view.message = facts.failureMessage;
        view.messageTone = Tone::Bad;
        break;
    case BackendPhase::WaitingForDatabase:
        view.label = tr("waiting for database");
        view.message = tr("The API starts by itself once PostgreSQL runs.");
        view.action = BackendAction::OpenServices;
        break;
    case BackendPhase::Stopped:
        view.message =
            facts.shutDown ? tr("Stopped.") : tr("Stopped. Click Start to serve the API again.");
        break;
    }
    return view;
}

QString backendActionText(BackendAction action)
{
    switch (action) {
    case BackendAction::LoadDataset:
        return tr("Load dataset");
    case BackendAction::OpenServices:
        return tr("Open Services");
    case BackendAction::None:
        break;
    }
    return {};
}

} // namespace qaconsole::ui
