// PostgreSQL stopped and started again under reads, with real processes: while a client polls
// `GET /qa/questions?product_id=N` on a `qaconsole serve` process, the managed PostgreSQL is
// stopped through its supervisor. Every answer must come (each within the client's request
// timeout: a hang check, not a latency bound), be 200 or 503, never 500, and every 503 must
// carry Retry-After; once PostgreSQL runs again the route answers 200 again.
//
// The instance runs with --no-cache: a cached list is rightly served while the database is
// away, and this test is about the database path. Waits are for events (a 503 seen, a 200 seen
// after the start), with generous deadlines; nothing depends on how long anything takes.

#include "tests/support/clientthread.h"
#include "tests/support/httpexchange.h"
#include "tests/support/sampleload.h"
#include "tests/support/serveprocess.h"
#include "tests/support/stackfixture.h"

#include <QDeadlineTimer>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace qaconsole;

namespace {

constexpr int kRequestTimeoutMs = 10'000; // a hang check per request, not a latency bound
constexpr int kDeadlineMs = 120'000;

// What the polling client saw, counted as it goes.
struct PollLog
{
    std::atomic<bool> stop{false};
    std::atomic<int> ok{0};                // 200s
    std::atomic<int> unavailable{0};       // 503s
    std::atomic<int> withoutRetryAfter{0}; // 503s without a Retry-After header
    std::atomic<int> other{0};             // anything else, 500s and no answer included
    std::atomic<int> lastOther{-1};        // the last such status (0: no answer in time)
};

void poll(const QString& url, PollLog* log)
{
    QNetworkAccessManager network;
    while (!log->stop) {
        const testing::HttpExchange done =
            testing::exchange(network, "GET", url, {}, kRequestTimeoutMs);
        if (done.status == 200) {
            ++log->ok;
        } else if (done.status == 503) {
            ++log->unavailable;
            if (done.retryAfter.isEmpty())
                ++log->withoutRetryAfter;
        } else {
            ++log->other;
            log->lastOther = done.status;
        }
    }
}

} // namespace

class TestFaultPostgres : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    testing::ServeProcess m_serve;

    // Waits until `counter` exceeds `above` or the deadline passes; true when it did.
    static bool waitAbove(const std::atomic<int>& counter, int above)
    {
        const QDeadlineTimer deadline(kDeadlineMs);
        while (counter <= above && !deadline.hasExpired())
            QThread::msleep(5);
        return counter > above;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const QString error = testing::startStackWithSample(*m_stack);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString dsn = m_stack->stack().postgresDsn();
        const auto serve = m_serve.start(QStringLiteral(QACONSOLE_BINARY), dsn, m_stack->dataDir(),
                                         {QStringLiteral("--no-cache")});
        QVERIFY2(serve, qPrintable(serve.errorText()));
    }

    void cleanupTestCase() { m_stack.reset(); }

    void stoppedPostgresGives503ThenRecovers()
    {
        PollLog log;
        const QString url = m_serve.url() + QStringLiteral("/qa/questions?product_id=1");
        testing::ClientThread client([url, &log] { poll(url, &log); });
        client.start();
        const auto stopClient = qScopeGuard([&] {
            log.stop = true;
            client.wait();
        });
        QVERIFY2(waitAbove(log.ok, 2), "the route never answered 200");

        const stack::ServiceStatus stopped = m_stack->stack().stop(stack::ServiceKind::Postgres);
        QVERIFY2(stopped.state == stack::ServiceState::Stopped, qPrintable(stopped.message));
        QVERIFY2(waitAbove(log.unavailable, 2), "no 503 while PostgreSQL was stopped");

        const int okWhileDown = log.ok;
        const stack::ServiceStatus back = m_stack->stack().start(stack::ServiceKind::Postgres);
        QVERIFY2(back.state == stack::ServiceState::Running, qPrintable(back.message));
        QVERIFY2(waitAbove(log.ok, okWhileDown + 2), "no 200 after PostgreSQL came back");

        log.stop = true;
        QVERIFY2(client.wait(QDeadlineTimer(kDeadlineMs)), "the client hung");
        qInfo("%d answers 200, %d answers 503", int(log.ok), int(log.unavailable));
        QVERIFY2(log.other == 0, qPrintable(QStringLiteral("%1 answers neither 200 nor 503, the "
                                                           "last %2 (0: none within 10 s)")
                                                .arg(int(log.other))
                                                .arg(int(log.lastOther))));
        QCOMPARE(int(log.withoutRetryAfter), 0);
    }
};

QTEST_GUILESS_MAIN(TestFaultPostgres)
#include "tst_faultpostgres.moc"
