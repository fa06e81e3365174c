#include "backend/cache/policyvalidation.h"

#include "backend/cache/cachepolicy.h"
#include "backend/cache/duration.h"

#include <algorithm>

namespace qaconsole::cache {

namespace {

QString classField(DataClass dataClass, const char* rest)
{
    return QStringLiteral("classes.") + QLatin1String(dataClassName(dataClass)) + u'.' +
           QLatin1String(rest);
}

void checkRange(PolicyErrors& errors, const QString& field, std::int64_t ms)
{
    if (ms < 0 || ms > kMaxDurationMs)
        errors.append({field, QStringLiteral("must be between 0 and 365 days")});
}

void checkClass(PolicyErrors& errors, DataClass dataClass, const ClassPolicy& rules)
{
    checkRange(errors, classField(dataClass, "ttl.memory"), rules.ttl(CacheLayer::Memory));
    checkRange(errors, classField(dataClass, "ttl.redis"), rules.ttl(CacheLayer::Redis));
    checkRange(errors, classField(dataClass, "jitter"), rules.jitterMs);
    checkRange(errors, classField(dataClass, "stale_while_revalidate"),
               rules.staleWhileRevalidateMs);
    checkRange(errors, classField(dataClass, "stale_if_error"), rules.staleIfErrorMs);
    for (const std::int64_t ttl : rules.ttlMs) {
        if (ttl > 0 && rules.jitterMs >= ttl) {
            errors.append({classField(dataClass, "jitter"),
                           QStringLiteral("%1 must be shorter than each TTL that is on (%2)")
                               .arg(formatDuration(rules.jitterMs), formatDuration(ttl))});
            break;
        }
    }
    if (rules.cached() && rules.action(WriteKind::Report) == WriteAction::KeepUntilTtl)
        errors.append({classField(dataClass, "on_write.report"),
                       QStringLiteral("\"ttl\" would keep showing reported items; the API "
                                      "contract needs \"invalidate\" or \"refresh\"")});
}

} // namespace

PolicyErrors validatePolicy(const CachePolicy& policy)
{
    PolicyErrors errors;
    if (policy.version < 1 || policy.version > kMaxPolicyVersion)
        errors.append({QStringLiteral("version"),
                       QStringLiteral("must be from 1 to %1").arg(kMaxPolicyVersion)});
    for (int index = 0; index < kDataClassCount; ++index)
        checkClass(errors, DataClass(index), policy.classes[std::size_t(index)]);
    return errors;
}

Result<std::int64_t> nextPolicyVersion(std::int64_t newestInUse)
{
    if (newestInUse >= kMaxPolicyVersion)
        return makeError(ErrorKind::OutOfRange,
                         QStringLiteral("%1 is already in use, and no policy may have a version "
                                        "above %2, so no newer one can be published")
                             .arg(newestInUse)
                             .arg(kMaxPolicyVersion),
                         QStringLiteral("version"));
    return std::max<std::int64_t>(newestInUse, 0) + 1;
}

} // namespace qaconsole::cache
