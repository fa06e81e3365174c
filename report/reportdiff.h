#pragma once

#include "report/reportmodel.h"

#include <QDateTime>
#include <QList>
#include <QString>

// What changed since an earlier report: the same tiers, matched by name and cache policy, with
// their capacity and cost each marked better, worse or the same.
namespace qaconsole::report {

enum class Change
{
    Better,
    Worse,
    Same,
};

struct FigureChange
{
    double before = 0;
    double after = 0;
    Change change = Change::Same;
};

struct TierChange
{
    QString name;
    QString policyName;
    bool inEarlier = false; // false: new in this report
    bool inCurrent = false; // false: only in the earlier report
    // Set only when the tier is in both. A capacity that is missing in either (no capacity
    // found) compares as 0.
    FigureChange capacity;       // higher is better
    FigureChange costPerMonth;   // lower is better (the client's monthly price, tierchoice.h)
    FigureChange costPerMillion; // lower is better
};

struct ReportDiff
{
    QDateTime earlierAt;
    QList<TierChange> tiers; // this report's tiers in order, then those only in the earlier one
};

// Capacities within this fraction of each other are the same: the capacity search stops when
// its bounds are 5 % apart, so a smaller difference is the search's own tolerance.
inline constexpr double kCapacityTolerance = 0.05;

ReportDiff diffReports(const ReportModel& current, const ReportModel& earlier);

} // namespace qaconsole::report
