#pragma once

#include "report/reportmodel.h"

#include <QString>

namespace qaconsole::report {

// The paragraph a client who is not an engineer reads first, composed from the model's figures
// alone: with client traffic, the cheapest tier that carries the peak under the target, the one
// with the most headroom, and those that fall short; without it, capacity per dollar. Tier
// names are in **bold** (emphasis.h renders it).
QString answerParagraph(const ReportModel& model);

} // namespace qaconsole::report
