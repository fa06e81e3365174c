#include "ui/cache/cachecontroller.h"

#include "backend/cache/policyjson.h"
#include "ui/cache/policydraft.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSaveFile>
#include <QStringList>
#include <QTimer>

namespace qaconsole::ui {

using cache::DataClass;

namespace {

// What a publish came back with.
struct PublishOutcome
{
    cache::PolicyErrors errors;
    bool published = false;
    std::vector<std::pair<std::uint64_t, std::int64_t>> acks;
};

// What a usage reading came back with.
struct UsageOutcome
{
    cache::RedisUsage usage;
    std::vector<std::pair<std::uint64_t, std::int64_t>> acks;
};

} // namespace

CacheController::CacheController(QObject* parent)
    : QObject(parent), m_lane(QStringLiteral("cache-control")), m_sampleTimer(new QTimer(this)),
      m_usageTimer(new QTimer(this))
{
    m_sampleTimer->setInterval(kSampleIntervalMs);
    connect(m_sampleTimer, &QTimer::timeout, this, &CacheController::sample);
    m_usageTimer->setInterval(kUsageIntervalMs);
    connect(m_usageTimer, &QTimer::timeout, this, &CacheController::readUsage);
}

CacheController::~CacheController()
{
    shutdown();
}

bool CacheController::usesRedis() const
{
    return m_cache && m_cache->options().redis.has_value();
}

QString CacheController::nameFor(const cache::CachePolicy& edited) const
{
    QString fallback = tr("Custom");
    if (edited.classes == m_baseline.classes)
        fallback = m_baseline.name;
    else if (edited.classes == m_fromFile.classes && !m_fromFile.name.isEmpty())
        fallback = m_fromFile.name;
    return policyName(edited, fallback);
}

bool CacheController::isModified(const std::optional<cache::CachePolicy>& edited) const
{
    return !edited || edited->classes != m_baseline.classes;
}

bool CacheController::canApply(const std::optional<cache::CachePolicy>& edited) const
{
    return isAvailable() && edited && isModified(edited) && !m_applying;
}

QString CacheController::applyHint(const std::optional<cache::CachePolicy>& edited) const
{
    if (!isAvailable())
        return tr("The cache runs with the API backend: start it on the API page");
    if (!edited)
        return tr("Fix the values marked in red first");
    return tr("Put the policy in force on every running backend instance");
}

bool CacheController::canRevert(const std::optional<cache::CachePolicy>& edited) const
{
    return isModified(edited) && !m_applying;
}

Notice CacheController::availability() const
{
    if (!isAvailable())
        return {Tone::Neutral,
                tr("The cache is available while the API backend runs: start it on the API page. "
                   "With Redis running, it is shared by every backend instance. You can prepare "
                   "a policy here meanwhile; Apply and the flush buttons wait for the backend."),
                {}};
    if (!usesRedis())
        // A caution: other instances serve other entries.
        return {Tone::Busy,
                tr("This backend caches in its own memory only (no Redis): other instances do "
                   "not share its entries or its policy."),
                {}};
    return {};
}

QString CacheController::classWord(std::optional<DataClass> dataClass)
{
    if (!dataClass)
        return tr("everything");
    return *dataClass == DataClass::Questions ? tr("the question lists") : tr("the answer lists");
}

cache::PolicyErrors CacheController::loadPolicyFile(const QString& path)
{
    const cache::PolicyParseResult result = cache::loadPolicyFile(path);
    if (!result.policy)
        return result.errors;
    m_fromFile = *result.policy;
    Q_EMIT policyShown(m_fromFile);
    setPolicyStatus(Tone::Neutral,
                    tr("Loaded %1. Apply puts it in force.").arg(QFileInfo(path).fileName()));
    return {};
}

cache::PolicyErrors CacheController::savePolicyFile(const QString& path, cache::CachePolicy edited)
{
    const bool modified = isModified(edited);
    edited.name = nameFor(edited);
    edited.version = std::max(m_baseline.version, std::int64_t(1));
    if (modified)
        ++edited.version; // the version it would get when applied here
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(cache::policyToJson(edited)) < 0 ||
        !file.commit())
        return {{path, file.errorString()}};
    setPolicyStatus(Tone::Neutral, tr("Saved to %1.").arg(QFileInfo(path).fileName()));
    return {};
}

void CacheController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_sampleTimer->stop();
    m_usageTimer->stop();
    m_lane.shutdown();
    m_cache.reset();
    m_applying = m_flushing = m_usagePending = false;
    Q_EMIT changed();
}

void CacheController::setCache(std::shared_ptr<cache::ResponseCache> cache)
{
    if (m_shutDown || cache == m_cache)
        return;
    m_cache = std::move(cache);
    ++m_generation;
    m_applying = m_flushing = m_usagePending = false;
    m_published.reset();
    m_policyStatus = {};
    m_acks.reset();
    m_flushStatus.clear();
    m_usage.reset();
    Q_EMIT cacheReset();
    if (m_cache) {
        setBaseline(*m_cache->policy());
        Q_EMIT usageChanged();
        sample();
        readUsage();
        m_sampleTimer->start();
        m_usageTimer->start();
    } else {
        m_sampleTimer->stop();
        m_usageTimer->stop();
    }
    Q_EMIT changed();
}

void CacheController::apply(cache::CachePolicy edited)
{
    if (!isAvailable() || m_applying)
        return;
    edited.name = nameFor(edited);
    edited.version = m_cache->policy()->version + 1;
    m_applying = true;
    setPolicyStatus(Tone::Neutral, tr("Applying version %1…").arg(edited.version));
    const std::uint64_t generation = m_generation;
    m_lane.post(
        [cache = m_cache, edited] {
            PublishOutcome outcome;
            outcome.errors = cache->publishPolicy(edited, &outcome.published);
            if (outcome.errors.isEmpty())
                outcome.acks = cache->policyAcks();
            return outcome;
        },
        [this, generation](const PublishOutcome& outcome) {
            if (generation != m_generation)
                return;
            m_applying = false;
            if (!outcome.errors.isEmpty()) {
                setPolicyStatus(Tone::Bad,
                                tr("Not applied: %1").arg(outcome.errors.first().text()));
                return;
            }
            m_published = outcome.published;
            setBaseline(*m_cache->policy());
            showAcks(outcome.acks);
        });
}

void CacheController::revert()
{
    Q_EMIT policyShown(m_baseline);
}

void CacheController::flush(std::optional<DataClass> dataClass)
{
    if (!isAvailable() || m_flushing)
        return;
    const QString what = classWord(dataClass);
    m_flushing = true;
    m_flushStatus = tr("Flushing %1…").arg(what);
    Q_EMIT changed();
    const std::uint64_t generation = m_generation;
    m_lane.post([cache = m_cache, dataClass] { return cache->flush(dataClass); },
                [this, generation, what](bool reachedRedis) {
                    if (generation != m_generation)
                        return;
                    m_flushing = false;
                    if (!usesRedis())
                        m_flushStatus = tr("Flushed %1 in this backend's memory (it runs "
                                           "without Redis).")
                                            .arg(what);
                    else if (reachedRedis)
                        m_flushStatus = tr("Flushed %1.").arg(what);
                    else
                        m_flushStatus = tr("Flushed %1 here; Redis could not be reached, so "
                                           "its copies stay until they expire.")
                                            .arg(what);
                    Q_EMIT changed();
                    sample();
                });
}

void CacheController::sample()
{
    if (!m_cache)
        return;
    const cache::CacheStats stats = m_cache->stats();
    Q_EMIT sampled(QDateTime::currentMSecsSinceEpoch(), stats);
    // Another instance (or a console elsewhere) published a newer policy.
    if (stats.policyVersion != m_baseline.version && !m_applying)
        setBaseline(*m_cache->policy());
}

void CacheController::readUsage()
{
    if (!isAvailable() || m_usagePending)
        return;
    m_usagePending = true;
    const std::uint64_t generation = m_generation;
    m_lane.post(
        [cache = m_cache] {
            UsageOutcome outcome;
            if (cache->options().redis) {
                outcome.usage = cache->redisUsage(true);
                outcome.acks = cache->policyAcks();
            }
            return outcome;
        },
        [this, generation](const UsageOutcome& outcome) {
            if (generation != m_generation)
                return;
            m_usagePending = false;
            m_usage = outcome.usage;
            Q_EMIT usageChanged();
            if (outcome.usage.ok && m_published == false)
                m_published.reset(); // Redis is back: the acknowledgements tell the rest
            if (!m_applying && (outcome.usage.ok || !usesRedis()))
                showAcks(outcome.acks);
        });
}

void CacheController::setBaseline(const cache::CachePolicy& policy)
{
    m_baseline = policy;
    Q_EMIT baselineChanged(policy);
}

void CacheController::showAcks(const Acks& acks)
{
    const QString version = tr("Version %1 (%2)").arg(m_baseline.version).arg(m_baseline.name);
    m_acks.reset();
    if (!usesRedis()) {
        setPolicyStatus(Tone::Good, tr("%1 is in force. This backend runs without Redis, so no "
                                       "other instance shares it.")
                                        .arg(version));
        return;
    }
    if (m_published == false) {
        setPolicyStatus(Tone::Bad, tr("%1 is in force on this instance only: Redis could not be "
                                      "reached, so the other instances keep theirs.")
                                       .arg(version));
        return;
    }
    if (acks.empty()) {
        // Nothing was ever published in this namespace: each instance runs its own start-up
        // policy, and there is nobody to count yet.
        setPolicyStatus(Tone::Neutral, tr("%1 is in force here.").arg(version),
                        tr("Apply publishes a policy to every instance that shares this Redis, "
                           "and each reports the version it took."));
        return;
    }
    PolicyAcknowledgements counted;
    QStringList lines;
    for (const auto& [instance, taken] : acks) {
        counted.current += taken >= m_baseline.version ? 1 : 0;
        lines.append(tr("Instance %1%2: version %3")
                         .arg(instance, 16, 16, QLatin1Char('0'))
                         .arg(instance == m_cache->instanceId() ? tr(" (this console)") : QString())
                         .arg(taken));
    }
    counted.total = qsizetype(acks.size());
    m_acks = counted;
    setPolicyStatus(counted.current == counted.total ? Tone::Good : Tone::Bad,
                    tr("%1 is in force on %2 of %3 instances.")
                        .arg(version)
                        .arg(counted.current)
                        .arg(counted.total),
                    lines.join(u'\n'));
}

void CacheController::setPolicyStatus(Tone tone, const QString& text, const QString& details)
{
    m_policyStatus = {tone, text, details};
    Q_EMIT changed();
}

} // namespace qaconsole::ui
