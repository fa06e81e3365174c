#pragma once

namespace qaconsole::app {

// Turns Ctrl-C and termination requests (SIGINT/SIGTERM/SIGHUP on Unix, console close events
// on Windows) into a normal QCoreApplication::quit(), so the event loop returns and the
// services this process started are stopped cleanly instead of being orphaned. Call once,
// after the application object exists.
void quitOnTerminationSignals();

} // namespace qaconsole::app
