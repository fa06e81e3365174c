#include "ui/tiers/tierscontroller.h"

#include "backend/stack/localstack.h"
#include "backend/stack/stacksupervisor.h"
#include "backend/tier/tierscrape.h"
#include "ui/tiers/tierservices.h"
#include "ui/tiers/tierstext.h"

#include <QDateTime>
#include <QDir>
#include <QThread>
#include <QTimer>

namespace qaconsole::ui {

namespace {

// What an action on the stack's thread came back with.
struct Outcome
{
    Notice notice;
    tier::TierStatus status;
};

} // namespace

TiersController::TiersController(stack::StackSupervisor& supervisor, TierEnvironment environment,
                                 QObject* parent)
    : QObject(parent), m_supervisor(supervisor), m_environment(std::move(environment)),
      // Read once: the settings do not change while the console runs.
      m_dataDir(supervisor.stack().settings().dataDir), m_list(m_environment.tiersFile),
      m_lane(QStringLiteral("tiers")), m_timer(new QTimer(this))
{
    m_timer->setInterval(kScrapeIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &TiersController::refresh);
    m_timer->start();
    refresh();
}

TiersController::~TiersController()
{
    shutdown();
}

tier::TierRunOptions TiersController::runOptions() const
{
    tier::TierRunOptions options;
    options.binary = m_environment.binary;
    options.folder = QDir(m_dataDir).filePath(QStringLiteral("tier"));
    options.stackArguments = {QStringLiteral("--data-dir"), m_dataDir, QStringLiteral("--settings"),
                              m_environment.settingsFile};
    return options;
}

template <typename Work, typename Done> void TiersController::onStackThread(Work work, Done done)
{
    // The results come back as queued calls to this object, dropped with it; shutdown() waits
    // for the work still queued there before the controller can go.
    QMetaObject::invokeMethod(
        &m_supervisor,
        [this, work = std::move(work), done = std::move(done)]() mutable {
            QMetaObject::invokeMethod(
                this, [done = std::move(done), result = work()]() mutable { done(result); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

// ---- the list ----

int TiersController::addTier()
{
    const int index = m_list.add();
    Q_EMIT listChanged();
    return index;
}

int TiersController::duplicateTier(int index)
{
    const int copy = m_list.duplicate(index);
    Q_EMIT listChanged();
    return copy;
}

void TiersController::changeTier(int index, const tier::TierSpec& spec)
{
    m_list.change(index, spec);
    Q_EMIT listChanged();
}

void TiersController::removeTier(int index)
{
    m_list.remove(index);
    Q_EMIT listChanged();
}

bool TiersController::save()
{
    const bool saved = m_list.save();
    Q_EMIT listChanged();
    return saved;
}

void TiersController::reload()
{
    m_list.reload();
    Q_EMIT listChanged();
}

// ---- running ----

bool TiersController::canBringUp(int index) const
{
    if (m_shutDown || isBusy() || index < 0 || index >= m_list.tiers().size())
        return false;
    // Up of the tier that is up only brings back what does not run.
    if (isUp() && (m_status.tierName != m_list.tiers().at(index).name || m_status.allRunning()))
        return false;
    for (const core::FieldError& error : m_list.validate()) {
        if (error.field.startsWith(QStringLiteral("tiers[%1]").arg(index)))
            return false;
    }
    return true;
}

QString TiersController::upHint(int index) const
{
    if (index < 0 || index >= m_list.tiers().size())
        return tr("Choose a tier in the list");
    const tier::TierSpec& spec = m_list.tiers().at(index);
    if (isBusy())
        return activityText(m_activity);
    if (isUp() && m_status.tierName != spec.name)
        return tr("\"%1\" is up: bring it down first").arg(m_status.tierName);
    if (isUp() && m_status.allRunning())
        return tr("\"%1\" is up and all of it runs").arg(spec.name);
    if (!canBringUp(index))
        return tr("Fix the values marked in red first");
    return tr("Starts PostgreSQL%1, then %2")
        .arg(spec.cache == tier::TierCache::MemoryAndRedis ? tr(" and Redis") : QString(),
             topologyText(spec));
}

void TiersController::setActivity(TierActivity activity, const Notice& notice)
{
    m_activity = activity;
    m_notice = notice;
    Q_EMIT runChanged();
}

void TiersController::finishAction(const Notice& notice, const tier::TierStatus& status)
{
    m_activity = TierActivity::Idle;
    m_notice = notice;
    showStatus(status);
    Q_EMIT runChanged();
}

void TiersController::bringUp(int index)
{
    if (!canBringUp(index))
        return;
    const tier::TierSpec spec = m_list.resolved(m_list.tiers().at(index));
    setActivity(TierActivity::BringingUp,
                {Tone::Busy, tr("Bringing \"%1\" up: %2…").arg(spec.name, topologyText(spec)), {}});
    stack::StackSupervisor* supervisor = &m_supervisor;
    onStackThread(
        [supervisor, spec, options = runOptions()] {
            Outcome outcome;
            if (const auto failed = ensureTierServices(*supervisor, spec)) {
                outcome.notice = {Tone::Bad, *failed, {}};
                return outcome;
            }
            tier::TierRunner runner(options);
            if (const auto failed = runner.up(spec, outcome.status)) {
                outcome.notice = {Tone::Bad, *failed, {}};
                outcome.status = runner.status();
            } else {
                outcome.notice = {Tone::Good, {}, {}}; // the state line says it
            }
            return outcome;
        },
        [this](const Outcome& outcome) {
            m_broughtUp = m_broughtUp || outcome.notice.tone == Tone::Good;
            m_lastScrape.reset();
            m_figures.reset();
            finishAction(outcome.notice, outcome.status);
        });
}

void TiersController::bringDown()
{
    if (!canBringDown())
        return;
    setActivity(TierActivity::BringingDown,
                {Tone::Busy, tr("Bringing \"%1\" down…").arg(m_status.tierName), {}});
    onStackThread(
        [options = runOptions()] {
            tier::TierRunner runner(options);
            Outcome outcome;
            const tier::TierStatus stopped = runner.down();
            QStringList left;
            for (const tier::TierProcess& process : stopped.processes) {
                if (process.status.state != supervise::ProcessState::Stopped)
                    left << QStringLiteral("%1: %2").arg(process.name, process.status.message);
            }
            outcome.notice =
                left.isEmpty() ? Notice{Tone::Neutral, {}, {}}
                               : Notice{Tone::Bad, tr("Not everything stopped."), left.join(u'\n')};
            outcome.status = runner.status();
            return outcome;
        },
        [this](const Outcome& outcome) {
            m_broughtUp = m_broughtUp && !outcome.status.tierName.isEmpty();
            finishAction(outcome.notice, outcome.status);
        });
}

void TiersController::injectFault(tier::TierFault fault, int instance)
{
    if (!canInjectFaults())
        return;
    setActivity(TierActivity::InjectingFault, {Tone::Busy, faultText(fault, instance) + u'…', {}});
    stack::StackSupervisor* supervisor = &m_supervisor;
    onStackThread(
        [supervisor, fault, instance, options = runOptions()] {
            tier::TierRunner runner(options);
            const tier::FaultOutcome done =
                tier::injectFault(runner, supervisor->stack(), fault, instance);
            // The Services page hears of Redis or PostgreSQL at once, not at the next poll.
            supervisor->refresh();
            return Outcome{{done.done ? Tone::Busy : Tone::Bad, done.message, {}}, runner.status()};
        },
        [this](const Outcome& outcome) { finishAction(outcome.notice, outcome.status); });
}

void TiersController::refresh()
{
    if (m_shutDown || m_readingPending || isBusy())
        return;
    m_readingPending = true;
    m_lane.post(
        [options = runOptions()] {
            Reading reading;
            tier::TierRunner runner(options);
            reading.spec = runner.recorded();
            reading.status = runner.status();
            if (!reading.status.tierName.isEmpty())
                reading.scrape = tier::scrapeTier(reading.status, options.folder, kScrapeTimeoutMs);
            return reading;
        },
        [this](const Reading& reading) {
            m_readingPending = false;
            if (!isBusy()) // an action started meanwhile: its own status follows
                takeReading(reading);
        });
}

void TiersController::takeReading(const Reading& reading)
{
    const bool changed =
        reading.status.tierName != m_status.tierName || reading.status.url != m_status.url;
    showStatus(reading.status);
    m_runningSpec = reading.spec;
    if (!reading.scrape) {
        m_lastScrape.reset();
        m_figures.reset();
    } else {
        if (m_lastScrape && reading.scrape->atMs > m_lastScrape->atMs)
            m_figures = tier::tierFigures(*m_lastScrape, *reading.scrape);
        m_lastScrape = reading.scrape;
    }
    if (changed)
        m_figures.reset();
    Q_EMIT runChanged();
    if (m_figures)
        Q_EMIT sampled(QDateTime::currentMSecsSinceEpoch());
}

void TiersController::showStatus(const tier::TierStatus& status)
{
    m_status = status;
    const QString url = status.tierName.isEmpty() ? QString() : status.url;
    if (url != m_offeredUrl) {
        m_offeredUrl = url;
        Q_EMIT runningTierChanged(url.isEmpty() ? QString() : status.tierName, url);
    }
}

void TiersController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_timer->stop();
    m_lane.shutdown();
    if (m_broughtUp) {
        QMetaObject::invokeMethod(
            &m_supervisor, [options = runOptions()] { tier::TierRunner(options).down(); },
            Qt::QueuedConnection);
        m_broughtUp = false;
    }
    // Work this controller queued there must not call back into it once it is gone.
    if (m_supervisor.thread() != QThread::currentThread())
        QMetaObject::invokeMethod(
            &m_supervisor, [] {}, Qt::BlockingQueuedConnection);
}

} // namespace qaconsole::ui
