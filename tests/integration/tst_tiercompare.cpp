// `qaconsole tier compare` as a user runs it, for real, on the sample dataset: two built-in
// tiers, the one with Redis under two cache policies, each brought up on this machine, its
// capacity searched with short trials and priced; then the report (HTML, PDF, JSON) with each
// tier's trials, cost and freshness, each run's capacity.json, and no tier left up. A second
// comparison given the first report says what changed since. Bad usage exits 2. The trials are
// short and the rates low: what is checked is what the report holds, not how fast the tiers are.

#include "backend/tier/nginxprogram.h"
#include "tests/support/programrun.h"
#include "tests/support/sampleload.h"
#include "tests/support/stackfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole;

class TestTierCompare : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QTemporaryDir m_out;

    testing::ProgramRun tier(const QStringList& arguments) const
    {
        // No tiers file there: the built-in tiers.
        const QStringList where{
            QStringLiteral("--data-dir"), m_stack->dataDir(),
            QStringLiteral("--settings"), m_stack->dataDir() + QStringLiteral("/none.ini"),
            QStringLiteral("--tiers"),    m_stack->dataDir() + QStringLiteral("/no-tiers.json")};
        return testing::runProgram(QStringLiteral(QACONSOLE_BINARY),
                                   QStringList{QStringLiteral("tier")} + arguments + where,
                                   600'000);
    }

    // Short trials at low rates, the client's peak inside them.
    static QStringList quickSearch()
    {
        return {QStringLiteral("--trial"),
                QStringLiteral("1s"),
                QStringLiteral("--warmup"),
                QStringLiteral("0s"),
                QStringLiteral("--max-rate"),
                QStringLiteral("400"),
                QStringLiteral("--tolerance"),
                QStringLiteral("50%"),
                QStringLiteral("--peak"),
                QStringLiteral("150"),
                QStringLiteral("--requests-per-month"),
                QStringLiteral("10000000"),
                QStringLiteral("--quiet")};
    }

    QJsonObject readJson(const QString& path) const
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(file.readAll()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
#if !defined(Q_OS_LINUX)
        QSKIP("127.0.0.2 and up are routed to loopback on Linux only");
#endif
        QVERIFY2(!tier::findNginx().isEmpty(),
                 "nginx is not installed (scripts/test installs nginx-light)");
        QVERIFY(m_out.isValid());
        m_stack = std::make_unique<testing::StackFixture>();
        const QString started = testing::startStackWithSample(*m_stack);
        QVERIFY2(started.isEmpty(), qPrintable(started));
    }

    void cleanupTestCase()
    {
        if (m_stack)
            tier({QStringLiteral("down")});
        m_stack.reset();
    }

    void compareWritesTheReport()
    {
        const QString folder = m_out.filePath(QStringLiteral("first"));
        const testing::ProgramRun run =
            tier(QStringList{QStringLiteral("compare"), QStringLiteral("Single instance"),
                             QStringLiteral("Single + Redis"), QStringLiteral("--policies"),
                             QStringLiteral("Freshness first,Throughput first"),
                             QStringLiteral("--out"), folder} +
                 quickSearch());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.contains(QStringLiteral("== 3 of 3: Single + Redis")),
                 qPrintable(run.out));

        const QJsonObject report = readJson(QDir(folder).filePath(QStringLiteral("report.json")));
        const QJsonArray tiers = report[u"tiers"].toArray();
        QCOMPARE(tiers.size(), 3);
        QCOMPARE(tiers[0][u"name"].toString(), QStringLiteral("Single instance"));
        QCOMPARE(tiers[1][u"policy_name"].toString(), QStringLiteral("Freshness first"));
        QCOMPARE(tiers[2][u"policy_name"].toString(), QStringLiteral("Throughput first"));
        QCOMPARE(report[u"client_peak_rps"].toDouble(), 150.0);
        for (const QJsonValue& tier : tiers) {
            const QString name = tier[u"name"].toString();
            QVERIFY2(!tier[u"trials"].toArray().isEmpty(), qPrintable(name));
            QVERIFY2(tier[u"cost_per_month"].toDouble() > 0, qPrintable(name));
            QVERIFY2(!tier[u"cost_lines"].toArray().isEmpty(), qPrintable(name));
            QCOMPARE(tier[u"freshness"].toArray().size(), 4);
            QVERIFY2(!tier[u"outcome_text"].toString().isEmpty(), qPrintable(name));
            // The peak trial ran (unless the generator could not keep its schedule there).
            QVERIFY(tier[u"p99_at_peak_ms"].toDouble() != 0);
        }
        // Redis on ElastiCache makes the cached tier dearer than the single instance.
        QVERIFY(tiers[1][u"cost_per_month"].toDouble() > tiers[0][u"cost_per_month"].toDouble());
        // Throughput first keeps helpful votes longer than Freshness first: the report says so.
        QVERIFY(tiers[1][u"freshness_summary"].toString() !=
                tiers[2][u"freshness_summary"].toString());
        const QJsonObject appendix = report[u"appendix"].toObject();
        QVERIFY2(appendix[u"command"].toString().startsWith(
                     QStringLiteral("qaconsole tier compare 'Single instance' 'Single + Redis'")),
                 qPrintable(appendix[u"command"].toString()));
        QVERIFY(appendix[u"versions"].toString().contains(QStringLiteral("PostgreSQL")));
        QVERIFY(appendix[u"dataset_scale"].toString().contains(QStringLiteral("questions")));

        QFile html(QDir(folder).filePath(QStringLiteral("report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        const QString page = QString::fromUtf8(html.readAll());
        QVERIFY(page.contains(QStringLiteral("Single + Redis")));
        QVERIFY(page.contains(QStringLiteral("data:image/png;base64,")));
        QVERIFY(QFileInfo(QDir(folder).filePath(QStringLiteral("report.pdf"))).size() > 10'000);
        const QString pdfToText = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
        if (!pdfToText.isEmpty()) {
            const testing::ProgramRun text =
                testing::runProgram(pdfToText, {QDir(folder).filePath(QStringLiteral("report.pdf")),
                                                QStringLiteral("-")});
            QVERIFY(text.out.contains(QStringLiteral("Single instance")));
            QVERIFY(text.out.contains(QStringLiteral("For engineers")));
        }
        for (const char* run : {"runs/1-single-instance", "runs/2-single-redis-freshness-first",
                                "runs/3-single-redis-throughput-first"}) {
            const QJsonObject capacity = readJson(
                QDir(folder).filePath(QLatin1String(run) + QStringLiteral("/capacity.json")));
            QVERIFY2(!capacity[u"trials"].toArray().isEmpty(), run);
        }
        // Every tier brought up was brought down.
        QVERIFY(tier({QStringLiteral("status")}).out.contains(QStringLiteral("No tier is up")));
    }

    void aSecondReportSaysWhatChanged()
    {
        const QString folder = m_out.filePath(QStringLiteral("second"));
        const testing::ProgramRun run =
            tier(QStringList{QStringLiteral("compare"), QStringLiteral("Single instance"),
                             QStringLiteral("--out"), folder, QStringLiteral("--earlier"),
                             m_out.filePath(QStringLiteral("first/report.json"))} +
                 quickSearch());
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QFile html(QDir(folder).filePath(QStringLiteral("report.html")));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QVERIFY(
            QString::fromUtf8(html.readAll()).contains(QStringLiteral("Since the earlier report")));
    }

    void badUsageExits2()
    {
        QCOMPARE(tier({QStringLiteral("compare")}).exitCode, 2); // no --out
        const testing::ProgramRun unknown =
            tier({QStringLiteral("compare"), QStringLiteral("No such tier"),
                  QStringLiteral("--out"), m_out.filePath(QStringLiteral("x"))});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(unknown.err.contains(QStringLiteral("No such tier")));
        QCOMPARE(tier({QStringLiteral("compare"), QStringLiteral("--out"),
                       m_out.filePath(QStringLiteral("x")), QStringLiteral("--earlier"),
                       m_out.filePath(QStringLiteral("missing.json"))})
                     .exitCode,
                 2);
    }
};

QTEST_GUILESS_MAIN(TestTierCompare)
#include "tst_tiercompare.moc"
