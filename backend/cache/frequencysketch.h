#pragma once

// Known limits: a count-min sketch, so a key may be estimated above its true count when it
// shares all four of its counters with busier keys (more often as the sketch fills); never
// below, except that every count is halved each time `10 x capacity` requests have been
// recorded (TinyLFU's aging), so that old popularity fades.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace qaconsole::cache {

// How often each key was asked for lately, as TinyLFU caches estimate it: four 4-bit counters
// per key, all in one 64-bit word (16 counters per word, so one cache line per question), the
// estimate being the smallest of the four. About 4 bytes per key remembered, one atomic
// compare-and-swap per request, no lock. Shared by every worker of an instance.
class FrequencySketch
{
public:
    static constexpr int kMaxCount = 15;

    // Sized for about `capacity` keys (at least 256).
    explicit FrequencySketch(std::size_t capacity);

    // Records one request for the key of 64-bit hash `hash`; returns how many requests for it
    // were recorded before this one (0..kMaxCount).
    int recordRequest(std::uint64_t hash);
    std::size_t capacity() const { return m_capacity; }

private:
    void age();

    std::size_t m_wordMask;
    std::size_t m_capacity;
    std::size_t m_sampleSize; // requests recorded between two agings
    std::unique_ptr<std::atomic<std::uint64_t>[]> m_words;
    std::atomic<std::size_t> m_recorded{0};
};

} // namespace qaconsole::cache
