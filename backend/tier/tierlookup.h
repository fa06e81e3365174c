#pragma once

#include "backend/tier/tierspec.h"
#include "core/fielderror.h"

#include <QString>

#include <optional>

namespace qaconsole::tier {

// The tier named `name` (case ignored) in the tiers file at `tiersPath` (the built-in tiers
// while it does not exist), its policy file made absolute (relative paths are read from the
// tiers file's folder). Nothing when the file has mistakes (then `errors`) or no such tier (then
// `errors` is empty).
struct TierLookup
{
    std::optional<TierSpec> tier;
    core::FieldErrors errors;
};
TierLookup findTier(const QString& tiersPath, const QString& name);

} // namespace qaconsole::tier
