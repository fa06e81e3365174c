#pragma once

#include "compare/comparisonplan.h"
#include "report/reportmodel.h"

#include <QString>

#include <optional>
#include <vector>

namespace qaconsole::compare {

struct WrittenReport
{
    QString html, pdf, json; // the paths written
    QString error;           // empty when everything was written
};

// Writes the comparison into `folder`: report.html, report.pdf and report.json, and each run's
// capacity.json and trials.csv under runs/N-NAME/. With `earlier` (an earlier report.json of
// the same tiers), the report shows what changed since.
WrittenReport writeComparison(const QString& folder, const report::ReportModel& model,
                              const std::vector<TierRun>& runs,
                              const std::optional<report::ReportModel>& earlier);

} // namespace qaconsole::compare
