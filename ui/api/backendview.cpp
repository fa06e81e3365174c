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
    const bool idle = facts.runner == ServiceState::Stopped || facts.runner == ServiceState::Failed;
    view.canStart = idle && !facts.databaseAddress.isEmpty() && !facts.shutDown;
    view.canStop = facts.runner == ServiceState::Running;
    view.settingsEditable = idle;

    switch (facts.runner) {
    case ServiceState::Running:
        view.state = ServiceState::Running;
        view.label = stack::stateName(view.state);
        view.tone = Tone::Good;
        view.message = facts.threads == 1
                           ? tr("Serving the Q&A API from PostgreSQL at %1 with 1 worker thread.")
                                 .arg(facts.databaseAddress)
                           : tr("Serving the Q&A API from PostgreSQL at %1 with %2 worker threads.")
                                 .arg(facts.databaseAddress)
                                 .arg(facts.threads);
        return view;
    case ServiceState::Starting:
    case ServiceState::Stopping:
        view.state = facts.runner;
        view.label = stack::stateName(view.state);
        view.tone = Tone::Busy;
        view.busy = true;
        view.message = facts.runner == ServiceState::Starting
                           ? tr("Checking the database at %1 and starting the server…")
                                 .arg(facts.databaseAddress)
                           : tr("Stopping: the requests in progress finish first…");
        return view;
    default:
        break;
    }

    if (facts.runner == ServiceState::Failed && facts.failure && !facts.shutDown) {
        if (*facts.failure == BackendStartResult::Problem::NoData && facts.wanted) {
            view.label = tr("waiting for data");
            view.message =
                facts.failureMessage + u' ' + tr("Load a dataset and the API starts by itself.");
            view.action = BackendAction::LoadDataset;
            return view;
        }
        view.state = ServiceState::Failed;
        view.label = stack::stateName(view.state);
        view.tone = Tone::Bad;
        view.message = facts.failureMessage;
        view.messageTone = Tone::Bad;
        return view;
    }

    view.label = stack::stateName(ServiceState::Stopped);
    if (facts.shutDown) {
        view.message = tr("Stopped.");
    } else if (!facts.wanted) {
        view.message = tr("Stopped. Click Start to serve the API again.");
    } else if (facts.databaseAddress.isEmpty()) {
        view.label = tr("waiting for database");
        view.message = tr("The API starts by itself once PostgreSQL runs.");
        view.action = BackendAction::OpenServices;
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
