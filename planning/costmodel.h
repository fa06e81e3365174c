#pragma once

#include "core/result.h"
#include "planning/burstcredits.h"
#include "planning/pricecatalogue.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace qaconsole::tier {
struct TierSpec;
}

namespace qaconsole::planning {

// AWS's month for hourly prices: 8,760 hours a year over 12.
inline constexpr double kHoursPerMonth = 730;
// A GB of data transfer and of a load balancer's processed bytes: 10^9 bytes. Should the bill
// count GiB (2^30 bytes), it is up to 7 % lower than estimated, never higher.
inline constexpr double kBytesPerGb = 1e9;
// An Application Load Balancer's capacity unit (LCU) covers, per hour, 1 GB processed or 25 new
// connections a second, whichever needs more units.
inline constexpr double kNewConnectionsPerLcu = 25;
// Our assumption for the new-connection count: the storefront's clients keep connections open
// for about ten requests each (HTTP keep-alive).
inline constexpr double kRequestsPerConnection = 10;

// The catalogue items a tier's parts run on.
struct TierRoles
{
    QString balancerItem; // empty: no load balancer
    QString backendItem;
    int backendCount = 1;
    QString cacheItem; // empty: no shared cache
    QString databaseItem;
    QString egressItem; // data transfer out (unit gb); empty: not priced

    friend bool operator==(const TierRoles&, const TierRoles&) = default;
};

// The roles of the built-in AWS catalogue for a tier: each backend instance on an EC2 t3.micro;
// nginx on one more t3.micro (the console runs a real nginx; "elb.alb" is the alternative a user
// can map instead); a tier caching with Redis on ElastiCache cache.t3.micro (memory-only or no
// cache: none); the database on RDS db.t4g.micro, Single-AZ; data transfer out to the internet.
TierRoles defaultRoles(const tier::TierSpec& spec);

// The client's expected traffic: requests a month, or an average rate, and the peak rate.
struct ClientTraffic
{
    double requestsPerMonth = 0;
    double averageRps = 0;
    double peakRps = 0;
};

// Fills the average from the requests a month (a month of 730 hours) or the other way round,
// whichever is 0, and a missing peak with the average.
ClientTraffic completeTraffic(ClientTraffic traffic);

// What the capacity measurement gives the cost model.
struct MeasuredTier
{
    double capacityRps = 0;       // the highest rate meeting the SLO; above 0
    double meanResponseBytes = 0; // mean size of a response, headers included
};

// One line of a tier's monthly bill.
struct CostLine
{
    QString role; // "Backend instances", "Data transfer out", ...
    QString itemId;
    QString itemName;
    int instances = 0;   // hourly roles: how many run all month; 0 for usage lines
    double quantity = 0; // units billed a month: instance-hours, GB, LCU-hours, vCPU-hours
    PriceUnit unit = PriceUnit::Hour;
    double unitUsd = 0;
    double perMonth = 0;
    bool fixed = true; // paid whatever the traffic (the hourly roles)
};

struct TierCost
{
    QList<CostLine> lines; // the fixed lines first, then usage; their sum is perMonthAtTraffic
    double fixedPerMonth = 0;
    double egressGbPerMonth = 0; // all responses' bytes, before the free allowance
    double egressPerMonth = 0;
    double lcuHoursPerMonth = 0;
    double lcuPerMonth = 0;
    double burstSurplusPerMonth = 0;
    double perMonthAtTraffic = 0;
    // The fixed cost over the requests a month at capacity: capacity x 730 x 3600 / 10^6.
    double perMillionAtCapacity = 0;
    double perMillionAtTraffic = 0; // 0 without traffic
    double headroom = 0;            // capacity / the client's peak; 0 without a peak
    CreditState credit = CreditState::NotBurstable;
    QString creditNote;
    QStringList assumptions; // each a sentence, for the report's fine print
};

enum class CostErrorKind : std::uint8_t
{
    UnknownItem, // a role names an item the catalogue does not hold
    WrongUnit,   // a role names an item priced in another unit
    BadInput,    // no capacity, negative traffic, no backend instance
};

// The tier's cost at the client's traffic, from the catalogue's prices. An error names the
// role (TierRoles' field) and the item.
Result<TierCost, CostErrorKind> costTier(const TierRoles& roles, const PriceCatalogue& catalogue,
                                         const MeasuredTier& measured, ClientTraffic traffic);

// The cost in two or three sentences: per month, at the traffic, per million, headroom, credits.
QString describeCost(const TierCost& cost);

} // namespace qaconsole::planning
