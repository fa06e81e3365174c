#pragma once

#include "backend/cache/policyerror.h"

namespace qaconsole::cache {

struct CachePolicy;

// The rules a policy must keep beyond each value's own shape; empty when it may be applied.
// - version >= 1;
// - durations between 0 and 365 days;
// - a class's jitter is shorter than each TTL of it that is on (jitter shortens freshness);
// - a report is never left to the TTL: the API contract says a reported item disappears at once.
PolicyErrors validatePolicy(const CachePolicy& policy);

} // namespace qaconsole::cache
