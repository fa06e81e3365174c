// `qaconsole serve` as an operator runs it: a process of its own on a database loaded by the
// ETL, answering all eight routes of the contract over real HTTP, refusing a port it holds (by
// kind), stopping cleanly on SIGTERM; its pid file for a supervisor, --no-redis, and its
// connection strings from the environment (QACONSOLE_DSN, QACONSOLE_REDIS_URL).

#include "backend/instance/embeddedbackend.h"
#include "backend/supervise/processcontrol.h"
#include "tests/support/httpexchange.h"
#include "tests/support/programrun.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

using namespace qaconsole;

namespace {

struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray location;
};

} // namespace

class TestServe : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QProcess m_server;
    QString m_url;
    QNetworkAccessManager m_network;

    Reply send(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        const testing::HttpExchange done = testing::exchange(m_network, method, m_url + path, body);
        return {done.status, done.body, done.location};
    }

    QJsonObject json(const Reply& reply) { return QJsonDocument::fromJson(reply.body).object(); }

    QString pidFile() const { return m_stack->dataDir() + QStringLiteral("/serve.pid"); }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const auto status = m_stack->stack().start(stack::ServiceKind::Postgres);
        QVERIFY2(status.state == stack::ServiceState::Running, qPrintable(status.message));
        const QString dsn = m_stack->stack().postgresDsn();

        const QString loadError = testing::loadSampleFixture(dsn);
        QVERIFY2(loadError.isEmpty(), qPrintable(loadError));

        m_server.setProgram(QStringLiteral(QACONSOLE_BINARY));
        m_server.setArguments(
            {QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
             QStringLiteral("--threads"), QStringLiteral("2"), QStringLiteral("--dsn"), dsn,
             QStringLiteral("--data-dir"), m_stack->dataDir(), QStringLiteral("--settings"),
             m_stack->dataDir() + QStringLiteral("/none.ini"), QStringLiteral("--pid-file"),
             pidFile()});
        m_server.start();
        QVERIFY(m_server.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_server.canReadLine() || m_server.state() == QProcess::NotRunning,
                                 30000);
        const QString line = QString::fromUtf8(m_server.readLine());
        const QRegularExpressionMatch match =
            QRegularExpression(QStringLiteral("listening on (http://\\S+)")).match(line);
        QVERIFY2(match.hasMatch(),
                 qPrintable(line + QString::fromUtf8(m_server.readAllStandardError())));
        m_url = match.captured(1);
        // Written once listening, with the process's own id, for a supervisor to find.
        QCOMPARE(supervise::readPidFile(pidFile()), m_server.processId());
    }

    void cleanupTestCase()
    {
        if (m_server.state() != QProcess::NotRunning) {
            m_server.kill();
            m_server.waitForFinished();
        }
        m_stack.reset();
    }

    void answersAllEightRoutes()
    {
        const Reply questions = send("GET", QStringLiteral("/qa/questions?product_id=1&count=10"));
        QCOMPARE(questions.status, 200);
        const QJsonObject list = json(questions);
        QCOMPARE(list[u"product_id"].toString(), QStringLiteral("1"));
        QCOMPARE(list[u"results"].toArray().size(), 5); // 7 questions, 2 reported

        const Reply answers = send("GET", QStringLiteral("/qa/questions/1/answers"));
        QCOMPARE(answers.status, 200);
        QCOMPARE(json(answers)[u"results"].toArray().first()[u"answer_id"].toInt(), 11);

        const Reply added = send(
            "POST", QStringLiteral("/qa/questions"),
            "{\"body\":\"Does it float?\",\"name\":\"sam\",\"email\":\"s@x.io\",\"product_id\":1}");
        QCOMPARE(added.status, 201);
        const int questionId = json(added)[u"question_id"].toInt();
        QCOMPARE(added.location, QByteArray("/qa/questions/") + QByteArray::number(questionId));

        const Reply answer =
            send("POST", QStringLiteral("/qa/questions/%1/answers").arg(questionId),
                 "{\"body\":\"Yes.\",\"name\":\"kim\",\"email\":\"k@x.io\",\"photos\":[\"https:"
                 "//x.io/a.jpg\"]}");
        QCOMPARE(answer.status, 201);
        const int answerId = json(answer)[u"answer_id"].toInt();

        QCOMPARE(send("PUT", QStringLiteral("/qa/questions/%1/helpful").arg(questionId)).status,
                 204);
        QCOMPARE(send("PUT", QStringLiteral("/qa/answers/%1/helpful").arg(answerId)).status, 204);
        const Reply withAnswer =
            send("GET", QStringLiteral("/qa/questions/%1/answers").arg(questionId));
        const QJsonObject first = json(withAnswer)[u"results"].toArray().first().toObject();
        QCOMPARE(first[u"helpfulness"].toInt(), 1);
        QCOMPARE(first[u"photos"].toArray().first()[u"url"].toString(),
                 QStringLiteral("https://x.io/a.jpg"));

        QCOMPARE(send("PUT", QStringLiteral("/qa/answers/%1/report").arg(answerId)).status, 204);
        QVERIFY(json(send("GET",
                          QStringLiteral("/qa/questions/%1/answers").arg(questionId)))[u"results"]
                    .toArray()
                    .isEmpty());
        QCOMPARE(send("PUT", QStringLiteral("/qa/questions/%1/report").arg(questionId)).status,
                 204);
        QCOMPARE(
            json(send("GET", QStringLiteral("/qa/questions?product_id=1&count=10")))[u"results"]
                .toArray()
                .size(),
            5);

        QCOMPARE(send("GET", QStringLiteral("/health")).status, 200);
        QCOMPARE(send("GET", QStringLiteral("/ready")).status, 200);
        const Reply metrics = send("GET", QStringLiteral("/metrics"));
        QCOMPARE(metrics.status, 200);
        QVERIFY(
            metrics.body.contains("qa_http_requests_total{route=\"add_answer\",status=\"201\"} 1"));
        QCOMPARE(send("GET", QStringLiteral("/qa/questions?product_id=abc")).status, 422);
        QCOMPARE(send("GET", QStringLiteral("/nowhere")).status, 404);
    }

    // The serving process holds its port: an instance started on it in this process says so by
    // kind, and a second `serve` fails as it always did (exit 1, the listener's sentence).
    void aTakenPortIsPortInUse()
    {
        const int port = QUrl(m_url).port();
        QVERIFY(port > 0);
        instance::BackendOptions options;
        options.port = std::uint16_t(port);
        options.threads = 1;
        options.dsn = m_stack->stack().postgresDsn();
        options.cache = false;
        instance::EmbeddedBackend backend(options);
        const auto started = backend.start();
        QVERIFY(!started);
        QCOMPARE(started.error().kind, instance::ErrorKind::PortInUse);
        QVERIFY2(started.error().message.startsWith(
                     QStringLiteral("Cannot listen on 127.0.0.1:%1: ").arg(port)),
                 qPrintable(started.errorText()));
        QVERIFY(!backend.running());

        const testing::ProgramRun second = testing::runProgram(
            QStringLiteral(QACONSOLE_BINARY),
            {QStringLiteral("serve"), QStringLiteral("--port"), QString::number(port),
             QStringLiteral("--no-cache"), QStringLiteral("--dsn"), options.dsn,
             QStringLiteral("--data-dir"), m_stack->dataDir(), QStringLiteral("--settings"),
             m_stack->dataDir() + QStringLiteral("/none.ini")},
            60000);
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains(
                     QStringLiteral("qaconsole: cannot serve: Cannot listen on 127.0.0.1:%1: ")
                         .arg(port)),
                 qPrintable(second.err));
    }

    void stopsCleanlyOnSigterm()
    {
        m_server.terminate();
        QVERIFY(m_server.waitForFinished(15000));
        QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server.exitCode(), 0);
        QVERIFY(m_server.readAllStandardError().contains("stopped"));
        QVERIFY(!QFile::exists(pidFile())); // a clean stop removes it
    }

    // --no-redis: the in-process layer alone, whatever Redis the settings name.
    void cachesInMemoryOnlyWhenAsked()
    {
        QProcess server;
        server.setProgram(QStringLiteral(QACONSOLE_BINARY));
        server.setArguments({QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                             QStringLiteral("--threads"), QStringLiteral("1"),
                             QStringLiteral("--no-redis"), QStringLiteral("--dsn"),
                             m_stack->stack().postgresDsn(), QStringLiteral("--data-dir"),
                             m_stack->dataDir(), QStringLiteral("--settings"),
                             m_stack->dataDir() + QStringLiteral("/none.ini")});
        server.start();
        QVERIFY(server.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(server.canReadLine() || server.state() == QProcess::NotRunning,
                                 30000);
        const QString line = QString::fromUtf8(server.readLine());
        QVERIFY2(line.contains(QStringLiteral("listening on")) &&
                     line.contains(QStringLiteral("cache in memory")),
                 qPrintable(line + QString::fromUtf8(server.readAllStandardError())));
        server.terminate();
        QVERIFY(server.waitForFinished(15000));
        QCOMPARE(server.exitCode(), 0);
    }

    // QACONSOLE_DSN and QACONSOLE_REDIS_URL stand for --dsn and --redis (as a systemd unit's
    // EnvironmentFile gives them): no managed stack is started, no password is on the command
    // line, and a --dsn given wins over the environment.
    void connectionStringsFromTheEnvironment()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        const QString dsn = m_stack->stack().postgresDsn();
        const auto serve = [&](const QString& environmentDsn, const QString& redisUrl,
                               const QStringList& extra) {
            auto server = std::make_unique<QProcess>();
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("QACONSOLE_DSN"), environmentDsn);
            if (!redisUrl.isEmpty())
                environment.insert(QStringLiteral("QACONSOLE_REDIS_URL"), redisUrl);
            server->setProcessEnvironment(environment);
            server->start(QStringLiteral(QACONSOLE_BINARY),
                          QStringList{QStringLiteral("serve"), QStringLiteral("--port"),
                                      QStringLiteral("0"), QStringLiteral("--threads"),
                                      QStringLiteral("1"), QStringLiteral("--data-dir"),
                                      empty.path(), QStringLiteral("--settings"),
                                      empty.filePath(QStringLiteral("none.ini"))} +
                              extra);
            return server;
        };
        const auto listening = [](QProcess& server) {
            for (int waited = 0;
                 waited < 300 && !server.canReadLine() && server.state() != QProcess::NotRunning;
                 ++waited)
                server.waitForReadyRead(100);
            return QString::fromUtf8(server.readLine());
        };

        const auto fromEnvironment = serve(dsn, {}, {QStringLiteral("--no-redis")});
        QVERIFY(fromEnvironment->waitForStarted());
        const QString line = listening(*fromEnvironment);
        QVERIFY2(line.contains(QStringLiteral("listening on")) &&
                     line.contains(QStringLiteral("database 127.0.0.1:")),
                 qPrintable(line + QString::fromUtf8(fromEnvironment->readAllStandardError())));
        QFile commandLine(QStringLiteral("/proc/%1/cmdline").arg(fromEnvironment->processId()));
        if (commandLine.open(QIODevice::ReadOnly))
            QVERIFY(!commandLine.readAll().contains("postgresql://"));
        QVERIFY(!QFileInfo::exists(empty.filePath(QStringLiteral("postgres"))));
        fromEnvironment->terminate();
        QVERIFY(fromEnvironment->waitForFinished(15000));

        // The Redis URL is read too: a bad one is bad settings.
        const auto badRedis = serve(dsn, QStringLiteral("http://not-redis"), {});
        QVERIFY(badRedis->waitForFinished(30000));
        QCOMPARE(badRedis->exitCode(), 2);
        QVERIFY(badRedis->readAllStandardError().contains("redis/url"));

        // The command line wins.
        const auto overridden = serve(QStringLiteral("postgresql://nobody:x@127.0.0.1:1/none"), {},
                                      {QStringLiteral("--no-redis"), QStringLiteral("--dsn"), dsn});
        QVERIFY(overridden->waitForStarted());
        QVERIFY(listening(*overridden).contains(QStringLiteral("listening on")));
        overridden->terminate();
        QVERIFY(overridden->waitForFinished(15000));
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
