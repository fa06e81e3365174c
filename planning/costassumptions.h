#pragma once

#include <QStringList>

namespace qaconsole::planning {

struct ClientTraffic;
struct MeasuredTier;
struct PriceCatalogue;
struct TierRoles;

// The assumptions behind costTier()'s figures, each a sentence for the report's fine print:
// the month, the prices' age, and how data transfer, capacity units and CPU credits are
// estimated (only those that apply to these roles). `given` is the traffic as the client gave
// it, before completeTraffic().
QStringList costAssumptions(const PriceCatalogue& catalogue, const TierRoles& roles,
                            const MeasuredTier& measured, const ClientTraffic& given);

} // namespace qaconsole::planning
