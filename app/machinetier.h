#pragma once

#include "backend/stack/stacksettings.h"
#include "backend/tier/tierrunner.h"

#include <optional>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;

// A tier on this machine, beside the managed stack: its folder (DATA/tier) and what its
// instances are given, --data-dir and --settings only.
struct MachineTier
{
    stack::StackSettings settings;
    tier::TierRunOptions options;
};

// From the settings of the command line; nothing after printing why (bad settings, or --dsn /
// --redis, which the instances would show on their command lines). `action` names the command
// in the message.
std::optional<MachineTier> machineTier(const QString& action, const QCommandLineParser& parser,
                                       const QCommandLineParser& topLevel,
                                       const CommonOptions& common);

// Starts the managed stack's PostgreSQL (and Redis when the tier caches with it), then the tier.
// Nothing when it is up; otherwise why not, with `status` saying which process failed. With
// `versions`, each service's "PostgreSQL 15.18" is added to it.
std::optional<QString> startTier(tier::TierRunner& runner, const MachineTier& machine,
                                 const tier::TierSpec& spec, tier::TierStatus& status,
                                 QStringList* versions = nullptr);

} // namespace qaconsole::app
