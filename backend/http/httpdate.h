#pragma once

#include <chrono>
#include <cstdint>
#include <string_view>

namespace qaconsole::http {

// The Date header value (RFC 7231 IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"), formatted
// again only when the second changes. One per event loop, so it needs no lock.
class HttpDate
{
public:
    // Brings the text up to `now`; cheap when the second has not changed.
    void update(std::chrono::system_clock::time_point now);
    std::string_view text() const { return {m_text, kLength}; }

    static constexpr std::size_t kLength = 29;

private:
    std::int64_t m_second = -1;
    char m_text[kLength + 1] = {};
};

} // namespace qaconsole::http
