#include "etl/idset.h"

#include <algorithm>
#include <limits>

namespace qaconsole::etl {

namespace {

// Enough words for every positive int32: 256 MB, never more however the set doubles.
constexpr std::size_t kMaxWords =
    (static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max()) >> 6) + 1;

} // namespace

bool IdSet::insert(std::int32_t id)
{
    if (id <= 0)
        return false;
    const auto bit = static_cast<std::uint32_t>(id);
    const std::size_t word = bit >> 6;
    if (word >= m_words.size()) {
        // Doubling keeps ids that arrive in rising order (the usual case) at a handful of
        // reallocations for the whole file instead of one every 64 ids.
        const std::size_t grown = std::max<std::size_t>(m_words.size() * 2, 1024);
        m_words.resize(std::max(std::min(grown, kMaxWords), word + 1), 0);
    }
    const std::uint64_t mask = std::uint64_t{1} << (bit & 63);
    if (m_words[word] & mask)
        return false;
    m_words[word] |= mask;
    ++m_size;
    return true;
}

bool IdSet::contains(std::int32_t id) const
{
    if (id <= 0)
        return false;
    const auto bit = static_cast<std::uint32_t>(id);
    const std::size_t word = bit >> 6;
    return word < m_words.size() && (m_words[word] >> (bit & 63) & 1) != 0;
}

} // namespace qaconsole::etl
