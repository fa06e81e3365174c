#pragma once

#include "backend/stack/servicestatus.h"
#include "ui/shell/tone.h"

#include <QString>

namespace qaconsole::ui {

// Where the embedded backend is in its life, as the API controller tracks it (one state at a
// time; the transitions are in ApiController).
enum class BackendPhase
{
    Stopped,            // by Stop (until Start), or for quitting
    WaitingForDatabase, // wanted, but there is no database to serve from
    WaitingForData,     // wanted, the database has no Q&A tables: checked again until it has
    Starting,
    Running,
    Stopping, // for Stop, or to start again on another database or Redis
    Failed,   // the latest start failed for a reason of its own (port in use, unreachable, ...)
};

// What the API page knows about the embedded backend at one moment.
struct BackendFacts
{
    BackendPhase phase = BackendPhase::WaitingForDatabase;
    QString failureMessage;  // WaitingForData and Failed: why
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
