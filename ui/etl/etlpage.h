#pragma once

#include "etl/etlprogress.h"
#include "etl/etlresult.h"
#include "etl/generator/datasetgenerator.h"
#include "ui/shell/page.h"

#include <QPointer>

class QLabel;
class QPushButton;

namespace qaconsole::ui {

class ElidedLabel;
class EtlRunner;
class LoadProgressView;
class LoadSummaryView;
class LoadWizard;
class StatusBanner;

// The Data load page: loads the storefront's CSV files into PostgreSQL. It shows the target
// (the managed database: ready or not running, never its password), the source, a load in
// progress with Cancel, and the last load's summary.
//
// "Load dataset" is the one-click way: it loads the folder last chosen in the wizard or, when
// none was, a small sample dataset (scale 0.01) generated once into the application data
// folder's datasets/sample, into the managed database with default options. "Load wizard…"
// opens LoadWizard for everything else. All work runs on the page's EtlRunner thread.
//
// Widgets are named for tests: "loadDatasetButton", "loadWizardButton", "cancelLoadButton",
// "targetStateLabel", "targetDetailLabel", "sourceLabel", "useSampleLink", "loadMessageLabel",
// "loadProgressView", "lastLoadView".
class EtlPage : public Page
{
    Q_OBJECT
public:
    explicit EtlPage(QWidget* parent = nullptr);
    ~EtlPage() override;

    QString title() const override;
    QIcon icon() const override;
    // While a generation or load runs: asks whether to cancel it and quit; on yes cancels and
    // waits (bounded) for the engine to stop.
    bool confirmClose() override;

    // The one-click load can start: the managed database is running and nothing else runs.
    bool canLoad() const;
    // The folder "Load dataset" takes its files from.
    QString sourceFolder() const;
    static QString sampleFolder();

public Q_SLOTS:
    // The managed database's URL (StackSupervisor::postgresUrlChanged), empty when it is down.
    void setManagedDsn(const QString& dsn);
    // The one-click load; does nothing while canLoad() is false.
    void loadDataset();
    void openWizard();
    void cancelLoad();

Q_SIGNALS:
    void canLoadChanged(bool canLoad);

private:
    QWidget* createLoadCard();
    void startLoad(const QString& sourceDir);
    void sampleGenerated(quint64 request, const etl::GeneratorResult& result);
    void loadStarted(quint64 request, const QString& sourceDir, const QString& targetAddress);
    void showLoadProgress(quint64 request, const etl::EtlProgress& progress);
    void loadFinished(quint64 request, const etl::EtlResult& result);
    void showTarget();
    void showSource();
    void updateControls();

    EtlRunner* m_runner;
    QPointer<LoadWizard> m_wizard;
    QString m_managedDsn;
    QString m_sourceDir; // chosen in the wizard; empty: the sample
    quint64 m_sampleRequest = 0;
    quint64 m_activeLoad = 0;
    QString m_activeSource;
    QString m_activeTarget;
    bool m_couldLoad = false;

    QLabel* m_targetState = nullptr;
    QLabel* m_targetDetail = nullptr;
    ElidedLabel* m_source = nullptr;
    QLabel* m_useSample = nullptr;
    QPushButton* m_load = nullptr;
    QPushButton* m_openWizard = nullptr;
    QPushButton* m_cancel = nullptr;
    StatusBanner* m_banner = nullptr;
    LoadProgressView* m_progress = nullptr;
    LoadSummaryView* m_summary = nullptr;
};

} // namespace qaconsole::ui
