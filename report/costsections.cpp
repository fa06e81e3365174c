#include "report/documentsections.h"
#include "report/emphasis.h"
#include "report/reportformat.h"
#include "report/tierchoice.h"

namespace qaconsole::report::sections {

namespace {

using Kind = DocumentBlock::Kind;

DocumentTable costTable(const ReportModel& model, const ReportTier& tier)
{
    DocumentTable table;
    table.header = {QStringLiteral("Item"), QStringLiteral("Role"), QStringLiteral("Quantity"),
                    QStringLiteral("$/month")};
    table.widths = {40, 30, 12, 18};
    table.numeric = {false, false, true, true};
    for (const ReportCostLine& line : tier.costLines) {
        table.rows.append({escapeHtml(line.item), escapeHtml(line.role),
                           escapeHtml(numberText(line.quantity)),
                           escapeHtml(moneyText(line.perMonth))});
        table.rowClasses.append(QString());
    }
    const bool atTraffic = model.hasClientTraffic() && tier.costAtTraffic > 0;
    table.rows.append(
        {atTraffic ? QStringLiteral("Total at your traffic") : QStringLiteral("Total"), QString(),
         QString(), escapeHtml(moneyText(monthlyPrice(model, tier)))});
    table.rowClasses.append(QStringLiteral("total"));
    return table;
}

QString pricesNote(const ReportModel& model)
{
    QStringList parts;
    if (!model.appendix.catalogue.isEmpty())
        parts << QStringLiteral("Prices: %1.").arg(escapeHtml(model.appendix.catalogue));
    if (!model.pricesNote.isEmpty()) {
        QString note = model.pricesNote;
        note[0] = note[0].toUpper();
        if (!note.endsWith(u'.'))
            note += u'.';
        parts << QStringLiteral("<strong>%1</strong>").arg(escapeHtml(note));
    }
    return parts.join(u' ');
}

} // namespace

void addCosts(Blocks& blocks, const ReportModel& model)
{
    if (model.tiers.isEmpty())
        return;
    blocks << text(Kind::Heading, QStringLiteral("What each tier is made of, and costs"));
    const QString prices = pricesNote(model);
    if (!prices.isEmpty())
        blocks << text(Kind::Note, prices);
    QStringList shown; // a tier under several policies costs the same: its items once
    for (const ReportTier& tier : model.tiers) {
        const QString key = tier.name + u'\n' + QString::number(monthlyPrice(model, tier));
        if (shown.contains(key))
            continue;
        shown << key;
        blocks << text(Kind::Subheading,
                       QStringLiteral("%1 <span class=\"quiet\">· %2</span>")
                           .arg(escapeHtml(tier.name), escapeHtml(tier.topology)));
        if (!tier.notes.isEmpty())
            blocks << text(Kind::Paragraph, escapeHtml(tier.notes));
        blocks << table(costTable(model, tier));
        if (!tier.creditNote.isEmpty())
            blocks << text(Kind::Note, escapeHtml(tier.creditNote));
    }
}

} // namespace qaconsole::report::sections
