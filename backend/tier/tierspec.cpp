#include "backend/tier/tierspec.h"

#include "backend/cache/cachepolicy.h"

namespace qaconsole::tier {

QStringList tierCacheNames()
{
    return {QStringLiteral("off"), QStringLiteral("memory"), QStringLiteral("memory+redis")};
}

QStringList tierBalancerNames()
{
    return {QStringLiteral("none"), QStringLiteral("nginx")};
}

QString tierCacheName(TierCache cache)
{
    return tierCacheNames().at(int(cache));
}

QString tierBalancerName(TierBalancer balancer)
{
    return tierBalancerNames().at(int(balancer));
}

QList<TierSpec> builtInTiers()
{
    const QString balanced = cache::presetName(cache::PolicyPreset::Balanced);
    TierSpec single;
    single.name = QStringLiteral("Single instance");
    single.notes = QStringLiteral("One backend instance reading PostgreSQL directly: the "
                                  "cheapest tier, and the baseline the others are measured "
                                  "against.");
    TierSpec withRedis;
    withRedis.name = QStringLiteral("Single + Redis");
    withRedis.cache = TierCache::MemoryAndRedis;
    withRedis.policyPreset = balanced;
    withRedis.notes = QStringLiteral("The same instance with an in-process cache and Redis in "
                                     "front of PostgreSQL: reports and new content show at "
                                     "once, helpful votes within the policy's TTL.");
    TierSpec three;
    three.name = QStringLiteral("3 instances + nginx + Redis");
    three.instances = 3;
    three.cache = TierCache::MemoryAndRedis;
    three.policyPreset = balanced;
    three.balancer = TierBalancer::Nginx;
    three.notes = QStringLiteral("Three instances behind an nginx load balancer, sharing Redis "
                                 "and PostgreSQL: capacity grows with the instances until the "
                                 "database or the balancer is the limit.");
    return {single, withRedis, three};
}

} // namespace qaconsole::tier
