#include "ui/api/apicontroller.h"

#include "pg/conninfo.h"
#include "ui/api/backendrunner.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <algorithm>

namespace qaconsole::ui {

namespace {

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

ApiController::ApiController(QObject* parent)
    : ApiController(std::make_unique<BackendRunner>(), parent)
{}

ApiController::ApiController(std::unique_ptr<BackendStarter> starter, QObject* parent)
    : QObject(parent), m_starter(std::move(starter)), m_recheckTimer(new QTimer(this))
{
    m_listen.threads = std::max(1, QThread::idealThreadCount());
    m_recheckTimer->setInterval(kDataRecheckMs);
    connect(m_recheckTimer, &QTimer::timeout, this, &ApiController::recheckData);
    connect(m_starter.get(), &BackendStarter::started, this, &ApiController::started);
    connect(m_starter.get(), &BackendStarter::stopped, this, &ApiController::stopped);
    connect(m_starter.get(), &BackendStarter::dataChecked, this, &ApiController::dataChecked);
}

ApiController::~ApiController()
{
    shutdown();
}

BackendView ApiController::view() const
{
    BackendFacts facts;
    facts.phase = m_phase;
    facts.failureMessage = m_failureMessage;
    facts.shutDown = m_shutDown;
    const bool idle = m_phase != BackendPhase::Starting && m_phase != BackendPhase::Running &&
                      m_phase != BackendPhase::Stopping;
    const QString dsn = idle ? m_dsn : m_startedDsn;
    if (!dsn.isEmpty())
        facts.databaseAddress = pg::addressOf(dsn);
    facts.threads = m_result.threads;
    return describeBackend(facts);
}

QString ApiController::summary() const
{
    const BackendView shown = view();
    if (shown.state == stack::ServiceState::Running)
        return tr("Running at %1").arg(m_url) + u'\n' + shown.message;
    return shown.message.isEmpty() ? tr("API backend") : shown.message;
}

metrics::MetricsSnapshot ApiController::snapshot() const
{
    return m_starter->snapshot();
}

metrics::ServerGauges ApiController::gauges() const
{
    return m_starter->gauges();
}

std::shared_ptr<cache::ResponseCache> ApiController::cache() const
{
    return m_starter->cache();
}

double ApiController::workerCpuSeconds() const
{
    return m_starter->gauges().workerCpuSeconds;
}

void ApiController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_recheckTimer->stop();
    m_starter->shutdown();
    m_url.clear();
    setPhase(BackendPhase::Stopped);
}

void ApiController::setDatabaseUrl(const QString& dsn)
{
    if (dsn == m_dsn)
        return;
    m_dsn = dsn;
    forgetFailure(); // a failure belongs to the database it happened on
    reconcile();
}

void ApiController::setRedisUrl(const QString& url)
{
    if (url == m_redisUrl)
        return;
    m_redisUrl = url;
    // A running backend restarts with the new Redis; a failed one waits for Start as before.
    reconcile();
}

void ApiController::setListenSettings(const ListenSettings& settings)
{
    m_listen = settings;
}

void ApiController::start()
{
    m_wanted = true;
    forgetFailure(); // Start is also "try again"
    reconcile();
}

void ApiController::stop()
{
    m_wanted = false;
    forgetFailure();
    reconcile();
}

void ApiController::triggerAction()
{
    const BackendAction action = view().action;
    if (action == BackendAction::LoadDataset)
        Q_EMIT dataLoadRequested();
    else if (action == BackendAction::OpenServices)
        Q_EMIT servicesRequested();
}

void ApiController::recheckData()
{
    if (m_phase != BackendPhase::WaitingForData || m_dsn.isEmpty() || m_checkPending)
        return;
    m_checkPending = true;
    m_starter->checkData(m_dsn);
}

void ApiController::reconcile()
{
    if (m_shutDown)
        return;
    switch (m_phase) {
    case BackendPhase::Starting:
    case BackendPhase::Stopping:
        return; // started() and stopped() reconcile again when the starter answers
    case BackendPhase::Running:
        if (!m_wanted || m_dsn != m_startedDsn || m_redisUrl != m_startedRedisUrl)
            beginStop();
        return;
    case BackendPhase::WaitingForData:
    case BackendPhase::Failed:
        if (m_wanted)
            return; // until the data comes, Start, or another database
        break;
    case BackendPhase::Stopped:
    case BackendPhase::WaitingForDatabase:
        break;
    }
    if (!m_wanted)
        setPhase(BackendPhase::Stopped);
    else if (m_dsn.isEmpty())
        setPhase(BackendPhase::WaitingForDatabase);
    else
        beginStart();
}

void ApiController::beginStart()
{
    instance::BackendOptions options;
    options.bindAddress = m_listen.bindAddress;
    options.port = m_listen.port;
    options.threads = m_listen.threads;
    options.dsn = m_dsn;
    options.redisUrl = m_redisUrl;
    m_startedDsn = m_dsn;
    m_startedRedisUrl = m_redisUrl;
    m_failureMessage.clear();
    setPhase(BackendPhase::Starting);
    m_starter->start(options);
}

void ApiController::beginStop()
{
    m_url.clear();
    Q_EMIT cacheChanged(nullptr);
    setPhase(BackendPhase::Stopping);
    m_starter->stop();
}

void ApiController::started(const BackendStartResult& result)
{
    if (m_shutDown || m_phase != BackendPhase::Starting)
        return;
    const bool current = m_startedDsn == m_dsn && m_startedRedisUrl == m_redisUrl;
    if (!result.ok()) {
        if (current && m_wanted) {
            m_failureMessage = result.message;
            setPhase(result.problem == BackendStartResult::Problem::NoData
                         ? BackendPhase::WaitingForData
                         : BackendPhase::Failed);
        } else {
            // The database changed, or Stop came, while this start ran.
            settle();
        }
        return;
    }
    m_result = result;
    m_url = clientUrl(result.url);
    setPhase(BackendPhase::Running);
    Q_EMIT backendStarted();
    Q_EMIT cacheChanged(m_starter->cache());
    reconcile(); // stops it again when it is no longer what is wanted
}

void ApiController::stopped()
{
    if (m_shutDown || m_phase != BackendPhase::Stopping)
        return;
    settle();
}

void ApiController::dataChecked(const QString& dsn, bool present)
{
    m_checkPending = false;
    if (present && dsn == m_dsn && m_phase == BackendPhase::WaitingForData && m_wanted)
        settle();
}

void ApiController::forgetFailure()
{
    if (m_phase == BackendPhase::WaitingForData || m_phase == BackendPhase::Failed) {
        m_failureMessage.clear();
        m_phase = BackendPhase::Stopped; // announced by the reconcile() that follows
    }
}

void ApiController::settle()
{
    // Nothing runs now. reconcile() always ends in setPhase() or a start from here, so the
    // resting state is announced once, not a moment before the next step.
    m_phase = BackendPhase::Stopped;
    reconcile();
}

void ApiController::setPhase(BackendPhase phase)
{
    m_phase = phase;
    if (phase == BackendPhase::WaitingForData && !m_shutDown)
        m_recheckTimer->start();
    else
        m_recheckTimer->stop();
    announce();
}

void ApiController::announce()
{
    Q_EMIT changed();
    const BackendView shown = view();
    const QString text = summary();
    if (shown.state != m_announcedState || text != m_announcedSummary ||
        shown.label != m_announcedLabel) {
        m_announcedState = shown.state;
        m_announcedSummary = text;
        m_announcedLabel = shown.label;
        Q_EMIT stateChanged(shown.state, text);
    }
}

} // namespace qaconsole::ui
