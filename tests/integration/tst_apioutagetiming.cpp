// How fast the API answers while its database is down and how soon it recovers, on a real
// PostgreSQL loaded with the sample fixture: the first request after the outage is refused
// within one connection attempt, the next ones at once (the reconnect gate), and the handler is
// back within a few seconds of the restart. These measure wall-clock time, so a busy machine
// can fail them: label `timing`, run only when asked (`scripts/test -L timing`, on a quiet
// machine). What the API answers meanwhile is checked in tst_apicontract.

#include "backend/api/apiservice.h"
#include "backend/metrics/metricsregistry.h"
#include "tests/support/apidriver.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

using namespace qaconsole;

class TestApiOutageTiming : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    std::unique_ptr<metrics::MetricsRegistry> m_registry;
    std::unique_ptr<http::RequestHandler> m_handler;

    int status(std::string_view method, std::string_view target)
    {
        return testing::sendTo(*m_handler, method, target, {}, {}).status;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const auto started = m_stack->stack().start(stack::ServiceKind::Postgres);
        QVERIFY2(started.state == stack::ServiceState::Running, qPrintable(started.message));
        const QString dsn = m_stack->stack().postgresDsn();
        const QString loadError = testing::loadSampleFixture(dsn);
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
        m_registry = std::make_unique<metrics::MetricsRegistry>(1);
        m_handler = api::makeApiHandlerFactory({dsn, {}}, *m_registry,
                                               [] { return metrics::ServerGauges{}; })(0);
    }

    void cleanupTestCase()
    {
        m_handler.reset();
        m_stack.reset();
    }

    void refusedQuicklyThenBackSoon()
    {
        QCOMPARE(status("GET", "/qa/questions?product_id=1"), 200);
        const auto stopped = m_stack->stack().stop(stack::ServiceKind::Postgres);
        QVERIFY2(stopped.state == stack::ServiceState::Stopped, qPrintable(stopped.message));

        // The first request finds the connection gone and tries one reconnect.
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(status("GET", "/qa/questions?product_id=1"), 503);
        QVERIFY2(timer.elapsed() < 2500, qPrintable(QString::number(timer.elapsed())));
        // The next ones do not each wait for a connection attempt.
        timer.restart();
        for (int i = 0; i < 20; ++i) {
            QCOMPARE(status("GET", "/qa/questions/1/answers"), 503);
            QCOMPARE(status("PUT", "/qa/questions/1/helpful"), 503);
            QCOMPARE(status("GET", "/ready"), 503);
        }
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));

        const auto started = m_stack->stack().start(stack::ServiceKind::Postgres);
        QVERIFY2(started.state == stack::ServiceState::Running, qPrintable(started.message));
        // Reconnects are at most once a second: back within three.
        timer.restart();
        int answered = 0;
        while (timer.elapsed() < 10000) {
            answered = status("GET", "/qa/questions?product_id=1");
            if (answered == 200)
                break;
            QThread::msleep(50);
        }
        QCOMPARE(answered, 200);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestApiOutageTiming)
#include "tst_apioutagetiming.moc"
