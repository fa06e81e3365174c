#include "backend/cache/freshness.h"

#include "backend/cache/cachedresponse.h"
#include "backend/cache/cachepolicy.h"

#include <algorithm>

namespace qaconsole::cache {

namespace {

EntryTimes windows(const ClassPolicy& policy, std::int64_t freshUntil)
{
    return {freshUntil, freshUntil + policy.staleWhileRevalidateMs,
            freshUntil + policy.staleIfErrorMs};
}

std::int64_t jitterCut(const ClassPolicy& policy, const CachedResponse& entry)
{
    return std::int64_t(double(entry.jitter) * double(policy.jitterMs));
}

EntryTimes expiredAt(std::int64_t ms)
{
    return {ms, ms, ms};
}

} // namespace

Freshness EntryTimes::at(std::int64_t now) const
{
    if (now < freshUntil)
        return Freshness::Fresh;
    if (now < revalidateUntil)
        return Freshness::StaleRevalidate;
    if (now < errorUntil)
        return Freshness::StaleIfError;
    return Freshness::Expired;
}

EntryTimes redisTimes(const ClassPolicy& policy, const CachedResponse& entry)
{
    const std::int64_t ttl = policy.ttl(CacheLayer::Redis);
    if (ttl <= 0)
        return expiredAt(entry.computedAtMs);
    return windows(policy, entry.computedAtMs + ttl - jitterCut(policy, entry));
}

EntryTimes memoryTimes(const ClassPolicy& policy, const CachedResponse& entry,
                       std::int64_t insertedAtMs)
{
    const std::int64_t ttl = policy.ttl(CacheLayer::Memory);
    if (ttl <= 0)
        return expiredAt(entry.computedAtMs);
    const std::int64_t longest = std::max(ttl, policy.ttl(CacheLayer::Redis));
    const std::int64_t until = std::min(insertedAtMs + ttl, entry.computedAtMs + longest);
    return windows(policy, until - jitterCut(policy, entry));
}

} // namespace qaconsole::cache
