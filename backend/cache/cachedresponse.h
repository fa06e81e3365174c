#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace qaconsole::cache {

// The stored bytes of one response and when they were computed. Immutable once made and shared
// between the memory layer and the requests serving it.
struct CachedResponse
{
    std::int64_t computedAtMs = 0; // when the bytes were read from the database (Clock::now())
    float jitter = 0;              // [0, 1): the part of the class's jitter taken off the TTL
    int status = 200;
    std::string body;

    // What the memory layer charges for it against its byte bound: body plus bookkeeping.
    std::size_t footprint() const { return body.size() + sizeof(CachedResponse) + 96; }
};

} // namespace qaconsole::cache
