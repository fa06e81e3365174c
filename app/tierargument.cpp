#include "app/tierargument.h"

#include "app/commandline.h"
#include "backend/tier/tierlookup.h"

namespace qaconsole::app {

std::optional<tier::TierSpec> tierNamed(const QString& tiersPath, const QString& name,
                                        int& exitCode)
{
    tier::TierLookup found = tier::findTier(tiersPath, name);
    if (!found.errors.isEmpty())
        exitCode = reportFieldErrors(tiersPath, found.errors);
    else if (!found.tier)
        exitCode = usageError(QStringLiteral("no tier named \"%1\" in %2 (qaconsole tier list)")
                                  .arg(name, tiersPath));
    return std::move(found.tier);
}

} // namespace qaconsole::app
