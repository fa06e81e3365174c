#pragma once

// Known limits: a Bloom filter, so about 1 % of keys never asked for before pass as asked for
// (they are stored one request early). It forgets everything at once each time it has taken
// its capacity of new keys (TinyLFU's reset), so a key asked for just before that is stored
// one request late.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace qaconsole::cache {

// Remembers which keys were asked for lately, in two bits of one 64-bit word per key (a
// blocked Bloom filter): about 2 bytes per key remembered, one atomic operation per question,
// no lock. Shared by every worker of an instance.
class Doorkeeper
{
public:
    // Remembers about `capacity` keys (at least 256) before it starts again.
    explicit Doorkeeper(std::size_t capacity);

    // Records the key of 64-bit hash `hash` and says whether it had been recorded before.
    bool seenBefore(std::uint64_t hash);
    std::size_t capacity() const { return m_capacity; }

private:
    void clear();

    std::size_t m_wordMask;
    std::size_t m_capacity;
    std::unique_ptr<std::atomic<std::uint64_t>[]> m_words;
    std::atomic<std::size_t> m_added{0};
};

} // namespace qaconsole::cache
