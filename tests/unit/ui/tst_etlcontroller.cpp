// The Data load controllers without a display, on a real PostgreSQL (a StackFixture) and the
// repository's CSV fixtures (tests/fixtures): the page's controller from "not running" to a
// load and its outcome, Cancel leaving the old tables, a bad source reported by its kind, the
// sample generated and then loaded; the wizard's controller through its steps. The engine runs
// on the controller's lane; the test waits with QTRY_* on the controllers' state, never sleeps.

#include "etl/etlerror.h"
#include "tests/support/fixturepaths.h"
#include "tests/support/pgquery.h"
#include "tests/support/samplefixture.h"
#include "tests/support/stackfixture.h"
#include "ui/etl/etlcontroller.h"
#include "ui/etl/loadwizardcontroller.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>
#include <optional>

using namespace qaconsole;
using ui::DataLoadPhase;
using ui::EtlController;
using ui::LoadWizardController;
using ui::WizardStep;

namespace {

constexpr int kLoadTimeoutMs = 120'000;

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

const QString kSampleCounts = QStringLiteral("questions=100 answers=100 answers_photos=57");

} // namespace

class TestEtlController : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QString m_dsn; // with the password: used, never printed

    // Loads `dir` through `controller` and waits until it is idle again: lastLoad() then
    // holds the outcome.
    static void loadAndWait(EtlController& controller, const QString& dir)
    {
        controller.setSourceDir(dir);
        controller.loadDataset();
        QCOMPARE(controller.phase(), DataLoadPhase::Loading);
        QTRY_VERIFY_WITH_TIMEOUT(controller.phase() == DataLoadPhase::Idle && !controller.isBusy(),
                                 kLoadTimeoutMs);
        QVERIFY(controller.lastLoad().has_value());
    }

    // Goes through the wizard's steps with `percent` as its reject limit; `result` is the load's.
    static void loadThroughTheWizard(EtlController& etl, const QString& dir, double percent,
                                     std::optional<etl::EtlResult>& result)
    {
        LoadWizardController wizard(etl);
        QCOMPARE(wizard.maxRejectsPercent(), 1.0);
        wizard.setMaxRejectsPercent(percent);
        wizard.inspect(dir);
        QTRY_VERIFY(wizard.sourceLine().ok);
        wizard.enterStep(WizardStep::Target);
        wizard.enterStep(WizardStep::Run);
        QTRY_VERIFY_WITH_TIMEOUT(wizard.outcome().has_value(), kLoadTimeoutMs);
        result = wizard.outcome()->result;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_stack = std::make_unique<testing::StackFixture>();
        const supervise::Status started = m_stack->startPostgres();
        QVERIFY2(started, qPrintable(started ? QString() : started.error().text()));
        m_dsn = m_stack->stack().postgresDsn();
        QVERIFY(!m_dsn.isEmpty());
    }

    void cleanupTestCase() { m_stack.reset(); }

    void withoutTheDatabaseNothingLoads()
    {
        QTemporaryDir samples;
        EtlController controller(samples.path());
        QCOMPARE(controller.phase(), DataLoadPhase::Idle);
        QVERIFY(!controller.canLoad());
        QVERIFY(!controller.isBusy());
        QCOMPARE(controller.targetLabel(), QStringLiteral("not running"));
        QCOMPARE(controller.targetTone(), ui::Tone::Neutral);
        QVERIFY(controller.loadHint().contains(QStringLiteral("Services")));
        QVERIFY(controller.sourceText().startsWith(QStringLiteral("Sample dataset")));
        QCOMPARE(controller.sourceFolder(), samples.path());
        controller.loadDataset(); // refused
        QCOMPARE(controller.phase(), DataLoadPhase::Idle);
        QVERIFY(!controller.lastLoad());

        QSignalSpy canLoad(&controller, &EtlController::canLoadChanged);
        controller.setManagedDsn(m_dsn);
        QCOMPARE(canLoad.size(), 1);
        QCOMPARE(canLoad.first().first().toBool(), true);
        QVERIFY(controller.canLoad());
        QCOMPARE(controller.targetLabel(), QStringLiteral("ready"));
        QCOMPARE(controller.targetTone(), ui::Tone::Good);
        const QString password = QUrl(m_dsn).password();
        QVERIFY(!password.isEmpty());
        QVERIFY(!controller.targetDetail().contains(password));
        QVERIFY(controller.targetDetail().contains(QStringLiteral("127.0.0.1")));

        controller.setManagedDsn({});
        QCOMPARE(canLoad.size(), 2);
        QVERIFY(!controller.canLoad());
    }

    void loadsTheFixtureAndReportsTheOutcome()
    {
        QTemporaryDir source;
        QVERIFY(testing::copySampleFixture(source.path()));
        EtlController controller;
        controller.setManagedDsn(m_dsn);
        controller.setSourceDir(source.path());
        QCOMPARE(controller.sourceText(), QDir::toNativeSeparators(source.path()));
        QCOMPARE(controller.sourceFolder(), source.path());

        QSignalSpy finished(&controller, &EtlController::loadFinished);
        controller.loadDataset();
        // The load is announced at once; nothing else may start meanwhile.
        QCOMPARE(controller.phase(), DataLoadPhase::Loading);
        QVERIFY(controller.isLoading());
        QVERIFY(!controller.canLoad());
        QVERIFY(controller.canCancel());
        QCOMPARE(controller.loadHint(), QStringLiteral("A load is running."));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kLoadTimeoutMs);
        QCOMPARE(controller.phase(), DataLoadPhase::Idle);
        QTRY_VERIFY(controller.canLoad());

        const ui::LoadOutcome& outcome = *controller.lastLoad();
        QVERIFY2(outcome.result.ok(), qPrintable(outcome.note));
        QCOMPARE(outcome.status, QStringLiteral("Loaded"));
        QCOMPARE(outcome.statusTone, ui::Tone::Good);
        QVERIFY(outcome.note.isEmpty());
        QCOMPARE(outcome.sourceDir, source.path());
        QVERIFY(outcome.route.contains(QDir::toNativeSeparators(source.path())));
        QVERIFY(!outcome.route.contains(QUrl(m_dsn).password()));
        QCOMPARE(outcome.rowsRead, qint64(257));
        QCOMPARE(outcome.result.counts(etl::Table::Questions).rowsLoaded, qint64(100));
        QCOMPARE(outcome.result.counts(etl::Table::Answers).rowsLoaded, qint64(100));
        QCOMPARE(outcome.result.counts(etl::Table::Photos).rowsLoaded, qint64(57));
        QCOMPARE(outcome.result.totalRejected(), qint64(0));
        QVERIFY(outcome.result.verified());
        QVERIFY(controller.notice().text.isEmpty());
        QCOMPARE(testing::qaTableCounts(m_dsn), kSampleCounts);
    }

    void cancelLeavesTheOldTables()
    {
        QTemporaryDir sample;
        QVERIFY(testing::copySampleFixture(sample.path()));
        EtlController controller;
        controller.setManagedDsn(m_dsn);
        loadAndWait(controller, sample.path());
        QVERIFY(controller.lastLoad()->result.ok());
        QCOMPARE(testing::qaTableCounts(m_dsn), kSampleCounts);

        // The legacy fixture would replace the 100 questions with 4; Cancel comes before the
        // engine can have swapped anything in (it reaches the engine before its first step).
        QTemporaryDir legacy;
        QVERIFY(testing::copySampleFixture(legacy.path(), testing::legacyFixturePath()));
        controller.setSourceDir(legacy.path());
        controller.loadDataset();
        QCOMPARE(controller.phase(), DataLoadPhase::Loading);
        controller.cancel();
        QCOMPARE(controller.phase(), DataLoadPhase::Cancelling);
        QVERIFY(!controller.canCancel());
        QTRY_COMPARE_WITH_TIMEOUT(controller.phase(), DataLoadPhase::Idle, kLoadTimeoutMs);

        const ui::LoadOutcome& outcome = *controller.lastLoad();
        QVERIFY(outcome.result.cancelled());
        QCOMPARE(outcome.result.error->kind, etl::ErrorKind::Cancelled);
        QCOMPARE(outcome.status, QStringLiteral("Cancelled"));
        QCOMPARE(outcome.statusTone, ui::Tone::Neutral);
        QVERIFY(outcome.note.contains(QStringLiteral("as they were")));
        QCOMPARE(testing::qaTableCounts(m_dsn), kSampleCounts);
        QTRY_VERIFY(controller.canLoad());
    }

    void aBadSourceGivesItsErrorKind()
    {
        EtlController controller;
        controller.setManagedDsn(m_dsn);
        const QString before = testing::qaTableCounts(m_dsn);

        QTemporaryDir missing;
        QVERIFY(testing::copySampleFixture(missing.path()));
        QVERIFY(QFile::remove(missing.filePath(QStringLiteral("answers.csv"))));
        loadAndWait(controller, missing.path());
        const ui::LoadOutcome noFile = *controller.lastLoad();
        QVERIFY(!noFile.result.ok());
        QCOMPARE(noFile.result.error->kind, etl::ErrorKind::BadInput);
        QCOMPARE(noFile.result.error->field, QStringLiteral("answers.csv"));
        QCOMPARE(noFile.status, QStringLiteral("Failed"));
        QCOMPARE(noFile.statusTone, ui::Tone::Bad);
        QCOMPARE(noFile.noteTone, ui::Tone::Bad);
        QVERIFY2(noFile.note.startsWith(QStringLiteral("answers.csv")), qPrintable(noFile.note));

        QTemporaryDir header;
        QVERIFY(testing::copySampleFixture(header.path()));
        writeFile(header.filePath(QStringLiteral("answers_photos.csv")), "id,url\n1,http://x\n");
        loadAndWait(controller, header.path());
        const ui::LoadOutcome badHeader = *controller.lastLoad();
        QCOMPARE(badHeader.result.error->kind, etl::ErrorKind::BadHeader);
        QCOMPARE(badHeader.status, QStringLiteral("Failed"));
        QVERIFY(badHeader.note.contains(QStringLiteral("answer_id")));

        // A database that refuses: its kind, and no password in what the user reads.
        controller.setManagedDsn(QStringLiteral("postgresql://qaconsole:s3cret@127.0.0.1:1/qa"));
        QTemporaryDir sample;
        QVERIFY(testing::copySampleFixture(sample.path()));
        loadAndWait(controller, sample.path());
        const ui::LoadOutcome refused = *controller.lastLoad();
        QCOMPARE(refused.result.error->kind, etl::ErrorKind::Database);
        QVERIFY(!refused.note.contains(QStringLiteral("s3cret")));
        QCOMPARE(testing::qaTableCounts(m_dsn), before);
    }

    void theSampleIsGeneratedThenLoaded()
    {
        QTemporaryDir samples;
        const QString folder = samples.filePath(QStringLiteral("sample"));
        EtlController controller(folder);
        controller.setManagedDsn(m_dsn);
        QSignalSpy started(&controller, &EtlController::progressStarted);
        controller.loadDataset();
        QCOMPARE(controller.phase(), DataLoadPhase::PreparingSample);
        QVERIFY(controller.isLoading());
        QCOMPARE(started.size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(controller.lastLoad().has_value(), 2 * kLoadTimeoutMs);
        QCOMPARE(started.size(), 2); // the generation, then the load
        QCOMPARE(controller.phase(), DataLoadPhase::Idle);
        const ui::LoadOutcome& outcome = *controller.lastLoad();
        QVERIFY2(outcome.result.ok(), qPrintable(outcome.note));
        QCOMPARE(outcome.sourceDir, folder);
        QVERIFY(QFile::exists(QDir(folder).filePath(QStringLiteral("questions.csv"))));
        QCOMPARE(testing::qaTableCounts(m_dsn),
                 QStringLiteral("questions=%1 answers=%2 answers_photos=%3")
                     .arg(outcome.result.counts(etl::Table::Questions).rowsInTable)
                     .arg(outcome.result.counts(etl::Table::Answers).rowsInTable)
                     .arg(outcome.result.counts(etl::Table::Photos).rowsInTable));
    }

    void theWizardGoesThroughItsSteps()
    {
        QTemporaryDir source;
        QVERIFY(testing::copySampleFixture(source.path()));
        EtlController etl; // the managed database is not running
        LoadWizardController wizard(etl);
        QCOMPARE(wizard.step(), WizardStep::Source);
        QVERIFY(!wizard.canAdvance());

        // Source: a folder without the files, then the fixture's.
        QTemporaryDir empty;
        wizard.inspect(empty.path());
        QTRY_COMPARE(wizard.sourceLine().tone, ui::Tone::Bad);
        QVERIFY(!wizard.sourceLine().ok);
        QVERIFY(!wizard.canAdvance());
        QSignalSpy inspected(&wizard, &LoadWizardController::inspected);
        wizard.inspect(source.path());
        QTRY_VERIFY(wizard.sourceLine().ok);
        QCOMPARE(wizard.sourceLine().tone, ui::Tone::Good);
        QCOMPARE(inspected.size(), 1);
        QCOMPARE(wizard.loadableFolder(), source.path());
        QVERIFY(wizard.canAdvance());
        wizard.sourceEdited(); // what is typed now has not been checked
        QVERIFY(!wizard.canAdvance());
        wizard.inspect(source.path());
        QTRY_VERIFY(wizard.canAdvance());

        // Target: the managed database is not running, so a connection string it is.
        wizard.enterStep(WizardStep::Target);
        QVERIFY(wizard.targetsManaged());
        QCOMPARE(wizard.managedLabel(), QStringLiteral("not running"));
        QVERIFY(!wizard.canAdvance());
        wizard.setTarget(false, QStringLiteral("host=127.0.0.1 dbname"), {});
        QVERIFY(!wizard.connectionProblem().isEmpty());
        QVERIFY(!wizard.canAdvance());
        const QUrl url(m_dsn);
        const QString password = url.password();
        QUrl withoutPassword = url;
        withoutPassword.setPassword({});
        wizard.setTarget(false, withoutPassword.toString(), password);
        QVERIFY(wizard.connectionProblem().isEmpty());
        QVERIFY(wizard.canAdvance());
        QVERIFY(!wizard.address().contains(password));
        wizard.testConnection();
        QVERIFY(wizard.isTesting());
        QTRY_VERIFY_WITH_TIMEOUT(!wizard.isTesting(), kLoadTimeoutMs);
        QVERIFY2(wizard.testLine().ok, qPrintable(wizard.testLine().text));
        QCOMPARE(wizard.testLine().tone, ui::Tone::Good);
        QVERIFY(wizard.testLine().text.contains(QStringLiteral("PostgreSQL")));
        QVERIFY(!wizard.testLine().text.contains(password));
        // Another target drops the result taken for this one.
        wizard.setTarget(false, withoutPassword.toString(), password + u'x');
        QVERIFY(wizard.testLine().text.isEmpty());
        wizard.setTarget(false, withoutPassword.toString(), password);

        // Run: the load starts on entering the step; the page's controller follows it.
        QSignalSpy finished(&wizard, &LoadWizardController::loadFinished);
        wizard.enterStep(WizardStep::Run);
        QVERIFY(wizard.isLoading());
        QVERIFY(!wizard.canAdvance());
        QCOMPARE(etl.phase(), DataLoadPhase::Loading);
        QCOMPARE(etl.sourceDir(), source.path());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, kLoadTimeoutMs);
        QVERIFY(wizard.canAdvance());
        QVERIFY2(wizard.outcome()->result.ok(), qPrintable(wizard.outcome()->note));
        QCOMPARE(wizard.outcome()->status, QStringLiteral("Loaded"));
        QCOMPARE(wizard.outcome()->targetAddress, wizard.address());
        QVERIFY(etl.lastLoad().has_value());
        QCOMPARE(etl.lastLoad()->status, QStringLiteral("Loaded"));
        QCOMPARE(testing::qaTableCounts(m_dsn), kSampleCounts);
        // Closing now closes; nothing runs.
        QVERIFY(wizard.cancel());
    }

    void theWizardCancelsItsLoadAndStays()
    {
        const QString before = testing::qaTableCounts(m_dsn);
        QTemporaryDir legacy;
        QVERIFY(testing::copySampleFixture(legacy.path(), testing::legacyFixturePath()));
        EtlController etl;
        etl.setManagedDsn(m_dsn);
        LoadWizardController wizard(etl);
        QVERIFY(wizard.targetsManaged());
        QCOMPARE(wizard.managedLabel(), QStringLiteral("ready"));
        wizard.inspect(legacy.path());
        QTRY_VERIFY(wizard.sourceLine().ok);
        QVERIFY(wizard.sourceLine().text.contains(QStringLiteral("older export format")));
        wizard.enterStep(WizardStep::Target);
        QVERIFY(wizard.canAdvance());

        wizard.enterStep(WizardStep::Run);
        QVERIFY(wizard.isLoading());
        QVERIFY(!wizard.cancel()); // the wizard stays to report the cancelled load
        QVERIFY(!wizard.canCancel());
        QTRY_VERIFY_WITH_TIMEOUT(wizard.outcome().has_value(), kLoadTimeoutMs);
        QVERIFY(wizard.outcome()->result.cancelled());
        QCOMPARE(wizard.outcome()->status, QStringLiteral("Cancelled"));
        QCOMPARE(testing::qaTableCounts(m_dsn), before);
        QVERIFY(wizard.cancel());
    }

    // The wizard's reject limit reaches the load: one bad row in 101 passes the default 1 %,
    // and is refused at 0 %, the tables staying as they were.
    void theWizardHoldsTheLoadToItsRejectLimit()
    {
        QTemporaryDir source;
        QVERIFY(testing::copySampleFixture(source.path()));
        QFile questions(QDir(source.path()).filePath(QStringLiteral("questions.csv")));
        QVERIFY(questions.open(QIODevice::Append));
        questions.write("not-a-number,1,Is it warm?,1596080481467,a,a@example.com,0,0\r\n");
        questions.close();
        EtlController etl;
        etl.setManagedDsn(m_dsn);
        std::optional<etl::EtlResult> loaded;
        loadThroughTheWizard(etl, source.path(), 1.0, loaded);
        QVERIFY(loaded);
        QVERIFY2(loaded->ok(), qPrintable(loaded->error ? loaded->error->message : QString()));
        QCOMPARE(testing::qaTableCounts(m_dsn), kSampleCounts);

        std::optional<etl::EtlResult> refused;
        loadThroughTheWizard(etl, source.path(), 0.0, refused);
        QVERIFY(refused);
        QVERIFY(!refused->ok());
        QCOMPARE(refused->error->kind, etl::ErrorKind::TooManyRejects);
        QCOMPARE(testing::qaTableCounts(m_dsn), kSampleCounts);
    }

    void theWizardGeneratesThenInspects()
    {
        QTemporaryDir target;
        EtlController etl;
        LoadWizardController wizard(etl);
        QVERIFY(!LoadWizardController::holdsDatasetFiles(target.path()));
        QVERIFY(LoadWizardController::generateEstimate(0.01).contains(QStringLiteral("35,190")));
        etl::GeneratorOptions options;
        options.outDir = target.path();
        options.scale = 0.001;
        wizard.generate(options);
        QVERIFY(wizard.isGenerating());
        QVERIFY(wizard.generation().running);
        QVERIFY(!wizard.canAdvance());
        QTRY_VERIFY_WITH_TIMEOUT(wizard.sourceLine().ok, kLoadTimeoutMs);
        QVERIFY(!wizard.isGenerating());
        QCOMPARE(wizard.loadableFolder(), target.path());
        QVERIFY(LoadWizardController::holdsDatasetFiles(target.path()));
    }
};

QTEST_GUILESS_MAIN(TestEtlController)
#include "tst_etlcontroller.moc"
