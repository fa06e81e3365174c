#include "ui/services/servicecard.h"

#include "ui/services/logview.h"
#include "ui/services/uptimetext.h"
#include "ui/shell/busyindicator.h"
#include "ui/shell/elidedlabel.h"
#include "ui/shell/figuregrid.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

const QString noValue = QStringLiteral("—");

QIcon serviceIcon(stack::ServiceKind kind)
{
    switch (kind) {
    case stack::ServiceKind::Postgres:
        return QIcon(QStringLiteral(":/icons/database.svg"));
    case stack::ServiceKind::Redis:
        return QIcon(QStringLiteral(":/icons/cache.svg"));
    }
    return QIcon(QStringLiteral(":/icons/services.svg"));
}

QString orNoValue(const QString& text)
{
    return text.isEmpty() ? noValue : text;
}

} // namespace

ServiceCard::ServiceCard(stack::ServiceKind kind, QWidget* parent)
    : QFrame(parent), m_kind(kind), m_uptimeTimer(new QTimer(this))
{
    setObjectName(partName(QStringLiteral("Card")));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setSpacing(14);
    layout->addLayout(createHeader());
    layout->addLayout(createDetails());

    m_message = new QLabel(this);
    m_message->setObjectName(partName(QStringLiteral("MessageLabel")));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setTextFormat(Qt::PlainText);
    layout->addWidget(m_message);
    layout->addLayout(createLogSection(), 1);

    m_uptimeTimer->setInterval(1000);
    connect(m_uptimeTimer, &QTimer::timeout, this, &ServiceCard::updateUptime);

    applyStyle();
    present();
}

void ServiceCard::showStatus(const stack::ServiceStatus& status)
{
    if (status.kind != m_kind)
        return;
    m_status = status;
    present();
}

void ServiceCard::changeEvent(QEvent* event)
{
    // Only the application palette counts: the card's own palette is changed by its style sheet.
    if (event->type() == QEvent::ApplicationPaletteChange) {
        applyStyle();
        present();
    }
    QFrame::changeEvent(event);
}

QLayout* ServiceCard::createHeader()
{
    auto* icon = new QLabel(this);
    icon->setPixmap(serviceIcon(m_kind).pixmap(28, 28));

    auto* title = new QLabel(stack::serviceTitle(m_kind), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setWeight(QFont::DemiBold);
    title->setFont(titleFont);

    m_state = new QLabel(this);
    m_state->setObjectName(partName(QStringLiteral("StateLabel")));
    m_state->setAlignment(Qt::AlignCenter);

    m_busy = new BusyIndicator(this);
    m_busy->setObjectName(partName(QStringLiteral("BusyIndicator")));
    m_busy->setColor(toneColor(Tone::Busy));

    const auto button = [this](const QString& text, const QString& icon, const QString& part) {
        auto* created = new QPushButton(QIcon(icon), text, this);
        created->setObjectName(partName(part));
        created->setMinimumWidth(92);
        return created;
    };
    m_start =
        button(tr("Start"), QStringLiteral(":/icons/start.svg"), QStringLiteral("StartButton"));
    m_stop = button(tr("Stop"), QStringLiteral(":/icons/stop.svg"), QStringLiteral("StopButton"));
    m_restart = button(tr("Restart"), QStringLiteral(":/icons/restart.svg"),
                       QStringLiteral("RestartButton"));
    connect(m_start, &QPushButton::clicked, this, [this] {
        showPending(stack::ServiceState::Starting);
        Q_EMIT startRequested(m_kind);
    });
    connect(m_stop, &QPushButton::clicked, this, [this] {
        showPending(stack::ServiceState::Stopping);
        Q_EMIT stopRequested(m_kind);
    });
    // A restart begins by stopping, which is what the supervisor reports first too.
    connect(m_restart, &QPushButton::clicked, this, [this] {
        showPending(stack::ServiceState::Stopping);
        Q_EMIT restartRequested(m_kind);
    });

    m_externalNote = new QLabel(tr("External service — started and stopped elsewhere"), this);
    m_externalNote->setObjectName(partName(QStringLiteral("ExternalNote")));

    auto* header = new QHBoxLayout;
    header->setSpacing(10);
    header->addWidget(icon);
    header->addWidget(title);
    header->addSpacing(4);
    header->addWidget(m_state);
    header->addStretch(1);
    header->addWidget(m_busy);
    header->addSpacing(8);
    header->addWidget(m_externalNote);
    header->addWidget(m_start);
    header->addWidget(m_stop);
    header->addWidget(m_restart);
    return header;
}

QLayout* ServiceCard::createDetails()
{
    m_details = new FigureGrid(this);
    m_address = m_details->addFigure(tr("Address"), partName(QStringLiteral("AddressLabel")));
    m_version = m_details->addFigure(tr("Version"), partName(QStringLiteral("VersionLabel")));
    m_uptime = m_details->addFigure(tr("Uptime"), partName(QStringLiteral("UptimeLabel")));
    m_pid = m_details->addFigure(tr("PID"), partName(QStringLiteral("PidLabel")));
    return m_details;
}

QLayout* ServiceCard::createLogSection()
{
    auto* caption = new QLabel(tr("Log"), this);
    m_captions.append(caption);
    // A long path is elided in the middle instead of widening the whole window.
    m_logPath = new ElidedLabel(this);
    m_logPath->setObjectName(partName(QStringLiteral("LogPathLabel")));

    m_log = new LogView(this);
    m_log->setObjectName(partName(QStringLiteral("LogView")));

    auto* title = new QHBoxLayout;
    title->setSpacing(10);
    title->addWidget(caption);
    title->addWidget(m_logPath, 1);

    auto* section = new QVBoxLayout;
    section->setSpacing(6);
    section->addLayout(title);
    section->addWidget(m_log, 1);
    return section;
}

QString ServiceCard::partName(const QString& part) const
{
    return stack::serviceName(m_kind) + part;
}

void ServiceCard::showPending(stack::ServiceState state)
{
    if (!m_status)
        return;
    m_status->state = state;
    m_status->message.clear();
    m_status->startedAt = {};
    present();
}

void ServiceCard::present()
{
    const StatePresentation presentation =
        m_status ? statePresentation(m_status->state) : unknownStatePresentation();
    m_state->setText(presentation.label);
    m_state->setProperty("stateColor", presentation.color());
    // Statuses repeat at every health check; an unchanged sheet is not applied again, since
    // setting one re-polishes the label.
    const QString pill = pillStyleSheet(presentation.tone, QApplication::palette(this));
    if (m_state->styleSheet() != pill)
        m_state->setStyleSheet(pill);

    m_address->setText(m_status ? orNoValue(m_status->address) : noValue);
    m_version->setText(m_status ? orNoValue(m_status->version) : noValue);
    m_pid->setText(m_status && m_status->pid > 0 ? QString::number(m_status->pid) : noValue);

    presentButtons();
    presentMessage();
    updateUptime();

    const QString logFile = m_status ? m_status->logFile : QString();
    m_log->follow(logFile);
    m_logPath->setText(QDir::toNativeSeparators(logFile));
    if (logFile.isEmpty()) {
        m_log->setPlaceholderText(m_status && m_status->external
                                      ? tr("The log of an external service stays where it runs.")
                                      : tr("No log file yet."));
    }
}

void ServiceCard::presentButtons()
{
    using stack::ServiceState;
    const bool external = m_status && m_status->external;
    const std::optional<ServiceState> state =
        m_status ? std::optional(m_status->state) : std::nullopt;
    const bool canStart = state == ServiceState::Stopped || state == ServiceState::Crashed ||
                          state == ServiceState::Failed;
    const bool running = state == ServiceState::Running;

    m_start->setEnabled(canStart);
    m_stop->setEnabled(running);
    m_restart->setEnabled(running);
    for (QPushButton* button : {m_start, m_stop, m_restart})
        button->setVisible(!external);
    m_externalNote->setVisible(external);
    m_busy->setVisible(!external && state && isBusyState(*state));
}

void ServiceCard::presentMessage()
{
    const QString message = m_status ? m_status->message : QString();
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
    const bool error = m_status && isErrorState(m_status->state);
    const QPalette colors = QApplication::palette(this);
    setTextColor(m_message, error ? toneColor(stateTone(m_status->state))
                                  : colors.color(QPalette::WindowText));
}

void ServiceCard::updateUptime()
{
    const bool running = m_status && m_status->state == stack::ServiceState::Running &&
                         m_status->startedAt.isValid();
    if (!running) {
        m_uptimeTimer->stop();
        m_uptime->setText(noValue);
        return;
    }
    m_uptime->setText(uptimeText(m_status->startedAt.secsTo(QDateTime::currentDateTimeUtc())));
    if (!m_uptimeTimer->isActive())
        m_uptimeTimer->start();
}

void ServiceCard::applyStyle()
{
    const QPalette colors = QApplication::palette(this);
    setStyleSheet(
        QStringLiteral("QFrame#%1 { background: %2; border: 1px solid %3;"
                       " border-radius: 10px; }")
            .arg(objectName(), colors.color(QPalette::Base).name(), hairline(colors).name()));

    const QColor quiet = secondaryText(colors);
    m_details->applyPalette(colors);
    for (QLabel* caption : std::as_const(m_captions))
        setTextColor(caption, quiet);
    setTextColor(m_logPath, quiet);
    setTextColor(m_externalNote, quiet);

    // The log sits a shade off the card's white so it reads as a separate, scrolling area.
    QPalette logColors = m_log->palette();
    logColors.setColor(QPalette::Base,
                       blend(colors.color(QPalette::Base), colors.color(QPalette::Text), 0.03));
    m_log->setPalette(logColors);
}

} // namespace qaconsole::ui
