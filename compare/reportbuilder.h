#pragma once

#include "compare/comparisonplan.h"
#include "planning/pricecatalogue.h"
#include "report/reportmodel.h"

#include <QString>

#include <vector>

namespace qaconsole::compare {

// What the report says of where it was measured (its appendix).
struct ReportContext
{
    QString title = QStringLiteral("Cost and performance tiers");
    QString machine;      // machineDescription() by default
    QString versions;     // the console's, nginx's, PostgreSQL's, Redis's
    QString datasetScale; // "1,000,000 products (scale 1.0)"
    QString scenario;     // the mix in words
};

// "Linux 6.1, 2 cores, 24 GiB": where the measurements ran.
QString machineDescription();

// The client report of a comparison: each run's capacity and trials, its cost at the client's
// traffic from `catalogue` (planning::costTier with the tier's default roles), its freshness
// under its policy, the scaling projection when capacities at 4 or more instance counts exist,
// and the appendix.
report::ReportModel buildReport(const ComparisonPlan& plan, const std::vector<TierRun>& runs,
                                const planning::PriceCatalogue& catalogue,
                                const ReportContext& context);

} // namespace qaconsole::compare
