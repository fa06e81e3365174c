// The store's libpq session against a real PostgreSQL: several prepared statements in one
// pipelined round trip, a failure in the middle of one, and a server that stops answering.

#include "backend/store/pgsession.h"
#include "backend/store/sqlstatements.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"

#include <QProcess>
#include <QTest>

#if defined(Q_OS_UNIX)
#include <csignal>
#endif

using namespace qaconsole;
using store::PgParams;
using store::PgSession;

namespace {

PgSession::Call listQuestions(std::int64_t productId)
{
    PgSession::Call call{store::sql::kListQuestions, {}};
    call.params.add(productId).add(0).add(5);
    return call;
}

} // namespace

class TestPgSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    std::string m_dsn;

    PgSession session(int replyTimeoutMs = 5000)
    {
        return PgSession(m_dsn, store::ReconnectGate(std::chrono::milliseconds(0)), replyTimeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const auto status = m_stack->stack().start(stack::ServiceKind::Postgres);
        QVERIFY2(status.state == stack::ServiceState::Running, qPrintable(status.message));
        m_dsn = m_stack->stack().postgresDsn().toStdString();

        // Without tables the statements cannot be prepared: a 503-kind failure, not a crash.
        {
            PgSession early(m_dsn, store::ReconnectGate(std::chrono::milliseconds(0)), 5000);
            const auto result = early.run(store::sql::kPing, {}, PgSession::Retry::IfLost);
            QVERIFY(!result.ok());
            QCOMPARE(result.failure().error, store::StoreError::Unavailable);
            QVERIFY2(result.failure().detail.find("does not exist") != std::string::npos,
                     result.failure().detail.c_str());
        }

        const QString loadError = testing::loadSampleFixture(m_stack->stack().postgresDsn());
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
    }

    void cleanupTestCase() { m_stack.reset(); }

    void batchAnswersEachCallInOrder()
    {
        PgSession pg = session();
        const std::vector<PgSession::Call> calls = {listQuestions(1), listQuestions(2147483647),
                                                    listQuestions(1)};
        std::vector<store::StoreResult<store::PgResult>> results;
        pg.run(calls, results, PgSession::Retry::IfLost);
        QCOMPARE(results.size(), std::size_t(3));
        for (const auto& result : results)
            QVERIFY(result.ok());
        QVERIFY(results[0].value().count() > 0);
        QCOMPARE(results[1].value().count(), 0);
        QCOMPARE(results[2].value().count(), results[0].value().count());
    }

    void aFailureInABatchFailsItAndWhatFollows()
    {
        PgSession pg = session();
        const std::string notJson = "not json";
        const std::string text = "text";
        PgSession::Call badAnswer{store::sql::kAddAnswer, {}};
        badAnswer.params.add(1).add(text).add(0).add(text).add(text).add(notJson);
        const std::vector<PgSession::Call> calls = {listQuestions(1), badAnswer, listQuestions(1)};
        std::vector<store::StoreResult<store::PgResult>> results;
        pg.run(calls, results, PgSession::Retry::No);
        QCOMPARE(results.size(), std::size_t(3));
        QVERIFY(results[0].ok());
        QVERIFY(!results[1].ok());
        QCOMPARE(results[1].failure().error, store::StoreError::BadInput);
        QVERIFY(!results[2].ok()); // skipped by the aborted pipeline, with the same reason
        QCOMPARE(results[2].failure().error, store::StoreError::BadInput);
        // The connection is fine afterwards.
        QVERIFY(pg.connected());
        QVERIFY(pg.run(store::sql::kPing, {}, PgSession::Retry::No).ok());
    }

    void aFrozenServerTimesOutAndTheSessionRecovers()
    {
#if defined(Q_OS_UNIX)
        PgSession pg = session(300);
        QVERIFY(pg.run(store::sql::kPing, {}, PgSession::Retry::No).ok());
        const qint64 postmaster = m_stack->stack().status(stack::ServiceKind::Postgres).pid;
        QVERIFY(postmaster > 0);
        const QString parent = QString::number(postmaster);
        // Every backend (children of the postmaster) stops; the postmaster still accepts.
        QCOMPARE(QProcess::execute(QStringLiteral("pkill"),
                                   {QStringLiteral("-STOP"), QStringLiteral("-P"), parent}),
                 0);
        const auto frozen = pg.run(store::sql::kPing, {}, PgSession::Retry::No);
        QProcess::execute(QStringLiteral("pkill"),
                          {QStringLiteral("-CONT"), QStringLiteral("-P"), parent});
        QVERIFY(!frozen.ok());
        QCOMPARE(frozen.failure().error, store::StoreError::Timeout);
        QVERIFY(!pg.connected()); // its state is unknown: dropped, not reused
        QVERIFY(pg.run(store::sql::kPing, {}, PgSession::Retry::No).ok());
#else
        QSKIP("freezing the server uses POSIX signals");
#endif
    }
};

QTEST_GUILESS_MAIN(TestPgSession)
#include "tst_pgsession.moc"
