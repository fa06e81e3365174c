#pragma once

#include <cstdint>

namespace qaconsole::cache {

// What a lookup found for the caller.
enum class LookupStatus : std::uint8_t
{
    Fresh,        // serve the bytes
    Stale,        // serve the bytes; within stale-while-revalidate
    StaleIfError, // serve the bytes marked stale: the database failed and the entry is within
                  // stale-if-error (only from useStaleIfError() or a failed shared load)
    Miss,         // load from the database
};

} // namespace qaconsole::cache
