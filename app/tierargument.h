#pragma once

#include "backend/tier/tierspec.h"

#include <optional>

namespace qaconsole::app {

// The tier NAME of the tiers file at `tiersPath`, for the actions of `qaconsole tier` that take
// one (up, export). Nothing after printing why: the file's mistakes (`exitCode` ExitFailure) or
// no such tier (ExitUsage).
std::optional<tier::TierSpec> tierNamed(const QString& tiersPath, const QString& name,
                                        int& exitCode);

} // namespace qaconsole::app
