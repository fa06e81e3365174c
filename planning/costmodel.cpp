#include "planning/costmodel.h"

#include "backend/tier/tierspec.h"
#include "planning/costassumptions.h"
#include "planning/plantext.h"

#include <algorithm>
#include <cmath>

namespace qaconsole::planning {

namespace {

constexpr double kSecondsPerMonth = kHoursPerMonth * 3600;

using CostResult = Result<TierCost, CostErrorKind>;

bool finiteAndNotNegative(double value)
{
    return std::isfinite(value) && value >= 0;
}

// The item a role names, with the unit the model prices it by; nullptr and `error` otherwise.
const PriceItem* roleItem(const PriceCatalogue& catalogue, const QString& role, const QString& id,
                          PriceUnit unit, std::optional<CostResult::ErrorType>& error)
{
    const PriceItem* item = catalogue.find(id);
    if (id.isEmpty()) {
        error = makeError(CostErrorKind::UnknownItem, QStringLiteral("names no item"), role);
    } else if (!item) {
        error = makeError(CostErrorKind::UnknownItem,
                          QStringLiteral("\"%1\" is not an item of the price catalogue \"%2\"")
                              .arg(id, catalogue.name),
                          role);
    } else if (item->unit != unit) {
        error = makeError(CostErrorKind::WrongUnit,
                          QStringLiteral("\"%1\" is priced per %2; this role needs an item "
                                         "priced per %3")
                              .arg(id, priceUnitName(item->unit), priceUnitName(unit)),
                          role);
        item = nullptr;
    }
    return item;
}

CostLine usageLine(const QString& role, const PriceItem& item, double quantity)
{
    return {role, item.id, item.name, 0, quantity, item.unit, item.usd, quantity * item.usd, false};
}

// The ALB's capacity units an hour at the average rate: processed bytes (responses; requests
// are small beside them) or new connections, whichever needs more. AWS bills each hour's
// highest dimension, so busy hours cost more than this average says; the assumptions say so.
double lcuPerHour(const MeasuredTier& measured, const ClientTraffic& traffic)
{
    const double bytes = measured.meanResponseBytes * traffic.averageRps * 3600 / kBytesPerGb;
    const double connections = traffic.averageRps / kRequestsPerConnection / kNewConnectionsPerLcu;
    return std::max(bytes, connections);
}

QString inputError(const MeasuredTier& measured, const ClientTraffic& traffic, int backends)
{
    if (!std::isfinite(measured.capacityRps) || measured.capacityRps <= 0)
        return QStringLiteral("the tier has no measured capacity: costs per request need one");
    if (!finiteAndNotNegative(measured.meanResponseBytes))
        return QStringLiteral("the mean response size must be 0 bytes or more");
    if (!finiteAndNotNegative(traffic.requestsPerMonth) ||
        !finiteAndNotNegative(traffic.averageRps) || !finiteAndNotNegative(traffic.peakRps))
        return QStringLiteral("the client's traffic must be 0 or more");
    if (backends < 1)
        return QStringLiteral("a tier needs at least one backend instance");
    return {};
}

} // namespace

TierRoles defaultRoles(const tier::TierSpec& spec)
{
    TierRoles roles;
    const QString ec2 = QStringLiteral("ec2.t3.micro");
    if (spec.balancer == tier::TierBalancer::Nginx)
        roles.balancerItem = ec2;
    roles.backendItem = ec2;
    roles.backendCount = spec.instances;
    // Only Redis is a service of its own; the in-process layer lives in the instances' memory.
    if (spec.cache == tier::TierCache::MemoryAndRedis)
        roles.cacheItem = QStringLiteral("elasticache.cache.t3.micro");
    roles.databaseItem = QStringLiteral("rds.db.t4g.micro");
    roles.egressItem = QStringLiteral("ec2.data-transfer-out");
    return roles;
}

ClientTraffic completeTraffic(ClientTraffic traffic)
{
    if (traffic.averageRps <= 0 && traffic.requestsPerMonth > 0)
        traffic.averageRps = traffic.requestsPerMonth / kSecondsPerMonth;
    else if (traffic.requestsPerMonth <= 0 && traffic.averageRps > 0)
        traffic.requestsPerMonth = traffic.averageRps * kSecondsPerMonth;
    if (traffic.peakRps <= 0)
        traffic.peakRps = traffic.averageRps;
    return traffic;
}

Result<TierCost, CostErrorKind> costTier(const TierRoles& roles, const PriceCatalogue& catalogue,
                                         const MeasuredTier& measured, ClientTraffic given)
{
    if (const QString why = inputError(measured, given, roles.backendCount); !why.isEmpty())
        return makeError(CostErrorKind::BadInput, why);
    const ClientTraffic traffic = completeTraffic(given);
    TierCost cost;
    std::optional<CostResult::ErrorType> error;

    // The hourly roles: paid all month, whatever the traffic.
    const auto hourly = [&](const char* field, const char* role, const QString& id, int count) {
        const PriceItem* item =
            roleItem(catalogue, QLatin1String(field), id, PriceUnit::Hour, error);
        if (item) {
            const double hours = count * kHoursPerMonth;
            cost.lines.append({QLatin1String(role), item->id, item->name, count, hours, item->unit,
                               item->usd, hours * item->usd, true});
            cost.fixedPerMonth += hours * item->usd;
        }
        return item;
    };
    const PriceItem* balancer = nullptr;
    if (!roles.balancerItem.isEmpty() &&
        !(balancer = hourly("balancerItem", "Load balancer", roles.balancerItem, 1)))
        return *error;
    const PriceItem* backend =
        hourly("backendItem", "Backend instances", roles.backendItem, roles.backendCount);
    if (!backend)
        return *error;
    if (!roles.cacheItem.isEmpty() && !hourly("cacheItem", "Cache", roles.cacheItem, 1))
        return *error;
    if (!hourly("databaseItem", "Database", roles.databaseItem, 1))
        return *error;

    // Usage: data transfer out, the load balancer's capacity units, the CPU surplus.
    cost.egressGbPerMonth = measured.meanResponseBytes * traffic.requestsPerMonth / kBytesPerGb;
    if (!roles.egressItem.isEmpty()) {
        const PriceItem* egress = roleItem(catalogue, QStringLiteral("egressItem"),
                                           roles.egressItem, PriceUnit::Gb, error);
        if (!egress)
            return *error;
        const double billed = std::max(0.0, cost.egressGbPerMonth - egress->freeGbPerMonth);
        cost.lines.append(usageLine(QStringLiteral("Data transfer out"), *egress, billed));
        cost.egressPerMonth = cost.lines.last().perMonth;
    }
    if (balancer && !balancer->lcuItem.isEmpty()) {
        const PriceItem* lcu = roleItem(catalogue, QStringLiteral("balancerItem"),
                                        balancer->lcuItem, PriceUnit::LcuHour, error);
        if (!lcu)
            return *error;
        cost.lcuHoursPerMonth = lcuPerHour(measured, traffic) * kHoursPerMonth;
        cost.lines.append(
            usageLine(QStringLiteral("Load balancer capacity units"), *lcu, cost.lcuHoursPerMonth));
        cost.lcuPerMonth = cost.lines.last().perMonth;
    }
    const CreditOutcome credit =
        creditOutcome(*backend, roles.backendCount, traffic.averageRps / measured.capacityRps);
    cost.credit = credit.state;
    cost.creditNote = credit.note;
    if (credit.surplusVcpuHoursPerMonth > 0) {
        const QString& id = backend->burst->surplusItem;
        if (id.isEmpty())
            return makeError(CostErrorKind::UnknownItem,
                             QStringLiteral("\"%1\" runs in unlimited credit mode but names no "
                                            "surplus_item to price its CPU surplus")
                                 .arg(backend->id),
                             QStringLiteral("backendItem"));
        const PriceItem* surplus =
            roleItem(catalogue, QStringLiteral("backendItem"), id, PriceUnit::VcpuHour, error);
        if (!surplus)
            return *error;
        cost.lines.append(usageLine(QStringLiteral("CPU surplus (unlimited mode)"), *surplus,
                                    credit.surplusVcpuHoursPerMonth));
        cost.burstSurplusPerMonth = cost.lines.last().perMonth;
    }

    cost.perMonthAtTraffic =
        cost.fixedPerMonth + cost.egressPerMonth + cost.lcuPerMonth + cost.burstSurplusPerMonth;
    cost.perMillionAtCapacity =
        cost.fixedPerMonth / (measured.capacityRps * kSecondsPerMonth / 1e6);
    if (traffic.requestsPerMonth > 0)
        cost.perMillionAtTraffic = cost.perMonthAtTraffic / (traffic.requestsPerMonth / 1e6);
    if (traffic.peakRps > 0)
        cost.headroom = measured.capacityRps / traffic.peakRps;
    cost.assumptions = costAssumptions(catalogue, roles, measured, given);
    return cost;
}

QString describeCost(const TierCost& cost)
{
    QString text = QStringLiteral("%1 a month for the tier's instances and services")
                       .arg(usdText(cost.fixedPerMonth));
    if (cost.perMonthAtTraffic > cost.fixedPerMonth)
        text += QStringLiteral("; %1 a month at the client's traffic, data transfer included")
                    .arg(usdText(cost.perMonthAtTraffic));
    text += QStringLiteral(". That is %1 per million requests at capacity")
                .arg(usdText(cost.perMillionAtCapacity));
    if (cost.perMillionAtTraffic > 0)
        text += QStringLiteral(" and %1 per million at the client's traffic")
                    .arg(usdText(cost.perMillionAtTraffic));
    text += u'.';
    if (cost.headroom >= 1)
        text += QStringLiteral(" Capacity is %1 times the client's peak.")
                    .arg(numberText(cost.headroom, 1));
    else if (cost.headroom > 0)
        text += QStringLiteral(" Capacity is only %1 times the client's peak: the tier does not "
                               "meet the SLO at the peak.")
                    .arg(numberText(cost.headroom, 2));
    if (cost.credit == CreditState::OnCredits)
        text += QStringLiteral(" It meets the SLO only on burst credits.");
    else if (cost.credit == CreditState::UnlimitedSurplus)
        text += QStringLiteral(" Its CPU surplus costs %1 a month.")
                    .arg(usdText(cost.burstSurplusPerMonth));
    return text;
}

} // namespace qaconsole::planning
