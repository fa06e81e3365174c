#pragma once

#include "backend/cache/cachepolicy.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace qaconsole::planning {

// How stale one kind of change may be shown under a tier's cache policy: the freshness the
// client buys with the tier, beside its capacity and cost.
struct StalenessRow
{
    QString change;         // "Reports", "New questions", "New answers", "Helpful votes"
    std::int64_t worstMs{}; // the longest the change can stay unseen; 0: at once
    QString text;           // "at once", "up to 1 day", "up to 5 min"

    friend bool operator==(const StalenessRow&, const StalenessRow&) = default;
};

// One row per kind of write, in that order. Without a cache (nothing), or when the policy drops
// or recomputes every list the change touches (invalidate, refresh), the change shows at once;
// when it keeps a list until its TTL, the change may take the longest that list lives
// (ClassPolicy::worstAgeMs(), the longest over the classes the change touches).
QList<StalenessRow> freshnessOf(const std::optional<cache::CachePolicy>& policy);

// The rows in one line for a table cell: "Reports and new content at once; helpful votes up to
// 1 day", or "Every change at once".
QString freshnessSummary(const QList<StalenessRow>& rows);

} // namespace qaconsole::planning
