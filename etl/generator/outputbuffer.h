#pragma once

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>

namespace qaconsole::etl::gen {

// A large byte buffer filled through a raw pointer: the hot path of the generator appends a few
// hundred million small pieces, so there is no bounds check per append. Instead the owner
// promises that one row never exceeds kRowSlack and flushes once full() turns true.
class OutputBuffer
{
public:
    static constexpr std::size_t kRowSlack = 64 * 1024;

    explicit OutputBuffer(std::size_t flushAt)
        : m_data(std::make_unique_for_overwrite<char[]>(flushAt + kRowSlack)), m_pos(m_data.get()),
          m_flushAt(m_data.get() + flushAt)
    {}

    void put(char c) { *m_pos++ = c; }
    void put(std::string_view text)
    {
        std::memcpy(m_pos, text.data(), text.size());
        m_pos += text.size();
    }
    void putUInt(std::uint64_t value) { m_pos = std::to_chars(m_pos, m_pos + 20, value).ptr; }

    bool full() const { return m_pos >= m_flushAt; }
    std::size_t size() const { return static_cast<std::size_t>(m_pos - m_data.get()); }
    const char* data() const { return m_data.get(); }
    std::string_view view(std::size_t from, std::size_t to) const
    {
        return {m_data.get() + from, to - from};
    }
    void truncate(std::size_t size) { m_pos = m_data.get() + size; }
    void clear() { m_pos = m_data.get(); }

private:
    std::unique_ptr<char[]> m_data;
    char* m_pos;
    char* m_flushAt;
};

} // namespace qaconsole::etl::gen
