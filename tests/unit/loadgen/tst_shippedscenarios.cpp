// The scenario examples the package installs (resources/scenarios) open as the Load test page
// and the scenario parser read them: no error, and a scenario that would start.

#include "loadgen/scenariofile.h"

#include <QDir>
#include <QTest>

using namespace qaconsole::loadgen;

class TestShippedScenarios : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyShippedScenarioLoads()
    {
        const QDir folder(QStringLiteral(QACONSOLE_SOURCE_DIR "/resources/scenarios"));
        const QStringList files = folder.entryList({QStringLiteral("*.json")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable(folder.path()));
        for (const QString& name : files) {
            const ScenarioFile file = loadScenarioFile(folder.filePath(name));
            QVERIFY2(file.ok(),
                     qPrintable(name + u": " + errorTexts(file.errors).join(QStringLiteral("; "))));
            const QStringList problems =
                errorTexts(file.scenario.validate(Scenario::DatabaseIds::ReadAtStart));
            QVERIFY2(problems.isEmpty(),
                     qPrintable(name + u": " + problems.join(QStringLiteral("; "))));
            QVERIFY2(!file.scenario.thresholds.empty(), qPrintable(name));
        }
    }
};

QTEST_GUILESS_MAIN(TestShippedScenarios)
#include "tst_shippedscenarios.moc"
