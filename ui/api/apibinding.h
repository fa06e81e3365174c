#pragma once

namespace qaconsole::stack {
class StackSupervisor;
}

namespace qaconsole::ui {

class ApiPage;
class MainWindow;

// Connects the API page's controller to the managed database's and Redis's URLs from a stack
// supervisor on another thread (queued), and adds the backend's indicator ("apiIndicator",
// "API: running") to the window's status bar, after PostgreSQL and Redis, with the controller's
// action ("Load dataset") as a link that does what the page's button does. The one place this
// wiring exists, so the window and its tests use the same.
void bindApi(stack::StackSupervisor& supervisor, ApiPage& page, MainWindow& window);

} // namespace qaconsole::ui
