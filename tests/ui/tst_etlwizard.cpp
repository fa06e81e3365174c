// The Data load wizard and page as a user drives them, on a real PostgreSQL: choose the sample
// folder and see what was detected, target the database by connection string and test it, run
// the load and read the summary; cancel a run half-way; and the page's one-click load. The
// engine runs on the runner's thread, so the wizard keeps handling events meanwhile and the
// test waits with QTRY_*, never with fixed sleeps.

#include "tests/support/pgquery.h"
#include "tests/support/samplefixture.h"
#include "tests/support/stackfixture.h"
#include "tests/support/widgetlookup.h"
#include "ui/etl/etlcontroller.h"
#include "ui/etl/etlpage.h"
#include "ui/etl/loadsummaryview.h"
#include "ui/etl/loadwizard.h"
#include "ui/shell/mainwindow.h"

#include <QAbstractButton>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <memory>

using namespace qaconsole;
using ui::LoadWizard;

namespace {

constexpr int kStartTimeoutMs = 90'000;
constexpr int kInspectTimeoutMs = 15'000;
constexpr int kConnectTimeoutMs = 30'000;
constexpr int kLoadTimeoutMs = 120'000;
constexpr int kGenerateTimeoutMs = 120'000;

using testing::child;

// Radio buttons stretch across their row but take clicks only on the circle and the text.
void clickRadio(QObject* parent, const char* name)
{
    auto* radio = child<QRadioButton>(parent, name);
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(8, radio->height() / 2));
    QVERIFY2(radio->isChecked(), name);
}

QString labelText(QObject* parent, const char* name)
{
    return child<QLabel>(parent, name)->text();
}

// Answers the next modal question box with `answer` once it is up, and counts it in `asked`.
void answerNextQuestion(QMessageBox::StandardButton answer, int* asked)
{
    QTimer::singleShot(0, qApp, [answer, asked] {
        auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
        if (!box)
            return;
        ++*asked;
        box->button(answer)->click();
    });
}

} // namespace

class TestEtlWizard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);

        m_stack = std::make_unique<testing::StackFixture>();
        const stack::ServiceStatus postgres = m_stack->stack().start(stack::ServiceKind::Postgres);
        QVERIFY2(postgres.state == stack::ServiceState::Running, qPrintable(postgres.message));
        m_dsn = m_stack->stack().postgresDsn();
        QVERIFY(!m_dsn.isEmpty());
    }

    void cleanupTestCase() { m_stack.reset(); }

    void loadsTheFixtureStepByStep()
    {
        QTemporaryDir source;
        QVERIFY(source.isValid());
        QVERIFY(testing::copySampleFixture(source.path()));

        ui::EtlController etl; // the managed database is not running
        LoadWizard wizard(etl);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QCOMPARE(wizard.currentId(), int(LoadWizard::SourcePageId));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());

        // Source: type the folder, and see what the inspector recognised in each file.
        auto* folder = child<QLineEdit>(&wizard, "sourceFolderEdit");
        folder->setFocus();
        QTest::keyClicks(folder, source.path());
        QTest::keyClick(folder, Qt::Key_Return);
        auto* status = child<QLabel>(&wizard, "sourceStatusLabel");
        QTRY_VERIFY_WITH_TIMEOUT(status->property("loadable").toBool(), kInspectTimeoutMs);
        QVERIFY(status->text().contains(QStringLiteral("can be loaded")));

        QCOMPARE(labelText(&wizard, "questionsEncodingLabel"), QStringLiteral("UTF-8 with BOM"));
        QCOMPARE(labelText(&wizard, "questionsLineEndingsLabel"), QStringLiteral("CRLF (Windows)"));
        QCOMPARE(labelText(&wizard, "questionsDateFormatLabel"), QStringLiteral("epoch ms"));
        QCOMPARE(labelText(&wizard, "answers_photosDateFormatLabel"),
                 QStringLiteral("no date column"));
        QCOMPARE(labelText(&wizard, "answersHeaderLabel"), QStringLiteral("8 columns"));
        auto* preview = child<QTableWidget>(&wizard, "questionsPreviewTable");
        QCOMPARE(preview->columnCount(), 8);
        QCOMPARE(preview->horizontalHeaderItem(0)->text(), QStringLiteral("id"));
        QVERIFY(preview->rowCount() > 0);
        QCOMPARE(preview->item(0, 0)->text(), QStringLiteral("1"));
        for (const char* problem :
             {"questionsProblemLabel", "answersProblemLabel", "answers_photosProblemLabel"})
            QVERIFY(child<QLabel>(&wizard, problem)->isHidden());

        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(LoadWizard::TargetPageId));

        // Target: the managed database is not running here, so a connection string it is.
        QAbstractButton* start = wizard.button(QWizard::CommitButton);
        QVERIFY(!start->isEnabled());
        clickRadio(&wizard, "customTargetRadio");
        auto* connection = child<QLineEdit>(&wizard, "connectionStringEdit");
        QVERIFY(connection->isEnabled());
        connection->setText(m_dsn);
        QVERIFY(start->isEnabled());

        // Testing takes the password out of the string into its own, masked field.
        QTest::mouseClick(child<QPushButton>(&wizard, "testConnectionButton"), Qt::LeftButton);
        const QString password = QUrl(m_dsn).password();
        QVERIFY(!password.isEmpty());
        QVERIFY2(!connection->text().contains(password), "the password stays out of sight");
        QCOMPARE(child<QLineEdit>(&wizard, "passwordEdit")->text(), password);
        auto* result = child<QLabel>(&wizard, "connectionResultLabel");
        QTRY_VERIFY_WITH_TIMEOUT(!result->text().startsWith(QStringLiteral("Connecting")),
                                 kConnectTimeoutMs);
        QVERIFY2(result->property("ok").toBool(), qPrintable(result->text()));
        QVERIFY(result->text().contains(QStringLiteral("PostgreSQL")));
        QVERIFY(!result->text().contains(password));

        // Run, then the summary: every row of the sample loaded and every check passed.
        QVERIFY(start->isEnabled());
        QCOMPARE(start->text(), QStringLiteral("Start load"));
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY(wizard.currentId() == LoadWizard::RunPageId ||
                wizard.currentId() == LoadWizard::SummaryPageId);
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(LoadWizard::SummaryPageId),
                                  kLoadTimeoutMs);

        auto* summary = child<ui::LoadSummaryView>(&wizard, "summaryView");
        QVERIFY2(summary->statusText() == QStringLiteral("Loaded"),
                 qPrintable(labelText(summary, "summaryErrorLabel")));
        QCOMPARE(labelText(summary, "questionsLoadedLabel"), QStringLiteral("100"));
        QCOMPARE(labelText(summary, "answersLoadedLabel"), QStringLiteral("100"));
        QCOMPARE(labelText(summary, "answers_photosLoadedLabel"), QStringLiteral("57"));
        QCOMPARE(labelText(summary, "summaryRejectedLabel"), QStringLiteral("0"));
        auto* checks = child<QTableWidget>(summary, "verificationTable");
        QVERIFY(checks->rowCount() > 0);
        for (int row = 0; row < checks->rowCount(); ++row) {
            QVERIFY2(checks->item(row, 0)->data(Qt::UserRole).toBool(),
                     qPrintable(checks->item(row, 1)->text() + QStringLiteral(": ") +
                                checks->item(row, 2)->text()));
            QCOMPARE(checks->item(row, 0)->text(), QStringLiteral("✓"));
        }
        QVERIFY(!child<QLabel>(summary, "rejectFileLink")->property("path").toString().isEmpty());
        QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());

        QCOMPARE(testing::qaTableCounts(m_dsn),
                 QStringLiteral("questions=100 answers=100 answers_photos=57"));
    }

    void cancelDuringRunLeavesTheTablesAsTheyWere()
    {
        const QString before = testing::qaTableCounts(m_dsn);
        QTemporaryDir target;
        QVERIFY(target.isValid());

        ui::EtlController etl; // the managed database is not running
        LoadWizard wizard(etl);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));

        // Generated data, large enough that the load is still running when Cancel arrives.
        clickRadio(&wizard, "generateRadio");
        child<QLineEdit>(&wizard, "sourceFolderEdit")->setText(target.path());
        child<QDoubleSpinBox>(&wizard, "scaleSpin")->setValue(0.02);
        QTest::mouseClick(child<QPushButton>(&wizard, "generateButton"), Qt::LeftButton);
        auto* status = child<QLabel>(&wizard, "sourceStatusLabel");
        QTRY_VERIFY_WITH_TIMEOUT(status->property("loadable").toBool(), kGenerateTimeoutMs);
        QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);

        clickRadio(&wizard, "customTargetRadio");
        child<QLineEdit>(&wizard, "connectionStringEdit")->setText(m_dsn);
        QTest::mouseClick(wizard.button(QWizard::CommitButton), Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(LoadWizard::RunPageId));
        QVERIFY(wizard.isLoading());

        QAbstractButton* cancel = wizard.button(QWizard::CancelButton);
        QCOMPARE(cancel->text(), QStringLiteral("Cancel load"));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY2(wizard.isVisible(), "Cancel stops the load; the wizard stays to report it");
        QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(LoadWizard::SummaryPageId),
                                  kLoadTimeoutMs);

        auto* summary = child<ui::LoadSummaryView>(&wizard, "summaryView");
        QCOMPARE(summary->statusText(), QStringLiteral("Cancelled"));
        QVERIFY(labelText(summary, "summaryErrorLabel").contains(QStringLiteral("as they were")));
        QVERIFY(!wizard.isLoading());
        QCOMPARE(testing::qaTableCounts(m_dsn), before);
    }

    void pageLoadsTheSampleWithOneClick()
    {
        QDir(ui::EtlController::defaultSampleFolder()).removeRecursively();

        ui::EtlController controller;
        ui::EtlPage page(controller);
        page.resize(1000, 760);
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        auto* load = child<QPushButton>(&page, "loadDatasetButton");
        QVERIFY(!load->isEnabled());
        QVERIFY(load->toolTip().contains(QStringLiteral("Services")));
        QCOMPARE(labelText(&page, "targetStateLabel"), QStringLiteral("not running"));

        controller.setManagedDsn(m_dsn);
        QVERIFY(load->isEnabled());
        QCOMPARE(labelText(&page, "targetStateLabel"), QStringLiteral("ready"));
        const QString password = QUrl(m_dsn).password();
        QVERIFY(!labelText(&page, "targetDetailLabel").contains(password));

        QTest::mouseClick(load, Qt::LeftButton);
        QVERIFY(!load->isEnabled());
        QVERIFY(child<QPushButton>(&page, "cancelLoadButton")->isVisible());
        auto* summary = child<ui::LoadSummaryView>(&page, "lastLoadView");
        QTRY_VERIFY_WITH_TIMEOUT(!summary->statusText().isEmpty(),
                                 kGenerateTimeoutMs + kLoadTimeoutMs);
        QVERIFY2(summary->statusText() == QStringLiteral("Loaded"),
                 qPrintable(labelText(summary, "summaryErrorLabel")));
        QVERIFY(labelText(summary, "questionsLoadedLabel") != QStringLiteral("0"));
        // What the summary says is what the database holds.
        const auto plain = [summary](const char* name) {
            return labelText(summary, name).remove(u',');
        };
        QCOMPARE(testing::qaTableCounts(m_dsn),
                 QStringLiteral("questions=%1 answers=%2 answers_photos=%3")
                     .arg(plain("questionsLoadedLabel"), plain("answersLoadedLabel"),
                          plain("answers_photosLoadedLabel")));
        QVERIFY(QFile::exists(ui::EtlController::defaultSampleFolder() +
                              QStringLiteral("/questions.csv")));
        QTRY_VERIFY(load->isEnabled());
        QVERIFY(page.confirmClose()); // nothing running: closes without asking
    }

    void closingMidLoadAsksFirst()
    {
        QDir(ui::EtlController::defaultSampleFolder()).removeRecursively();
        ui::EtlController controller;
        auto* page = new ui::EtlPage(controller);
        ui::MainWindow window({page});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        controller.setManagedDsn(m_dsn);
        auto* load = child<QPushButton>(page, "loadDatasetButton");
        auto* summary = child<ui::LoadSummaryView>(page, "lastLoadView");

        // "No": the window stays open and the load goes on to the end.
        int asked = 0;
        QTest::mouseClick(load, Qt::LeftButton);
        answerNextQuestion(QMessageBox::No, &asked);
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY(window.isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(summary->statusText(), QStringLiteral("Loaded"),
                                  kGenerateTimeoutMs + kLoadTimeoutMs);
        const QString loaded = testing::qaTableCounts(m_dsn);

        // Nothing running: the window closes without asking.
        QTRY_VERIFY(load->isEnabled());
        QVERIFY(window.close());
        QCOMPARE(asked, 1);
        window.show();

        // "Yes": the load is cancelled, the window closes, the tables stay as they were.
        QDir(ui::EtlController::defaultSampleFolder()).removeRecursively();
        QTest::mouseClick(load, Qt::LeftButton);
        answerNextQuestion(QMessageBox::Yes, &asked);
        QVERIFY(window.close());
        QCOMPARE(asked, 2);
        QVERIFY(!window.isVisible());
        QTRY_VERIFY(labelText(page, "loadMessageLabel").startsWith(QStringLiteral("Cancelled")));
        QCOMPARE(testing::qaTableCounts(m_dsn), loaded);
    }

private:
    std::unique_ptr<testing::StackFixture> m_stack;
    QString m_dsn; // with the password: used, never printed
};

QTEST_MAIN(TestEtlWizard)
#include "tst_etlwizard.moc"
