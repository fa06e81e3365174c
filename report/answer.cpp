#include "report/answer.h"

#include "report/emphasis.h"
#include "report/reportformat.h"
#include "report/tierchoice.h"
#include "report/tiertext.h"

#include <QStringList>

namespace qaconsole::report {

namespace {

constexpr qsizetype kUnbrokenName = 16;

// "**Tier B** (1 instance + Redis)": the name the client chose, then what it is.
QString named(const ReportModel& model, const ReportTier& tier)
{
    QString what = tier.topology;
    if (namedBySeveralPolicies(model, tier.name))
        what +=
            (what.isEmpty() ? QString() : QStringLiteral(", ")) +
            (tier.policyName.isEmpty() ? QStringLiteral("no cache")
                                       : QStringLiteral("“%1” cache policy").arg(tier.policyName));
    // A short name stays on one line ("Tier B", not "Tier" and "B" on the next).
    QString name = tier.name;
    if (name.size() <= kUnbrokenName)
        name.replace(u' ', kNoBreakSpace);
    return bold(name) + (what.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(literal(what)));
}

// "$24 a month": words, where "$24/month" could break after its slash.
QString perMonth(double dollars)
{
    return moneyText(dollars) + kNoBreakSpace + QStringLiteral("a month");
}

// "A", "A and B", "A, B and C".
QString listed(const QStringList& items)
{
    if (items.size() < 2)
        return items.join(QString());
    return QStringList(items.mid(0, items.size() - 1)).join(QStringLiteral(", ")) +
           QStringLiteral(" and ") + items.last();
}

QString withoutCapacity(const ReportTier& tier)
{
    if (tier.outcome == QLatin1String("below-start"))
        return QStringLiteral("met the target at no rate tried");
    return QStringLiteral("ended its measurement without a capacity");
}

QString creditSentence(const ReportTier& tier)
{
    if (!tier.burstDependent)
        return {};
    return tier.creditNote.isEmpty()
               ? QStringLiteral(" Its capacity holds only while its CPU credits last.")
               : QStringLiteral(" Its capacity relies on burst CPU credits: %1%2")
                     .arg(literal(tier.creditNote),
                          tier.creditNote.endsWith(u'.') ? QString() : QStringLiteral("."));
}

QString shortSentence(const ReportModel& model, const QList<int>& indexes)
{
    if (indexes.isEmpty())
        return {};
    QStringList parts;
    for (const int index : indexes) {
        const ReportTier& tier = model.tiers[index];
        parts << named(model, tier) +
                     (tier.hasCapacity()
                          ? QStringLiteral(", which carries %1,").arg(capacityText(tier))
                          : QStringLiteral(", which %1,").arg(withoutCapacity(tier)));
    }
    return QStringLiteral(" %1 %2 not reach your peak.")
        .arg(listed(parts), indexes.size() == 1 ? QStringLiteral("does") : QStringLiteral("do"));
}

// The projected instance count that would reach the peak, when the scaling fit says one does.
QString projectionSentence(const ReportModel& model)
{
    if (!model.scaling || !model.scaling->possible)
        return {};
    for (const QPointF& point : model.scaling->projected) {
        if (point.y() >= model.clientPeakRps)
            return QStringLiteral(" The scaling projection, which is not a measurement, puts %1 "
                                  "instances at about %2.")
                .arg(numberText(point.x()), rateText(point.y()));
    }
    return {};
}

QString noneReach(const ReportModel& model, const TierChoice& choice, const QString& target)
{
    const QString peak = rateText(model.clientPeakRps);
    if (choice.largest < 0)
        return QStringLiteral("None of the tiers compared met the target (%1) at any rate tried, "
                              "so none can carry your peak of %2.")
            .arg(target, peak);
    const ReportTier& largest = model.tiers[choice.largest];
    const QString carries =
        QStringLiteral("it carries %1 (%2 of your peak) at %3.")
            .arg(capacityText(largest), percentText(largest.capacityRps / model.clientPeakRps),
                 perMonth(monthlyPrice(model, largest)));
    if (model.tiers.size() == 1)
        return QStringLiteral("%1 does not reach your peak of %2 while meeting the target (%3): %4")
                   .arg(named(model, largest), peak, target, carries) +
               projectionSentence(model);
    // No count: a tier measured under two policies is one tier to the client, two entries here.
    return QStringLiteral("None of the tiers compared reaches your peak of %1 while meeting the "
                          "target (%2). The largest, %3, comes closest: %4")
               .arg(peak, target, named(model, largest), carries) +
           projectionSentence(model);
}

QString forPeak(const ReportModel& model, const TierChoice& choice, const QString& target)
{
    if (choice.recommended < 0)
        return noneReach(model, choice, target);
    const ReportTier& pick = model.tiers[choice.recommended];
    const QString floor = pick.capacityIsFloor() ? QStringLiteral("at least ") : QString();
    QString text =
        QStringLiteral("At your peak of %1, %2 meets the target (%3) at %4: it carries %5, %6%7 "
                       "your peak.")
            .arg(rateText(model.clientPeakRps), named(model, pick), target,
                 perMonth(monthlyPrice(model, pick)), capacityText(pick), floor,
                 timesText(headroomOf(model, pick))) +
        creditSentence(pick);
    const int reaching = int(model.tiers.size() - choice.shortOfPeak.size());
    if (choice.mostHeadroom != choice.recommended) {
        const ReportTier& roomy = model.tiers[choice.mostHeadroom];
        text += QStringLiteral(" %1 has the most headroom, %2%3 your peak (%4), at %5.")
                    .arg(named(model, roomy),
                         roomy.capacityIsFloor() ? QStringLiteral("at least ") : QString(),
                         timesText(headroomOf(model, roomy)), capacityText(roomy),
                         perMonth(monthlyPrice(model, roomy)));
    } else if (reaching > 1) {
        text += QStringLiteral(" It also has the most headroom of the tiers compared.");
    }
    return text + shortSentence(model, choice.shortOfPeak);
}

QString perDollar(const ReportTier& tier)
{
    return QStringLiteral("%1 for %2, %3 for each dollar")
        .arg(capacityText(tier), perMonth(tier.costPerMonth),
             rateText(tier.capacityRps / tier.costPerMonth));
}

QString withoutTraffic(const ReportModel& model, const TierChoice& choice, const QString& target)
{
    const QString intro = QStringLiteral("No client traffic was entered, so the tiers are compared "
                                         "by what they carry while meeting the target (%1).")
                              .arg(target);
    if (choice.largest < 0)
        return intro + QStringLiteral(" None of them met it at any rate tried.");
    if (choice.bestValue < 0) {
        const ReportTier& largest = model.tiers[choice.largest];
        return intro + QStringLiteral(" %1 carries the most: %2.")
                           .arg(named(model, largest), capacityText(largest));
    }
    const ReportTier& value = model.tiers[choice.bestValue];
    QString text = intro + QStringLiteral(" %1 gives the most capacity for the money: %2.")
                               .arg(named(model, value), perDollar(value));
    if (choice.largest != choice.bestValue) {
        const ReportTier& largest = model.tiers[choice.largest];
        text +=
            QStringLiteral(" %1 carries the most: %2 at %3.")
                .arg(named(model, largest), capacityText(largest), perMonth(largest.costPerMonth));
    } else if (model.tiers.size() > 1) {
        text += QStringLiteral(" It also carries the most of the tiers compared.");
    }
    return text;
}

} // namespace

QString answerParagraph(const ReportModel& model)
{
    if (model.tiers.isEmpty())
        return QStringLiteral("No tier was measured, so there is nothing to compare yet.");
    const TierChoice choice = chooseTiers(model);
    const QString target = targetText(model.sloP99Ms, model.sloErrorRate);
    return model.hasClientTraffic() ? forPeak(model, choice, target)
                                    : withoutTraffic(model, choice, target);
}

} // namespace qaconsole::report
