#include "ui/api/apipage.h"

#include "pg/conninfo.h"
#include "ui/api/apiexplorer.h"
#include "ui/api/backendrunner.h"
#include "ui/api/livefiguresview.h"
#include "ui/shell/busyindicator.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/statepresentation.h"
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
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

constexpr int kDefaultPort = 8080;
constexpr int kMaxThreads = 256;
constexpr int kCopiedFeedbackMs = 1500;
const QString kAllInterfaces = QStringLiteral("0.0.0.0");

// A server bound to every interface is reached through a real address; the loopback one always
// works from this machine.
QString clientUrl(const QString& listenUrl)
{
    QUrl url(listenUrl);
    if (url.host() == kAllInterfaces)
        url.setHost(QStringLiteral("127.0.0.1"));
    return url.toString();
}

} // namespace

ApiPage::ApiPage(QWidget* parent)
    : Page(parent), m_runner(new BackendRunner(this)), m_sampleTimer(new QTimer(this)),
      m_recheckTimer(new QTimer(this))
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
    m_recheckTimer->setInterval(kDataRecheckMs);
    connect(m_recheckTimer, &QTimer::timeout, this, [this] {
        if (m_dsn.isEmpty() || m_checkPending)
            return;
        m_checkPending = true;
        m_runner->checkData(m_dsn);
    });
    connect(m_runner, &BackendRunner::started, this, &ApiPage::started);
    connect(m_runner, &BackendRunner::stopped, this, &ApiPage::stopped);
    connect(m_runner, &BackendRunner::dataChecked, this, &ApiPage::dataChecked);

    applyPalette();
    present();
}

ApiPage::~ApiPage()
{
    m_runner->shutdown();
}

QString ApiPage::title() const
{
    return tr("API");
}

QIcon ApiPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/api.svg"));
}

stack::ServiceState ApiPage::state() const
{
    return view().state;
}

BackendView ApiPage::view() const
{
    BackendFacts facts;
    facts.runner = m_runner->state();
    if (m_failure) {
        facts.failure = m_failure->problem;
        facts.failureMessage = m_failure->message;
    }
    facts.wanted = m_wanted;
    facts.shutDown = m_shutDown;
    const QString dsn = facts.runner == stack::ServiceState::Stopped ? m_dsn : m_startedDsn;
    if (!dsn.isEmpty())
        facts.databaseAddress = pg::addressOf(dsn);
    facts.threads = m_result.threads;
    return describeBackend(facts);
}

double ApiPage::workerCpuSeconds() const
{
    return m_runner->gauges().workerCpuSeconds;
}

QString ApiPage::summary() const
{
    const QString message = m_message->text();
    if (state() == stack::ServiceState::Running)
        return tr("Running at %1").arg(m_url) + u'\n' + message;
    return message.isEmpty() ? tr("API backend") : message;
}

void ApiPage::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_sampleTimer->stop();
    m_recheckTimer->stop();
    m_runner->shutdown();
    m_url.clear();
    m_explorer->setBaseUrl(QString());
    m_figures->showIdle();
    present();
}

void ApiPage::setRedisUrl(const QString& url)
{
    if (url == m_redisUrl)
        return;
    m_redisUrl = url;
    // A running backend restarts with the new Redis (stopped() starts it again); one that is
    // starting notices in started().
    if (m_runner->state() == stack::ServiceState::Running)
        stopBackend();
}

void ApiPage::setDatabaseUrl(const QString& dsn)
{
    if (dsn == m_dsn)
        return;
    m_dsn = dsn;
    m_failure.reset();
    m_recheckTimer->stop();
    using stack::ServiceState;
    const ServiceState current = m_runner->state();
    if (current == ServiceState::Running)
        stopBackend(); // stopped() starts it again on the new database, if there is one
    else if ((current == ServiceState::Stopped || current == ServiceState::Failed) && m_wanted &&
             !m_dsn.isEmpty())
        startBackend();
    // Starting or stopping: started() and stopped() compare the database when they arrive.
    present();
}

void ApiPage::start()
{
    m_wanted = true;
    const stack::ServiceState current = m_runner->state();
    if (current == stack::ServiceState::Stopped || current == stack::ServiceState::Failed) {
        if (!m_dsn.isEmpty())
            startBackend();
    }
    present();
}

void ApiPage::stop()
{
    m_wanted = false;
    m_recheckTimer->stop();
    m_failure.reset();
    if (m_runner->state() == stack::ServiceState::Running)
        stopBackend();
    present();
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
        QGuiApplication::clipboard()->setText(m_url);
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
    connect(m_start, &QPushButton::clicked, this, &ApiPage::start);
    connect(m_stop, &QPushButton::clicked, this, &ApiPage::stop);

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
    connect(m_bind, &QComboBox::currentIndexChanged, this, &ApiPage::present);
    m_port = new QSpinBox(card);
    m_port->setObjectName(QStringLiteral("apiPortSpin"));
    m_port->setRange(0, 65535);
    m_port->setValue(kDefaultPort);
    m_port->setSpecialValueText(tr("any free"));
    m_port->setToolTip(tr("The TCP port to listen on; 0 lets the system pick a free one"));
    m_threads = new QSpinBox(card);
    m_threads->setObjectName(QStringLiteral("apiThreadsSpin"));
    m_threads->setRange(1, kMaxThreads);
    m_threads->setValue(std::max(1, QThread::idealThreadCount()));
    m_threads->setToolTip(tr("Worker threads, each with its own event loop and database "
                             "connection; the default is one per core"));

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

    m_message = new QLabel(card);
    m_message->setObjectName(QStringLiteral("apiMessageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action = new QPushButton(card);
    m_action->setObjectName(QStringLiteral("apiActionButton"));
    m_action->setMinimumWidth(120);
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, &ApiPage::triggerAction);

    auto* messageRow = new QHBoxLayout;
    messageRow->setSpacing(12);
    messageRow->addWidget(m_message, 1);
    messageRow->addWidget(m_action, 0, Qt::AlignVCenter);

    QVBoxLayout* content = card->contentLayout();
    content->addLayout(header);
    content->addLayout(settings);
    content->addWidget(m_bindWarning);
    content->addLayout(messageRow);
    return card;
}

void ApiPage::startBackend()
{
    if (m_shutDown)
        return;
    instance::BackendOptions options;
    options.bindAddress = m_bind->currentData().toString();
    options.port = std::uint16_t(m_port->value());
    options.threads = m_threads->value();
    options.dsn = m_dsn;
    options.redisUrl = m_redisUrl;
    m_startedDsn = m_dsn;
    m_startedRedisUrl = m_redisUrl;
    m_failure.reset();
    m_recheckTimer->stop();
    m_runner->start(options);
    present();
}

void ApiPage::stopBackend()
{
    Q_EMIT cacheChanged(nullptr);
    m_sampleTimer->stop();
    m_url.clear();
    m_explorer->setBaseUrl(QString());
    m_figures->showIdle();
    m_runner->stop();
    present();
}

void ApiPage::started(const BackendStartResult& result)
{
    const bool current = m_startedDsn == m_dsn && m_startedRedisUrl == m_redisUrl;
    if (!result.ok()) {
        if (current) {
            m_failure = result;
            if (result.problem == BackendStartResult::Problem::NoData && m_wanted)
                m_recheckTimer->start();
        } else if (m_wanted && !m_dsn.isEmpty()) {
            startBackend(); // the database changed while this start ran
        }
        present();
        return;
    }
    m_result = result;
    m_url = clientUrl(result.url);
    m_explorer->setBaseUrl(m_url);
    m_explorer->setExamples(result.examples);
    m_figures->reset();
    sample(); // the baseline for the first interval
    m_sampleTimer->start();
    present();
    Q_EMIT cacheChanged(m_runner->cache());
    if (!current || !m_wanted)
        stopBackend(); // stopped() starts it again when it is still wanted
}

void ApiPage::stopped()
{
    present();
    if (m_wanted && !m_dsn.isEmpty())
        startBackend();
}

void ApiPage::dataChecked(const QString& dsn, bool present)
{
    m_checkPending = false;
    const bool waiting = m_failure && m_failure->problem == BackendStartResult::Problem::NoData;
    if (present && dsn == m_dsn && waiting && m_wanted)
        startBackend();
}

void ApiPage::sample()
{
    m_figures->addSample(QDateTime::currentMSecsSinceEpoch(), m_runner->snapshot(),
                         m_runner->gauges());
}

void ApiPage::present()
{
    const BackendView shown = view();
    m_state->setText(shown.label);
    m_state->setProperty("stateColor", toneColor(shown.tone));
    const QString pill = pillStyleSheet(shown.tone, QApplication::palette(this));
    if (m_state->styleSheet() != pill)
        m_state->setStyleSheet(pill);
    m_busy->setVisible(shown.busy);

    const bool running = shown.state == stack::ServiceState::Running;
    m_urlLabel->setText(m_url);
    m_urlLabel->setVisible(running);
    m_copy->setVisible(running);
    m_start->setEnabled(shown.canStart);
    m_stop->setEnabled(shown.canStop);
    for (QWidget* setting : std::initializer_list<QWidget*>{m_bind, m_port, m_threads})
        setting->setEnabled(shown.settingsEditable);
    m_bindWarning->setVisible(m_bind->currentData().toString() == kAllInterfaces);

    m_message->setText(shown.message);
    m_message->setVisible(!shown.message.isEmpty());
    setTextColor(m_message, shown.messageTone == Tone::Neutral
                                ? secondaryText(QApplication::palette(this))
                                : toneColor(shown.messageTone));
    m_shownAction = shown.action;
    m_action->setText(backendActionText(shown.action));
    m_action->setVisible(shown.action != BackendAction::None);

    const QString text = summary();
    if (shown.state != m_announcedState || text != m_announcedSummary ||
        shown.label != m_announcedLabel) {
        m_announcedState = shown.state;
        m_announcedSummary = text;
        m_announcedLabel = shown.label;
        Q_EMIT stateChanged(shown.state, text);
    }
}

void ApiPage::triggerAction()
{
    if (m_shownAction == BackendAction::LoadDataset)
        Q_EMIT dataLoadRequested();
    else if (m_shownAction == BackendAction::OpenServices)
        Q_EMIT servicesRequested();
}

void ApiPage::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    for (QLabel* caption : std::as_const(m_captions))
        setTextColor(caption, secondaryText(colors));
    setTextColor(m_bindWarning, toneColor(Tone::Busy));
}

} // namespace qaconsole::ui
