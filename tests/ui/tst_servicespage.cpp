#include "ui/services/servicespage.h"
#include "ui/services/uptimetext.h"
#include "ui/shell/statepresentation.h"

#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using qaconsole::stack::ServiceKind;
using qaconsole::stack::ServiceState;
using qaconsole::stack::ServiceStatus;
using qaconsole::ui::ServicesPage;

namespace {

ServiceStatus makeStatus(ServiceKind kind, ServiceState state)
{
    ServiceStatus status;
    status.kind = kind;
    status.state = state;
    status.address = kind == ServiceKind::Postgres ? QStringLiteral("127.0.0.1:54012")
                                                   : QStringLiteral("127.0.0.1:56379");
    status.version =
        kind == ServiceKind::Postgres ? QStringLiteral("15.18") : QStringLiteral("7.0.15");
    if (state == ServiceState::Running) {
        status.pid = 4242;
        status.startedAt = QDateTime::currentDateTimeUtc().addSecs(-(2 * 3600 + 5 * 60 + 30));
    }
    return status;
}

// Names the colour family, so the test checks what a user sees rather than exact RGB values.
QString tone(const QColor& color)
{
    if (color.hsvSaturation() < 60)
        return QStringLiteral("grey");
    const int hue = color.hsvHue();
    if (hue >= 90 && hue <= 170)
        return QStringLiteral("green");
    if (hue >= 25 && hue <= 55)
        return QStringLiteral("amber");
    if (hue <= 12 || hue >= 340)
        return QStringLiteral("red");
    return QStringLiteral("other");
}

void appendToFile(const QString& path, const QByteArray& data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Append));
    QCOMPARE(file.write(data), data.size());
}

} // namespace

class TestServicesPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_page = std::make_unique<ServicesPage>();
        m_page->resize(1000, 760);
        m_page->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    }

    void cleanup() { m_page.reset(); }

    void titleAndIcon()
    {
        QCOMPARE(m_page->title(), QStringLiteral("Services"));
        QVERIFY(!m_page->icon().isNull());
        QVERIFY(!m_page->icon().pixmap(24, 24).isNull());
    }

    void beforeAnyStatusNothingCanBeRequested()
    {
        QCOMPARE(label("postgresStateLabel")->text(), QStringLiteral("unknown"));
        QCOMPARE(label("redisStateLabel")->text(), QStringLiteral("unknown"));
        QVERIFY(!button("postgresStartButton")->isEnabled());
        QVERIFY(!button("postgresStopButton")->isEnabled());
        QVERIFY(!button("postgresRestartButton")->isEnabled());
    }

    void statePillAndButtons_data()
    {
        QTest::addColumn<ServiceState>("state");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("tone");
        QTest::addColumn<bool>("canStart");
        QTest::addColumn<bool>("canStopAndRestart");
        QTest::addColumn<bool>("busy");

        QTest::newRow("stopped") << ServiceState::Stopped << "stopped"
                                 << "grey" << true << false << false;
        QTest::newRow("starting") << ServiceState::Starting << "starting"
                                  << "amber" << false << false << true;
        QTest::newRow("running") << ServiceState::Running << "running"
                                 << "green" << false << true << false;
        QTest::newRow("stopping") << ServiceState::Stopping << "stopping"
                                  << "amber" << false << false << true;
        QTest::newRow("crashed") << ServiceState::Crashed << "crashed"
                                 << "red" << true << false << false;
        QTest::newRow("failed") << ServiceState::Failed << "failed"
                                << "red" << true << false << false;
        QTest::newRow("unreachable") << ServiceState::Unreachable << "unreachable"
                                     << "red" << false << false << false;
    }

    void statePillAndButtons()
    {
        QFETCH(ServiceState, state);
        m_page->showServiceStatus(makeStatus(ServiceKind::Postgres, state));

        QLabel* pill = label("postgresStateLabel");
        QTEST(pill->text(), "label");
        const auto color = pill->property("stateColor").value<QColor>();
        QTEST(tone(color), "tone");
        QCOMPARE(color, qaconsole::ui::statePresentation(state).color());

        QTEST(button("postgresStartButton")->isEnabled(), "canStart");
        QTEST(button("postgresStopButton")->isEnabled(), "canStopAndRestart");
        QTEST(button("postgresRestartButton")->isEnabled(), "canStopAndRestart");
        QTEST(shown("postgresBusyIndicator"), "busy");
        QVERIFY(!shown("postgresExternalNote"));
    }

    void externalServiceOffersNoButtons()
    {
        ServiceStatus status = makeStatus(ServiceKind::Redis, ServiceState::Running);
        status.external = true;
        status.pid = 0;
        m_page->showServiceStatus(status);

        QVERIFY(!shown("redisStartButton"));
        QVERIFY(!shown("redisStopButton"));
        QVERIFY(!shown("redisRestartButton"));
        QVERIFY(!shown("redisBusyIndicator"));
        QVERIFY(shown("redisExternalNote"));
        QVERIFY(label("redisExternalNote")->text().contains(QStringLiteral("External service")));
        QCOMPARE(label("redisPidLabel")->text(), QStringLiteral("—"));
        // The other card is not affected.
        QVERIFY(shown("postgresStartButton"));
    }

    void clickingStartRequestsOnceAndShowsStartingAtOnce()
    {
        m_page->showServiceStatus(makeStatus(ServiceKind::Postgres, ServiceState::Stopped));
        QSignalSpy starts(m_page.get(), &ServicesPage::startRequested);
        QSignalSpy stops(m_page.get(), &ServicesPage::stopRequested);

        QTest::mouseClick(button("postgresStartButton"), Qt::LeftButton);

        QCOMPARE(starts.count(), 1);
        QCOMPARE(starts.at(0).at(0).value<ServiceKind>(), ServiceKind::Postgres);
        QCOMPARE(stops.count(), 0);
        QCOMPARE(label("postgresStateLabel")->text(), QStringLiteral("starting"));
        QVERIFY(!button("postgresStartButton")->isEnabled());
        QVERIFY(!button("postgresStopButton")->isEnabled());
        QVERIFY(shown("postgresBusyIndicator"));

        // A second click on the now disabled button must not ask again.
        QTest::mouseClick(button("postgresStartButton"), Qt::LeftButton);
        QCOMPARE(starts.count(), 1);

        m_page->showServiceStatus(makeStatus(ServiceKind::Postgres, ServiceState::Running));
        QCOMPARE(label("postgresStateLabel")->text(), QStringLiteral("running"));
        QVERIFY(!shown("postgresBusyIndicator"));
    }

    void stopAndRestartAreRequestedForTheirService()
    {
        m_page->showServiceStatus(makeStatus(ServiceKind::Redis, ServiceState::Running));
        QSignalSpy stops(m_page.get(), &ServicesPage::stopRequested);
        QSignalSpy restarts(m_page.get(), &ServicesPage::restartRequested);

        QTest::mouseClick(button("redisRestartButton"), Qt::LeftButton);
        QCOMPARE(restarts.count(), 1);
        QCOMPARE(restarts.at(0).at(0).value<ServiceKind>(), ServiceKind::Redis);
        QCOMPARE(label("redisStateLabel")->text(), QStringLiteral("stopping"));
        QCOMPARE(label("redisUptimeLabel")->text(), QStringLiteral("—"));

        m_page->showServiceStatus(makeStatus(ServiceKind::Redis, ServiceState::Running));
        QTest::mouseClick(button("redisStopButton"), Qt::LeftButton);
        QCOMPARE(stops.count(), 1);
        QCOMPARE(stops.at(0).at(0).value<ServiceKind>(), ServiceKind::Redis);
        QCOMPARE(restarts.count(), 1);
        QCOMPARE(label("postgresStateLabel")->text(), QStringLiteral("unknown"));
    }

    void detailsOfARunningService()
    {
        m_page->showServiceStatus(makeStatus(ServiceKind::Postgres, ServiceState::Running));
        QCOMPARE(label("postgresAddressLabel")->text(), QStringLiteral("127.0.0.1:54012"));
        QCOMPARE(label("postgresVersionLabel")->text(), QStringLiteral("15.18"));
        QCOMPARE(label("postgresPidLabel")->text(), QStringLiteral("4242"));
        QCOMPARE(label("postgresUptimeLabel")->text(), QStringLiteral("2 h 05 min"));
        QVERIFY(!shown("postgresMessageLabel"));

        m_page->showServiceStatus(makeStatus(ServiceKind::Postgres, ServiceState::Stopped));
        QCOMPARE(label("postgresUptimeLabel")->text(), QStringLiteral("—"));
        QCOMPARE(label("postgresPidLabel")->text(), QStringLiteral("—"));
        QCOMPARE(label("postgresVersionLabel")->text(), QStringLiteral("15.18"));
    }

    void errorMessagesAreRedAndSelectable()
    {
        ServiceStatus status = makeStatus(ServiceKind::Redis, ServiceState::Crashed);
        status.message = QStringLiteral("redis-server exited with code 1; see /tmp/redis.log");
        m_page->showServiceStatus(status);

        QLabel* message = label("redisMessageLabel");
        QVERIFY(shown("redisMessageLabel"));
        QCOMPARE(message->text(), status.message);
        QCOMPARE(tone(message->palette().color(QPalette::WindowText)), QStringLiteral("red"));
        QVERIFY(message->textInteractionFlags() & Qt::TextSelectableByMouse);

        status.state = ServiceState::Stopped;
        status.message = QStringLiteral("Stopped by the user");
        m_page->showServiceStatus(status);
        QVERIFY(tone(message->palette().color(QPalette::WindowText)) != QStringLiteral("red"));
    }

    void logViewShowsLinesAppendedToTheLogFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("postgresql.log"));
        appendToFile(path, "LOG:  database system is ready to accept connections\n");

        ServiceStatus status = makeStatus(ServiceKind::Postgres, ServiceState::Running);
        status.logFile = path;
        m_page->showServiceStatus(status);

        auto* log = m_page->findChild<QPlainTextEdit*>(QStringLiteral("postgresLogView"));
        QVERIFY(log);
        QVERIFY(log->isReadOnly());
        QTRY_VERIFY(log->toPlainText().contains(QStringLiteral("ready to accept connections")));

        appendToFile(path, "LOG:  checkpoint starting: time\nLOG:  checkpoint complete\n");
        QTRY_VERIFY(log->toPlainText().contains(QStringLiteral("checkpoint complete")));
        QCOMPARE(log->blockCount(), 3);

        // A status naming another file starts over with that file.
        const QString other = dir.filePath(QStringLiteral("postgresql-1.log"));
        appendToFile(other, "LOG:  new log file\n");
        status.logFile = other;
        m_page->showServiceStatus(status);
        QTRY_COMPARE(log->toPlainText(), QStringLiteral("LOG:  new log file"));
    }

    void uptimeText_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("negative") << qint64(-5) << "0 s";
        QTest::newRow("seconds") << qint64(42) << "42 s";
        QTest::newRow("minutes") << qint64(12 * 60 + 4) << "12 min 04 s";
        QTest::newRow("hours") << qint64(2 * 3600 + 5 * 60 + 59) << "2 h 05 min";
        QTest::newRow("days") << qint64(3 * 86400 + 4 * 3600 + 10) << "3 d 04 h";
    }

    void uptimeText()
    {
        QFETCH(qint64, seconds);
        QTEST(qaconsole::ui::uptimeText(seconds), "text");
    }

private:
    QLabel* label(const char* name) const
    {
        auto* found = m_page->findChild<QLabel*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no label %s", name);
        return found;
    }

    QPushButton* button(const char* name) const
    {
        auto* found = m_page->findChild<QPushButton*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no button %s", name);
        return found;
    }

    bool shown(const char* name) const
    {
        auto* found = m_page->findChild<QWidget*>(QString::fromLatin1(name));
        if (!found)
            qFatal("no widget %s", name);
        return found->isVisibleTo(m_page.get());
    }

    std::unique_ptr<ServicesPage> m_page;
};

QTEST_MAIN(TestServicesPage)
#include "tst_servicespage.moc"
