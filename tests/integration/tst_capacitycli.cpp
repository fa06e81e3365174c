// `qaconsole capacity` against a server of known capacity (tests/support/fixedcapacityserver:
// workers / service time, whatever the machine): the search finds it within its tolerance; a
// server that fails at the start rate exits 99; a trial the generator limits is flagged
// invalid, never taken for the server's capacity; bad usage exits 2. Short trials on loopback.

#include "tests/support/programrun.h"
#include "tests/support/timingchecks.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

using Run = qaconsole::testing::ProgramRun;

// The known-capacity server, stopped when this goes.
class KnownServer
{
public:
    KnownServer(int workers, int serviceMs)
    {
        m_process.start(QStringLiteral(QACONSOLE_CAPACITY_SERVER),
                        {QStringLiteral("--workers"), QString::number(workers),
                         QStringLiteral("--service-ms"), QString::number(serviceMs)});
        if (m_process.waitForStarted(10000) && m_process.waitForReadyRead(10000))
            m_port = QString::fromLatin1(m_process.readLine()).section(u' ', 1).trimmed().toInt();
    }
    ~KnownServer()
    {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    QString url() const
    {
        return QStringLiteral("http:") + QStringLiteral("//127.0.0.1:%1/").arg(m_port);
    }
    int port() const { return m_port; }

private:
    QProcess m_process;
    int m_port = 0;
};

Run capacity(const QStringList& arguments)
{
    return qaconsole::testing::runProgram(QStringLiteral(QACONSOLE_BINARY),
                                          QStringList{QStringLiteral("capacity")} + arguments,
                                          240000);
}

// Short trials: the server's service is a schedule, so 2 s show a rate above its capacity as a
// queue that grows past the SLO's 50 ms.
QStringList shortTrials()
{
    return {QStringLiteral("--trial"), QStringLiteral("2s"), QStringLiteral("--warmup"),
            QStringLiteral("500ms"), QStringLiteral("--quiet")};
}

} // namespace

class TestCapacityCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsKnownCapacityWithinTolerance()
    {
        // 4 requests at a time, 6 ms each: 666.7 requests/s.
        KnownServer server(4, 6);
        QVERIFY(server.port() > 0);
        const double truth = 4 / 0.006;
        QTemporaryDir out;
        const Run run = capacity(QStringList{QStringLiteral("--url"), server.url(),
                                             QStringLiteral("--out"), out.path()} +
                                 shortTrials());
        // On a machine too busy for the generator to keep its schedule, the search must say so
        // (exit 1, the trial invalid) rather than report the generator's limit as the server's;
        // the `timing` entry, run alone, insists on the capacity.
        if (run.exitCode == 1 && !qaconsole::testing::timingChecks()) {
            QVERIFY2(run.out.contains(QStringLiteral("measured the generator, not the target")),
                     qPrintable(run.out));
            QSKIP("the machine was too busy for the generator's schedule: the trial was flagged "
                  "invalid, as it must be");
        }
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Capacity: ")), qPrintable(run.out));
        QFile file(QDir(out.path()).filePath(QStringLiteral("capacity.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(json.value(u"outcome").toString(), QStringLiteral("found"));
        const double found = json.value(u"capacity").toDouble();
        QVERIFY2(
            found >= truth * 0.95 && found <= truth * 1.05,
            qPrintable(QStringLiteral("found %1, true %2\n%3").arg(found).arg(truth).arg(run.out)));
        // Every trial is kept, one line each, ending with the confirmation at the capacity.
        const QJsonArray trials = json.value(u"trials").toArray();
        QCOMPARE(run.out.count(QStringLiteral("\ntrial ")) + 1, trials.size());
        QVERIFY(trials.size() <= 11);
        const QJsonObject last = trials.last().toObject();
        QVERIFY(last.value(u"confirming").toBool());
        QCOMPARE(last.value(u"rate").toDouble(), found);
        QCOMPARE(last.value(u"verdict").toString(), QStringLiteral("met"));
        QVERIFY(last.value(u"corrected").toObject().value(u"p99").toDouble() < 50);
        QVERIFY(QFile::exists(QDir(out.path()).filePath(QStringLiteral("trials.csv"))));
    }

    void failingAtTheStartRateExits99()
    {
        // One request at a time, 20 ms each: 50 requests/s, half the start rate.
        KnownServer server(1, 20);
        QVERIFY(server.port() > 0);
        const Run run =
            capacity(QStringList{QStringLiteral("--url"), server.url()} + shortTrials());
        QVERIFY2(run.exitCode == 99, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("No capacity: even 100 requests/s")),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("broke the SLO")));
    }

    void generatorLimitedTrialIsInvalid()
    {
        // 200 requests/s of capacity, but the generator may use one connection and must drop
        // what it cannot send: at 100/s and 20 ms each, half are dropped. That measures the
        // generator, so no capacity is claimed.
        KnownServer server(4, 20);
        QVERIFY(server.port() > 0);
        const Run run = capacity(
            QStringList{QStringLiteral("--url"), server.url(), QStringLiteral("--connections"),
                        QStringLiteral("1"), QStringLiteral("--max-connections"),
                        QStringLiteral("1"), QStringLiteral("--policy"), QStringLiteral("drop")} +
            shortTrials());
        QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("INVALID: ")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("dropped for lack of connections")));
        QVERIFY(run.out.contains(QStringLiteral("measured the generator, not the target")));
        QVERIFY(!run.out.contains(QStringLiteral("Capacity: ")));
    }

    void badUsageExits2()
    {
        const QList<QStringList> cases{
            {},
            {QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1/"),
             QStringLiteral("--tier"), QStringLiteral("x")},
            {QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1/"),
             QStringLiteral("--tolerance"), QStringLiteral("80%")},
            {QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1/"),
             QStringLiteral("--slo"), QStringLiteral("http_req_duration p(99)<<50")},
            {QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:1/"),
             QStringLiteral("--trial"), QStringLiteral("soon")},
        };
        for (const QStringList& arguments : cases) {
            const Run run = capacity(arguments);
            QVERIFY2(run.exitCode == 2, qPrintable(arguments.join(u' ') + u'\n' + run.err));
            QVERIFY2(run.err.startsWith(QStringLiteral("qaconsole: ")), qPrintable(run.err));
        }
    }
};

QTEST_GUILESS_MAIN(TestCapacityCli)
#include "tst_capacitycli.moc"
