#pragma once

class QApplication;

namespace qaconsole::stack {
struct StackSettings;
}

namespace qaconsole::app {

// The window's composition root: builds the stack, its supervisor thread and the pages in
// order, runs the event loop, then takes them down in reverse. Returns the exit code.
int runConsole(QApplication& app, const stack::StackSettings& settings);

} // namespace qaconsole::app
