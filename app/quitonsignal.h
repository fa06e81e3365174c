#pragma once

#include <functional>

namespace qaconsole::app {

// Turns Ctrl-C and termination requests (SIGINT/SIGTERM/SIGHUP on Unix, console close events
// on Windows) into a normal QCoreApplication::quit(), so the event loop returns and the
// services this process started are stopped cleanly instead of being orphaned. Call once,
// after the application object exists.
void quitOnTerminationSignals();

// The same signals, but `onSignal` runs instead of quit() (from the event loop, so it may do
// anything). A command that works without an event loop keeps it turning with processEvents().
void onTerminationSignals(std::function<void()> onSignal);

} // namespace qaconsole::app
