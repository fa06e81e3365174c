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
class WindowStateStore;
struct Indication;

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
    // reads "<title>: unknown" until showIndicator() is called with its name.
    void addIndicator(const QString& name, const QString& title);
    // Appends `action` to the toolbar under the menu bar (icon with its text beside it). The
    // toolbar appears with its first action; the window takes ownership of actions it parents.
    void addToolBarAction(QAction* action);

    // Places the window as it was when `store` was saved, kept on the screen it lands on
    // (keepOnScreen()), and shows the page it showed then; on a first start (nothing saved) it
    // takes defaultWindowGeometry() of the primary screen and the first page. Call before show().
    void restoreWindowState(const WindowStateStore& store);
    // Saves the geometry and the current page's object name into `store`.
    bool saveWindowState(WindowStateStore& store) const;
    // The page shown now.
    Page* currentPage() const;

public Q_SLOTS:
    // Updates the service's status bar indicator and remembers its version for the About box.
    void showServiceStatus(const qaconsole::stack::ServiceStatus& status);
    // Shows `indication` on the indicator added as `name`; ignored for other names.
    void showIndicator(const QString& name, const qaconsole::ui::Indication& indication);
    // Opens the About box (window-modal, without blocking the caller).
    void showAbout();
    // Makes `page` (one of the window's pages) the current one, as a click in the sidebar does.
    void showPage(qaconsole::ui::Page* page);

Q_SIGNALS:
    // The action link of the indicator added as `name` was clicked.
    void indicatorActionTriggered(const QString& name);

protected:
    void changeEvent(QEvent* event) override;
    // Keeps a restored window's frame on its screen (see restoreWindowState()).
    void showEvent(QShowEvent* event) override;
    // Closes only if every page agrees (Page::confirmClose()), asked in sidebar order.
    void closeEvent(QCloseEvent* event) override;

private:
    void applyStyle();
    void createMenus();

    NavigationSidebar* m_sidebar;
    QStackedWidget* m_pages;
    ServiceIndicatorPanel* m_indicators;
    QToolBar* m_toolBar = nullptr; // created with the first action
    bool m_keepOnScreen = false;   // restored: check the frame at the first show
    // The latest non-empty version reported per service; empty until one is.
    QMap<stack::ServiceKind, QString> m_versions;
};

} // namespace qaconsole::ui
