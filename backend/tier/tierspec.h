#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace qaconsole::tier {

// What a tier caches: nothing, the in-process layer only, or the in-process layer with Redis
// behind it (shared by every instance, and the channel of their invalidations).
enum class TierCache : std::uint8_t
{
    Off,
    Memory,
    MemoryAndRedis
};

// What sits in front of the instances.
enum class TierBalancer : std::uint8_t
{
    None,
    Nginx
};

inline constexpr int kMaxTierInstances = 8;
inline constexpr int kMaxTierThreads = 64;

// A named topology of the backend, as a client would buy it: how many instances, how each is
// run and cached, and what balances them. Data only; tierfile.h reads and writes it, and the
// tier runner brings it up.
struct TierSpec
{
    QString name;
    int instances = 1; // 1 to kMaxTierInstances
    int threads = 1;   // per instance, 1 to kMaxTierThreads
    TierCache cache = TierCache::Off;
    // With a cache: a preset's name ("Balanced") or, instead, a policy file (policyFile); the
    // file's path as written, relative paths meaning the tiers file's folder.
    QString policyPreset;
    QString policyFile;
    TierBalancer balancer = TierBalancer::None;
    QString notes; // for the client: what this tier is and why one would buy it

    friend bool operator==(const TierSpec&, const TierSpec&) = default;
};

// The names the tiers file uses ("off", "memory", "memory+redis"; "none", "nginx").
QStringList tierCacheNames();
QStringList tierBalancerNames();
QString tierCacheName(TierCache cache);
QString tierBalancerName(TierBalancer balancer);

// The three tiers of the storefront's history: one instance without a cache, the same with
// Redis (Balanced policy), and three instances behind nginx sharing Redis.
QList<TierSpec> builtInTiers();

} // namespace qaconsole::tier
