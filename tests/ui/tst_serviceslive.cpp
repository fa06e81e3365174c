// The window as a user drives it, on real services: click Start on the Services page, and the
// state turns green once PostgreSQL and Redis answer; Stop turns it grey again. Process control
// runs on the supervisor's thread, so the window keeps handling events meanwhile.

#include "backend/stack/stacksupervisor.h"
#include "tests/support/stackfixture.h"
#include "ui/services/servicesbinding.h"
#include "ui/services/servicespage.h"
#include "ui/shell/backgroundlane.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/serviceindicator.h"
#include "ui/shell/statepresentation.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QTest>

using namespace qaconsole;

namespace {

constexpr int kStartTimeoutMs = 90000;

} // namespace

class TestServicesLive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void clickStartTurnsGreen()
    {
        testing::StackFixture fixture;
        stack::StackSupervisor supervisor(fixture.stack());
        ui::BackgroundLane lane(QStringLiteral("stack"));
        lane.host(&supervisor);

        auto* page = new ui::ServicesPage;
        ui::MainWindow window({page});
        ui::bindServices(supervisor, *page, window);
        window.show();
        lane.post([&supervisor] { supervisor.refresh(); });

        const QColor green = ui::toneColor(ui::Tone::Good);
        for (const QString& service : {QStringLiteral("postgres"), QStringLiteral("redis")}) {
            auto* start = page->findChild<QPushButton*>(service + QStringLiteral("StartButton"));
            auto* state = page->findChild<QLabel*>(service + QStringLiteral("StateLabel"));
            QVERIFY(start && state);
            QTRY_VERIFY_WITH_TIMEOUT(start->isEnabled(), kStartTimeoutMs);
            QCOMPARE(state->text(), QStringLiteral("stopped"));

            QTest::mouseClick(start, Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("running"), kStartTimeoutMs);
            QCOMPARE(state->property("stateColor").value<QColor>(), green);
        }
        // The status bar agrees, in the same green.
        auto* indicator =
            window.findChild<ui::ServiceIndicator*>(QStringLiteral("postgresIndicator"));
        QVERIFY(indicator);
        QCOMPARE(indicator->text(), QStringLiteral("PostgreSQL: running"));
        QCOMPARE(indicator->color(), green);

        auto* stop = page->findChild<QPushButton*>(QStringLiteral("postgresStopButton"));
        auto* state = page->findChild<QLabel*>(QStringLiteral("postgresStateLabel"));
        QVERIFY(stop->isEnabled());
        QTest::mouseClick(stop, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(state->text(), QStringLiteral("stopped"), kStartTimeoutMs);

        lane.postAndWait([&supervisor] { supervisor.stopAll(); });
        lane.shutdown();
    }
};

QTEST_MAIN(TestServicesLive)
#include "tst_serviceslive.moc"
