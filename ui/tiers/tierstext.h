#pragma once

#include "backend/supervise/processstatus.h"
#include "backend/tier/tierfault.h"
#include "backend/tier/tierspec.h"
#include "ui/shell/tone.h"

#include <QString>

namespace qaconsole::ui {

enum class TierActivity;

// The Tiers page's words, decided without a widget.

// "2 instances behind nginx", "1 instance".
QString topologyText(const tier::TierSpec& spec);
// "memory+redis (Balanced)", "off".
QString cacheText(const tier::TierSpec& spec);
// "Bringing the tier up", ...; empty for Idle.
QString activityText(TierActivity activity);
// "Killing instance 2", "Stopping Redis", "Restarting PostgreSQL".
QString faultText(tier::TierFault fault, int instance);
// Good when running, Bad when crashed or failed, Neutral when stopped.
Tone processTone(supervise::ProcessState state);

} // namespace qaconsole::ui
