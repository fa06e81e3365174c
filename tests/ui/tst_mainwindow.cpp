#include "ui/shell/aboutdialog.h"
#include "ui/shell/elidedlabel.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/page.h"
#include "ui/shell/serviceindicator.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/windowplacement.h"
#include "ui/shell/windowstatestore.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QPointer>
#include <QScreen>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using qaconsole::stack::ServiceKind;
using qaconsole::stack::ServiceState;
using qaconsole::stack::ServiceStatus;
using qaconsole::ui::AboutDialog;
using qaconsole::ui::MainWindow;
using qaconsole::ui::Page;
using qaconsole::ui::ServiceIndicator;

namespace {

class FakePage : public Page
{
public:
    explicit FakePage(QString title) : m_title(std::move(title)) { setObjectName(m_title); }
    QString title() const override { return m_title; }
    QIcon icon() const override { return QIcon(QStringLiteral(":/icons/services.svg")); }

private:
    QString m_title;
};

ServiceStatus makeStatus(ServiceKind kind, ServiceState state, const QString& version)
{
    ServiceStatus status;
    status.kind = kind;
    status.state = state;
    status.version = version;
    status.address = QStringLiteral("127.0.0.1:54012");
    return status;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_alpha = new FakePage(QStringLiteral("Alpha"));
        m_beta = new FakePage(QStringLiteral("Beta"));
        m_gamma = new FakePage(QStringLiteral("Gamma"));
        m_window = std::make_unique<MainWindow>(QList<Page*>{m_alpha, m_beta, m_gamma});
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void windowBasics()
    {
        QCOMPARE(m_window->windowTitle(), QStringLiteral("Q&A Backend Console"));
        QVERIFY(!m_window->windowIcon().isNull());
        // Without a saved state: the default share of the screen.
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        QCOMPARE(m_window->size(), qaconsole::ui::defaultWindowGeometry(available).size());
    }

    void windowStateIsRememberedAndKeptOnScreen()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("config/window.ini"));
        qaconsole::ui::WindowStateStore store(file);
        QVERIFY(store.geometry().isEmpty());
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();

        // A first start: the default geometry, the first page.
        auto* first = new FakePage(QStringLiteral("First"));
        auto* last = new FakePage(QStringLiteral("Last"));
        auto before = std::make_unique<MainWindow>(QList<Page*>{first, last});
        before->restoreWindowState(store);
        QCOMPARE(before->geometry(), qaconsole::ui::defaultWindowGeometry(available));
        QCOMPARE(before->currentPage(), first);

        // Left larger than this screen and half beyond its corner, as on a bigger screen, on
        // the last page.
        before->show();
        QVERIFY(QTest::qWaitForWindowExposed(before.get()));
        before->showPage(last);
        before->setGeometry(QRect(available.center(), available.size() * 2));
        QVERIFY(before->saveWindowState(store));
        QVERIFY(QFile::exists(file)); // its folder is made when missing
        before.reset();
        QVERIFY(!store.geometry().isEmpty());
        QCOMPARE(store.lastPage(), QStringLiteral("Last"));

        auto* again = new FakePage(QStringLiteral("First"));
        auto* lastAgain = new FakePage(QStringLiteral("Last"));
        MainWindow after(QList<Page*>{again, lastAgain});
        after.restoreWindowState(store);
        after.show();
        QVERIFY(QTest::qWaitForWindowExposed(&after));
        QCOMPARE(after.currentPage(), lastAgain);
        QVERIFY2(available.contains(after.frameGeometry()),
                 qPrintable(QStringLiteral("%1,%2 %3x%4 is not inside %5x%6")
                                .arg(after.frameGeometry().x())
                                .arg(after.frameGeometry().y())
                                .arg(after.frameGeometry().width())
                                .arg(after.frameGeometry().height())
                                .arg(available.width())
                                .arg(available.height())));

        // A page that no longer exists: the first one, not an error.
        QVERIFY(store.save(store.geometry(), QStringLiteral("Gone")));
        MainWindow other(QList<Page*>{new FakePage(QStringLiteral("Only"))});
        other.restoreWindowState(store);
        QCOMPARE(other.currentPage()->objectName(), QStringLiteral("Only"));
    }

    void pagesAreListedInOrder()
    {
        auto* list = sidebar();
        QCOMPARE(list->count(), 3);
        QCOMPARE(list->item(0)->text(), QStringLiteral("Alpha"));
        QCOMPARE(list->item(1)->text(), QStringLiteral("Beta"));
        QCOMPARE(list->item(2)->text(), QStringLiteral("Gamma"));
        QVERIFY(!list->item(0)->icon().isNull());
        QCOMPARE(pages()->count(), 3);
        QCOMPARE(pages()->currentWidget(), m_alpha.data());
        QCOMPARE(list->currentRow(), 0);
    }

    void clickingASidebarRowShowsItsPage()
    {
        auto* list = sidebar();
        const QRect row = list->visualItemRect(list->item(2));
        QVERIFY(row.height() >= 32); // comfortable to hit
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(pages()->currentWidget(), m_gamma.data());

        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(1)).center());
        QCOMPARE(pages()->currentWidget(), m_beta.data());
    }

    void windowOwnsItsPages()
    {
        m_window.reset();
        QVERIFY(m_alpha.isNull());
        QVERIFY(m_gamma.isNull());
    }

    void menusOfferQuitAndAbout()
    {
        QStringList menus;
        QAction* quit = nullptr;
        QAction* about = nullptr;
        for (QAction* menu : m_window->menuBar()->actions()) {
            menus << menu->text();
            for (QAction* action : menu->menu()->actions()) {
                if (action->text() == QStringLiteral("&Quit"))
                    quit = action;
                if (action->text() == QStringLiteral("&About qaconsole"))
                    about = action;
            }
        }
        QCOMPARE(menus, (QStringList{QStringLiteral("&File"), QStringLiteral("&Help")}));
        QVERIFY(quit);
        QVERIFY(about);
        QCOMPARE(quit->shortcut(), QKeySequence(QStringLiteral("Ctrl+Q")));

        quit->trigger();
        QVERIFY(!m_window->isVisible());
    }

    void statusBarShowsEachService()
    {
        ServiceIndicator* postgres = indicator("postgresIndicator");
        ServiceIndicator* redis = indicator("redisIndicator");
        QCOMPARE(postgres->text(), QStringLiteral("PostgreSQL: unknown"));
        QCOMPARE(redis->text(), QStringLiteral("Redis: unknown"));

        ServiceStatus status =
            makeStatus(ServiceKind::Postgres, ServiceState::Running, QStringLiteral("15.18"));
        m_window->showServiceStatus(status);
        QCOMPARE(postgres->text(), QStringLiteral("PostgreSQL: running"));
        QCOMPARE(postgres->color(), qaconsole::ui::toneColor(qaconsole::ui::Tone::Good));
        QVERIFY(postgres->toolTip().contains(QStringLiteral("127.0.0.1:54012")));
        QCOMPARE(redis->text(), QStringLiteral("Redis: unknown"));

        status = makeStatus(ServiceKind::Redis, ServiceState::Crashed, {});
        status.message = QStringLiteral("redis-server exited unexpectedly");
        m_window->showServiceStatus(status);
        QCOMPARE(redis->text(), QStringLiteral("Redis: crashed"));
        QCOMPARE(redis->color(), qaconsole::ui::toneColor(qaconsole::ui::Tone::Bad));
        QVERIFY(redis->toolTip().contains(status.message));

        // Something with a service's life cycle that waits: a neutral dot, and the one action
        // that fixes it as a link that the window passes on.
        m_window->addIndicator(QStringLiteral("api"), QStringLiteral("API"));
        ServiceIndicator* api = indicator("apiIndicator");
        QCOMPARE(api->text(), QStringLiteral("API: unknown"));
        QSignalSpy actions(m_window.get(), &MainWindow::indicatorActionTriggered);
        m_window->showIndicator(QStringLiteral("api"),
                                {QStringLiteral("waiting for data"), qaconsole::ui::Tone::Neutral,
                                 QStringLiteral("No Q&A tables yet"),
                                 QStringLiteral("Load dataset")});
        QCOMPARE(api->text(), QStringLiteral("API: waiting for data"));
        QCOMPARE(api->color(), qaconsole::ui::toneColor(qaconsole::ui::Tone::Neutral));
        QCOMPARE(api->toolTip(), QStringLiteral("No Q&A tables yet"));
        QCOMPARE(api->action(), QStringLiteral("Load dataset"));
        auto* link = api->findChild<QLabel*>(QStringLiteral("apiIndicatorAction"));
        QVERIFY(link);
        QTRY_VERIFY(link->isVisible()); // added to a shown window: shown at the next turn
        Q_EMIT link->linkActivated(QStringLiteral("action"));
        QCOMPARE(actions.size(), 1);
        QCOMPARE(actions.first().first().toString(), QStringLiteral("api"));
        m_window->showIndicator(QStringLiteral("api"),
                                {QStringLiteral("running"), qaconsole::ui::Tone::Good, {}, {}});
        QVERIFY(api->action().isEmpty());
        QVERIFY(!link->isVisible());
        QCOMPARE(api->toolTip(), QStringLiteral("API")); // the title when nothing else is said

        // Adding an indicator again keeps the one there.
        m_window->addServiceIndicator(ServiceKind::Redis);
        QCOMPARE(m_window->findChildren<ServiceIndicator*>().size(), 3);
    }

    void longPathsAreElidedInTheMiddle()
    {
        const QString path = QStringLiteral(
            "/home/ann/.local/share/qaconsole/datasets/2026-12-06/sample/rejects.csv");
        qaconsole::ui::ElidedLabel label(path);
        label.resize(label.sizeHint());
        label.show();
        QCOMPARE(label.displayedText(), path);
        QVERIFY(!label.isElided());
        QCOMPARE(label.toolTip(), path);

        // It asks for its whole width, but takes much less without widening its parent.
        QVERIFY(label.minimumSizeHint().width() < label.sizeHint().width() / 4);
        label.resize(label.sizeHint().width() / 2, label.height());
        QVERIFY(label.isElided());
        const QString shown = label.displayedText();
        QVERIFY2(shown.startsWith(QStringLiteral("/home/ann")), qPrintable(shown));
        QVERIFY2(shown.endsWith(QStringLiteral("rejects.csv")), qPrintable(shown));
        QVERIFY(shown.contains(QChar(0x2026)));
        QCOMPARE(label.toolTip(), path);

        label.setElideMode(Qt::ElideRight);
        QVERIFY(label.displayedText().startsWith(QStringLiteral("/home/ann/.local")));
    }

    void aboutShowsTheVersionsFound()
    {
        m_window->showServiceStatus(
            makeStatus(ServiceKind::Postgres, ServiceState::Running, QStringLiteral("15.18")));
        // A later status without a version does not erase the one found.
        m_window->showServiceStatus(makeStatus(ServiceKind::Postgres, ServiceState::Stopped, {}));
        m_window->showServiceStatus(makeStatus(ServiceKind::Redis, ServiceState::Failed, {}));

        m_window->showAbout();
        auto* about = m_window->findChild<AboutDialog*>();
        QVERIFY(about);
        QVERIFY(about->isVisible());
        QCOMPARE(aboutLabel(about, "postgresVersionLabel"), QStringLiteral("15.18"));
        QCOMPARE(aboutLabel(about, "redisVersionLabel"), QStringLiteral("not found"));
        QVERIFY(aboutLabel(about, "appVersionLabel").contains(QStringLiteral(QACONSOLE_VERSION)));
        const QString qt = aboutLabel(about, "qtVersionLabel");
        QVERIFY(qt.contains(QString::fromLatin1(qVersion())));
        QVERIFY(qt.contains(QStringLiteral(QT_VERSION_STR)));

        QPointer<AboutDialog> closed(about);
        about->close();
        QTRY_VERIFY(closed.isNull()); // deleted on close: repeated opening does not pile up

        m_window->showServiceStatus(
            makeStatus(ServiceKind::Redis, ServiceState::Running, QStringLiteral("7.0.15")));
        m_window->showAbout();
        about = m_window->findChild<AboutDialog*>();
        QVERIFY(about);
        QCOMPARE(aboutLabel(about, "redisVersionLabel"), QStringLiteral("7.0.15"));
    }

private:
    QListWidget* sidebar() const
    {
        auto* list = m_window->findChild<QListWidget*>(QStringLiteral("navigationList"));
        if (!list)
            qFatal("no navigation list");
        return list;
    }

    QStackedWidget* pages() const
    {
        auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("pageStack"));
        if (!stack)
            qFatal("no page stack");
        return stack;
    }

    ServiceIndicator* indicator(const char* name) const
    {
        auto* found = m_window->findChild<ServiceIndicator*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no indicator %s", name);
        return found;
    }

    static QString aboutLabel(AboutDialog* about, const char* name)
    {
        auto* label = about->findChild<QLabel*>(QString::fromLatin1(name));
        return label ? label->text() : QStringLiteral("<missing %1>").arg(QLatin1String(name));
    }

    std::unique_ptr<MainWindow> m_window;
    QPointer<Page> m_alpha;
    QPointer<Page> m_beta;
    QPointer<Page> m_gamma;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
