#pragma once

#include "backend/cache/cachepolicy.h"
#include "backend/cache/cachestats.h"
#include "backend/cache/policyerror.h"
#include "backend/cache/responsecache.h"
#include "ui/shell/backgroundlane.h"
#include "ui/shell/notice.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

class QTimer;

namespace qaconsole::ui {

// How many instances sharing the Redis namespace report the version in force.
struct PolicyAcknowledgements
{
    qsizetype current = 0; // at that version or newer
    qsizetype total = 0;   // every instance that reported one
};

// The Cache page's controller: the response cache of the running embedded backend (or none),
// the policy in force and the one being prepared (its name, Revert, policy files), Apply (the
// policy published to every instance sharing the Redis namespace, then the instances counted
// that report its version), flushing one data class or everything, and the figures: the
// cache's counters once a second (atomic reads) and Redis's usage and the acknowledgements
// every few seconds. Everything that may block on Redis runs on the controller's
// "cache-control" BackgroundLane. QtCore only: the page renders this state, asks its
// confirmations and forwards the user's choices.
class CacheController : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSampleIntervalMs = 1000; // stats, chart, figures
    static constexpr int kUsageIntervalMs = 4000;  // Redis usage and policy acknowledgements

    explicit CacheController(QObject* parent = nullptr);
    ~CacheController() override;

    const std::shared_ptr<cache::ResponseCache>& cache() const { return m_cache; }
    // Apply and the flushes can reach a cache.
    bool isAvailable() const { return m_cache != nullptr && !m_shutDown; }
    // The cache shares Redis with other instances (false without a cache).
    bool usesRedis() const;
    bool isApplying() const { return m_applying; }
    bool isFlushing() const { return m_flushing; }

    // The policy in force (or, without a cache, the one the editor starts from: Balanced).
    const cache::CachePolicy& baseline() const { return m_baseline; }
    // The name `edited` gets when applied or saved: the preset it equals, else the policy in
    // force's or the loaded file's when it has their values, else "Custom".
    QString nameFor(const cache::CachePolicy& edited) const;
    // Values differ from the policy in force (an invalid edit, nullopt, always does).
    bool isModified(const std::optional<cache::CachePolicy>& edited) const;
    // Apply can go with `edited`: a cache is there, the edit is valid and differs from the
    // policy in force, and no Apply is under way. applyHint() says why not, or what it does.
    bool canApply(const std::optional<cache::CachePolicy>& edited) const;
    QString applyHint(const std::optional<cache::CachePolicy>& edited) const;
    // Revert has something to undo, and no Apply is under way.
    bool canRevert(const std::optional<cache::CachePolicy>& edited) const;

    // Why there is nothing to apply to, or a caution (no Redis); empty while all is well.
    Notice availability() const;
    // How the latest change went ("Version 3 (Balanced) is in force on 2 of 2 instances."),
    // with one line per instance as its details.
    Notice policyStatus() const { return m_policyStatus; }
    // The acknowledgements behind the latest status; nullopt when none were counted.
    std::optional<PolicyAcknowledgements> acknowledgements() const { return m_acks; }
    // How the latest flush went.
    QString flushStatus() const { return m_flushStatus; }
    // Redis's figures: nullopt until read (or without a cache); ok false when Redis could not
    // be reached or is not configured.
    const std::optional<cache::RedisUsage>& redisUsage() const { return m_usage; }
    // "the question lists", "the answer lists", "everything".
    static QString classWord(std::optional<cache::DataClass> dataClass);

    // Reads a policy file into the editor (policyShown()); nothing is applied. The errors when
    // it is not a policy the console can use (nothing changes then).
    cache::PolicyErrors loadPolicyFile(const QString& path);
    // Writes `edited` to `path` with the version it would get when applied here. One error
    // (the path as its field) when it could not be written.
    cache::PolicyErrors savePolicyFile(const QString& path, cache::CachePolicy edited);

    // Stops the timers and the lane, before the app quits. Nothing is sent to a cache afterwards.
    void shutdown();

public Q_SLOTS:
    // The running embedded backend's cache (ApiController::cacheChanged), or null when the
    // backend is stopped or runs without cache.
    void setCache(std::shared_ptr<qaconsole::cache::ResponseCache> cache);
    // Publishes `edited` with the next version; the status then counts the instances.
    void apply(cache::CachePolicy edited);
    // The editor goes back to the policy in force (policyShown()).
    void revert();
    // Drops `dataClass` (everything when nullopt) here, in Redis and on every instance. The
    // page asks first.
    void flush(std::optional<cache::DataClass> dataClass);
    // Reads the cache's counters now (sampled()).
    void sample();
    // Reads Redis's usage and the acknowledgements on the lane (usageChanged(), changed()).
    void readUsage();

Q_SIGNALS:
    // Availability, a status, applying or flushing changed.
    void changed();
    // Another cache (or none) is shown: the chart starts again, the figures are blank.
    void cacheReset();
    // The policy in force changed (applied here, or by another instance).
    void baselineChanged(const qaconsole::cache::CachePolicy& policy);
    // The editor is to show `policy` (Revert, a file loaded).
    void policyShown(const qaconsole::cache::CachePolicy& policy);
    // The cache's counters at `msSinceEpoch`.
    void sampled(qint64 msSinceEpoch, const qaconsole::cache::CacheStats& stats);
    void usageChanged();

private:
    using Acks = std::vector<std::pair<std::uint64_t, std::int64_t>>;
    void setBaseline(const cache::CachePolicy& policy);
    void showAcks(const Acks& acks);
    void setPolicyStatus(Tone tone, const QString& text, const QString& details = {});

    BackgroundLane m_lane;
    QTimer* m_sampleTimer;
    QTimer* m_usageTimer;
    std::shared_ptr<cache::ResponseCache> m_cache;
    // Raised with every setCache(): results of work for an earlier cache are dropped.
    std::uint64_t m_generation = 0;
    cache::CachePolicy m_baseline = cache::defaultPolicy();
    cache::CachePolicy m_fromFile; // the last file loaded: its name is kept while its values are
    bool m_applying = false;
    bool m_flushing = false;
    bool m_usagePending = false;
    bool m_shutDown = false;
    // Whether Redis took the latest Apply; nullopt before any, and once Redis answers again.
    std::optional<bool> m_published;
    Notice m_policyStatus;
    std::optional<PolicyAcknowledgements> m_acks;
    QString m_flushStatus;
    std::optional<cache::RedisUsage> m_usage;
};

} // namespace qaconsole::ui
