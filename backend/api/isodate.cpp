#include "backend/api/isodate.h"

namespace qaconsole::api {

namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

// Rounds towards negative infinity, so dates before 1970 fall on the right day.
constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

char* putDigits(char* out, std::int64_t value, int width)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = char('0' + value % 10);
        value /= 10;
    }
    return out + width;
}

} // namespace

std::size_t formatIsoDate(std::int64_t epochMs, char* out)
{
    // Written so that no step overflows, even for the extremes of int64.
    const std::int64_t remainder = epochMs % kMsPerDay;
    const std::int64_t days = epochMs / kMsPerDay - (remainder < 0 ? 1 : 0);
    const std::int64_t msOfDay = remainder < 0 ? remainder + kMsPerDay : remainder;

    // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant's civil_from_days):
    // shift to eras of 400 years that start on March 1st, where leap days fall last.
    const std::int64_t z = days + 719'468;
    const std::int64_t era = floorDiv(z, 146'097);
    const std::int64_t dayOfEra = z - era * 146'097;
    const std::int64_t yearOfEra =
        (dayOfEra - dayOfEra / 1460 + dayOfEra / 36'524 - dayOfEra / 146'096) / 365;
    const std::int64_t dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const std::int64_t monthFromMarch = (5 * dayOfYear + 2) / 153;
    const std::int64_t day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
    const std::int64_t month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
    const std::int64_t year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

    char* p = out;
    if (year >= 0 && year <= 9999) {
        p = putDigits(p, year, 4);
    } else {
        *p++ = year < 0 ? '-' : '+';
        const std::int64_t magnitude = year < 0 ? -year : year;
        int width = 6;
        for (std::int64_t limit = 1'000'000; magnitude >= limit && width < 18; limit *= 10)
            ++width;
        p = putDigits(p, magnitude, width);
    }
    *p++ = '-';
    p = putDigits(p, month, 2);
    *p++ = '-';
    p = putDigits(p, day, 2);
    *p++ = 'T';
    p = putDigits(p, msOfDay / 3'600'000, 2);
    *p++ = ':';
    p = putDigits(p, msOfDay / 60'000 % 60, 2);
    *p++ = ':';
    p = putDigits(p, msOfDay / 1000 % 60, 2);
    *p++ = '.';
    p = putDigits(p, msOfDay % 1000, 3);
    *p++ = 'Z';
    return std::size_t(p - out);
}

} // namespace qaconsole::api
