#pragma once

#include "ui/api/backendview.h"
#include "ui/shell/page.h"

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTimer;
class QToolButton;

namespace qaconsole::ui {

class ApiController;
class ApiExplorer;
class BusyIndicator;
class LiveFiguresView;
class StatusBanner;

// The API page: a view of the embedded Q&A API backend's ApiController, in this process.
//
// - Backend: its state (the controller's view(): stopped, waiting for a database or for data,
//   starting, running, stopping, failed with the reason, in a pill and a StatusBanner with the
//   one action that helps), where it listens (address, port, threads; changeable while it is
//   not running, handed to the controller as they change), Start and Stop, and its URL with
//   Copy.
// - Live figures: sampled from the backend's counters once a second (see LiveFiguresView).
// - Explorer: one request at a time to the running backend (see ApiExplorer), with ids taken
//   from the data.
//
// The page decides nothing about the backend's life: clicks go to the controller, and the page
// redraws when the controller says it changed. The GUI thread only reads the backend's atomic
// counters from the page's timer.
//
// Widgets are named for tests: "apiStateLabel" (its colour in "stateColor"),
// "apiMessageLabel", "apiActionButton", "apiBindCombo", "apiBindWarning", "apiPortSpin",
// "apiThreadsSpin", "apiStartButton", "apiStopButton", "apiUrlLabel", "apiCopyUrlButton",
// "apiLiveFigures", "apiExplorer".
class ApiPage : public Page
{
    Q_OBJECT
public:
    // How often the figures are sampled and the chart redrawn.
    static constexpr int kSampleIntervalMs = 1000;

    // `controller` outlives the page.
    explicit ApiPage(ApiController& controller, QWidget* parent = nullptr);
    ~ApiPage() override;

    QString title() const override;
    QIcon icon() const override;

    ApiController& controller() const { return m_controller; }

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createBackendCard();
    void forwardSettings();
    void backendStarted();
    void sample();
    void present();
    void applyPalette();

    ApiController& m_controller;
    QTimer* m_sampleTimer;
    bool m_sampling = false;

    QLabel* m_state = nullptr;
    BusyIndicator* m_busy = nullptr;
    QLabel* m_urlLabel = nullptr;
    QToolButton* m_copy = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QComboBox* m_bind = nullptr;
    QSpinBox* m_port = nullptr;
    QSpinBox* m_threads = nullptr;
    QLabel* m_bindWarning = nullptr;
    StatusBanner* m_banner = nullptr;
    QList<QLabel*> m_captions;
    LiveFiguresView* m_figures = nullptr;
    ApiExplorer* m_explorer = nullptr;
};

} // namespace qaconsole::ui
