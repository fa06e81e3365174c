#include "backend/cache/doorkeeper.h"

#include <algorithm>
#include <bit>

namespace qaconsole::cache {

namespace {

// Four keys per word: two bits each set in 64, so a new key finds both of its bits already
// set about 1.4 % of the time when the filter is full.
constexpr std::size_t kKeysPerWord = 4;

} // namespace

Doorkeeper::Doorkeeper(std::size_t capacity)
{
    const std::size_t words = std::bit_ceil(std::max<std::size_t>(capacity, 256) / kKeysPerWord);
    m_wordMask = words - 1;
    m_capacity = words * kKeysPerWord;
    m_words = std::make_unique<std::atomic<std::uint64_t>[]>(words);
    clear();
}

void Doorkeeper::clear()
{
    for (std::size_t i = 0; i <= m_wordMask; ++i)
        m_words[i].store(0, std::memory_order_relaxed);
}

bool Doorkeeper::seenBefore(std::uint64_t hash)
{
    // The word from the high bits, the two bit positions from the low twelve: independent
    // parts of a well-mixed hash.
    const std::uint64_t bits =
        (std::uint64_t(1) << (hash & 63)) | (std::uint64_t(1) << ((hash >> 6) & 63));
    std::atomic<std::uint64_t>& word = m_words[std::size_t(hash >> 12) & m_wordMask];
    if ((word.load(std::memory_order_relaxed) & bits) == bits)
        return true; // the common case for a known key: no write to the shared line
    if ((word.fetch_or(bits, std::memory_order_relaxed) & bits) == bits)
        return true; // another worker recorded it just now
    // A reset racing with other workers' records may drop a few of them: each then costs its
    // key one more request before it is stored, nothing worse.
    if (m_added.fetch_add(1, std::memory_order_relaxed) + 1 >= m_capacity) {
        m_added.store(0, std::memory_order_relaxed);
        clear();
    }
    return false;
}

} // namespace qaconsole::cache
