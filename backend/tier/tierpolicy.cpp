#include "backend/tier/tierpolicy.h"

#include "backend/cache/policyjson.h"

namespace qaconsole::tier {

std::optional<cache::CachePolicy> tierPolicy(const TierSpec& spec, QString& error)
{
    if (!spec.policyFile.isEmpty()) {
        const cache::PolicyParseResult loaded = cache::loadPolicyFile(spec.policyFile);
        if (!loaded.policy)
            error = QStringLiteral("%1: %2").arg(spec.policyFile, loaded.errors.value(0).text());
        return loaded.policy;
    }
    for (int preset = 0; preset < cache::kPresetCount && !spec.policyPreset.isEmpty(); ++preset) {
        if (cache::presetName(cache::PolicyPreset(preset)) == spec.policyPreset)
            return cache::presetPolicy(cache::PolicyPreset(preset));
    }
    error = QStringLiteral("no policy for the tier \"%1\"").arg(spec.name);
    return std::nullopt;
}

} // namespace qaconsole::tier
