#include "backend/cache/frequencysketch.h"

#include <algorithm>
#include <bit>

namespace qaconsole::cache {

namespace {

// Two keys per word of sixteen counters (keys fall on words at random, some words get more):
// when full, a new key finds all four of its counters taken by others about 5 % of the time
// (four keys per word: 17 %).
constexpr std::size_t kKeysPerWord = 2;
constexpr std::size_t kSampleFactor = 10; // requests between agings, per key of capacity
constexpr std::uint64_t kHalfMask = 0x7777777777777777ULL;

} // namespace

FrequencySketch::FrequencySketch(std::size_t capacity)
{
    const std::size_t words = std::bit_ceil(std::max<std::size_t>(capacity, 256) / kKeysPerWord);
    m_wordMask = words - 1;
    m_capacity = words * kKeysPerWord;
    m_sampleSize = m_capacity * kSampleFactor;
    m_words = std::make_unique<std::atomic<std::uint64_t>[]>(words);
    for (std::size_t i = 0; i < words; ++i)
        m_words[i].store(0, std::memory_order_relaxed);
}

int FrequencySketch::recordRequest(std::uint64_t hash)
{
    // The word from the high half of a well-mixed hash, the four counters from the low 16 bits.
    std::atomic<std::uint64_t>& word = m_words[std::size_t(hash >> 32) & m_wordMask];
    unsigned shifts[4];
    for (unsigned i = 0; i < 4; ++i)
        shifts[i] = unsigned((hash >> (4 * i)) & 15) * 4;
    std::uint64_t old = word.load(std::memory_order_relaxed);
    for (;;) {
        int estimate = kMaxCount;
        for (const unsigned shift : shifts)
            estimate = std::min(estimate, int((old >> shift) & 15));
        if (estimate == kMaxCount)
            return estimate;
        // Conservative update: only the counters at the minimum grow (a counter two of the
        // key's slots share grows once), which keeps busier neighbours from inflating it.
        std::uint64_t next = old;
        for (const unsigned shift : shifts) {
            if (int((next >> shift) & 15) == estimate)
                next += std::uint64_t(1) << shift;
        }
        if (word.compare_exchange_weak(old, next, std::memory_order_relaxed)) {
            if (m_recorded.fetch_add(1, std::memory_order_relaxed) + 1 >= m_sampleSize)
                age();
            return estimate;
        }
    }
}

void FrequencySketch::age()
{
    // Requests recorded by other workers meanwhile may be halved or not: either is as good.
    m_recorded.store(0, std::memory_order_relaxed);
    for (std::size_t i = 0; i <= m_wordMask; ++i) {
        std::uint64_t old = m_words[i].load(std::memory_order_relaxed);
        while (!m_words[i].compare_exchange_weak(old, (old >> 1) & kHalfMask,
                                                 std::memory_order_relaxed)) {
        }
    }
}

} // namespace qaconsole::cache
