// A three-instance tier as a user runs it, for real: `qaconsole tier up` of three instances
// behind nginx sharing Redis (Balanced policy), then, in order:
// - requests sent through nginx reach every instance (each instance's own request counter);
// - a write on one instance shows on the others as the policy says: a report and a new question
//   at once (invalidated through Redis); a helpful vote may lag (the others may keep serving the
//   list they cached, up to its TTL) and shows once the list is read again;
// - `tier fault kill-instance 2` while a client keeps sending GETs through nginx: no GET fails
//   (nginx sends it to another instance), and the tier's watcher brings instance 2 back (a new
//   process, answering through nginx again);
// - the watcher killed as a crashed console would leave it: `tier up` adopts the running
//   processes (the same pids) and starts a new watcher;
// - `tier down` leaves no process: instances, nginx, watcher.
// Waits are for events, with generous deadlines; nothing depends on how long anything takes.

#include "backend/supervise/processcontrol.h"
#include "backend/tier/nginxprogram.h"
#include "tests/support/clientthread.h"
#include "tests/support/httpexchange.h"
#include "tests/support/programrun.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace qaconsole;

namespace {

constexpr int kDeadlineMs = 60'000;
constexpr int kProduct = 1;

// question_id -> question_helpfulness of a product's list as one instance serves it.
QHash<int, int> questions(QNetworkAccessManager& network, const QString& address)
{
    const testing::HttpExchange reply =
        testing::exchange(network, "GET",
                          QStringLiteral("http://%1/qa/questions?product_id=%2&count=100")
                              .arg(address)
                              .arg(kProduct));
    QHash<int, int> result;
    if (reply.status != 200)
        return result;
    const QJsonArray list = QJsonDocument::fromJson(reply.body).object()[u"results"].toArray();
    for (const QJsonValue& question : list)
        result.insert(question[u"question_id"].toInt(), question[u"question_helpfulness"].toInt());
    return result;
}

// The requests the instance at "host:port" answered so far.
qint64 answered(QNetworkAccessManager& network, const QString& address)
{
    return testing::requestsAnswered(network, address.section(u':', 0, 0),
                                     address.section(u':', 1).toInt());
}

struct Process
{
    QString name;
    QString state;
    QString address;
    qint64 pid = 0;
};

} // namespace

class TestTierRun : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QNetworkAccessManager m_network;
    QString m_url;

    QStringList where() const
    {
        return {QStringLiteral("--data-dir"), m_stack->dataDir(), QStringLiteral("--settings"),
                m_stack->dataDir() + QStringLiteral("/none.ini")};
    }

    testing::ProgramRun tier(const QStringList& arguments, int timeoutMs = 120'000) const
    {
        return testing::runProgram(QStringLiteral(QACONSOLE_BINARY),
                                   QStringList{QStringLiteral("tier")} + arguments + where(),
                                   timeoutMs);
    }

    // The processes `tier status --json` lists, and whether the watcher runs.
    QList<Process> processes(bool* watched = nullptr) const
    {
        const testing::ProgramRun run = tier({QStringLiteral("status"), QStringLiteral("--json")});
        const QJsonObject document = QJsonDocument::fromJson(run.out.toUtf8()).object();
        if (watched)
            *watched = document[u"watched"].toBool();
        QList<Process> result;
        for (const QJsonValue& value : document[u"processes"].toArray())
            result.append({value[u"name"].toString(), value[u"state"].toString(),
                           value[u"address"].toString(), qint64(value[u"pid"].toDouble())});
        return result;
    }

    QStringList instanceAddresses() const
    {
        QStringList addresses;
        for (const Process& process : processes()) {
            if (process.name.startsWith(u"instance-"))
                addresses << process.address;
        }
        return addresses;
    }

    QString watcherPidFile() const
    {
        return m_stack->dataDir() + QStringLiteral("/tier/watcher.pid");
    }

private Q_SLOTS:
    void initTestCase()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("127.0.0.2 and up are routed to loopback on Linux only");
#endif
        QVERIFY2(!tier::findNginx().isEmpty(),
                 "nginx is not installed (scripts/test installs nginx-light)");
        m_stack = std::make_unique<testing::StackFixture>();
        const QString started = testing::startStackWithSample(*m_stack);
        QVERIFY2(started.isEmpty(), qPrintable(started));

        const testing::ProgramRun up =
            tier({QStringLiteral("up"), QStringLiteral("3 instances + nginx + Redis")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        const QRegularExpressionMatch url =
            QRegularExpression(QStringLiteral("is up: (http://127\\.0\\.0\\.1:\\d+)"))
                .match(up.out);
        QVERIFY2(url.hasMatch(), qPrintable(up.out));
        m_url = url.captured(1);
    }

    void cleanupTestCase()
    {
        if (m_stack)
            tier({QStringLiteral("down")});
        m_stack.reset();
    }

    void everyProcessRunsAndIsWatched()
    {
        bool watched = false;
        const QList<Process> all = processes(&watched);
        QCOMPARE(all.size(), 4);
        for (const Process& process : all)
            QVERIFY2(process.state == u"running", qPrintable(process.name + u' ' + process.state));
        QCOMPARE(all[0].name, QStringLiteral("instance-1"));
        QCOMPARE(all[3].name, QStringLiteral("nginx"));
        QVERIFY(all[2].address.startsWith(u"127.0.0.4:"));
        QVERIFY(watched);
    }

    void requestsThroughNginxReachEveryInstance()
    {
        const QStringList addresses = instanceAddresses();
        QCOMPARE(addresses.size(), 3);
        QList<qint64> before;
        for (const QString& address : addresses)
            before << answered(m_network, address);
        for (int i = 0; i < 90; ++i) {
            const testing::HttpExchange reply = testing::exchange(
                m_network, "GET",
                m_url + QStringLiteral("/qa/questions?product_id=%1").arg(kProduct));
            QCOMPARE(reply.status, 200);
        }
        for (int i = 0; i < 3; ++i) {
            const qint64 served = answered(m_network, addresses[i]) - before[i];
            qInfo("instance-%d answered %lld of 90 requests sent through nginx", i + 1, served);
            QVERIFY2(served > 0, qPrintable(addresses[i]));
        }
    }

    void writesShowOnOtherInstancesAsThePolicySays()
    {
        const QStringList addresses = instanceAddresses();
        QCOMPARE(addresses.size(), 3);
        // Every instance caches the list (a second read is a memory hit).
        QHash<int, int> cached;
        for (const QString& address : addresses) {
            cached = questions(m_network, address);
            QVERIFY(questions(m_network, address) == cached);
        }
        QVERIFY(cached.size() >= 2);
        const QList<int> ids = cached.keys();
        const int voted = ids[0];
        const int reported = ids[1];
        const QString writer = QStringLiteral("http://") + addresses[0];

        // A helpful vote: "ttl" under Balanced, so the others may keep the list they cached
        // (they do unless their cache lost its coherence lease meanwhile and read it again).
        QCOMPARE(testing::exchange(m_network, "PUT",
                                   writer + QStringLiteral("/qa/questions/%1/helpful").arg(voted))
                     .status,
                 204);
        const int before = cached.value(voted);
        int stale = 0;
        for (const QString& address : addresses.mid(1)) {
            const int shown = questions(m_network, address).value(voted);
            QVERIFY2(shown == before || shown == before + 1,
                     qPrintable(QStringLiteral("%1: %2").arg(address).arg(shown)));
            stale += shown == before ? 1 : 0;
        }
        qInfo("after a helpful vote on instance-1, %d of 2 other instances still show the count "
              "they cached (the policy allows up to a day)",
              stale);

        // A new question: invalidated, so every instance lists it once the writer said 201.
        const testing::HttpExchange added = testing::exchange(
            m_network, "POST", writer + QStringLiteral("/qa/questions"),
            QStringLiteral("{\"body\":\"Does it fit three instances?\",\"name\":\"ops\","
                           "\"email\":\"ops@example.com\",\"product_id\":%1}")
                .arg(kProduct)
                .toUtf8());
        QCOMPARE(added.status, 201);
        const int question = QJsonDocument::fromJson(added.body).object()[u"question_id"].toInt();
        QVERIFY(question > 0);
        for (const QString& address : addresses) {
            const QHash<int, int> listed = questions(m_network, address);
            QVERIFY2(listed.contains(question), qPrintable(address));
            // The list was read again, so the vote shows too.
            QCOMPARE(listed.value(voted), before + 1);
        }

        // A report: invalidated, so no instance lists the question after the 204.
        QCOMPARE(testing::exchange(m_network, "PUT",
                                   writer + QStringLiteral("/qa/questions/%1/report").arg(reported))
                     .status,
                 204);
        for (const QString& address : addresses)
            QVERIFY2(!questions(m_network, address).contains(reported), qPrintable(address));
    }

    void aKilledInstanceLosesNoGetAndComesBack()
    {
        const QList<Process> before = processes();
        QCOMPARE(before.size(), 4);
        const Process victim = before[1];
        QCOMPARE(victim.name, QStringLiteral("instance-2"));

        // A client sends GETs through nginx, one after another, until told to stop.
        std::atomic<bool> stop = false;
        std::atomic<int> sent = 0;
        std::atomic<int> failed = 0;
        QString firstFailure;
        const QString list = m_url + QStringLiteral("/qa/questions?product_id=%1").arg(kProduct);
        testing::ClientThread client([&] {
            QNetworkAccessManager network;
            while (!stop) {
                const testing::HttpExchange reply = testing::exchange(network, "GET", list);
                if (reply.status != 200 && failed++ == 0)
                    firstFailure = QStringLiteral("%1: %2")
                                       .arg(reply.status)
                                       .arg(QString::fromUtf8(reply.body.left(200)));
                ++sent;
            }
        });
        client.start();
        const auto waitFor = [](const std::function<bool()>& done) {
            const QDeadlineTimer deadline(kDeadlineMs);
            while (!done() && !deadline.hasExpired())
                QThread::msleep(50);
            return done();
        };
        QVERIFY(waitFor([&] { return sent >= 50; }));

        const testing::ProgramRun fault =
            tier({QStringLiteral("fault"), QStringLiteral("kill-instance"), QStringLiteral("2")});
        QVERIFY2(fault.exitCode == 0, qPrintable(fault.out + fault.err));
        QVERIFY(supervise::waitForExit(victim.pid, 10'000));
        const int sentAtKill = sent;

        // The watcher restarts it: a new process on the same address, answering again.
        Process back;
        QVERIFY(waitFor([&] {
            const QList<Process> now = processes();
            back = now.value(1);
            return back.state == u"running" && back.pid != victim.pid;
        }));
        QCOMPARE(back.address, victim.address);
        const qint64 answeredBefore = answered(m_network, back.address);
        QVERIFY(waitFor([&] { return answered(m_network, back.address) > answeredBefore + 1; }));
        const int sentAfter = sent;
        QVERIFY(waitFor([&] { return sent >= sentAfter + 20; }));
        stop = true;
        client.wait();
        qInfo("%d GETs through nginx, %d of them after instance-2 was killed; %d failed", int(sent),
              int(sent) - sentAtKill, int(failed));
        QVERIFY2(failed == 0, qPrintable(firstFailure));
    }

    void aTierIsAdoptedAfterItsConsoleWasKilled()
    {
        const QList<Process> before = processes();
        const qint64 watcher = supervise::readPidFile(watcherPidFile());
        QVERIFY(supervise::isProcessAlive(watcher));
        QVERIFY(supervise::killProcess(watcher)); // as a crash would leave it
        QVERIFY(supervise::waitForExit(watcher, 10'000));
        bool watched = true;
        QCOMPARE(processes(&watched).size(), 4);
        QVERIFY(!watched);

        const testing::ProgramRun up =
            tier({QStringLiteral("up"), QStringLiteral("3 instances + nginx + Redis")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.out + up.err));
        QVERIFY2(up.out.contains(m_url), qPrintable(up.out));
        const QList<Process> after = processes(&watched);
        QCOMPARE(after.size(), before.size());
        for (int i = 0; i < after.size(); ++i) {
            QCOMPARE(after[i].state, QStringLiteral("running"));
            QCOMPARE(after[i].pid, before[i].pid); // adopted, not started again
        }
        QVERIFY(watched);
        const qint64 newWatcher = supervise::readPidFile(watcherPidFile());
        QVERIFY(newWatcher > 0 && newWatcher != watcher);
    }

    void downLeavesNoProcess()
    {
        const QList<Process> before = processes();
        const qint64 watcher = supervise::readPidFile(watcherPidFile());
        QVERIFY(watcher > 0);
        const testing::ProgramRun down = tier({QStringLiteral("down")}, 90'000);
        QVERIFY2(down.exitCode == 0, qPrintable(down.out + down.err));
        QVERIFY(!supervise::isProcessAlive(watcher));
        for (const Process& process : before)
            QVERIFY2(!supervise::isProcessAlive(process.pid), qPrintable(process.name));
        QVERIFY(!QFile::exists(watcherPidFile()));
        QCOMPARE(tier({QStringLiteral("status")}).out.trimmed(), QStringLiteral("No tier is up."));
    }
};

QTEST_GUILESS_MAIN(TestTierRun)
#include "tst_tierrun.moc"
