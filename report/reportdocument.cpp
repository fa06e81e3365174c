#include "report/reportdocument.h"

#include "report/answer.h"
#include "report/documentsections.h"
#include "report/emphasis.h"
#include "report/reportformat.h"
#include "report/tierchoice.h"
#include "report/tiertext.h"

namespace qaconsole::report {

namespace sections {

using Kind = DocumentBlock::Kind;

DocumentBlock text(DocumentBlock::Kind kind, const QString& html)
{
    DocumentBlock block;
    block.kind = kind;
    block.html = html;
    return block;
}

DocumentBlock table(DocumentTable table)
{
    DocumentBlock block;
    block.kind = Kind::Table;
    block.table = std::move(table);
    return block;
}

DocumentBlock chart(ChartKind kind, const QString& alt, const QString& tierName)
{
    DocumentBlock block;
    block.kind = Kind::Chart;
    block.chart = {kind, tierName, alt};
    return block;
}

QString span(const char* cssClass, const QString& html)
{
    return QStringLiteral("<span class=\"%1\">%2</span>").arg(QLatin1String(cssClass), html);
}

QString tierCell(const ReportModel& model, const ReportTier& tier)
{
    QString what = escapeHtml(tier.topology);
    if (namedBySeveralPolicies(model, tier.name))
        what += QStringLiteral("<br>") +
                escapeHtml(tier.policyName.isEmpty() ? QStringLiteral("no cache")
                                                     : tier.policyName + QStringLiteral(" policy"));
    return QStringLiteral("<strong>%1</strong><br>%2")
        .arg(escapeHtml(tier.name), span("quiet small", what));
}

namespace {

// A figure measured at the client's peak, or a dash where the peak is beyond the tier.
QString atPeak(double value, QString (*format)(double))
{
    return value < 0 ? QStringLiteral("—") : format(value);
}

QString trafficParagraph(const ReportModel& model)
{
    const QString target = escapeHtml(targetText(model.sloP99Ms, model.sloErrorRate));
    if (!model.hasClientTraffic())
        return QStringLiteral("Each tier was measured against the same target: %1.").arg(target);
    return QStringLiteral("Your traffic: %1 requests a month, %2 on average, <strong>%3 at "
                          "peak</strong>. Each tier was measured against the same target: %4.")
        .arg(escapeHtml(countText(model.clientRequestsPerMonth)),
             escapeHtml(rateText(model.clientAverageRps)),
             escapeHtml(rateText(model.clientPeakRps)), target);
}

// `tag`: "recommended", "most for the money" or nothing.
QStringList tierRow(const ReportModel& model, const ReportTier& tier, const QString& tag)
{
    const bool peak = model.hasClientTraffic();
    QString name = tierCell(model, tier);
    if (!tag.isEmpty())
        name += QStringLiteral("<br>") + span("tag", tag);
    QString capacity = escapeHtml(capacityFigure(tier));
    if (peak && !(tier.hasCapacity() && tier.capacityRps >= model.clientPeakRps))
        capacity = span("bad", capacity);
    if (tier.burstDependent)
        capacity += QStringLiteral("*");
    const QString freshness =
        tier.freshnessSummary.isEmpty() ? QStringLiteral("—") : escapeHtml(tier.freshnessSummary);
    // Ratios of a capacity that is a floor are floors too.
    const QString floor = tier.capacityIsFloor() ? QStringLiteral("≥") + kNoBreakSpace : QString();
    QStringList row{name, capacity};
    if (peak)
        row << escapeHtml(atPeak(tier.p50AtPeakMs, latencyText))
            << escapeHtml(atPeak(tier.p99AtPeakMs, latencyText))
            << escapeHtml(atPeak(tier.errorRateAtPeak, percentText));
    row << escapeHtml(moneyText(monthlyPrice(model, tier)));
    if (peak)
        row << escapeHtml(unitPriceText(tier.costPerMillion))
            << escapeHtml(tier.hasCapacity() ? floor + timesText(headroomOf(model, tier))
                                             : QStringLiteral("—"));
    else
        row << escapeHtml(tier.hasCapacity() && tier.costPerMonth > 0
                              ? floor + rateValue(tier.capacityRps / tier.costPerMonth)
                              : QStringLiteral("—"));
    return row << freshness;
}

DocumentTable tierTable(const ReportModel& model)
{
    DocumentTable table;
    // With traffic the answer's recommendation; without, its best value for the money.
    const TierChoice choice = chooseTiers(model);
    const int chosen = model.hasClientTraffic() ? choice.recommended : choice.bestValue;
    const QString tag = model.hasClientTraffic() ? QStringLiteral("recommended")
                                                 : QStringLiteral("most for the money");
    if (model.hasClientTraffic()) {
        table.header = {QStringLiteral("Tier"),
                        QStringLiteral("Capacity (requests/s)"),
                        QStringLiteral("p50 at your peak"),
                        QStringLiteral("p99 at your peak"),
                        QStringLiteral("Errors at your peak"),
                        QStringLiteral("$/month"),
                        QStringLiteral("$ per million requests"),
                        QStringLiteral("Headroom over your peak"),
                        QStringLiteral("How old data may be")};
        table.widths = {17, 11, 8, 8, 8, 8, 10, 11, 19};
        table.numeric = {false, true, true, true, true, true, true, true, false};
    } else {
        table.header = {QStringLiteral("Tier"), QStringLiteral("Capacity (requests/s)"),
                        QStringLiteral("$/month"), QStringLiteral("Requests/s for each $ a month"),
                        QStringLiteral("How old data may be")};
        table.widths = {30, 16, 14, 18, 22};
        table.numeric = {false, true, true, true, false};
    }
    for (int index = 0; index < model.tiers.size(); ++index) {
        table.rows.append(tierRow(model, model.tiers[index], index == chosen ? tag : QString()));
        table.rowClasses.append(index == chosen ? QStringLiteral("chosen") : QString());
    }
    return table;
}

// What the table's marks mean, only for the marks it shows.
QStringList tableNotes(const ReportModel& model)
{
    QStringList notes;
    bool notMeasured = false;
    for (const ReportTier& tier : model.tiers) {
        notMeasured = notMeasured || (model.hasClientTraffic() && tier.p99AtPeakMs < 0);
        if (tier.burstDependent)
            notes << QStringLiteral("* %1: %2")
                         .arg(escapeHtml(tierLabel(model, tier)),
                              escapeHtml(tier.creditNote.isEmpty()
                                             ? QStringLiteral("the capacity holds only while "
                                                              "the instances' CPU credits last.")
                                             : tier.creditNote));
    }
    notes.prepend(QStringLiteral("Capacity: the highest request rate a tier sustained while "
                                 "meeting the target; “≥” where the measurement stopped before "
                                 "the limit.") +
                  (model.hasClientTraffic()
                       ? QStringLiteral(" Headroom: capacity divided by your peak. $/month at "
                                        "your traffic.")
                       : QString()));
    if (notMeasured)
        notes << QStringLiteral("— not measured: your peak is above the tier's capacity.");
    return notes;
}

} // namespace

void addSummary(Blocks& blocks, const ReportModel& model)
{
    blocks << text(Kind::Title, escapeHtml(model.title))
           << text(Kind::Subtitle,
                   escapeHtml(QStringLiteral("Tier comparison · ") + dateText(model.generatedAt)))
           << text(Kind::Answer, emphasisToHtml(answerParagraph(model)))
           << text(Kind::Paragraph, trafficParagraph(model))
           << text(Kind::Heading, QStringLiteral("The tiers compared"));
    if (model.tiers.isEmpty()) {
        blocks << text(Kind::Paragraph, QStringLiteral("No tier was measured."));
        return;
    }
    blocks << table(tierTable(model));
    for (const QString& note : tableNotes(model))
        blocks << text(Kind::Note, note);
}

} // namespace sections

ReportDocument buildReportDocument(const ReportModel& model,
                                   const std::optional<ReportModel>& earlier)
{
    ReportDocument document;
    document.title = model.title;
    sections::addSummary(document.blocks, model);
    if (earlier)
        sections::addChanges(document.blocks, model, *earlier);
    sections::addCharts(document.blocks, model);
    sections::addCosts(document.blocks, model);
    sections::addAppendix(document.blocks, model);
    return document;
}

} // namespace qaconsole::report
