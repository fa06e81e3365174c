#pragma once

namespace qaconsole::stack {
class StackSupervisor;
}

namespace qaconsole::ui {

class MainWindow;
class ServicesPage;

// Connects the Services page and the window's status bar to a stack supervisor that lives on
// another thread: statuses come in queued, button presses go out queued. The one place this
// wiring exists, so the window and its tests use the same.
void bindServices(stack::StackSupervisor& supervisor, ServicesPage& page, MainWindow& window);

} // namespace qaconsole::ui
