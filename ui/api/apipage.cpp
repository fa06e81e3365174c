#include "ui/api/apipage.h"

#include "ui/api/apicontroller.h"
#include "ui/api/apiexplorer.h"
#include "ui/api/livefiguresview.h"
#include "ui/shell/busyindicator.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/statusbanner.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

constexpr int kMaxThreads = 256;
constexpr int kCopiedFeedbackMs = 1500;
const QString kAllInterfaces = QStringLiteral("0.0.0.0");

} // namespace

ApiPage::ApiPage(ApiController& controller, QWidget* parent)
    : Page(parent), m_controller(controller), m_sampleTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("apiPage"));

    m_figures = new LiveFiguresView;
    m_figures->setObjectName(QStringLiteral("apiLiveFigures"));
    auto* liveCard = new CardFrame(tr("Traffic"));
    liveCard->setObjectName(QStringLiteral("apiLiveCard"));
    liveCard->contentLayout()->addWidget(m_figures, 1);

    m_explorer = new ApiExplorer;
    m_explorer->setObjectName(QStringLiteral("apiExplorer"));
    auto* explorerCard = new CardFrame(tr("Explorer"));
    explorerCard->setObjectName(QStringLiteral("apiExplorerCard"));
    explorerCard->contentLayout()->addWidget(m_explorer, 1);

    auto* cards = new QWidget;
    cards->setAutoFillBackground(false);
    auto* cardLayout = new QVBoxLayout(cards);
    cardLayout->setContentsMargins(0, 0, 0, 0);
    cardLayout->setSpacing(16);
    cardLayout->addWidget(createBackendCard());
    cardLayout->addWidget(liveCard);
    cardLayout->addWidget(explorerCard, 1);

    setScrollingContent(tr("Serves the storefront's Q&A API from this console: start and stop it, "
                           "watch its traffic, and try its routes."),
                        cards);

    m_sampleTimer->setInterval(kSampleIntervalMs);
    connect(m_sampleTimer, &QTimer::timeout, this, &ApiPage::sample);
    connect(&m_controller, &ApiController::changed, this, &ApiPage::present);
    connect(&m_controller, &ApiController::backendStarted, this, &ApiPage::backendStarted);

    forwardSettings();
    applyPalette();
    present();
    if (m_controller.phase() == BackendPhase::Running)
        backendStarted(); // a page made while the backend runs starts from its figures
}

ApiPage::~ApiPage() = default;

QString ApiPage::title() const
{
    return tr("API");
}

QIcon ApiPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/api.svg"));
}

void ApiPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        applyPalette();
        present();
    }
    Page::changeEvent(event);
}

QWidget* ApiPage::createBackendCard()
{
    auto* card = new CardFrame(tr("Backend"));
    card->setObjectName(QStringLiteral("apiBackendCard"));

    m_state = new QLabel(card);
    m_state->setObjectName(QStringLiteral("apiStateLabel"));
    m_state->setAlignment(Qt::AlignCenter);
    m_state->setMinimumHeight(24);
    m_busy = new BusyIndicator(card);
    m_busy->setColor(toneColor(Tone::Busy));

    m_urlLabel = new QLabel(card);
    m_urlLabel->setObjectName(QStringLiteral("apiUrlLabel"));
    m_urlLabel->setTextFormat(Qt::PlainText);
    m_urlLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_urlLabel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_copy = new QToolButton(card);
    m_copy->setObjectName(QStringLiteral("apiCopyUrlButton"));
    m_copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy the URL to the clipboard"));
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copy->setAutoRaise(true);
    connect(m_copy, &QToolButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_controller.url());
        m_copy->setText(tr("Copied"));
        QTimer::singleShot(kCopiedFeedbackMs, m_copy,
                           [copy = m_copy] { copy->setText(tr("Copy")); });
    });

    m_start = new QPushButton(QIcon(QStringLiteral(":/icons/start.svg")), tr("Start"), card);
    m_start->setObjectName(QStringLiteral("apiStartButton"));
    m_stop = new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("Stop"), card);
    m_stop->setObjectName(QStringLiteral("apiStopButton"));
    for (QPushButton* button : {m_start, m_stop})
        button->setMinimumWidth(92);
    connect(m_start, &QPushButton::clicked, &m_controller, &ApiController::start);
    connect(m_stop, &QPushButton::clicked, &m_controller, &ApiController::stop);

    auto* header = new QHBoxLayout;
    header->setSpacing(10);
    header->addWidget(m_state);
    header->addWidget(m_busy);
    header->addSpacing(4);
    header->addWidget(m_urlLabel);
    header->addWidget(m_copy);
    header->addStretch(1);
    header->addWidget(m_start);
    header->addWidget(m_stop);

    m_bind = new QComboBox(card);
    m_bind->setObjectName(QStringLiteral("apiBindCombo"));
    m_bind->addItem(tr("127.0.0.1 — this machine"), QStringLiteral("127.0.0.1"));
    m_bind->addItem(tr("::1 — this machine, IPv6"), QStringLiteral("::1"));
    m_bind->addItem(tr("0.0.0.0 — every network"), kAllInterfaces);
    m_port = new QSpinBox(card);
    m_port->setObjectName(QStringLiteral("apiPortSpin"));
    m_port->setRange(0, 65535);
    m_port->setValue(m_controller.listenSettings().port);
    m_port->setSpecialValueText(tr("any free"));
    m_port->setToolTip(tr("The TCP port to listen on; 0 lets the system pick a free one"));
    m_threads = new QSpinBox(card);
    m_threads->setObjectName(QStringLiteral("apiThreadsSpin"));
    m_threads->setRange(1, kMaxThreads);
    m_threads->setValue(m_controller.listenSettings().threads);
    m_threads->setToolTip(tr("Worker threads, each with its own event loop and database "
                             "connection; the default is one per core"));

    connect(m_bind, &QComboBox::currentIndexChanged, this, &ApiPage::forwardSettings);
    connect(m_port, &QSpinBox::valueChanged, this, &ApiPage::forwardSettings);
    connect(m_threads, &QSpinBox::valueChanged, this, &ApiPage::forwardSettings);

    auto* settings = new QHBoxLayout;
    settings->setSpacing(10);
    const auto caption = [this, card](const QString& text) {
        auto* label = new QLabel(text, card);
        m_captions.append(label);
        return label;
    };
    settings->addWidget(caption(tr("Address")));
    settings->addWidget(m_bind);
    settings->addSpacing(14);
    settings->addWidget(caption(tr("Port")));
    settings->addWidget(m_port);
    settings->addSpacing(14);
    settings->addWidget(caption(tr("Threads")));
    settings->addWidget(m_threads);
    settings->addStretch(1);

    m_bindWarning = new QLabel(tr("0.0.0.0 exposes the API beyond this machine: every computer "
                                  "that can reach it may read and write the Q&A data."),
                               card);
    m_bindWarning->setObjectName(QStringLiteral("apiBindWarning"));
    m_bindWarning->setWordWrap(true);

    m_banner = new StatusBanner(QStringLiteral("api"), card);
    connect(m_banner, &StatusBanner::actionTriggered, &m_controller, &ApiController::triggerAction);

    QVBoxLayout* content = card->contentLayout();
    content->addLayout(header);
    content->addLayout(settings);
    content->addWidget(m_bindWarning);
    content->addWidget(m_banner);
    return card;
}

void ApiPage::forwardSettings()
{
    ListenSettings settings;
    settings.bindAddress = m_bind->currentData().toString();
    settings.port = std::uint16_t(m_port->value());
    settings.threads = m_threads->value();
    m_controller.setListenSettings(settings);
    m_bindWarning->setVisible(settings.bindAddress == kAllInterfaces);
}

void ApiPage::backendStarted()
{
    m_explorer->setBaseUrl(m_controller.url());
    m_explorer->setExamples(m_controller.examples());
    m_figures->reset();
    sample(); // the baseline for the first interval
}

void ApiPage::sample()
{
    m_figures->addSample(QDateTime::currentMSecsSinceEpoch(), m_controller.snapshot(),
                         m_controller.gauges());
}

void ApiPage::present()
{
    const BackendView shown = m_controller.view();
    m_state->setText(shown.label);
    m_state->setProperty("stateColor", toneColor(shown.tone));
    const QString pill = pillStyleSheet(shown.tone, QApplication::palette(this));
    if (m_state->styleSheet() != pill)
        m_state->setStyleSheet(pill);
    m_busy->setVisible(shown.busy);

    const bool running = shown.state == stack::ServiceState::Running;
    if (running != m_sampling) {
        m_sampling = running;
        if (running) {
            m_sampleTimer->start();
        } else {
            m_sampleTimer->stop();
            m_explorer->setBaseUrl(QString());
            m_figures->showIdle();
        }
    }
    m_urlLabel->setText(m_controller.url());
    m_urlLabel->setVisible(running);
    m_copy->setVisible(running);
    m_start->setEnabled(shown.canStart);
    m_stop->setEnabled(shown.canStop);
    for (QWidget* setting : std::initializer_list<QWidget*>{m_bind, m_port, m_threads})
        setting->setEnabled(shown.settingsEditable);
    m_banner->showStatus(shown.messageTone, shown.message, backendActionText(shown.action));
}

void ApiPage::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    for (QLabel* caption : std::as_const(m_captions))
        setTextColor(caption, secondaryText(colors));
    setTextColor(m_bindWarning, toneColor(Tone::Busy));
}

} // namespace qaconsole::ui
