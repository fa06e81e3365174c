#include "backend/cache/responsecache.h"

#include "backend/cache/cachesubscriber.h"
#include "backend/cache/cacheworkercontext.h"
#include "backend/cache/clock.h"
#include "backend/cache/frequencysketch.h"
#include "backend/cache/memorylayer.h"
#include "backend/cache/policyjson.h"
#include "backend/cache/policyvalidation.h"
#include "backend/cache/redisentrystore.h"
#include "backend/cache/singleflight.h"

#include <QLoggingCategory>

#include <algorithm>
#include <charconv>
#include <random>
#include <thread>

namespace qaconsole::cache {

namespace {

Q_LOGGING_CATEGORY(lcCache, "qaconsole.cache")

// Failed Redis invalidations kept for replay; beyond this, everything is dropped instead.
constexpr std::size_t kMaxFailedInvalidations = 10'000;

std::uint64_t randomInstanceId()
{
    std::random_device device;
    return (std::uint64_t(device()) << 32) ^ device() ^ std::uint64_t(std::random_device{}());
}

std::string_view infoField(std::string_view info, std::string_view key)
{
    std::size_t at = 0;
    while (at < info.size()) {
        const std::size_t end = std::min(info.find('\n', at), info.size());
        std::string_view line = info.substr(at, end - at);
        if (line.substr(0, key.size()) == key && line.size() > key.size() &&
            line[key.size()] == ':') {
            line.remove_prefix(key.size() + 1);
            while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
                line.remove_suffix(1);
            return line;
        }
        at = end + 1;
    }
    return {};
}

std::int64_t toNumber(std::string_view text)
{
    std::int64_t value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

// How long the workers skip Redis after a failure before one of them tries it again. A serving
// instance hears its own heartbeat (every quarter lease) as soon as Redis answers, and that
// ends the rest (onOwnBeat), so its workers probe only as a fallback, rarely: a probe of a
// stalled Redis holds a worker, and the requests queued behind it, for a whole lookup timeout.
std::chrono::milliseconds restInterval(const ResponseCacheOptions& options)
{
    const int reconnectMs =
        options.redis ? options.redis->reconnectIntervalMs : RedisOptions{}.reconnectIntervalMs;
    return std::chrono::milliseconds(options.listen ? 4 * reconnectMs : reconnectMs);
}

} // namespace

ResponseCache::ResponseCache(ResponseCacheOptions options)
    : m_options(std::move(options)),
      m_ownClock(m_options.clock ? nullptr : std::make_unique<SystemClock>()),
      m_clock(m_options.clock ? m_options.clock : m_ownClock.get()),
      m_memory(std::make_unique<MemoryLayer>(m_options.memoryBytes, m_options.shards)),
      m_flights(std::make_unique<SingleFlight>(m_options.shards)),
      m_sketch(m_options.admission == Admission::Adaptive
                   ? std::make_unique<FrequencySketch>(m_options.admissionKeys)
                   : nullptr),
      m_channels(CacheChannels::forNamespace(m_options.ns)), m_instanceId(randomInstanceId()),
      m_policy(std::make_shared<const CachePolicy>(m_options.policy)),
      m_lease(m_options.lease, !m_options.redis.has_value()), m_redisRest(restInterval(m_options)),
      m_longestLeaseMs(m_options.lease.count())
{
    m_retired.redisConfigured = m_options.redis.has_value();
    if (!m_options.redis)
        return;
    m_control = std::make_unique<RedisConnection>(*m_options.redis);
    m_controlStore = std::make_unique<RedisEntryStore>(*m_control, m_options.ns);
    if (!m_options.listen)
        return;
    m_listenerLink = std::make_unique<RedisConnection>(*m_options.redis);
    m_presenceKey = m_channels.presencePrefix + instanceIdText(m_instanceId);
    CacheSubscriber::Handlers handlers;
    handlers.subscribed = [this] {
        onSubscribed();
    };
    handlers.invalidation = [this](std::string_view text) {
        onInvalidationMessage(text);
    };
    handlers.policy = [this](std::string_view json) {
        onPolicyMessage(json);
    };
    handlers.heartbeat = [this] {
        onHeartbeat();
    };
    handlers.lost = [this] {
        m_lease.drop();
        onTick();
    };
    handlers.tick = [this] {
        onTick();
    };
    const int beatMs = std::max(1, int(m_options.lease.count() / 4));
    m_subscriber = std::make_unique<CacheSubscriber>(*m_options.redis, m_channels,
                                                     std::move(handlers), beatMs);
}

ResponseCache::~ResponseCache()
{
    m_subscriber.reset();
    if (m_control && m_options.listen) {
        // Gone from the instances the console counts at once, not when the mark expires.
        const std::lock_guard lock(m_controlMutex);
        m_control->command({"DEL", m_presenceKey});
    }
}

std::shared_ptr<const CachePolicy> ResponseCache::policy() const
{
    const std::lock_guard lock(m_policyMutex);
    return m_policy;
}

PolicyErrors ResponseCache::applyPolicy(const CachePolicy& policy)
{
    PolicyErrors errors = validatePolicy(policy);
    if (!errors.isEmpty())
        return errors;
    const std::lock_guard lock(m_policyMutex);
    if (policy.version <= m_policy->version) {
        errors.append({QStringLiteral("version"),
                       QStringLiteral("%1 is not newer than the version in force (%2)")
                           .arg(policy.version)
                           .arg(m_policy->version)});
        return errors;
    }
    m_policy = std::make_shared<const CachePolicy>(policy);
    m_policyGeneration.fetch_add(1, std::memory_order_release);
    qCInfo(lcCache, "cache policy %lld (%s) in force", static_cast<long long>(policy.version),
           qUtf8Printable(policy.name));
    return errors;
}

void ResponseCache::markPresent(RedisConnection& link)
{
    if (!m_options.listen)
        return;
    const std::string version = std::to_string(policy()->version);
    const std::string ttl = std::to_string(kPresenceTtlMs);
    link.command({"SET", m_presenceKey, version, "PX", ttl});
}

PolicyErrors ResponseCache::publishPolicy(const CachePolicy& policy, bool* published)
{
    if (published)
        *published = false;
    PolicyErrors errors = applyPolicy(policy);
    if (!errors.isEmpty() || !m_control)
        return errors;
    const QByteArray json = policyToJson(policy, true);
    const std::string_view text(json.constData(), std::size_t(json.size()));
    const std::lock_guard lock(m_controlMutex);
    const RedisReplyPtr stored = m_control->command({"SET", m_channels.policyKey, text});
    const bool ok =
        stored && !replyIsError(stored.get()) && m_controlStore->publish(m_channels.policy, text);
    if (ok)
        markPresent(*m_control);
    if (published)
        *published = ok;
    return errors;
}

std::vector<std::pair<std::uint64_t, std::int64_t>> ResponseCache::policyAcks()
{
    std::vector<std::pair<std::uint64_t, std::int64_t>> acks;
    if (!m_control)
        return acks;
    const std::lock_guard lock(m_controlMutex);
    const std::string pattern = m_channels.presencePrefix + '*';
    std::vector<std::string_view> command;
    const bool ok = scanKeys(*m_control, pattern, [&](std::span<const std::string_view> keys) {
        command.assign({"MGET"});
        command.insert(command.end(), keys.begin(), keys.end());
        const RedisReplyPtr versions = m_control->command(command);
        for (std::size_t i = 0; i < keys.size(); ++i) {
            const auto id = parseInstanceId(keys[i].substr(m_channels.presencePrefix.size()));
            const redisReply* version = replyElement(versions.get(), i);
            if (id && version && !replyIsNil(version))
                acks.emplace_back(*id, toNumber(replyText(version)));
        }
        return true;
    });
    if (!ok)
        acks.clear();
    return acks;
}

bool ResponseCache::flush(std::optional<DataClass> dataClass)
{
    invalidateLocalClass(dataClass);
    if (!m_control)
        return true;
    const std::lock_guard lock(m_controlMutex);
    bool ok = true;
    for (int index = 0; index < kDataClassCount; ++index) {
        if (!dataClass || *dataClass == DataClass(index))
            ok = m_controlStore->flushClass(DataClass(index), m_options.generationTtlMs) >= 0 && ok;
    }
    InvalidationMessage message{m_instanceId, InvalidationMessage::Scope::All, {}, {}};
    if (dataClass) {
        message.scope = InvalidationMessage::Scope::Class;
        message.group.dataClass = *dataClass;
    }
    return m_controlStore->publish(m_channels.invalidations, formatInvalidation(message)) && ok;
}

std::size_t ResponseCache::invalidateLocal(const CacheGroup& group)
{
    m_flights->detachGroup(group);
    return m_memory->invalidateGroup(group);
}

std::size_t ResponseCache::invalidateLocalClass(std::optional<DataClass> dataClass)
{
    m_flights->detachAll();
    return dataClass ? m_memory->invalidateClass(*dataClass) : m_memory->clear();
}

void ResponseCache::rememberFailedInvalidation(const CacheGroup& group)
{
    const std::lock_guard lock(m_failedMutex);
    if (m_failedInvalidations.size() >= kMaxFailedInvalidations)
        m_failedOverflow = true;
    else
        m_failedInvalidations.push_back(group);
}

void ResponseCache::replayFailedInvalidations()
{
    std::vector<CacheGroup> groups;
    bool overflow = false;
    {
        const std::lock_guard lock(m_failedMutex);
        groups.swap(m_failedInvalidations);
        overflow = std::exchange(m_failedOverflow, false);
    }
    if (overflow) {
        flush(std::nullopt);
        return;
    }
    const std::lock_guard lock(m_controlMutex);
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const bool ok =
            m_controlStore->invalidateGroup(groups[i], m_options.generationTtlMs) >= 0 &&
            m_controlStore->publish(
                m_channels.invalidations,
                formatInvalidation(
                    {m_instanceId, InvalidationMessage::Scope::Group, groups[i], {}}));
        if (!ok) {
            // Redis went away again: keep the rest for the next time.
            const std::lock_guard failed(m_failedMutex);
            m_failedInvalidations.insert(m_failedInvalidations.end(), groups.begin() + long(i),
                                         groups.end());
            return;
        }
    }
}

void ResponseCache::onSubscribed()
{
    // Messages sent while this instance was not listening are lost, but the lease has lapsed
    // meanwhile: what it holds is dropped when its first heartbeat comes back (onLeaseRegained).
    replayFailedInvalidations();
    if (const auto stored = storedPolicy(); stored && applyPolicy(*stored).isEmpty())
        markPresent(*m_listenerLink);
}

std::optional<CachePolicy> ResponseCache::storedPolicy()
{
    if (!m_control)
        return std::nullopt;
    RedisReplyPtr stored;
    {
        const std::lock_guard lock(m_controlMutex);
        stored = m_control->command({"GET", m_channels.policyKey});
    }
    if (!stored || replyIsNil(stored.get()) || replyIsError(stored.get()))
        return std::nullopt;
    const std::string_view json = replyText(stored.get());
    PolicyParseResult parsed = parsePolicyJson(QByteArray(json.data(), qsizetype(json.size())));
    if (!parsed.policy)
        qCWarning(lcCache, "ignoring the stored cache policy: %s",
                  qUtf8Printable(parsed.errors.value(0).text()));
    return std::move(parsed.policy);
}

void ResponseCache::onInvalidationMessage(std::string_view text)
{
    const auto message = parseInvalidation(text);
    if (!message)
        return;
    if (message->scope == InvalidationMessage::Scope::Beat) {
        if (message->sender == m_instanceId)
            onOwnBeat(message->beat);
        else
            m_peersHeard[message->sender] = {CoherenceLease::steadyNowNs(), message->leaseMs};
        return;
    }
    if (message->sender != m_instanceId) {
        m_remoteInvalidations.fetch_add(1, std::memory_order_relaxed);
        switch (message->scope) {
        case InvalidationMessage::Scope::Group:
            invalidateLocal(message->group);
            break;
        case InvalidationMessage::Scope::Class:
            invalidateLocalClass(message->group.dataClass);
            break;
        case InvalidationMessage::Scope::All:
        case InvalidationMessage::Scope::Beat:
            invalidateLocalClass(std::nullopt);
            break;
        }
    }
    if (!message->ackKey.empty()) {
        // The sender counts every receiver, itself included, by reading the counter; it
        // outlives a writer that stopped waiting by a little, then goes.
        const std::string_view count[] = {"INCR", message->ackKey};
        const std::string_view expire[] = {"PEXPIRE", message->ackKey, "10000"};
        const std::span<const std::string_view> commands[] = {count, expire};
        std::vector<RedisReplyPtr> replies;
        m_listenerLink->pipeline(commands, replies);
    }
}

void ResponseCache::onHeartbeat()
{
    const std::uint64_t sequence = m_nextBeat++;
    m_beatsSent.emplace_back(sequence, CoherenceLease::steadyNowNs());
    // Beats lost with a connection never come back; only the recent ones can renew the lease.
    while (m_beatsSent.size() > 16)
        m_beatsSent.pop_front();
    InvalidationMessage beat{m_instanceId, InvalidationMessage::Scope::Beat, {}, {}};
    beat.beat = sequence;
    beat.leaseMs = m_options.lease.count();
    const std::string text = formatInvalidation(beat);
    const std::string version = std::to_string(policy()->version);
    const std::string ttl = std::to_string(kPresenceTtlMs);
    const std::string_view publish[] = {"PUBLISH", m_channels.invalidations, text};
    const std::string_view present[] = {"SET", m_presenceKey, version, "PX", ttl};
    const std::span<const std::string_view> commands[] = {publish, present};
    std::vector<RedisReplyPtr> replies;
    // Every heartbeat tries, also right after a failure: the lease comes back with the first
    // one Redis handles, not one reconnect interval later.
    m_listenerLink->reconnectNow();
    m_listenerLink->pipeline(commands, replies);
    if (m_lease.held() && pendingInvalidations() > 0)
        replayFailedInvalidations();
}

void ResponseCache::onOwnBeat(std::uint64_t sequence)
{
    std::int64_t sentNs = -1;
    while (!m_beatsSent.empty() && m_beatsSent.front().first <= sequence) {
        if (m_beatsSent.front().first == sequence)
            sentNs = m_beatsSent.front().second;
        m_beatsSent.pop_front();
    }
    if (sentNs < 0)
        return;
    // Redis handled the beat just now: the workers need not wait out their rest to try it.
    m_redisRest.answered();
    if (m_lease.renew(sentNs, m_clock->now()))
        onLeaseRegained();
}

void ResponseCache::onTick()
{
    if (m_reportedHeld && !m_lease.held())
        reportLeaseLost();
    // The other instances heard within two of their lease lengths (or this one's, if longer),
    // and this one: an instance quiet for longer holds no lease any more.
    const std::int64_t now = CoherenceLease::steadyNowNs();
    const std::int64_t ownMs = m_options.lease.count();
    std::erase_if(m_peersHeard, [now, ownMs](const auto& peer) {
        return now - peer.second.heardNs > 2 * std::max(ownMs, peer.second.leaseMs) * 1'000'000;
    });
    std::int64_t longest = ownMs;
    for (const auto& [id, peer] : m_peersHeard)
        longest = std::max(longest, peer.leaseMs);
    m_liveInstances.store(int(m_peersHeard.size()) + 1, std::memory_order_relaxed);
    m_longestLeaseMs.store(longest, std::memory_order_relaxed);
}

void ResponseCache::reportLeaseLost()
{
    m_reportedHeld = false;
    m_lostAtNs = CoherenceLease::steadyNowNs();
    m_delayedAtLoss = m_delayedWrites.load(std::memory_order_relaxed);
    m_leaseLosses.fetch_add(1, std::memory_order_relaxed);
    qCWarning(lcCache,
              "lost the invalidation channel (no heartbeat back within the %lld ms lease): "
              "lists come from the database until it is back",
              static_cast<long long>(m_options.lease.count()));
}

void ResponseCache::onLeaseRegained()
{
    // Whatever was cached before the gap may have missed an invalidation: dropped, and loads
    // begun before it are not joined by later requests. Each key is then loaded once, not by
    // every request (single flight).
    m_flights->detachAll();
    if (m_memory->clear() > 0)
        m_resyncs.fetch_add(1, std::memory_order_relaxed);
    if (m_everHeld) {
        if (m_reportedHeld)
            reportLeaseLost(); // lapsed and came back between two ticks
        const auto gapMs = (CoherenceLease::steadyNowNs() - m_lostAtNs) / 1'000'000;
        qCInfo(lcCache,
               "invalidation channel back after %lld ms: cached lists dropped; delayed writes: "
               "%llu, invalidations still to redo: %zu",
               static_cast<long long>(gapMs),
               static_cast<unsigned long long>(m_delayedWrites.load(std::memory_order_relaxed) -
                                               m_delayedAtLoss),
               pendingInvalidations());
    }
    m_everHeld = true;
    m_reportedHeld = true;
}

std::size_t ResponseCache::pendingInvalidations()
{
    const std::lock_guard lock(m_failedMutex);
    return m_failedInvalidations.size() + (m_failedOverflow ? 1 : 0);
}

bool ResponseCache::waitForLease(std::chrono::milliseconds timeout) const
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!m_lease.held()) {
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

void ResponseCache::onPolicyMessage(std::string_view json)
{
    const PolicyParseResult parsed =
        parsePolicyJson(QByteArray(json.data(), qsizetype(json.size())));
    if (!parsed.policy) {
        qCWarning(lcCache, "ignoring a published cache policy: %s",
                  qUtf8Printable(parsed.errors.value(0).text()));
        return;
    }
    // An older or equal version is what this instance already has or has moved past.
    if (!applyPolicy(*parsed.policy).isEmpty())
        return;
    markPresent(*m_listenerLink);
}

void ResponseCache::attach(CacheWorkerContext* worker)
{
    const std::lock_guard lock(m_workersMutex);
    m_workers.push_back(worker);
}

void ResponseCache::detach(CacheWorkerContext* worker)
{
    const std::lock_guard lock(m_workersMutex);
    worker->addTo(m_retired);
    std::erase(m_workers, worker);
}

bool ResponseCache::subscribed() const
{
    return m_subscriber && m_subscriber->isSubscribed();
}

CacheStats ResponseCache::stats() const
{
    CacheStats stats;
    {
        const std::lock_guard lock(m_workersMutex);
        stats = m_retired;
        stats.redisConnections = 0;
        for (const CacheWorkerContext* worker : m_workers) {
            worker->addTo(stats);
            stats.redisConnections += worker->redisConnected() ? 1 : 0;
        }
    }
    stats.admitAfter = m_sketch ? std::uint64_t(m_admitAfter.load(std::memory_order_relaxed)) : 0;
    const auto memory = m_memory->stats();
    for (int index = 0; index < kDataClassCount; ++index) {
        LayerClassStats& figures = stats.at(DataClass(index), CacheLayer::Memory);
        figures.keys = memory[std::size_t(index)].keys;
        figures.bytes = memory[std::size_t(index)].bytes;
        figures.evictions = memory[std::size_t(index)].evictions;
        figures.invalidations = memory[std::size_t(index)].invalidations;
    }
    stats.remoteInvalidations = m_remoteInvalidations.load(std::memory_order_relaxed);
    stats.resyncs = m_resyncs.load(std::memory_order_relaxed);
    if (m_control) {
        stats.redisErrors += m_control->errors() + m_subscriber->errors();
        stats.redisReconnects += m_control->reconnects() + m_subscriber->reconnects();
    }
    stats.subscriberUp = subscribed();
    stats.leaseHeld = m_lease.held();
    stats.leaseLosses = m_leaseLosses.load(std::memory_order_relaxed);
    stats.delayedWrites = m_delayedWrites.load(std::memory_order_relaxed);
    {
        const std::lock_guard lock(m_failedMutex);
        stats.pendingInvalidations = m_failedInvalidations.size() + (m_failedOverflow ? 1 : 0);
    }
    stats.policyVersion = policy()->version;
    stats.memoryMaxBytes = m_memory->maxBytes();
    return stats;
}

RedisUsage ResponseCache::redisUsage(bool countEntries)
{
    RedisUsage usage;
    usage.entries.fill(-1);
    if (!m_control)
        return usage;
    const std::lock_guard lock(m_controlMutex);
    const RedisReplyPtr size = m_control->command({"DBSIZE"});
    const RedisReplyPtr info = m_control->command({"INFO", "memory"});
    if (!size || !info || replyIsError(size.get()) || replyIsError(info.get()))
        return usage;
    usage.ok = true;
    usage.databaseKeys = replyInteger(size.get());
    usage.usedMemoryBytes = toNumber(infoField(replyText(info.get()), "used_memory"));
    if (!countEntries)
        return usage;
    for (int index = 0; index < kDataClassCount; ++index) {
        const std::string pattern = classEntryPattern(m_options.ns, DataClass(index));
        std::int64_t count = 0;
        const bool ok = scanKeys(*m_control, pattern, [&](std::span<const std::string_view> keys) {
            count += std::int64_t(keys.size());
            return true;
        });
        usage.entries[std::size_t(index)] = ok ? count : -1;
    }
    return usage;
}

} // namespace qaconsole::cache
