#pragma once

#include "report/reportmodel.h"

#include <QList>

// Which tier the report recommends, and the other choices the answer names. Pure: the answer
// paragraph, the tier table (which row to mark) and a GUI page all ask here, so they agree.
namespace qaconsole::report {

struct TierChoice
{
    // With client traffic: the cheapest tier whose capacity reaches the peak (on a tie, the
    // larger capacity), and of those that reach it, the one with the most capacity. -1: none.
    int recommended = -1;
    int mostHeadroom = -1;
    QList<int> shortOfPeak; // with client traffic: the tiers that do not reach the peak
    // Without client traffic: the most capacity per dollar a month, and the most capacity.
    int bestValue = -1;
    int largest = -1; // the tier with the most capacity, whatever the traffic
};

TierChoice chooseTiers(const ReportModel& model);

// What the client pays for a tier a month: at their traffic when they gave one, else the
// tier's own price.
double monthlyPrice(const ReportModel& model, const ReportTier& tier);
// capacity / peak: the tier's own figure, or the ratio when the tier carries none.
double headroomOf(const ReportModel& model, const ReportTier& tier);
// True when the model holds the tier's name under two or more cache policies, so the policy
// is part of what tells its entries apart.
bool namedBySeveralPolicies(const ReportModel& model, const QString& tierName);
// "Tier B", or "Tier B · balanced" when the name alone does not tell its entries apart. Plain
// text (user input): the renderer escapes it.
QString tierLabel(const ReportModel& model, const ReportTier& tier);

} // namespace qaconsole::report
