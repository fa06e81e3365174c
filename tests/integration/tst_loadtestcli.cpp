// `qaconsole loadtest` as a user meets it: exit 0 when the thresholds hold, 99 when one fails,
// 2 on bad usage (one line naming the problem), 1 when the mix's database ids cannot be read,
// and the files of --out. Against the loadgen
// tests' HTTP server on loopback, with short bounded runs.

#include "tests/support/programrun.h"
#include "tests/unit/loadgen/testhttpserver.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = qaconsole::testing::ProgramRun;

Run loadtest(const QStringList& arguments)
{
    return qaconsole::testing::runProgram(QStringLiteral(QACONSOLE_BINARY),
                                          QStringList{QStringLiteral("loadtest")} + arguments,
                                          60000);
}

QString urlOf(const TestHttpServer& server)
{
    return QStringLiteral("http:") + QStringLiteral("//127.0.0.1:%1/").arg(server.port());
}

} // namespace

class TestLoadtestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passingThresholdsExitZeroAndWriteFiles()
    {
        TestHttpServer server;
        QTemporaryDir out;
        const Run run =
            loadtest({QStringLiteral("--url"), urlOf(server), QStringLiteral("--requests"),
                      QStringLiteral("300"), QStringLiteral("--connections"), QStringLiteral("4"),
                      QStringLiteral("--threshold"), QStringLiteral("http_req_failed rate<0.01"),
                      QStringLiteral("--out"), out.path()});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY(run.out.contains(QStringLiteral("Requests/sec:")));
        QVERIFY(run.out.contains(QStringLiteral("300 requests in")));
        QFile summary(QDir(out.path()).filePath(QStringLiteral("summary.json")));
        QVERIFY(summary.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(summary.readAll()).object();
        QCOMPARE(json.value(u"completed").toInt(), 300);
        QCOMPARE(json.value(u"thresholds_passed").toBool(), true);
        QVERIFY(QFile::exists(QDir(out.path()).filePath(QStringLiteral("timeseries.csv"))));
        QVERIFY(QFile::exists(QDir(out.path()).filePath(QStringLiteral("scenario.js"))));
    }

    void failedThresholdExits99()
    {
        TestHttpServer server;
        server.setStatus(500);
        const Run run =
            loadtest({QStringLiteral("--url"), urlOf(server), QStringLiteral("--requests"),
                      QStringLiteral("50"), QStringLiteral("--threshold"),
                      QStringLiteral("http_req_failed rate<0.01"), QStringLiteral("--quiet")});
        QCOMPARE(run.exitCode, 99);
        QVERIFY(run.out.contains(QStringLiteral("FAIL")));
    }

    void badUsageExitsTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        const QString url = QStringLiteral("http:") + QStringLiteral("//127.0.0.1:9/");
        QTest::newRow("no url") << QStringList{} << "--url";
        QTest::newRow("bad threshold")
            << QStringList{QStringLiteral("--url"), url, QStringLiteral("--threshold"),
                           QStringLiteral("http_req_speed rate<1")}
            << "unknown metric";
        QTest::newRow("bad stages")
            << QStringList{QStringLiteral("--url"), url, QStringLiteral("--stages"),
                           QStringLiteral("30s:10,soon:5")}
            << "stage 2";
        QTest::newRow("bad model")
            << QStringList{QStringLiteral("--url"), url, QStringLiteral("--model"),
                           QStringLiteral("fastest")}
            << "--model";
        QTest::newRow("rate without open model")
            << QStringList{QStringLiteral("--url"),   url,
                           QStringLiteral("--model"), QStringLiteral("constant-vus"),
                           QStringLiteral("--rate"),  QStringLiteral("5")}
            << "rate:";
        QTest::newRow("stray argument")
            << QStringList{QStringLiteral("--url"), url, QStringLiteral("now")}
            << "takes no arguments besides options";
        QTest::newRow("missing mix")
            << QStringList{QStringLiteral("--mix"), QStringLiteral("/nonexistent/mix.json")}
            << "cannot read";
    }

    void badUsageExitsTwo()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Run run = loadtest(arguments);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(mentions), qPrintable(run.err));
    }

    // The ids of a "database" distribution come from --dsn before anything is sent; a database
    // that cannot be reached ends the command with 1 and says so (tst_loadgenids reads real ones).
    void databaseIdsNeedTheDatabase()
    {
        TestHttpServer server;
        QTemporaryDir dir;
        QFile mix(dir.filePath(QStringLiteral("mix.json")));
        QVERIFY(mix.open(QIODevice::WriteOnly));
        mix.write(R"({"routes": [{"route": "answer_helpful",
                                  "ids": {"distribution": "database", "sample": 50}}]})");
        mix.close();
        const QStringList common{QStringLiteral("--mix"),      mix.fileName(),
                                 QStringLiteral("--url"),      urlOf(server),
                                 QStringLiteral("--requests"), QStringLiteral("5")};
        Run run = loadtest(
            common + QStringList{QStringLiteral("--dsn"), QStringLiteral("host=127.0.0.1 port=1")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"PostgreSQL is not available"), qPrintable(run.err));
        QCOMPARE(server.requests(), std::uint64_t(0));

        QVERIFY(mix.open(QIODevice::WriteOnly | QIODevice::Truncate));
        mix.write(R"({"routes": [{"route": "answer_helpful",
                                  "ids": {"distribution": "database", "min": 1}}]})");
        mix.close();
        run = loadtest(common);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"routes[0].ids.min: a database distribution takes only"),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestLoadtestCli)
#include "tst_loadtestcli.moc"
