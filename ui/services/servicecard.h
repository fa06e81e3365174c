#pragma once

#include "backend/stack/servicestatus.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;
class QTimer;

namespace qaconsole::ui {

class BusyIndicator;
class ElidedLabel;
class FigureGrid;
class LogView;

// Everything about one service on the Services page: its state as a coloured pill, address,
// version, uptime, pid, the latest message, Start / Stop / Restart, and a live tail of its log.
//
// The buttons offered follow the state: Running → Stop, Restart; Stopped, Crashed, Failed →
// Start; Starting, Stopping → none, with a busy indicator; external services → none, with a
// note. A click shows the expected transition ("starting", "stopping") at once and emits the
// request; the next status reported replaces it.
//
// Child widgets are named "<service><Part>" for tests, e.g. "postgresStateLabel" (whose
// "stateColor" property holds the pill's colour), "postgresStartButton", "postgresStopButton",
// "postgresRestartButton", "postgresBusyIndicator", "postgresExternalNote",
// "postgresAddressLabel", "postgresVersionLabel", "postgresUptimeLabel", "postgresPidLabel",
// "postgresMessageLabel", "postgresLogView".
class ServiceCard : public QFrame
{
    Q_OBJECT
public:
    explicit ServiceCard(stack::ServiceKind kind, QWidget* parent = nullptr);

    stack::ServiceKind kind() const { return m_kind; }
    // Shows a status reported for this card's service; statuses of other services are ignored.
    void showStatus(const stack::ServiceStatus& status);

Q_SIGNALS:
    void startRequested(qaconsole::stack::ServiceKind kind);
    void stopRequested(qaconsole::stack::ServiceKind kind);
    void restartRequested(qaconsole::stack::ServiceKind kind);

protected:
    void changeEvent(QEvent* event) override;

private:
    QLayout* createHeader();
    QLayout* createDetails();
    QLayout* createLogSection();
    QString partName(const QString& part) const;
    void showPending(stack::ServiceState state);
    void present();
    void presentButtons();
    void presentMessage();
    void updateUptime();
    void applyStyle();

    stack::ServiceKind m_kind;
    std::optional<stack::ServiceStatus> m_status; // none until the first status arrives

    QLabel* m_state = nullptr;
    BusyIndicator* m_busy = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_restart = nullptr;
    QLabel* m_externalNote = nullptr;
    FigureGrid* m_details = nullptr;
    QLabel* m_address = nullptr;
    QLabel* m_version = nullptr;
    QLabel* m_uptime = nullptr;
    QLabel* m_pid = nullptr;
    QLabel* m_message = nullptr;
    ElidedLabel* m_logPath = nullptr;
    LogView* m_log = nullptr;
    QTimer* m_uptimeTimer = nullptr;
    QList<QLabel*> m_captions;
};

} // namespace qaconsole::ui
