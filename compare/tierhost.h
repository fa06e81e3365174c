#pragma once

#include "backend/tier/tierspec.h"

#include <QString>

#include <optional>

namespace qaconsole::compare {

// Brings a tier up on this machine and down again, for a comparison. The command line's host
// starts the managed stack itself; the window's goes through its stack supervisor, which owns
// the stack there.
class TierHost
{
public:
    virtual ~TierHost() = default;
    // Nothing when the tier is up (its URL in `url`, the nginx configuration it runs in
    // `nginxConfig` when it has a balancer); otherwise why it is not.
    virtual std::optional<QString> up(const tier::TierSpec& spec, QString& url,
                                      QString& nginxConfig) = 0;
    virtual void down() = 0;
};

} // namespace qaconsole::compare
