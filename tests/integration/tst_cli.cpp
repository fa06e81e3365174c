// The command line as a user or a script meets it: exit codes, help, the version, and
// `stack start`, `status --json`, `stop` with psql and redis-cli reaching the printed addresses.

#include "backend/supervise/processcontrol.h"
#include "pg/redact.h"
#include "tests/support/programrun.h"
#include "tests/support/stackfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using qaconsole::supervise::isProcessAlive;

namespace {

using Run = qaconsole::testing::ProgramRun;

Run run(const QStringList& arguments, const QString& program = QStringLiteral(QACONSOLE_BINARY))
{
    return qaconsole::testing::runProgram(program, arguments);
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void versionAndHelp()
    {
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("qaconsole " QACONSOLE_VERSION));

        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("stack start|stop|status")));
        QVERIFY(help.out.contains(QStringLiteral("--data-dir")));

        const Run stackHelp = run({QStringLiteral("stack"), QStringLiteral("--help")});
        QCOMPARE(stackHelp.exitCode, 0);
        QVERIFY(stackHelp.out.contains(QStringLiteral("--json")));
        QVERIFY(stackHelp.out.contains(QStringLiteral("--data-dir")));
    }

    // Without a display the window would abort inside Qt with advice to reinstall; instead it
    // says what is missing and what to use, and starts nothing.
    void windowWithoutDisplaySaysSoAndStartsNothing()
    {
#if !defined(Q_OS_UNIX) || defined(Q_OS_MACOS)
        QSKIP("X11 and Wayland systems only");
#endif
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            env.remove(QString::fromLatin1(name));
        QProcess window;
        window.setProcessEnvironment(env);
        const QString dataDir = dir.filePath(QStringLiteral("data"));
        window.start(QStringLiteral(QACONSOLE_BINARY), {QStringLiteral("--data-dir"), dataDir});
        QVERIFY(window.waitForFinished(60'000));
        QCOMPARE(window.exitStatus(), QProcess::NormalExit);
        QCOMPARE(window.exitCode(), 1);
        const QString err = QString::fromUtf8(window.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("no display")), qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("qaconsole serve")), qPrintable(err));
        QVERIFY(!QFileInfo::exists(dataDir));
    }

    void badUsageExitsWithTwoAndOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown command") << QStringList{QStringLiteral("fly")} << "fly";
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--fly")} << "fly";
        QTest::newRow("stack without action") << QStringList{QStringLiteral("stack")} << "action";
        QTest::newRow("unknown action")
            << QStringList{QStringLiteral("stack"), QStringLiteral("jump")} << "jump";
        QTest::newRow("etl without source") << QStringList{QStringLiteral("etl")} << "--source";
        QTest::newRow("etl bad jobs")
            << QStringList{QStringLiteral("etl"), QStringLiteral("--source"), QStringLiteral("/"),
                           QStringLiteral("--jobs"), QStringLiteral("none")}
            << "--jobs";
        QTest::newRow("gen without out") << QStringList{QStringLiteral("gen")} << "--out";
        QTest::newRow("gen bad scale")
            << QStringList{QStringLiteral("gen"), QStringLiteral("--out"), QStringLiteral("/tmp/x"),
                           QStringLiteral("--scale"), QStringLiteral("-1")}
            << "scale";
        QTest::newRow("tier without action")
            << QStringList{QStringLiteral("tier")} << "list, check, up";
        QTest::newRow("tier check of no file")
            << QStringList{QStringLiteral("tier"), QStringLiteral("check"),
                           QStringLiteral("/nonexistent/tiers.json")}
            << "no such file";
        QTest::newRow("tier fault without kind")
            << QStringList{QStringLiteral("tier"), QStringLiteral("fault")}
            << "kill-instance N, stop-redis or restart-postgres";
        QTest::newRow("tier fault kill-instance without number")
            << QStringList{QStringLiteral("tier"), QStringLiteral("fault"),
                           QStringLiteral("kill-instance"), QStringLiteral("two")}
            << "the instance's number";
        QTest::newRow("tier fault stop-redis with a number")
            << QStringList{QStringLiteral("tier"), QStringLiteral("fault"),
                           QStringLiteral("stop-redis"), QStringLiteral("1")}
            << "stop-redis takes no arguments";
        QTest::newRow("option without value")
            << QStringList{QStringLiteral("stack"), QStringLiteral("status"),
                           QStringLiteral("--data-dir")}
            << "data-dir";
    }

    void badUsageExitsWithTwoAndOneLine()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, mentions);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(result.err.trimmed().count(u'\n'), 0);
        QVERIFY2(result.err.contains(mentions), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    // The tiers file as a user meets it: the built-in tiers until the file exists, the list in
    // the file's format, which `check` accepts, and a hand-edited file with two mistakes.
    void tiersFromTheCommandLine()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("tiers.json"));
        const Run list =
            run({QStringLiteral("tier"), QStringLiteral("list"), QStringLiteral("--tiers"), path});
        QCOMPARE(list.exitCode, 0);
        const QStringList lines = list.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines[0].startsWith(QStringLiteral("NAME")));
        QVERIFY(lines[1].startsWith(QStringLiteral("Single instance ")));
        QVERIFY2(lines[3].startsWith(QStringLiteral("3 instances + nginx + Redis  3 ")) &&
                     lines[3].contains(QStringLiteral("nginx")) &&
                     lines[3].endsWith(QStringLiteral("memory+redis (Balanced)")),
                 qPrintable(lines[3]));

        const Run json = run({QStringLiteral("tier"), QStringLiteral("list"),
                              QStringLiteral("--json"), QStringLiteral("--tiers"), path});
        QCOMPARE(json.exitCode, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json.out.toUtf8());
        file.close();
        const Run good = run({QStringLiteral("tier"), QStringLiteral("check"), path});
        QCOMPARE(good.exitCode, 0);
        QVERIFY2(good.out.contains(QStringLiteral("3 tiers, no mistake")), qPrintable(good.out));

        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(json.out.toUtf8()
                       .replace("\"instances\": 3", "\"instances\": 12")
                       .replace("\"balancer\": \"none\"", "\"balancer\": \"haproxy\""));
        file.close();
        const Run bad = run({QStringLiteral("tier"), QStringLiteral("check"), path});
        QCOMPARE(bad.exitCode, 1);
        const QStringList errors = bad.err.trimmed().split(u'\n');
        QCOMPARE(errors.size(), 3);
        QVERIFY2(errors[0].contains(QStringLiteral("tiers[0].balancer: \"haproxy\" is not one of")),
                 qPrintable(bad.err));
        QVERIFY(errors[1].contains(QStringLiteral("tiers[1].balancer")));
        QVERIFY(errors[2].contains(
            QStringLiteral("tiers[2].instances: must be a whole number from 1 to 8")));
        const Run listBad =
            run({QStringLiteral("tier"), QStringLiteral("list"), QStringLiteral("--tiers"), path});
        QCOMPARE(listBad.exitCode, 1);
        QVERIFY(listBad.out.isEmpty());
    }

    void badSettingsStartNothing()
    {
        QTemporaryDir dir;
        const QString settings = dir.filePath(QStringLiteral("bad.ini"));
        QFile file(settings);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[redis]\nmaxmemory=lots\n[postgres]\nport=http\n");
        file.close();
        const QString dataDir = dir.filePath(QStringLiteral("stack"));
        const Run result =
            run({QStringLiteral("stack"), QStringLiteral("start"), QStringLiteral("--settings"),
                 settings, QStringLiteral("--data-dir"), dataDir});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("redis/maxmemory")), qPrintable(result.err));
        QVERIFY(result.err.contains(QStringLiteral("postgres/port")));
        QVERIFY(!QFileInfo::exists(dataDir));
    }

    void startStatusStopFromTheCommandLine()
    {
        QTemporaryDir dir;
        const QString dataDir = qaconsole::testing::makeReachableTempDir(dir);
        const QString settings = dir.filePath(QStringLiteral("none.ini"));
        const QStringList common{QStringLiteral("--data-dir"), dataDir,
                                 QStringLiteral("--settings"), settings};

        const Run start =
            run(QStringList{QStringLiteral("stack"), QStringLiteral("start")} + common);
        QVERIFY2(start.exitCode == 0, qPrintable(start.out + start.err));
        QVERIFY(start.out.contains(QStringLiteral("running")));

        const Run status = run(QStringList{QStringLiteral("stack"), QStringLiteral("status"),
                                           QStringLiteral("--json")} +
                               common);
        QCOMPARE(status.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(status.out.toUtf8()).object();
        const QJsonObject postgres = json[u"postgres"].toObject();
        const QJsonObject redis = json[u"redis"].toObject();
        QCOMPARE(postgres[u"state"].toString(), QStringLiteral("running"));
        QCOMPARE(redis[u"state"].toString(), QStringLiteral("running"));
        // Nothing failed, so no kind of failure: null, present for scripts to test.
        QVERIFY(postgres.contains(u"error") && postgres[u"error"].isNull());
        QCOMPARE(json[u"data_dir"].toString(), dataDir);
        const QString dsn = postgres[u"url"].toString();
        const QString redisUrl = redis[u"url"].toString();
        // The human output never shows the password that the JSON hands to scripts.
        const QString password = dsn.section(u':', 2, 2).section(u'@', 0, 0);
        QVERIFY(!password.isEmpty());
        QVERIFY(!start.out.contains(password));
        // Redis's URL logs in as its ACL user, with a password shown to scripts only too.
        const QString redisPassword = redisUrl.section(u':', 2, 2).section(u'@', 0, 0);
        QVERIFY2(redisUrl.startsWith(QStringLiteral("redis://qaconsole:")) &&
                     redisPassword.size() >= 22,
                 qPrintable(qaconsole::pg::redactSecrets(redisUrl)));
        QVERIFY(!start.out.contains(redisPassword));

        const QString psql = QStandardPaths::findExecutable(QStringLiteral("psql"));
        const QString redisCli = QStandardPaths::findExecutable(QStringLiteral("redis-cli"));
        QVERIFY2(!psql.isEmpty() && !redisCli.isEmpty(), "psql and redis-cli must be installed");
        const Run query =
            run({dsn, QStringLiteral("-tAc"), QStringLiteral("SELECT current_database()")}, psql);
        QVERIFY2(query.exitCode == 0, qPrintable(query.err));
        QCOMPARE(query.out.trimmed(), QStringLiteral("qaconsole"));
        const Run ping = run({QStringLiteral("-u"), redisUrl, QStringLiteral("PING")}, redisCli);
        QCOMPARE(ping.out.trimmed(), QStringLiteral("PONG"));

        // A second start is idempotent: it adopts what runs.
        const Run again =
            run(QStringList{QStringLiteral("stack"), QStringLiteral("start")} + common);
        QCOMPARE(again.exitCode, 0);

        const qint64 postgresPid = postgres[u"pid"].toInteger();
        const qint64 redisPid = redis[u"pid"].toInteger();
        QVERIFY(postgresPid > 0 && redisPid > 0);
        const Run stop = run(QStringList{QStringLiteral("stack"), QStringLiteral("stop")} + common);
        QVERIFY2(stop.exitCode == 0, qPrintable(stop.out + stop.err));
        // Nothing is left behind.
        QVERIFY(!isProcessAlive(postgresPid));
        QVERIFY(!isProcessAlive(redisPid));
        const Run after = run(QStringList{QStringLiteral("stack"), QStringLiteral("status"),
                                          QStringLiteral("--json")} +
                              common);
        const QJsonObject stopped = QJsonDocument::fromJson(after.out.toUtf8()).object();
        QCOMPARE(stopped[u"postgres"].toObject()[u"state"].toString(), QStringLiteral("stopped"));
        QCOMPARE(stopped[u"redis"].toObject()[u"state"].toString(), QStringLiteral("stopped"));
    }

    void generateThenLoadFromTheCommandLine()
    {
        QTemporaryDir dir;
        qaconsole::testing::makeReachableTempDir(dir);
        const QString dataset = dir.filePath(QStringLiteral("dataset"));
        const QStringList common{
            QStringLiteral("--data-dir"), dir.filePath(QStringLiteral("stack")),
            QStringLiteral("--settings"), dir.filePath(QStringLiteral("none.ini"))};

        const Run gen =
            run({QStringLiteral("gen"), QStringLiteral("--out"), dataset, QStringLiteral("--scale"),
                 QStringLiteral("0.001"), QStringLiteral("--seed"), QStringLiteral("3"),
                 QStringLiteral("--dirty")});
        QVERIFY2(gen.exitCode == 0, qPrintable(gen.out + gen.err));
        QFile manifest(QDir(dataset).filePath(QStringLiteral("expected-rejects.csv")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const qsizetype expectedRejects = manifest.readAll().trimmed().count('\n'); // minus header

        const Run etl = run(QStringList{QStringLiteral("etl"), QStringLiteral("--source"), dataset,
                                        QStringLiteral("--quiet")} +
                            common);
        QVERIFY2(etl.exitCode == 0, qPrintable(etl.out + etl.err));
        QVERIFY(!etl.out.contains(QStringLiteral("FAIL")));
        QCOMPARE(etl.out.count(QStringLiteral("ok   ")), 14);
        QVERIFY2(etl.out.contains(QStringLiteral("Rejected rows: %1 ").arg(expectedRejects)),
                 qPrintable(etl.out));

        // Refused loads exit with 3 and say why (tst_etlrefusal shows the tables stay).
        const QStringList load{QStringLiteral("etl"), QStringLiteral("--source"), dataset,
                               QStringLiteral("--quiet")};
        const Run strict =
            run(load + QStringList{QStringLiteral("--max-rejects"), QStringLiteral("0")} + common);
        QCOMPARE(strict.exitCode, 3);
        QVERIFY2(strict.err.contains(QStringLiteral("qaconsole: questions.csv: ")) &&
                     strict.err.contains(QStringLiteral("more than the limit of 0 rows")) &&
                     strict.err.contains(QStringLiteral("allow them with --max-rejects")),
                 qPrintable(strict.err));
        QVERIFY(!strict.out.contains(QStringLiteral("ok   ")));
        QFile answers(QDir(dataset).filePath(QStringLiteral("answers.csv")));
        QVERIFY(answers.open(QIODevice::ReadWrite));
        QVERIFY(answers.resize(answers.readLine().size())); // the header alone
        answers.close();
        const Run empty = run(load + common);
        QCOMPARE(empty.exitCode, 3);
        QVERIFY2(empty.err.contains(QStringLiteral("qaconsole: answers.csv: the file has no rows")),
                 qPrintable(empty.err));
        QVERIFY(empty.err.contains(QStringLiteral("the previous tables are untouched")));
        QCOMPARE(run(load + QStringList{QStringLiteral("--max-rejects"), QStringLiteral("lots")} +
                     common)
                     .exitCode,
                 2);
        // The database the ETL started is left running for what comes next; stop it.
        QCOMPARE(
            run(QStringList{QStringLiteral("stack"), QStringLiteral("stop")} + common).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
