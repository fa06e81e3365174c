#pragma once

#include <cstdint>
#include <vector>

namespace qaconsole::etl {

// A set of positive 32-bit ids as a bitmap that grows with the largest id: about 125 KB per
// million ids of range, constant-time insert and lookup, no allocation per id.
class IdSet
{
public:
    // True when `id` was not in the set before.
    bool insert(std::int32_t id);
    bool contains(std::int32_t id) const;
    std::int64_t size() const { return m_size; }

private:
    std::vector<std::uint64_t> m_words;
    std::int64_t m_size = 0;
};

} // namespace qaconsole::etl
