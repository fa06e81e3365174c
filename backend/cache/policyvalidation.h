#pragma once

#include "backend/cache/cacheerror.h"
#include "backend/cache/policyerror.h"

#include <cstdint>

namespace qaconsole::cache {

struct CachePolicy;

// The rules a policy must keep beyond each value's own shape; empty when it may be applied.
// - version from 1 to kMaxPolicyVersion;
// - durations between 0 and 365 days;
// - a class's jitter is shorter than each TTL of it that is on (jitter shortens freshness);
// - a report is never left to the TTL: the API contract says a reported item disappears at once.
PolicyErrors validatePolicy(const CachePolicy& policy);

// The version to publish a policy with so that every instance takes it: one past
// `newestInUse`, the newest of the stored policy's and the instances' versions. OutOfRange,
// with "version" as the field, when that would pass kMaxPolicyVersion: publishing it anyway
// would give a version every instance refuses.
Result<std::int64_t> nextPolicyVersion(std::int64_t newestInUse);

} // namespace qaconsole::cache
