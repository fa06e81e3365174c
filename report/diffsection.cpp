#include "report/documentsections.h"
#include "report/emphasis.h"
#include "report/reportdiff.h"
#include "report/reportformat.h"

#include <cmath>

namespace qaconsole::report::sections {

namespace {

using Kind = DocumentBlock::Kind;

// "5,500 → 5,869" and, under it, "better (+6.7 %)".
QString changeCell(const FigureChange& figure, QString (*format)(double))
{
    QString word;
    const char* tone = "quiet";
    if (figure.change == Change::Better) {
        word = QStringLiteral("better");
        tone = "good";
    } else if (figure.change == Change::Worse) {
        word = QStringLiteral("worse");
        tone = "bad";
    } else {
        word = QStringLiteral("same");
    }
    if (figure.before != 0 && figure.change != Change::Same) {
        const double relative = (figure.after - figure.before) / std::abs(figure.before);
        word +=
            QStringLiteral(" (%1%2)").arg(relative > 0 ? QStringLiteral("+") : QStringLiteral("−"),
                                          percentText(std::abs(relative)));
    }
    return escapeHtml(format(figure.before) + QStringLiteral(" → ") + format(figure.after)) +
           QStringLiteral("<br>") + span(tone, escapeHtml(word));
}

QString nameCell(const TierChange& tier)
{
    QString name = QStringLiteral("<strong>%1</strong>").arg(escapeHtml(tier.name));
    if (!tier.policyName.isEmpty())
        name += QStringLiteral("<br>") +
                span("quiet small", escapeHtml(tier.policyName + QStringLiteral(" policy")));
    return name;
}

} // namespace

void addChanges(Blocks& blocks, const ReportModel& model, const ReportModel& earlier)
{
    const ReportDiff diff = diffReports(model, earlier);
    blocks << text(Kind::Heading, QStringLiteral("Since the earlier report (%1)")
                                      .arg(escapeHtml(dateText(diff.earlierAt))))
           << text(Kind::Paragraph,
                   QStringLiteral("The same tiers, measured again. Capacities within %1 of each "
                                  "other count as the same: that is the measurement's own "
                                  "precision.")
                       .arg(escapeHtml(percentText(kCapacityTolerance))));
    DocumentTable table;
    table.header = {QStringLiteral("Tier"), QStringLiteral("Capacity (requests/s)"),
                    QStringLiteral("$/month"), QStringLiteral("$ per million requests")};
    table.widths = {28, 24, 24, 24};
    table.numeric = {false, false, false, false};
    for (const TierChange& tier : diff.tiers) {
        if (!tier.inEarlier || !tier.inCurrent) {
            const QString only = tier.inCurrent ? QStringLiteral("new in this report")
                                                : QStringLiteral("only in the earlier report");
            table.rows.append({nameCell(tier), span("quiet", only), QString(), QString()});
        } else {
            table.rows.append({nameCell(tier), changeCell(tier.capacity, rateValue),
                               changeCell(tier.costPerMonth, moneyText),
                               changeCell(tier.costPerMillion, unitPriceText)});
        }
        table.rowClasses.append(QString());
    }
    blocks << sections::table(table);
}

} // namespace qaconsole::report::sections
