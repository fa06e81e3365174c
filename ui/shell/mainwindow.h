#pragma once

#include "backend/stack/servicestatus.h"

#include <QList>
#include <QMainWindow>
#include <QMap>

class QAction;
class QStackedWidget;
class QToolBar;

namespace qaconsole::ui {

class NavigationSidebar;
class Page;
class ServiceIndicatorPanel;

// The console's window: a sidebar with one row per page on the left, the current page on the
// right, File and Help menus, a toolbar for the actions app/ adds, and one status bar indicator
// per service. It knows pages only
// through the Page interface and services only through the statuses it is given, so app/
// decides what the window shows and what it is connected to.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // Takes ownership of `pages` and lists them in this order; the first one is shown.
    explicit MainWindow(const QList<Page*>& pages, QWidget* parent = nullptr);

    // Adds a status bar indicator for `kind` before its first status arrives (a status of a
    // kind without one adds it by itself). PostgreSQL and Redis have one from the start.
    void addServiceIndicator(stack::ServiceKind kind);
    // Adds a status bar indicator keyed by `name` for something with a service's life cycle
    // that the stack does not run (the embedded API backend), after those already there. It
    // reads "<title>: unknown" until showIndicatorState() is called with its name.
    void addIndicator(const QString& name, const QString& title);
    // Appends `action` to the toolbar under the menu bar (icon with its text beside it). The
    // toolbar appears with its first action; the window takes ownership of actions it parents.
    void addToolBarAction(QAction* action);

public Q_SLOTS:
    // Updates the service's status bar indicator and remembers its version for the About box.
    void showServiceStatus(const qaconsole::stack::ServiceStatus& status);
    // Shows `state` and `toolTip` on the indicator added as `name`; ignored for other names.
    void showIndicatorState(const QString& name, qaconsole::stack::ServiceState state,
                            const QString& toolTip);
    // Opens the About box (window-modal, without blocking the caller).
    void showAbout();
    // Makes `page` (one of the window's pages) the current one, as a click in the sidebar does.
    void showPage(qaconsole::ui::Page* page);

protected:
    void changeEvent(QEvent* event) override;
    // Closes only if every page agrees (Page::confirmClose()), asked in sidebar order.
    void closeEvent(QCloseEvent* event) override;

private:
    void applyStyle();
    void createMenus();

    NavigationSidebar* m_sidebar;
    QStackedWidget* m_pages;
    ServiceIndicatorPanel* m_indicators;
    QToolBar* m_toolBar = nullptr; // created with the first action
    // The latest non-empty version reported per service; empty until one is.
    QMap<stack::ServiceKind, QString> m_versions;
};

} // namespace qaconsole::ui
