#pragma once

#include "backend/tier/tierspec.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace qaconsole::stack {
class StackSupervisor;
}

namespace qaconsole::ui {

// On the supervisor's thread: starts (or finds running) what a tier needs, PostgreSQL and, for a
// tier that caches with it, Redis, through the supervisor, which reports them to the Services
// page. Nothing when both run; otherwise which did not start and why. With `versions`, each
// service's "PostgreSQL 15.18" is added to it.
std::optional<QString> ensureTierServices(stack::StackSupervisor& supervisor,
                                          const tier::TierSpec& spec,
                                          QStringList* versions = nullptr);

} // namespace qaconsole::ui
