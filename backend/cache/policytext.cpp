#include "backend/cache/policytext.h"

#include "backend/cache/cachepolicy.h"
#include "backend/cache/duration.h"
#include "backend/cache/writeplan.h"

#include <QStringList>

#include <algorithm>

namespace qaconsole::cache {

namespace {

// The longest a write of `kind` can stay invisible: 0 when every class it touches acts at once.
std::int64_t writeLag(const CachePolicy& policy, WriteKind kind)
{
    std::int64_t lag = 0;
    for (int index = 0; index < kDataClassCount; ++index) {
        const auto dataClass = DataClass(index);
        const ClassPolicy& rules = policy.of(dataClass);
        const bool touched =
            writeTouches(kind, false, dataClass) || writeTouches(kind, true, dataClass);
        if (touched && rules.action(kind) == WriteAction::KeepUntilTtl)
            lag = std::max(lag, rules.worstAgeMs());
    }
    return lag;
}

QString clause(std::int64_t lag, const QString& subject, const QString& atOnce,
               const QString& later)
{
    if (lag == 0)
        return subject + u' ' + atOnce;
    return subject + QStringLiteral(" may take up to %1 to %2").arg(describeDuration(lag), later);
}

} // namespace

QString describePolicy(const CachePolicy& policy)
{
    std::int64_t oldest = 0;
    std::int64_t errorWindow = 0;
    for (const ClassPolicy& rules : policy.classes) {
        oldest = std::max(oldest, rules.worstAgeMs());
        if (rules.cached())
            errorWindow = std::max(errorWindow, rules.staleIfErrorMs);
    }
    if (oldest == 0)
        return QStringLiteral("Nothing is cached: every request reads the database, so every "
                              "change shows at once.");

    const QStringList clauses{
        clause(writeLag(policy, WriteKind::Report), QStringLiteral("a reported question or answer"),
               QStringLiteral("disappears at once"), QStringLiteral("disappear")),
        clause(writeLag(policy, WriteKind::NewQuestion), QStringLiteral("a new question"),
               QStringLiteral("shows at once"), QStringLiteral("show")),
        clause(writeLag(policy, WriteKind::NewAnswer), QStringLiteral("a new answer"),
               QStringLiteral("shows at once"), QStringLiteral("show")),
        clause(writeLag(policy, WriteKind::HelpfulVote), QStringLiteral("a new helpful vote"),
               QStringLiteral("shows at once"), QStringLiteral("show")),
    };
    QString text = clauses.join(QStringLiteral("; "));
    text[0] = text[0].toUpper();
    text +=
        QStringLiteral(". Lists are recomputed at least every %1.").arg(describeDuration(oldest));
    if (errorWindow > 0)
        text += QStringLiteral(" While the database is down, lists up to %1 past their time are "
                               "served instead of an error.")
                    .arg(describeDuration(errorWindow));
    else
        text += QStringLiteral(" While the database is down, lists past their time get an error.");
    return text;
}

} // namespace qaconsole::cache
