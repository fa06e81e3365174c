#pragma once

#include "backend/stack/servicestatus.h"
#include "ui/api/backendstartresult.h"
#include "ui/shell/tone.h"

#include <QString>

#include <optional>

namespace qaconsole::ui {

// What the API page knows about the embedded backend at one moment.
struct BackendFacts
{
    stack::ServiceState runner = stack::ServiceState::Stopped; // BackendRunner::state()
    // The problem and message of the latest failed start, while they still hold (until the
    // database changes, Stop, or a new start).
    std::optional<BackendStartResult::Problem> failure;
    QString failureMessage;
    bool wanted = true;      // false after Stop, until Start
    bool shutDown = false;   // the console is quitting
    QString databaseAddress; // "127.0.0.1:54012"; empty while there is no database
    int threads = 0;         // of the running backend
};

// The one step that gets the backend out of a waiting state, offered beside it.
enum class BackendAction
{
    None,
    LoadDataset,  // the database has no Q&A tables: load one (the Data load page's one click)
    OpenServices, // there is no database: PostgreSQL is started on the Services page
};

// How the page, and the status bar, present those facts.
struct BackendView
{
    // The backend's life-cycle state as other pages see it. Waiting for data or for a database
    // is Stopped, not Failed: nothing went wrong.
    stack::ServiceState state = stack::ServiceState::Stopped;
    QString label; // "running", "waiting for data", "failed", ...
    Tone tone = Tone::Neutral;
    QString message; // a sentence or two under the controls; may be empty
    Tone messageTone = Tone::Neutral;
    BackendAction action = BackendAction::None;
    bool busy = false;             // starting or stopping: the spinner turns
    bool canStart = false;         // Start is enabled
    bool canStop = false;          // Stop is enabled
    bool settingsEditable = false; // address, port and threads can be changed
};

// The presentation of `facts`: "failed" in red only for real failures (port in use, database
// unreachable, ...); a database without the Q&A tables is "waiting for data" in a neutral tone
// with Load dataset; no database is "waiting for database" with the Services page.
BackendView describeBackend(const BackendFacts& facts);
// The button and link text of `action` ("Load dataset"); empty for None.
QString backendActionText(BackendAction action);

} // namespace qaconsole::ui
