#include "planning/costassumptions.h"

#include "planning/costmodel.h"
#include "planning/plantext.h"

namespace qaconsole::planning {

namespace {

bool burstable(const PriceCatalogue& catalogue, const QString& id)
{
    const PriceItem* item = catalogue.find(id);
    return item && item->burst;
}

} // namespace

QStringList costAssumptions(const PriceCatalogue& catalogue, const TierRoles& roles,
                            const MeasuredTier& measured, const ClientTraffic& given)
{
    QStringList sentences;
    sentences << QStringLiteral("A month is 730 hours, AWS's convention (8,760 hours a year over "
                                "12); every instance and service runs all month.");
    sentences << QStringLiteral("Prices are those of the catalogue \"%1\". %2")
                     .arg(catalogue.name, catalogue.checkBeforeQuoting);
    if (given.peakRps <= 0 && (given.averageRps > 0 || given.requestsPerMonth > 0))
        sentences << QStringLiteral("No peak rate was given: the peak is taken as the average.");
    if (const PriceItem* egress = catalogue.find(roles.egressItem)) {
        sentences << QStringLiteral("Data transfer out is the mean response size measured (%1 "
                                    "bytes) times the requests a month, in GB of 10^9 bytes, "
                                    "less the first %2 GB a month, which are free; requests "
                                    "coming in are not charged.")
                         .arg(numberText(measured.meanResponseBytes, 0),
                              numberText(egress->freeGbPerMonth, 0));
    }
    const PriceItem* balancer = catalogue.find(roles.balancerItem);
    if (balancer && !balancer->lcuItem.isEmpty())
        sentences << QStringLiteral("The load balancer's capacity units are counted at the "
                                    "average rate, from the larger of the bytes it processes (1 GB "
                                    "an hour per unit) and its new connections (25 a second per "
                                    "unit, with about %1 requests per connection); AWS bills each "
                                    "hour's busiest dimension, so busy hours cost more than this.")
                         .arg(kRequestsPerConnection);
    if (burstable(catalogue, roles.backendItem))
        sentences << QStringLiteral("The capacity was measured with the instances' CPU as the "
                                    "limit, so their CPU use at a traffic is taken as that traffic "
                                    "over the capacity, averaged over the month: credits earned in "
                                    "quiet hours pay for the bursts of busy ones.");
    QStringList unmodelled;
    if (burstable(catalogue, roles.balancerItem))
        unmodelled << QStringLiteral("the load balancer");
    if (burstable(catalogue, roles.cacheItem))
        unmodelled << QStringLiteral("the cache");
    if (burstable(catalogue, roles.databaseItem))
        unmodelled << QStringLiteral("the database");
    if (!unmodelled.isEmpty()) {
        const QString last = unmodelled.takeLast();
        const QString parts =
            unmodelled.isEmpty() ? last : unmodelled.join(QStringLiteral(", ")) + u" and " + last;
        sentences << QStringLiteral("The CPU credits of %1 are not modelled: %2 load was not "
                                    "measured.")
                         .arg(parts, unmodelled.isEmpty() ? QStringLiteral("its")
                                                          : QStringLiteral("their"));
    }
    sentences << QStringLiteral("Storage, backups and traffic between the tier's own parts are "
                                "not included.");
    return sentences;
}

} // namespace qaconsole::planning
