// The load test's "database" ids against a real PostgreSQL loaded from the real sample by the
// real ETL: the ids read exist (products with unreported questions, questions, answers), are
// distinct and bounded by the sample size; a database without the tables (or with an empty one),
// one that cannot be reached and one that refuses the login say what to do, by kind; `qaconsole
// loadtest --dsn` reads them before its run; the built-in storefront mix against `qaconsole serve`
// on the sample fails nothing, where the full dataset's fixed ranges get 404s.

#include "etl/etlloader.h"
#include "etl/etloptions.h"
#include "etl/etlresult.h"
#include "loadgen/iddistribution.h"
#include "loadgen/pgidreader.h"
#include "tests/support/pgquery.h"
#include "tests/support/programrun.h"
#include "tests/support/sampleload.h"
#include "tests/support/serveprocess.h"
#include "tests/support/stackfixture.h"
#include "tests/unit/loadgen/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace qaconsole;
using loadgen::IdSource;
using loadgen::PgIdReader;

namespace {

QString idArray(const std::vector<std::int64_t>& ids)
{
    QStringList parts;
    for (std::int64_t id : ids)
        parts << QString::number(id);
    return u'{' + parts.join(u',') + u'}';
}

} // namespace

class TestLoadgenIds : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QString m_dsn;

    // The number `sql` counts, or -1.
    int count(const QString& sql)
    {
        QString error;
        const QList<QStringList> rows = testing::queryRows(m_dsn, sql, &error);
        if (!error.isEmpty())
            qWarning("%s", qPrintable(error));
        return rows.size() == 1 ? rows[0].value(0).toInt() : -1;
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

    // Runs first, while the database is empty.
    void withoutTablesTheErrorSaysLoadTheDataset()
    {
        PgIdReader reader(m_dsn);
        const auto questions = reader.read(IdSource::Questions, 10);
        QVERIFY(!questions);
        QCOMPARE(questions.error().kind, loadgen::LoadErrorKind::NothingLoaded);
        QVERIFY2(questions.error().message.contains(u"no questions table") &&
                     questions.error().message.contains(u"load the dataset first"),
                 qPrintable(questions.errorText()));
        const auto answers = reader.largest(IdSource::Answers);
        QVERIFY(!answers);
        QCOMPARE(answers.error().kind, loadgen::LoadErrorKind::NothingLoaded);
        QVERIFY2(answers.error().message.contains(u"no answers table"),
                 qPrintable(answers.errorText()));
    }

    // A questions table that exists but holds nothing (an ETL that never got to fill it): the
    // ids of a mix cannot be read either, for the same reason.
    void anEmptyTableIsNothingLoaded()
    {
        const QString created = testing::execSql(
            m_dsn, QStringLiteral("CREATE TABLE questions (id integer PRIMARY KEY, "
                                  "product_id integer, reported boolean)"));
        QVERIFY2(created.isEmpty(), qPrintable(created));
        PgIdReader reader(m_dsn);
        const auto largest = reader.largest(IdSource::Questions);
        QVERIFY2(largest, qPrintable(largest.errorText()));
        QCOMPARE(largest.value(), std::int64_t(0));

        loadgen::RouteSpec route;
        route.route = loadgen::Route::ListAnswers;
        route.ids.kind = loadgen::IdDistribution::Kind::Database;
        loadgen::RequestMix mix;
        mix.routes = {route};
        const auto resolved = loadgen::resolveDatabaseIds(mix, reader);
        QVERIFY(!resolved);
        QCOMPARE(resolved.error().kind, loadgen::LoadErrorKind::NothingLoaded);
        QCOMPARE(resolved.error().message,
                 QStringLiteral("The database has no question ids: load the dataset first."));

        const QString dropped = testing::execSql(m_dsn, QStringLiteral("DROP TABLE questions"));
        QVERIFY2(dropped.isEmpty(), qPrintable(dropped));
    }

    void anUnreachableServerSaysSo()
    {
        PgIdReader reader(QStringLiteral("postgresql://qaconsole@127.0.0.1:1/qaconsole"));
        const auto refused = reader.read(IdSource::Products, 10);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, loadgen::LoadErrorKind::DatabaseUnreachable);
        QVERIFY2(refused.error().message.startsWith(u"Cannot connect to PostgreSQL to read ids:"),
                 qPrintable(refused.errorText()));

        PgIdReader broken(QStringLiteral("host='unterminated password=secret"));
        const auto invalid = broken.read(IdSource::Products, 10);
        QVERIFY(!invalid);
        QCOMPARE(invalid.error().kind, loadgen::LoadErrorKind::DatabaseRefused);
        QCOMPARE(invalid.error().message,
                 QStringLiteral("The PostgreSQL connection string is not valid."));
    }

    // The server answers but refuses the login: the connection string is what to fix.
    void aRefusedLoginSaysSo()
    {
        QUrl url(m_dsn);
        url.setPassword(QStringLiteral("wrong-pw"));
        PgIdReader reader(url.toString());
        const auto refused = reader.largest(IdSource::Questions);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, loadgen::LoadErrorKind::DatabaseRefused);
        QVERIFY2(refused.error().message.startsWith(u"Cannot connect to PostgreSQL to read ids:"),
                 qPrintable(refused.errorText()));
        QVERIFY2(!refused.error().message.contains(u"wrong-pw"), qPrintable(refused.errorText()));
    }

    void loadTheSample()
    {
        const QString loadError = testing::loadSampleFixture(m_dsn);
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));
    }

    void idsExistAndAreBoundedBySampleSize_data()
    {
        QTest::addColumn<int>("source");
        QTest::addColumn<QString>("existing"); // counts the ids found, %1 the array
        QTest::addColumn<QString>("total");    // every id there is to find
        QTest::newRow("products") << int(IdSource::Products)
                                  << "SELECT count(DISTINCT product_id) FROM questions "
                                     "WHERE NOT reported AND product_id = ANY('%1'::int[])"
                                  << "SELECT count(DISTINCT product_id) FROM questions "
                                     "WHERE NOT reported";
        QTest::newRow("questions") << int(IdSource::Questions)
                                   << "SELECT count(*) FROM questions WHERE id = ANY('%1'::int[])"
                                   << "SELECT count(*) FROM questions";
        QTest::newRow("answers") << int(IdSource::Answers)
                                 << "SELECT count(*) FROM answers WHERE id = ANY('%1'::int[])"
                                 << "SELECT count(*) FROM answers";
    }

    void idsExistAndAreBoundedBySampleSize()
    {
        QFETCH(int, source);
        QFETCH(QString, existing);
        QFETCH(QString, total);
        PgIdReader reader(m_dsn);
        for (int limit : {1, 7, loadgen::IdDistribution::kDefaultSample}) {
            const auto read = reader.read(IdSource(source), limit);
            QVERIFY2(read, qPrintable(read.errorText()));
            const std::vector<std::int64_t>& ids = read.value();
            QVERIFY(!ids.empty());
            QVERIFY(ids.size() <= std::size_t(limit));
            const QSet<std::int64_t> distinct(ids.begin(), ids.end());
            QCOMPARE(distinct.size(), qsizetype(ids.size()));
            QCOMPARE(count(existing.arg(idArray(ids))), int(ids.size()));
        }
        // With more probes than rows, nearly every id there is gets found: a real sample, not
        // the first rows over and over.
        const auto read = reader.read(IdSource(source), 100'000);
        QVERIFY2(read, qPrintable(read.errorText()));
        const std::vector<std::int64_t>& all = read.value();
        const int rows = count(total);
        QVERIFY2(rows > 10, "the sample has more than a few rows");
        QVERIFY2(int(all.size()) > rows / 2,
                 qPrintable(QStringLiteral("%1 of %2").arg(all.size()).arg(rows)));
    }

    void loadtestCommandReadsThemFirst()
    {
        TestHttpServer server;
        QTemporaryDir dir;
        QFile mix(dir.filePath(QStringLiteral("mix.json")));
        QVERIFY(mix.open(QIODevice::WriteOnly));
        mix.write(R"({"ids": {"product": {"distribution": "database", "sample": 20},
                              "question": {"distribution": "database"}},
                      "routes": [{"route": "list_questions", "weight": 2},
                                 {"route": "list_answers"}]})");
        mix.close();
        QProcess process;
        process.start(
            QStringLiteral(QACONSOLE_BINARY),
            {QStringLiteral("loadtest"), QStringLiteral("--mix"), mix.fileName(),
             QStringLiteral("--url"),
             QStringLiteral("http:") + QStringLiteral("//127.0.0.1:%1").arg(server.port()),
             QStringLiteral("--requests"), QStringLiteral("50"), QStringLiteral("--connections"),
             QStringLiteral("2"), QStringLiteral("--dsn"), m_dsn});
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0, qPrintable(err));
        QVERIFY2(err.contains(QRegularExpression(QStringLiteral(
                     "read ([1-9]|1[0-9]|20) product ids, [1-9][0-9]* question ids"))),
                 qPrintable(err));
        QCOMPARE(server.requests(), std::uint64_t(50));
    }

    // The acceptance run of the issue, bounded by a count: the storefront mix by name, its ids
    // read from the database the server serves, so no write meets a missing row.
    void storefrontMixAgainstServeFailsNothing()
    {
        testing::ServeProcess serve;
        const auto started =
            serve.start(QStringLiteral(QACONSOLE_BINARY), m_dsn, m_stack->dataDir());
        QVERIFY2(started, qPrintable(started.errorText()));
        QTemporaryDir out;
        const testing::ProgramRun run = testing::runProgram(
            QStringLiteral(QACONSOLE_BINARY),
            {QStringLiteral("loadtest"), QStringLiteral("--url"), serve.url(),
             QStringLiteral("--mix"), QStringLiteral("storefront"), QStringLiteral("--requests"),
             QStringLiteral("400"), QStringLiteral("--connections"), QStringLiteral("4"),
             QStringLiteral("--dsn"), m_dsn, QStringLiteral("--threshold"),
             QStringLiteral("http_req_failed rate<0.01"), QStringLiteral("--out"), out.path()},
            60000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.err.contains(QRegularExpression(QStringLiteral(
                     "read [1-9][0-9]* product ids, [1-9][0-9]* question ids, [1-9][0-9]* "
                     "answer ids"))),
                 qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Generator CPU (its threads): "), qPrintable(run.out));
        const QJsonObject summary = runSummary(out.path());
        QCOMPARE(summary.value(u"completed").toInt(), 400);
        QCOMPARE(summary.value(u"failed").toInt(), 0);
        QCOMPARE(summary.value(u"errors").toObject().value(u"4xx").toInt(), 0);

        // The same server with the full dataset's question ids: nearly every write is a 404.
        QFile mix(out.filePath(QStringLiteral("fullscale.json")));
        QVERIFY(mix.open(QIODevice::WriteOnly));
        mix.write(R"({"routes": [{"route": "question_helpful",
                                  "ids": {"distribution": "last10", "min": 1, "max": 3518963}}]})");
        mix.close();
        const testing::ProgramRun fullScale = testing::runProgram(
            QStringLiteral(QACONSOLE_BINARY),
            {QStringLiteral("loadtest"), QStringLiteral("--url"), serve.url(),
             QStringLiteral("--mix"), mix.fileName(), QStringLiteral("--requests"),
             QStringLiteral("50"), QStringLiteral("--connections"), QStringLiteral("2"),
             QStringLiteral("--threshold"), QStringLiteral("http_req_failed rate<0.01"),
             QStringLiteral("--out"), out.filePath(QStringLiteral("fullscale")),
             QStringLiteral("--quiet")},
            60000);
        QCOMPARE(fullScale.exitCode, 99);
        QCOMPARE(runSummary(out.filePath(QStringLiteral("fullscale")))
                     .value(u"errors")
                     .toObject()
                     .value(u"4xx")
                     .toInt(),
                 50);
    }

private:
    static QJsonObject runSummary(const QString& dir)
    {
        QFile file(QDir(dir).filePath(QStringLiteral("summary.json")));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }
};

QTEST_GUILESS_MAIN(TestLoadgenIds)
#include "tst_loadgenids.moc"
