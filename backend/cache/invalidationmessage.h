#pragma once

#include "backend/cache/cachekey.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qaconsole::cache {

// What an instance tells the others after a write or a flush, on the invalidation channel:
//   "<sender> group <class> <id>" | "<sender> class <class>" | "<sender> all"
// where <sender> is the publishing instance's id in hex, so it can skip its own messages.
struct InvalidationMessage
{
    enum class Scope : std::uint8_t
    {
        Group,
        Class,
        All
    };

    std::uint64_t sender = 0;
    Scope scope = Scope::Group;
    CacheGroup group; // Group: the group; Class: its dataClass only

    friend bool operator==(const InvalidationMessage&, const InvalidationMessage&) = default;
};

std::string formatInvalidation(const InvalidationMessage& message);
std::optional<InvalidationMessage> parseInvalidation(std::string_view text);

// The Redis names every instance of one namespace shares.
struct CacheChannels
{
    std::string invalidations; // "<ns>:<schema>:invalidate"
    std::string policy;        // "<ns>:policy": policy JSON, published on change
    std::string policyKey;     // "<ns>:policy": the latest policy, for instances starting later
    std::string policyAcks;    // "<ns>:policy:acks": hash instance id -> policy version in force

    static CacheChannels forNamespace(std::string_view ns);
};

} // namespace qaconsole::cache
