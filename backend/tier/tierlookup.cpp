#include "backend/tier/tierlookup.h"

#include "backend/tier/tierfile.h"

#include <QDir>
#include <QFileInfo>

namespace qaconsole::tier {

TierLookup findTier(const QString& tiersPath, const QString& name)
{
    const TiersParseResult loaded = loadTiersFile(tiersPath);
    if (!loaded.tiers)
        return {std::nullopt, loaded.errors};
    for (TierSpec candidate : *loaded.tiers) {
        if (candidate.name.compare(name.trimmed(), Qt::CaseInsensitive) != 0)
            continue;
        if (!candidate.policyFile.isEmpty())
            candidate.policyFile =
                QFileInfo(tiersPath).dir().absoluteFilePath(candidate.policyFile);
        return {candidate, {}};
    }
    return {};
}

} // namespace qaconsole::tier
