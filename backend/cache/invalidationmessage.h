#pragma once

#include "backend/cache/cachekey.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace qaconsole::cache {

// What an instance tells the others after a write or a flush, on the invalidation channel:
//   "<sender> group <class> <id>" | "<sender> class <class>" | "<sender> all"
// or its heartbeat, "<sender> beat <sequence> <lease-ms>", which proves to the sender that it
// still hears the channel (coherencelease.h); the others note that the sender is alive and how
// long its lease is, which a writer must wait out for it.
// where <sender> is the publishing instance's id in hex, so it can skip its own messages,
// optionally followed by " ack <key>": every instance that receives it (the sender too) pushes
// its id onto that Redis list once it has dropped its copies, so the writer can wait for all
// of them before it answers.
struct InvalidationMessage
{
    enum class Scope : std::uint8_t
    {
        Group,
        Class,
        All,
        Beat
    };

    std::uint64_t sender = 0;
    Scope scope = Scope::Group;
    CacheGroup group;         // Group: the group; Class: its dataClass only
    std::string ackKey;       // empty: nobody waits for acknowledgements
    std::uint64_t beat = 0;   // Beat: the sender's heartbeat sequence number
    std::int64_t leaseMs = 0; // Beat: the sender's lease length

    friend bool operator==(const InvalidationMessage&, const InvalidationMessage&) = default;
};

std::string formatInvalidation(const InvalidationMessage& message);
// An instance's id as messages and Redis key names write it: lower-case hex.
std::string instanceIdText(std::uint64_t id);
std::optional<std::uint64_t> parseInstanceId(std::string_view text);
std::optional<InvalidationMessage> parseInvalidation(std::string_view text);

// The Redis names every instance of one namespace shares.
struct CacheChannels
{
    std::string invalidations; // "<ns>:<schema>:invalidate"
    std::string policy;        // "<ns>:policy": policy JSON, published on change
    std::string policyKey;     // "<ns>:policy": the latest policy, for instances starting later
    // "<ns>:instance:": + an instance's id in hex, the policy version it has in force; kept
    // alive by the instance while it listens, so only live instances are listed.
    std::string presencePrefix;
    std::string ackPrefix; // "<ns>:ack:": + a token, the list a writer waits on

    static CacheChannels forNamespace(std::string_view ns);
};

} // namespace qaconsole::cache
