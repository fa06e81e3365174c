#pragma once

#include "report/reportmodel.h"

#include <QStringList>

class QCustomPlot;

// The report's charts, each a function that fills a QCustomPlot from the model: the HTML and
// PDF reports render them, and a GUI page can show the same plot. Each one clears the plot
// first (resetReportPlot), sets its axes with units, and puts its legend under the chart. They
// need a QApplication, as every QCustomPlot does (offscreen is enough).
namespace qaconsole::report {

// Latency against load for every tier: x the offered rate (requests/s, logarithmic), y the
// corrected p99 (ms, logarithmic); one line per tier through its valid trials by rate, with met,
// broken and invalid trials marked apart, the SLO's p99 as a labelled line and each tier's
// capacity marked on it.
void fillCapacityChart(QCustomPlot* plot, const ReportModel& model);

// What each tier costs against what it carries: x the capacity (requests/s), y $/month (at the
// client's traffic when given), one labelled point per tier, the client's peak as a vertical
// line with the tiers left of it shaded as short of it.
void fillCostChart(QCustomPlot* plot, const ReportModel& model);

// Capacity against instances: measured points solid, the projection beyond the largest
// measured count dashed and labelled as not measured. False, and nothing drawn, when the model
// has no projection (no scaling, or !possible: the report shows scaling->whyNot instead).
bool fillScalingChart(QCustomPlot* plot, const ReportModel& model);

// The names that appear in the model under two or more cache policies, in the model's order:
// each gets a "Capacity by cache policy" chart.
QStringList tiersWithSeveralPolicies(const ReportModel& model);
// One bar per policy of `tierName`, its capacity, labelled with its freshness: what fresher
// data costs in capacity. The client's peak as a horizontal line.
void fillPolicyChart(QCustomPlot* plot, const ReportModel& model, const QString& tierName);

} // namespace qaconsole::report
