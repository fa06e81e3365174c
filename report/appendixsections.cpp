#include "report/documentsections.h"
#include "report/emphasis.h"
#include "report/reportformat.h"
#include "report/tierchoice.h"
#include "report/tiertext.h"

namespace qaconsole::report::sections {

namespace {

using Kind = DocumentBlock::Kind;

DocumentTable setUpTable(const ReportModel& model)
{
    const ReportAppendix& appendix = model.appendix;
    DocumentTable table;
    table.header = {QStringLiteral("Set-up"), QString()};
    table.widths = {24, 76};
    table.numeric = {false, false};
    const auto add = [&table](const QString& name, const QString& html) {
        if (html.isEmpty())
            return;
        table.rows.append({escapeHtml(name), html});
        table.rowClasses.append(QString());
    };
    add(QStringLiteral("Machine"), escapeHtml(appendix.machine));
    add(QStringLiteral("Versions"), escapeHtml(appendix.versions));
    add(QStringLiteral("Dataset"), escapeHtml(appendix.datasetScale));
    add(QStringLiteral("Scenario"), escapeHtml(appendix.scenario));
    QStringList slo;
    for (const QString& threshold : appendix.slo.isEmpty() ? model.slo : appendix.slo)
        slo << escapeHtml(threshold);
    add(QStringLiteral("SLO (thresholds)"), slo.join(QStringLiteral("<br>")));
    for (const auto& [name, value] : appendix.trialSettings)
        add(name, escapeHtml(value));
    add(QStringLiteral("Price catalogue"), escapeHtml(appendix.catalogue));
    return table;
}

QString verdictCell(const ReportTrial& trial)
{
    QString verdict = escapeHtml(trial.verdict);
    if (trial.verdict == QLatin1String("met"))
        verdict = span("good", verdict);
    else if (trial.verdict == QLatin1String("broke"))
        verdict = span("bad", verdict);
    else
        verdict = span("quiet", verdict);
    if (trial.confirmation)
        verdict += QStringLiteral("<br>") + span("small", QStringLiteral("confirmation"));
    return verdict;
}

DocumentTable trialTable(const ReportTier& tier)
{
    DocumentTable table;
    table.header = {QStringLiteral("#"),
                    QStringLiteral("Offered (requests/s)"),
                    QStringLiteral("Achieved (requests/s)"),
                    QStringLiteral("p50"),
                    QStringLiteral("p95"),
                    QStringLiteral("p99"),
                    QStringLiteral("Errors"),
                    QStringLiteral("Verdict"),
                    QStringLiteral("Why")};
    table.widths = {4, 12, 12, 8, 8, 8, 8, 12, 28};
    table.numeric = {true, true, true, true, true, true, true, false, false};
    int number = 0;
    for (const ReportTrial& trial : tier.trials) {
        table.rows.append(
            {escapeHtml(numberText(++number)), escapeHtml(rateValue(trial.rate)),
             escapeHtml(rateValue(trial.achievedRps)), escapeHtml(latencyText(trial.p50Ms)),
             escapeHtml(latencyText(trial.p95Ms)), escapeHtml(latencyText(trial.p99Ms)),
             escapeHtml(percentText(trial.errorRate)), verdictCell(trial),
             span("small", escapeHtml(trial.reason))});
        table.rowClasses.append(QString());
    }
    return table;
}

void addTrials(Blocks& blocks, const ReportModel& model)
{
    blocks << text(Kind::Heading, QStringLiteral("Every trial"))
           << text(Kind::Paragraph,
                   QStringLiteral("In the order they ran. Latency is corrected for coordinated "
                                  "omission: measured from when each request was due, not from "
                                  "when it was sent."));
    for (const ReportTier& tier : model.tiers) {
        blocks << text(Kind::Subheading,
                       QStringLiteral("%1 <span class=\"quiet\">· %2</span>")
                           .arg(escapeHtml(tierLabel(model, tier)), escapeHtml(tier.topology)));
        QString facts = tier.outcomeText.isEmpty()
                            ? QStringLiteral("Capacity: %1.").arg(capacityText(tier))
                            : tier.outcomeText;
        if (tier.meanResponseBytes > 0)
            facts += QStringLiteral(" Mean response %1.").arg(bytesText(tier.meanResponseBytes));
        blocks << text(Kind::Note, escapeHtml(facts));
        if (tier.trials.isEmpty())
            blocks << text(Kind::Note, QStringLiteral("No trial was recorded."));
        else
            blocks << table(trialTable(tier));
    }
}

DocumentBlock code(const QString& source)
{
    DocumentBlock block;
    block.kind = Kind::Code;
    block.code = source;
    return block;
}

} // namespace

void addAppendix(Blocks& blocks, const ReportModel& model)
{
    const ReportAppendix& appendix = model.appendix;
    DocumentBlock pageBreak;
    pageBreak.kind = Kind::PageBreak;
    blocks << pageBreak << text(Kind::Heading, QStringLiteral("For engineers"))
           << text(Kind::Paragraph, QStringLiteral("How these figures were measured, for whoever "
                                                   "checks them or runs the comparison again."))
           << table(setUpTable(model));
    if (!appendix.notes.isEmpty()) {
        DocumentBlock notes;
        notes.kind = Kind::List;
        for (const QString& note : appendix.notes)
            notes.items << escapeHtml(note);
        blocks << notes;
    }
    addTrials(blocks, model);
    if (!appendix.nginxConfig.isEmpty())
        blocks << text(Kind::Heading, QStringLiteral("nginx configuration"))
               << code(appendix.nginxConfig);
    if (!appendix.command.isEmpty())
        blocks << text(Kind::Heading, QStringLiteral("Run the comparison again"))
               << code(appendix.command);
}

} // namespace qaconsole::report::sections
