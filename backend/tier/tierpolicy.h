#pragma once

#include "backend/cache/cachepolicy.h"
#include "backend/tier/tierspec.h"

#include <QString>

#include <optional>

namespace qaconsole::tier {

// The cache policy a tier's instances read: its preset's, or that of its policy file (the path
// as the spec holds it, already absolute). Nothing, with the reason in `error`, for a tier
// without a cache, an unknown preset or a file that cannot be read or is not a valid policy.
std::optional<cache::CachePolicy> tierPolicy(const TierSpec& spec, QString& error);

} // namespace qaconsole::tier
