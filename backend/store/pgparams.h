#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace qaconsole::store {

// The text parameters of one prepared-statement call. Numbers are formatted into the object
// itself and only turned into pointers when the call is sent, so a PgParams can be copied and
// kept in a vector; text parameters point at strings the caller keeps alive until then.
class PgParams
{
public:
    static constexpr int kMax = 6;

    PgParams& add(std::int64_t number);
    PgParams& add(const std::string& text);

    int count() const { return m_count; }
    // The values as libpq takes them, valid while this object and the texts live.
    void fill(std::array<const char*, kMax>& values) const;

private:
    std::array<std::array<char, 24>, kMax> m_numbers{}; // NUL-terminated
    std::array<const char*, kMax> m_texts{};            // null where the value is a number
    int m_count = 0;
};

} // namespace qaconsole::store
