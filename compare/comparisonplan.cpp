#include "compare/comparisonplan.h"

namespace qaconsole::compare {

QString TierRun::label() const
{
    return spec.name;
}

std::vector<TierRun> plannedRuns(const ComparisonPlan& plan)
{
    std::vector<TierRun> runs;
    for (const tier::TierSpec& spec : plan.tiers) {
        const bool cached = spec.cache != tier::TierCache::Off;
        if (!cached || plan.policies.isEmpty()) {
            TierRun run;
            run.spec = spec;
            if (cached)
                run.policyName = spec.policyFile.isEmpty() ? spec.policyPreset : spec.policyFile;
            runs.push_back(run);
            continue;
        }
        for (const QString& policy : plan.policies) {
            TierRun run;
            run.spec = spec;
            run.spec.policyPreset = policy;
            run.spec.policyFile.clear();
            run.policyName = policy;
            runs.push_back(run);
        }
    }
    return runs;
}

} // namespace qaconsole::compare
