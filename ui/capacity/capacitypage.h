#pragma once

#include "ui/shell/page.h"

class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QTimer;

namespace qaconsole::ui {

class CapacityChart;
class CapacityController;
class CompareSetup;
class ComparisonProgress;
class ComparisonResults;
class PriceTable;

// The Capacity page, a view of a CapacityController, in two tabs:
//
// - Compare tiers: the setup (CompareSetup: tiers, policies, the client's traffic, the SLO, the
//   search, the report's folder, the estimated duration) with Compare tiers and Stop; where
//   the comparison is (ComparisonProgress: run i of n, the trial, the log); the capacity chart
//   as the report draws it, live (CapacityChart); the results (ComparisonResults: capacity,
//   p99 at the peak, $/month, $ per million requests, headroom, freshness) with Open report,
//   Open PDF and Show folder.
// - Prices: the price catalogue, editable (PriceTable), under its "check before quoting"
//   banner.
//
// Widgets are named for tests: "capacityTabs", "compareEstimateLabel", "compareButton",
// "compareStopButton", plus those of the parts.
class CapacityPage : public Page
{
    Q_OBJECT
public:
    enum Tab
    {
        CompareTab,
        PricesTab
    };

    // `controller` must outlive the page.
    explicit CapacityPage(CapacityController& controller, QWidget* parent = nullptr);
    ~CapacityPage() override;

    QString title() const override;
    QIcon icon() const override;
    // While a comparison runs, asks whether to stop it and quit.
    bool confirmClose() override;

    CapacityController& controller() { return m_controller; }

private:
    QWidget* createCompareTab();
    void showChoices();
    void showRun();
    void showTrials();
    void showResults();
    QString compareHint() const;
    // Scrolls the Compare tab so that `widget` (one of its own) is at the top.
    void scrollTo(const QWidget* widget);

    CapacityController& m_controller;
    QTabWidget* m_tabs;
    QScrollArea* m_compareArea = nullptr;
    QWidget* m_resultsCard = nullptr;
    bool m_wasBusy = false;
    CompareSetup* m_setup = nullptr;
    QLabel* m_estimate = nullptr;
    QPushButton* m_compare = nullptr;
    QPushButton* m_stop = nullptr;
    ComparisonProgress* m_progress = nullptr;
    CapacityChart* m_chart = nullptr;
    ComparisonResults* m_results = nullptr;
    PriceTable* m_prices = nullptr;
    QTimer* m_timer;
};

} // namespace qaconsole::ui
