#include "backend/tier/tierfigures.h"

namespace qaconsole::tier {

namespace {

std::uint64_t grown(std::uint64_t before, std::uint64_t after)
{
    return after >= before ? after - before : after;
}

const InstanceCounters* countersOf(const TierScrape& scrape, const QString& name)
{
    for (const InstanceScrape& instance : scrape.instances) {
        if (instance.name == name)
            return instance.counters ? &*instance.counters : nullptr;
    }
    return nullptr;
}

std::optional<double> ratioPercent(std::uint64_t served, std::uint64_t lookups)
{
    if (lookups == 0)
        return std::nullopt;
    return 100.0 * double(std::min(served, lookups)) / double(lookups);
}

} // namespace

TierFigures tierFigures(const TierScrape& before, const TierScrape& after)
{
    TierFigures figures;
    figures.seconds = double(after.atMs - before.atMs) / 1000.0;
    metrics::MetricsSnapshot merged;
    std::uint64_t served = 0;
    std::uint64_t lookups = 0;
    for (const InstanceScrape& instance : after.instances) {
        InstanceFigures own{instance.name, false, {}, {}};
        const InstanceCounters* earlier = countersOf(before, instance.name);
        if (instance.counters && earlier) {
            own.measured = true;
            const metrics::MetricsSnapshot interval =
                metrics::intervalSnapshot(earlier->http, instance.counters->http);
            own.http = metrics::figuresOf(interval, figures.seconds);
            metrics::addInterval(merged, interval);
            // A restarted instance (fewer requests) counts its cache from zero as well.
            const bool restarted = instance.counters->http.requests < earlier->http.requests;
            const std::uint64_t ownServed =
                restarted ? instance.counters->cacheServed
                          : grown(earlier->cacheServed, instance.counters->cacheServed);
            const std::uint64_t ownLookups =
                restarted ? instance.counters->cacheLookups
                          : grown(earlier->cacheLookups, instance.counters->cacheLookups);
            own.hitRatioPercent = ratioPercent(ownServed, ownLookups);
            served += ownServed;
            lookups += ownLookups;
        }
        figures.instances.append(own);
    }
    figures.total = metrics::figuresOf(merged, figures.seconds);
    figures.hitRatioPercent = ratioPercent(served, lookups);
    if (after.nginx) {
        figures.nginxConnections = after.nginx->active;
        if (before.nginx && figures.seconds > 0)
            figures.nginxRequestsPerSecond =
                double(grown(before.nginx->requests, after.nginx->requests)) / figures.seconds;
    }
    return figures;
}

} // namespace qaconsole::tier
