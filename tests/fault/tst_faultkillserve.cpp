// `kill -9` of a `qaconsole serve` process in the middle of a stream of writes, with real
// processes on a real managed stack: every write the client saw acknowledged (201 for a new
// question, 204 for a helpful vote) is in PostgreSQL afterwards, none is there twice, and the
// instance started again serves reads and writes.
//
// A write whose answer never came (the one in flight when the process died) may or may not
// have committed; it is counted apart and bounds what may be found beyond the acknowledged.
// Nothing depends on how long anything takes: the kill happens after a number of acknowledged
// writes, whatever time that takes, and the deadlines are hang checks.

#include "tests/support/clientthread.h"
#include "tests/support/httpexchange.h"
#include "tests/support/pgquery.h"
#include "tests/support/sampleload.h"
#include "tests/support/serveprocess.h"
#include "tests/support/stackfixture.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>
#include <QThread>

#include <atomic>
#include <map>
#include <memory>

using namespace qaconsole;

namespace {

constexpr int kRequestTimeoutMs = 10'000; // a hang check per request, not a latency bound
constexpr int kDeadlineMs = 120'000;
constexpr int kMaxWrites = 20'000; // bounds the stream if the kill never came
constexpr int kAckedBeforeKill = 60;
constexpr const char* kMarker = "Survives kill -9? write ";

// What the client thread saw. Written by the thread; read by the test after it joined it,
// except the atomic counter the test waits on.
struct WriteLog
{
    std::atomic<int> acknowledged{0}; // 201s and 204s so far
    std::map<QString, int> questions; // body of an acknowledged POST -> its question_id
    int helpfulAcknowledged = 0;      // 204s of PUT helpful
    int unknownQuestions = 0;         // POSTs without an answer (in flight at the kill)
    int unknownHelpful = 0;           // PUTs without an answer
    int sent = 0;
    QList<int> unexpected; // statuses other than the expected or none
};

QString questionBody(int n)
{
    return QString::fromLatin1(kMarker) + QString::number(n);
}

} // namespace

class TestFaultKillServe : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    testing::ServeProcess m_a;
    QString m_dsn;

    // Alternates POST /qa/questions and PUT /qa/questions/Q/helpful on `base`, one at a time,
    // until one gets no answer at all (the process is gone) or kMaxWrites were sent.
    static void writeStream(const QString& base, int helpfulQuestion, WriteLog* log)
    {
        QNetworkAccessManager network;
        for (int n = 0; n < kMaxWrites; ++n) {
            const bool post = n % 2 == 0;
            const QString body = questionBody(n);
            const testing::HttpExchange done =
                post ? testing::exchange(network, "POST", base + QStringLiteral("/qa/questions"),
                                         QStringLiteral("{\"body\":\"%1\",\"name\":\"ops\","
                                                        "\"email\":\"ops@x.io\",\"product_id\":1}")
                                             .arg(body)
                                             .toUtf8(),
                                         kRequestTimeoutMs)
                     : testing::exchange(
                           network, "PUT",
                           base + QStringLiteral("/qa/questions/%1/helpful").arg(helpfulQuestion),
                           {}, kRequestTimeoutMs);
            ++log->sent;
            if (done.status == 0) {
                ++(post ? log->unknownQuestions : log->unknownHelpful);
                return;
            }
            if (post && done.status == 201) {
                log->questions[body] =
                    QJsonDocument::fromJson(done.body).object()[u"question_id"].toInt();
            } else if (!post && done.status == 204) {
                ++log->helpfulAcknowledged;
            } else {
                log->unexpected.append(done.status);
                continue;
            }
            ++log->acknowledged;
        }
    }

    int helpfulness(int question)
    {
        return testing::queryOne(
                   m_dsn,
                   QStringLiteral("SELECT helpful FROM questions WHERE id = %1").arg(question))
            .toInt();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const QString error = testing::startStackWithSample(*m_stack);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_dsn = m_stack->stack().postgresDsn();
        const auto a = m_a.start(QStringLiteral(QACONSOLE_BINARY), m_dsn, m_stack->dataDir());
        QVERIFY2(a, qPrintable(a.errorText()));
    }

    void cleanupTestCase() { m_stack.reset(); }

    void acknowledgedWritesSurviveKill9()
    {
        const int helpfulQuestion =
            testing::queryOne(m_dsn, QStringLiteral("SELECT min(id) FROM questions")).toInt();
        QVERIFY(helpfulQuestion > 0);
        const int helpfulBefore = helpfulness(helpfulQuestion);

        WriteLog log;
        const QString base = m_a.url();
        testing::ClientThread client(
            [base, helpfulQuestion, &log] { writeStream(base, helpfulQuestion, &log); });
        client.start();
        const QDeadlineTimer deadline(kDeadlineMs);
        while (log.acknowledged < kAckedBeforeKill && !client.isFinished() &&
               !deadline.hasExpired())
            QThread::msleep(5);
        QVERIFY2(log.acknowledged >= kAckedBeforeKill, "the writes were not acknowledged");
        m_a.kill(); // mid-stream: the client is sending its next write
        QVERIFY2(client.wait(QDeadlineTimer(kDeadlineMs)), "the client hung after the kill");

        QVERIFY2(log.unexpected.isEmpty(),
                 qPrintable(QStringLiteral("unexpected status %1, %2 in all")
                                .arg(log.unexpected.value(0))
                                .arg(log.unexpected.size())));
        QVERIFY2(log.sent < kMaxWrites, "the stream ended before the kill");
        qInfo("killed after %d acknowledged writes (%d questions, %d votes); %d without answer",
              int(log.acknowledged), int(log.questions.size()), log.helpfulAcknowledged,
              log.unknownQuestions + log.unknownHelpful);

        // Every acknowledged question is there once, with the id A gave; the only one that may be
        // there unacknowledged is the one in flight.
        QString error;
        const QList<QStringList> rows = testing::queryRows(
            m_dsn,
            QStringLiteral("SELECT body, count(*), min(id) FROM questions WHERE body LIKE '%1'"
                           " GROUP BY body")
                .arg(QString::fromLatin1(kMarker) + u'%'),
            &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        std::map<QString, std::pair<int, int>> found; // body -> (rows, id)
        for (const QStringList& row : rows)
            found[row.value(0)] = {row.value(1).toInt(), row.value(2).toInt()};
        for (const auto& [body, id] : log.questions) {
            const auto it = found.find(body);
            QVERIFY2(it != found.end(), qPrintable(QStringLiteral("lost: ") + body));
            QCOMPARE(it->second.second, id);
        }
        for (const auto& [body, countAndId] : found)
            QVERIFY2(countAndId.first == 1, qPrintable(QStringLiteral("twice: ") + body));
        QVERIFY(int(found.size()) >= int(log.questions.size()));
        QVERIFY(int(found.size()) <= int(log.questions.size()) + log.unknownQuestions);

        // Every acknowledged vote counted once; at most the one in flight beyond them.
        const int votes = helpfulness(helpfulQuestion) - helpfulBefore;
        QVERIFY2(votes >= log.helpfulAcknowledged,
                 qPrintable(QStringLiteral("%1 votes of %2 acknowledged")
                                .arg(votes)
                                .arg(log.helpfulAcknowledged)));
        QVERIFY(votes <= log.helpfulAcknowledged + log.unknownHelpful);

        // Started again, the instance serves.
        const auto again = m_a.start(QStringLiteral(QACONSOLE_BINARY), m_dsn, m_stack->dataDir());
        QVERIFY2(again, qPrintable(again.errorText()));
        QNetworkAccessManager network;
        QCOMPARE(testing::exchange(network, "GET",
                                   m_a.url() + QStringLiteral("/qa/questions?product_id=1"), {},
                                   kDeadlineMs)
                     .status,
                 200);
        QCOMPARE(testing::exchange(
                     network, "PUT",
                     m_a.url() + QStringLiteral("/qa/questions/%1/helpful").arg(helpfulQuestion),
                     {}, kDeadlineMs)
                     .status,
                 204);
    }
};

QTEST_GUILESS_MAIN(TestFaultKillServe)
#include "tst_faultkillserve.moc"
