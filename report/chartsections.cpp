#include "report/documentsections.h"
#include "report/emphasis.h"
#include "report/reportcharts.h"
#include "report/reportformat.h"
#include "report/tiertext.h"

namespace qaconsole::report::sections {

namespace {

using Kind = DocumentBlock::Kind;

void addCapacity(Blocks& blocks, const ReportModel& model)
{
    blocks << text(Kind::Heading, QStringLiteral("How each tier holds up as traffic grows"))
           << text(Kind::Paragraph,
                   QStringLiteral("Each line is one tier, measured at a series of steady request "
                                  "rates. Below the red dashed line, 99%3% of requests were "
                                  "answered within %1. A tier's capacity (◆) is the highest rate "
                                  "at which it stayed below that line with under %2 errors; "
                                  "past it, waiting times climb steeply. Both scales are "
                                  "logarithmic: each step is a doubling or more.")
                       .arg(escapeHtml(latencyText(model.sloP99Ms)),
                            escapeHtml(percentText(model.sloErrorRate)), QString(kNoBreakSpace)))
           << chart(ChartKind::Capacity,
                    QStringLiteral("p99 latency against request rate for each tier, with the "
                                   "target line and each tier's capacity"));
}

void addCost(Blocks& blocks, const ReportModel& model)
{
    const QString reading =
        model.hasClientTraffic()
            ? QStringLiteral("Each point is one tier: how much it carries and what it costs a "
                             "month at your traffic. Tiers in the shaded area, left of your "
                             "peak, cannot carry it; further right means more room to grow.")
            : QStringLiteral("Each point is one tier: how much it carries and what it costs a "
                             "month. Further right and lower is more capacity for the money.");
    blocks << text(Kind::Heading, QStringLiteral("What each tier costs for what it carries"))
           << text(Kind::Paragraph, reading)
           << chart(ChartKind::Cost, QStringLiteral("cost per month against capacity, one point "
                                                    "per tier"));
}

void addScaling(Blocks& blocks, const ReportModel& model)
{
    const ReportScaling& scaling = *model.scaling;
    blocks << text(Kind::Heading, QStringLiteral("Adding instances"));
    if (!scaling.possible || scaling.measured.isEmpty()) {
        blocks << text(Kind::Paragraph,
                       escapeHtml(scaling.whyNot.isEmpty()
                                      ? QStringLiteral("No projection could be made.")
                                      : scaling.whyNot));
        // The points there are, as measured, with why they understate separate hosts: no line.
        QStringList points;
        for (const QPointF& point : scaling.measured)
            points << QStringLiteral("%1 %2: %3 requests/s")
                          .arg(numberText(point.x()),
                               point.x() == 1 ? QStringLiteral("instance")
                                              : QStringLiteral("instances"),
                               numberText(point.y()));
        if (!points.isEmpty())
            blocks << text(Kind::Paragraph, escapeHtml(QStringLiteral("Measured: ") +
                                                       points.join(QStringLiteral("; ")) + u'.'));
        if (!scaling.sharedCoresNote.isEmpty())
            blocks << text(Kind::Note, escapeHtml(scaling.sharedCoresNote));
        return;
    }
    if (!scaling.explanation.isEmpty())
        blocks << text(Kind::Paragraph, escapeHtml(scaling.explanation));
    blocks << chart(ChartKind::Scaling,
                    QStringLiteral("capacity against the number of instances: measured, then "
                                   "projected (not measured)"));
    blocks << text(Kind::Note, QStringLiteral("Fitted as C(N) = λN / (1 + σ(N−1) + κN(N−1)) with "
                                              "λ = %1 requests/s, σ = %2, κ = %3.")
                                   .arg(escapeHtml(numberText(scaling.lambda)),
                                        escapeHtml(numberText(scaling.sigma, 3)),
                                        escapeHtml(numberText(scaling.kappa, 4))));
    if (!scaling.sharedCoresNote.isEmpty())
        blocks << text(Kind::Note, escapeHtml(scaling.sharedCoresNote));
}

void addPolicies(Blocks& blocks, const ReportModel& model, const QString& name)
{
    blocks << text(Kind::Heading,
                   QStringLiteral("%1: capacity by cache policy").arg(escapeHtml(name)))
           << text(Kind::Paragraph,
                   QStringLiteral("The same tier under different cache policies. A policy that "
                                  "keeps data fresher sends more requests to the database, so the "
                                  "tier carries less: these bars show how much capacity fresher "
                                  "data costs."))
           << chart(ChartKind::Policy,
                    QStringLiteral("capacity of %1 under each cache policy").arg(name), name);
    DocumentTable table;
    table.header = {QStringLiteral("Policy"), QStringLiteral("Capacity (requests/s)"),
                    QStringLiteral("How old what the client sees may be")};
    table.widths = {22, 20, 58};
    table.numeric = {false, true, false};
    for (const ReportTier& tier : model.tiers) {
        if (tier.name != name)
            continue;
        QStringList changes;
        for (const ReportStaleness& staleness : tier.freshness)
            changes << QStringLiteral("%1: %2").arg(escapeHtml(staleness.change),
                                                    escapeHtml(staleness.text));
        table.rows.append({QStringLiteral("<strong>%1</strong>")
                               .arg(escapeHtml(tier.policyName.isEmpty() ? QStringLiteral("none")
                                                                         : tier.policyName)),
                           escapeHtml(capacityFigure(tier)),
                           changes.isEmpty() ? escapeHtml(tier.freshnessSummary)
                                             : changes.join(QStringLiteral("<br>"))});
        table.rowClasses.append(QString());
    }
    blocks << sections::table(table);
}

} // namespace

void addCharts(Blocks& blocks, const ReportModel& model)
{
    if (model.tiers.isEmpty())
        return;
    addCapacity(blocks, model);
    addCost(blocks, model);
    if (model.scaling)
        addScaling(blocks, model);
    for (const QString& name : tiersWithSeveralPolicies(model))
        addPolicies(blocks, model, name);
}

} // namespace qaconsole::report::sections
