#include "planning/freshness.h"

#include "backend/cache/duration.h"
#include "backend/cache/writeplan.h"

#include <QStringList>

#include <algorithm>

namespace qaconsole::planning {

namespace {

using cache::WriteKind;

struct Change
{
    WriteKind kind;
    const char* row;    // in the table
    const char* inLine; // in the summary
};

constexpr Change kChanges[] = {
    {WriteKind::Report, "Reports", "reports"},
    {WriteKind::NewQuestion, "New questions", "new questions"},
    {WriteKind::NewAnswer, "New answers", "new answers"},
    {WriteKind::HelpfulVote, "Helpful votes", "helpful votes"},
};

// A change on a question or on an answer may touch either class (question lists nest the
// answers); the one that keeps its lists longest decides.
std::int64_t worstDelay(const cache::CachePolicy& policy, WriteKind kind)
{
    std::int64_t worst = 0;
    for (int index = 0; index < cache::kDataClassCount; ++index) {
        const auto dataClass = cache::DataClass(index);
        const cache::ClassPolicy& rules = policy.of(dataClass);
        const bool keeps = rules.action(kind) == cache::WriteAction::KeepUntilTtl;
        if (keeps && (cache::writeTouches(kind, false, dataClass) ||
                      cache::writeTouches(kind, true, dataClass)))
            worst = std::max(worst, rules.worstAgeMs());
    }
    return worst;
}

QString delayText(std::int64_t ms)
{
    return ms == 0 ? QStringLiteral("at once")
                   : QStringLiteral("up to %1").arg(cache::describeDuration(ms));
}

} // namespace

QList<StalenessRow> freshnessOf(const std::optional<cache::CachePolicy>& policy)
{
    QList<StalenessRow> rows;
    for (const Change& change : kChanges) {
        const std::int64_t worst = policy ? worstDelay(*policy, change.kind) : 0;
        rows.append({QLatin1String(change.row), worst, delayText(worst)});
    }
    return rows;
}

QString freshnessSummary(const QList<StalenessRow>& rows)
{
    if (rows.isEmpty())
        return {};
    // The changes grouped by how soon they show, in the rows' order.
    QStringList delays;
    QList<QStringList> groups;
    for (const StalenessRow& row : rows) {
        qsizetype group = delays.indexOf(row.text);
        if (group < 0) {
            group = delays.size();
            delays << row.text;
            groups.append(QStringList());
        }
        const auto change =
            std::find_if(std::begin(kChanges), std::end(kChanges),
                         [&](const Change& c) { return row.change == QLatin1String(c.row); });
        groups[group] << (change != std::end(kChanges) ? QString::fromLatin1(change->inLine)
                                                       : row.change.toLower());
    }
    if (groups.size() == 1 && groups.first().size() == qsizetype(std::size(kChanges)))
        return QStringLiteral("Every change ") + delays.first();
    QStringList parts;
    for (qsizetype index = 0; index < groups.size(); ++index) {
        QStringList& names = groups[index];
        // New questions and answers together read as what they are to the client.
        const qsizetype questions = names.indexOf(QStringLiteral("new questions"));
        if (questions >= 0 && names.removeOne(QStringLiteral("new answers")))
            names[questions] = QStringLiteral("new content");
        QString list = names.last();
        if (names.size() > 1)
            list = names.mid(0, names.size() - 1).join(QStringLiteral(", ")) +
                   QStringLiteral(" and ") + list;
        parts << list + u' ' + delays[index];
    }
    QString summary = parts.join(QStringLiteral("; "));
    summary[0] = summary[0].toUpper();
    return summary;
}

} // namespace qaconsole::planning
