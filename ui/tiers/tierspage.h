#pragma once

#include "backend/stack/servicestatus.h"
#include "ui/shell/page.h"

#include <optional>

class QLabel;
class QListWidget;
class QPushButton;
class QSpinBox;

namespace qaconsole::ui {

class BusyIndicator;
class FigureGrid;
class StatusBanner;
class TierEditor;
class TiersChart;
class TiersController;
class TopologyView;

// The Tiers page, a view of a TiersController.
//
// - Tiers: the list of the tiers file, with Add, Duplicate and Delete; the form of the tier
//   chosen (TierEditor), its mistakes marked by field as it is edited; Save and Revert.
// - Running: Up and Down for the tier chosen, the tier's totals (requests/s, errors/s, p99, hit
//   ratio, nginx's connections), its topology (TopologyView: nginx → each instance, with its
//   state and figures → Redis → PostgreSQL), a chart of requests/s and errors/s, and the faults
//   (kill an instance, stop Redis, restart PostgreSQL), each after a confirmation.
//
// Widgets are named for tests: "tierList", "tierAddButton", "tierDuplicateButton",
// "tierDeleteButton", "tierSaveButton", "tierRevertButton", "tierFileLabel", "tierUpButton",
// "tierDownButton", "tierRunStateLabel", "tierRequestRateLabel", "tierErrorRateLabel",
// "tierP99Label", "tierHitRatioLabel", "tierConnectionsLabel", "tierKillSpin",
// "tierKillButton", "tierStopRedisButton", "tierRestartPostgresButton", plus those of
// TierEditor, TopologyView ("tierTopologyView"), TiersChart ("tierLiveChart") and the banner
// ("tierNotice...").
class TiersPage : public Page
{
    Q_OBJECT
public:
    // `controller` must outlive the page.
    explicit TiersPage(TiersController& controller, QWidget* parent = nullptr);
    ~TiersPage() override;

    QString title() const override;
    QIcon icon() const override;

    TiersController& controller() { return m_controller; }
    const TopologyView& topologyView() const { return *m_topology; }

public Q_SLOTS:
    // PostgreSQL's and Redis's states, for their boxes (StackSupervisor::statusChanged).
    void setServiceStatus(const qaconsole::stack::ServiceStatus& status);

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createListCard();
    QWidget* createEditorCard();
    QWidget* createRunCard();
    QWidget* createFaultRow();
    int currentIndex() const;
    void showList();
    void showSelected();
    void showRun();
    void revealRunCard(); // scrolls the page to the Running card
    void showFigures(qint64 atMs);
    void showTopology();
    void confirmFault(int fault);
    void applyPalette();

    TiersController& m_controller;
    std::optional<stack::ServiceStatus> m_postgres;
    std::optional<stack::ServiceStatus> m_redis;
    QListWidget* m_list = nullptr;
    QPushButton* m_duplicate = nullptr;
    QPushButton* m_delete = nullptr;
    TierEditor* m_editor = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QLabel* m_fileLabel = nullptr;
    QWidget* m_runCard = nullptr;
    QLabel* m_runState = nullptr;
    BusyIndicator* m_busy = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    StatusBanner* m_notice = nullptr;
    FigureGrid* m_totals = nullptr;
    QLabel* m_requestRate = nullptr;
    QLabel* m_errorRate = nullptr;
    QLabel* m_p99 = nullptr;
    QLabel* m_hitRatio = nullptr;
    QLabel* m_connections = nullptr;
    TopologyView* m_topology = nullptr;
    TiersChart* m_chart = nullptr;
    QSpinBox* m_killInstance = nullptr;
    QPushButton* m_kill = nullptr;
    QPushButton* m_stopRedis = nullptr;
    QPushButton* m_restartPostgres = nullptr;
    QString m_chartTier; // the tier the chart shows
};

} // namespace qaconsole::ui
