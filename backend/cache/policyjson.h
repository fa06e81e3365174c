#pragma once

#include "backend/cache/cachepolicy.h"
#include "backend/cache/policyerror.h"

#include <QByteArray>

#include <optional>

namespace qaconsole::cache {

// The file format's own version ("format_version"), distinct from the policy's "version".
inline constexpr int kPolicyFormatVersion = 1;

// A policy, or every error found (then no policy: nothing may be applied).
struct PolicyParseResult
{
    std::optional<CachePolicy> policy;
    PolicyErrors errors;
};

// Reads the policy file format of docs/cache-policy.md. Unknown and missing fields, values of
// the wrong type, bad durations and actions and the rules of validatePolicy() are all reported,
// each naming its field.
PolicyParseResult parsePolicyJson(const QByteArray& json);
PolicyParseResult loadPolicyFile(const QString& path);

// The same format, indented for people (or on one line, for a Redis message).
QByteArray policyToJson(const CachePolicy& policy, bool compact = false);

} // namespace qaconsole::cache
