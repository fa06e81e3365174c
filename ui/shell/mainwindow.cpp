#include "ui/shell/mainwindow.h"

#include "ui/shell/aboutdialog.h"
#include "ui/shell/navigationsidebar.h"
#include "ui/shell/page.h"
#include "ui/shell/serviceindicator.h"
#include "ui/shell/serviceindicatorpanel.h"
#include "ui/shell/theme.h"
#include "ui/shell/windowplacement.h"
#include "ui/shell/windowstatestore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeySequence>
#include <QMenuBar>
#include <QScreen>
#include <QShowEvent>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace qaconsole::ui {

MainWindow::MainWindow(const QList<Page*>& pages, QWidget* parent)
    : QMainWindow(parent), m_sidebar(new NavigationSidebar(this)),
      m_pages(new QStackedWidget(this)), m_indicators(new ServiceIndicatorPanel(this))
{
    setWindowTitle(tr("Q&A Backend Console"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/qaconsole.svg")));
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        resize(defaultWindowGeometry(screen->availableGeometry()).size());

    m_pages->setObjectName(QStringLiteral("pageStack"));
    for (Page* page : pages) {
        m_pages->addWidget(page);
        m_sidebar->addEntry(page->icon(), page->title());
    }
    connect(m_sidebar, &NavigationSidebar::currentIndexChanged, m_pages,
            &QStackedWidget::setCurrentIndex);

    auto* central = new QWidget(this);
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_sidebar);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    createMenus();
    statusBar()->addPermanentWidget(m_indicators);
    applyStyle();
    addServiceIndicator(stack::ServiceKind::Postgres);
    addServiceIndicator(stack::ServiceKind::Redis);
}

void MainWindow::addServiceIndicator(stack::ServiceKind kind)
{
    m_indicators->addIndicator(kind);
    if (!m_versions.contains(kind))
        m_versions.insert(kind, QString());
}

void MainWindow::addIndicator(const QString& name, const QString& title)
{
    if (m_indicators->indicator(name))
        return;
    ServiceIndicator* indicator = m_indicators->addIndicator(name, title);
    connect(indicator, &ServiceIndicator::actionTriggered, this,
            [this, name] { Q_EMIT indicatorActionTriggered(name); });
}

void MainWindow::addToolBarAction(QAction* action)
{
    if (!m_toolBar) {
        m_toolBar = new QToolBar(tr("Toolbar"), this);
        m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
        m_toolBar->setMovable(false);
        m_toolBar->setFloatable(false);
        m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_toolBar->setIconSize(QSize(18, 18));
        // Hiding the only toolbar from its context menu would leave no way to get it back.
        m_toolBar->setContextMenuPolicy(Qt::PreventContextMenu);
        addToolBar(Qt::TopToolBarArea, m_toolBar);
        applyStyle();
    }
    m_toolBar->addAction(action);
}

void MainWindow::showServiceStatus(const stack::ServiceStatus& status)
{
    m_indicators->showStatus(status);
    // A stopped service may report no version; the last one found stays the best answer.
    if (!status.version.isEmpty() || !m_versions.contains(status.kind))
        m_versions.insert(status.kind, status.version);
}

void MainWindow::showIndicator(const QString& name, const Indication& indication)
{
    if (ServiceIndicator* indicator = m_indicators->indicator(name))
        indicator->showIndication(indication);
}

void MainWindow::restoreWindowState(const WindowStateStore& store)
{
    const QByteArray saved = store.geometry();
    if (saved.isEmpty() || !restoreGeometry(saved)) {
        if (const QScreen* screen = QGuiApplication::primaryScreen())
            setGeometry(defaultWindowGeometry(screen->availableGeometry()));
    } else {
        // restoreGeometry() keeps the client area on the screen, but not the frame around it
        // (a title bar above the top cannot be grabbed): checked once the frame is known.
        m_keepOnScreen = true;
    }
    const QString lastPage = store.lastPage();
    for (int index = 0; index < m_pages->count(); ++index) {
        if (!lastPage.isEmpty() && m_pages->widget(index)->objectName() == lastPage)
            m_sidebar->setCurrentIndex(index);
    }
}

bool MainWindow::saveWindowState(WindowStateStore& store) const
{
    const Page* page = currentPage();
    return store.save(saveGeometry(), page ? page->objectName() : QString());
}

Page* MainWindow::currentPage() const
{
    return qobject_cast<Page*>(m_pages->currentWidget());
}

void MainWindow::showAbout()
{
    auto* about = new AboutDialog(m_versions, this);
    about->setAttribute(Qt::WA_DeleteOnClose);
    about->open();
}

void MainWindow::showPage(Page* page)
{
    const int index = m_pages->indexOf(page);
    if (index >= 0)
        m_sidebar->setCurrentIndex(index);
}

void MainWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_keepOnScreen || isMaximized() || isFullScreen())
        return;
    m_keepOnScreen = false;
    const QScreen* shownOn = screen();
    if (!shownOn)
        return;
    const QRect frame = frameGeometry();
    const QRect placed = keepOnScreen(frame, shownOn->availableGeometry());
    if (placed != frame) {
        // Frame to client: the margins around the window stay what they are.
        resize(placed.size() - (frame.size() - size()));
        move(placed.topLeft());
    }
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    for (int index = 0; index < m_pages->count(); ++index) {
        auto* page = qobject_cast<Page*>(m_pages->widget(index));
        if (page && !page->confirmClose()) {
            event->ignore();
            return;
        }
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyStyle();
    QMainWindow::changeEvent(event);
}

void MainWindow::applyStyle()
{
    // A hairline keeps the status bar from running into the page above it, and the toolbar
    // from running into the sidebar and page below it.
    const QString line = hairline(QApplication::palette(this)).name();
    statusBar()->setStyleSheet(
        QStringLiteral(
            "QStatusBar { border-top: 1px solid %1; } QStatusBar::item { border: none; }")
            .arg(line));
    if (m_toolBar) {
        m_toolBar->setStyleSheet(
            QStringLiteral("QToolBar { border: none; border-bottom: 1px solid %1;"
                           " padding: 2px 6px; spacing: 2px; }"
                           " QToolButton { padding: 3px 6px; }")
                .arg(line));
    }
}

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quit->setMenuRole(QAction::QuitRole);
    // Closing the window rather than quitting outright lets app/ shut the services down in
    // the same way whichever route the user takes.
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about =
        help->addAction(QIcon(QStringLiteral(":/icons/about.svg")), tr("&About qaconsole"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
    QAction* aboutQt = help->addAction(tr("About &Qt"));
    aboutQt->setMenuRole(QAction::AboutQtRole);
    connect(aboutQt, &QAction::triggered, this, &QApplication::aboutQt);
}

} // namespace qaconsole::ui
