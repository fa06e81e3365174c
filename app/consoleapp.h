#pragma once

class QApplication;
class QString;

namespace qaconsole::stack {
struct StackSettings;
}

namespace qaconsole::app {

// The window's composition root: builds the stack, its supervisor thread and the pages in
// order, runs the event loop, then takes them down in reverse. Returns the exit code.
// `settingsFile` is where `settings` were read from: the Tiers page's instances read it too.
int runConsole(QApplication& app, const stack::StackSettings& settings,
               const QString& settingsFile);

} // namespace qaconsole::app
