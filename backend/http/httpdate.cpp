#include "backend/http/httpdate.h"

namespace qaconsole::http {

namespace {

void putTwoDigits(char* out, unsigned value)
{
    out[0] = static_cast<char>('0' + value / 10 % 10);
    out[1] = static_cast<char>('0' + value % 10);
}

} // namespace

void HttpDate::update(std::chrono::system_clock::time_point now)
{
    using namespace std::chrono;
    const auto second = time_point_cast<seconds>(now);
    const std::int64_t count = second.time_since_epoch().count();
    if (count == m_second)
        return;
    m_second = count;

    // The civil calendar of <chrono> is UTC by construction: no gmtime_r/gmtime_s split and no
    // dependence on the process's time zone.
    const auto day = floor<days>(second);
    const year_month_day date{day};
    const hh_mm_ss<seconds> time{second - day};
    static constexpr std::string_view kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const std::string_view dayName = kDays[weekday{day}.c_encoding()];
    const std::string_view monthName = kMonths[static_cast<unsigned>(date.month()) - 1];
    const auto yearNumber = static_cast<unsigned>(static_cast<int>(date.year()));

    char* out = m_text;
    out += dayName.copy(out, 3);
    *out++ = ',';
    *out++ = ' ';
    putTwoDigits(out, static_cast<unsigned>(date.day()));
    out += 2;
    *out++ = ' ';
    out += monthName.copy(out, 3);
    *out++ = ' ';
    putTwoDigits(out, yearNumber / 100);
    putTwoDigits(out + 2, yearNumber % 100);
    out += 4;
    *out++ = ' ';
    putTwoDigits(out, static_cast<unsigned>(time.hours().count()));
    out[2] = ':';
    putTwoDigits(out + 3, static_cast<unsigned>(time.minutes().count()));
    out[5] = ':';
    putTwoDigits(out + 6, static_cast<unsigned>(time.seconds().count()));
    out += 8;
    std::string_view(" GMT").copy(out, 4);
}

} // namespace qaconsole::http
