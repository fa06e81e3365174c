// pg::Connection against a real PostgreSQL (the managed stack, started in a temporary folder):
// each way a connection fails gets its own error kind, statements and parameters, COPY in both
// directions, a statement cancelled from another thread, and the Q&A schema check.

#include "net/freeport.h"
#include "pg/connection.h"
#include "pg/qaqueries.h"
#include "pg/qaschema.h"
#include "pg/serverinfo.h"
#include "tests/support/pgquery.h"
#include "tests/support/stackfixture.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTest>
#include <QUrl>

#include <thread>

using namespace qaconsole;

Q_DECLARE_METATYPE(qaconsole::pg::ErrorKind)

namespace {

const char* kindName(pg::ErrorKind kind)
{
    return pg::errorKindName(kind);
}

} // namespace

class TestPgConnection : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QString m_dsn;

    // The stack's URL with one part changed.
    QString dsnWith(const std::function<void(QUrl&)>& change) const
    {
        QUrl url(m_dsn);
        change(url);
        return url.toString();
    }

    void expectConnectFailure(const QString& dsn, pg::ErrorKind expected, int timeoutSec = 5)
    {
        pg::Connection connection;
        const pg::Status connected = connection.connect(dsn, {timeoutSec, {}});
        QVERIFY(!connected);
        QVERIFY2(
            connected.error().kind == expected,
            qPrintable(QStringLiteral("%1 instead of %2: %3")
                           .arg(QLatin1String(kindName(connected.error().kind)),
                                QLatin1String(kindName(expected)), connected.error().message)));
        QVERIFY(!connection.connected());
        QVERIFY(!connected.error().message.isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const auto started = m_stack->startPostgres();
        QVERIFY2(started, qPrintable(started.errorText()));
        m_dsn = m_stack->stack().postgresDsn();
    }

    void cleanupTestCase() { m_stack.reset(); }

    void connectsAndTellsWhoTheServerIs()
    {
        pg::Connection connection;
        const pg::Status connected = connection.connect(m_dsn, {5, "qaconsole-test"});
        QVERIFY2(connected, qPrintable(connected ? QString() : connected.error().message));
        QVERIFY(connection.connected());
        QVERIFY(connection.serverVersion().startsWith(u'1'));
        QCOMPARE(connection.database(), QStringLiteral("qaconsole"));
        const pg::Result<pg::ServerInfo> info = pg::serverInfo(connection);
        QVERIFY(info);
        QVERIFY(connection.serverVersion().startsWith(info->version));
        QCOMPARE(info->database, QStringLiteral("qaconsole"));
        QVERIFY(info->startedAt.isValid());
        QVERIFY(info->startedAt <= QDateTime::currentDateTimeUtc());
        QCOMPARE(
            connection.value(QStringLiteral("SELECT current_setting('application_name')")).value(),
            QStringLiteral("qaconsole-test"));
    }

    void refusedWhenNothingListens()
    {
        const auto picked = net::pickFreeLoopbackPort();
        QVERIFY2(picked, qPrintable(picked.error().message));
        const int port = picked.value();
        expectConnectFailure(dsnWith([port](QUrl& url) { url.setPort(port); }),
                             pg::ErrorKind::ConnectionRefused);
    }

    void authFailedOnAWrongPassword()
    {
        const QString dsn = dsnWith([](QUrl& url) { url.setPassword(QStringLiteral("wrong-pw")); });
        expectConnectFailure(dsn, pg::ErrorKind::AuthFailed);
        pg::Connection connection;
        const pg::Status connected = connection.connect(dsn, {5, {}});
        // The SQLSTATE that decided the kind is not shown, nor the password.
        QVERIFY2(!connected.error().message.contains(u"28P01"),
                 qPrintable(connected.error().message));
        QVERIFY(!connected.error().message.contains(u"wrong-pw"));
        QVERIFY(!connected.error().message.contains(u".c:"));
    }

    void authFailedWithoutAPassword()
    {
        expectConnectFailure(dsnWith([](QUrl& url) { url.setPassword(QString()); }),
                             pg::ErrorKind::AuthFailed);
    }

    void noDatabase()
    {
        expectConnectFailure(dsnWith([](QUrl& url) { url.setPath(QStringLiteral("/nosuchdb")); }),
                             pg::ErrorKind::NoDatabase);
    }

    void invalidConnectionString()
    {
        expectConnectFailure(QStringLiteral("host='unterminated password=secret"),
                             pg::ErrorKind::InvalidConnInfo);
    }

    // A peer that accepts and never answers: the deadline, not libpq, ends the wait.
    void timeoutWhenTheServerIsSilent()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        const int port = silent.serverPort();
        expectConnectFailure(dsnWith([port](QUrl& url) { url.setPort(port); }),
                             pg::ErrorKind::Timeout, 1);
    }

    void missingTable()
    {
        pg::Connection connection;
        QVERIFY(connection.connect(m_dsn));
        const pg::Result<pg::Rows> rows =
            connection.query(QStringLiteral("SELECT * FROM no_such_table"));
        QVERIFY(!rows);
        QCOMPARE(rows.error().kind, pg::ErrorKind::MissingTable);
        QVERIFY(rows.error().message.contains(u"no_such_table"));
        const pg::Result<bool> exists =
            pg::qa::tableExists(connection, QStringLiteral("questions"));
        QVERIFY(exists);
        QVERIFY(!exists.value());
        // The connection is still usable after an error.
        QCOMPARE(connection.value(QStringLiteral("SELECT 1")).value(), QStringLiteral("1"));
    }

    void statementErrorsHaveKinds()
    {
        pg::Connection connection;
        QVERIFY(connection.connect(m_dsn));
        QCOMPARE(connection.exec(QStringLiteral("SELEC 1")).error().kind,
                 pg::ErrorKind::QueryFailed);
        QCOMPARE(connection.query(QStringLiteral("SELECT 'x'::integer")).error().kind,
                 pg::ErrorKind::BadInput);
        QVERIFY(connection.exec(QStringLiteral("SET statement_timeout = '50ms'")));
        QCOMPARE(connection.query(QStringLiteral("SELECT pg_sleep(10)")).error().kind,
                 pg::ErrorKind::Timeout);
    }

    void parametersAndTypedFields()
    {
        pg::Connection connection;
        QVERIFY(connection.connect(m_dsn));
        const pg::Result<pg::Rows> rows =
            connection.query(QStringLiteral("SELECT $1::bigint + 1, $2::text IS NULL, $3::text"),
                             {QByteArray("9007199254740993"), QByteArray(), QByteArray("it's")});
        QVERIFY(rows);
        QCOMPARE(rows->count(), 1);
        QCOMPARE(rows->columns(), 3);
        QCOMPARE(rows->number<std::int64_t>(0, 0), std::int64_t(9007199254740994));
        QCOMPARE(rows->text(0, 1), QStringLiteral("t"));
        QCOMPARE(rows->text(0, 2), QStringLiteral("it's"));
        QCOMPARE(connection.value(QStringLiteral("SELECT 1 WHERE false")).error().kind,
                 pg::ErrorKind::QueryFailed);
        QCOMPARE(connection.quoteLiteral(QStringLiteral("it's")), QStringLiteral("'it''s'"));
        QCOMPARE(connection.quoteIdentifier(QStringLiteral("My Table")),
                 QStringLiteral("\"My Table\""));
        QVERIFY(connection.passwordHash(QStringLiteral("r"), QStringLiteral("pw"))
                    .startsWith(u"SCRAM-SHA-256$"));
    }

    void copyRoundTrip()
    {
        pg::Connection connection;
        QVERIFY(connection.connect(m_dsn));
        QVERIFY(
            connection.exec(QStringLiteral("CREATE TEMP TABLE copied (id integer, body text)")));
        QVERIFY(connection.copyInStart(QStringLiteral("COPY copied (id, body) FROM STDIN")));
        // Chunks need not end at a row's end.
        QVERIFY(connection.copyInSend("1\thello\n2\twor"));
        QVERIFY(connection.copyInSend("ld\n3\t\\N\n"));
        QVERIFY(connection.copyInFinish());
        std::string out;
        QVERIFY(connection.copyOut(
            QStringLiteral("COPY (SELECT * FROM copied ORDER BY id) TO STDOUT"), out));
        QCOMPARE(out, std::string("1\thello\n2\tworld\n3\t\\N\n"));

        // An aborted COPY adds nothing; a malformed one fails with the server's reason.
        QVERIFY(connection.copyInStart(QStringLiteral("COPY copied (id, body) FROM STDIN")));
        QVERIFY(connection.copyInSend("4\tlost\n"));
        connection.copyInAbort("test abort");
        QVERIFY(connection.copyInStart(QStringLiteral("COPY copied (id, body) FROM STDIN")));
        QVERIFY(connection.copyInSend("five\tbad\n"));
        const pg::Status bad = connection.copyInFinish();
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, pg::ErrorKind::BadInput);
        QCOMPARE(connection.value(QStringLiteral("SELECT count(*) FROM copied")).value(),
                 QStringLiteral("3"));
    }

    void cancelFromAnotherThread()
    {
        pg::Connection connection;
        QVERIFY(connection.connect(m_dsn, {5, "qaconsole-cancel-test"}));
        pg::Result<pg::Rows> outcome = pg::Error{};
        std::thread sleeper(
            [&] { outcome = connection.query(QStringLiteral("SELECT pg_sleep(60)")); });
        // Cancel once the server runs the statement, not before it has it.
        const QString running = QStringLiteral(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
            "'qaconsole-cancel-test' AND state = 'active' AND query LIKE 'SELECT pg_sleep%'");
        QTRY_COMPARE_WITH_TIMEOUT(testing::queryOne(m_dsn, running), QStringLiteral("1"), 30000);
        connection.cancel();
        sleeper.join();
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().kind, pg::ErrorKind::Cancelled);
    }

    void schemaCheckNamesWhatIsMissing()
    {
        pg::Connection connection;
        QVERIFY(connection.connect(m_dsn));
        pg::Result<pg::qa::SchemaReport> report = pg::qa::inspectSchema(connection);
        QVERIFY(report);
        QVERIFY(report->noTables());
        QCOMPARE(report->missingTables, pg::qa::tableNames());

        QVERIFY(
            connection.exec(QStringLiteral("CREATE TEMP TABLE questions (id bigint, body text)")));
        report = pg::qa::inspectSchema(connection);
        QVERIFY(report);
        QVERIFY(!report->noTables());
        QCOMPARE(report->missingTables,
                 (QStringList{QStringLiteral("answers"), QStringLiteral("answers_photos")}));
        QVERIFY(report->problems.contains(QStringLiteral("questions.id is bigint, not integer")));
        QVERIFY(report->problems.contains(QStringLiteral("questions.product_id is missing")));
        QVERIFY(pg::qa::tableExists(connection, QStringLiteral("questions")).value());
        // No listed question yet: examples are empty, not an error.
        const pg::qa::ExampleIds none = pg::qa::exampleIds(connection);
        QVERIFY(none.productId.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPgConnection)
#include "tst_pgconnection.moc"
