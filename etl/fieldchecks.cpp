#include "etl/fieldchecks.h"

#include <algorithm>
#include <cstring>

namespace qaconsole::etl {

namespace {

constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
constexpr std::size_t kDescribedBytes = 48;

bool isBlankChar(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

std::uint64_t load8(const unsigned char* p)
{
    std::uint64_t word;
    std::memcpy(&word, p, sizeof word);
    return word;
}

bool hasZeroByte(std::uint64_t word)
{
    return ((word - kOnes) & ~word & kHighBits) != 0;
}

// Length of the well-formed UTF-8 sequence starting at `p` (1 for ASCII other than NUL), 0 when
// it is malformed, truncated or NUL.
std::size_t sequenceLength(const unsigned char* p, const unsigned char* end)
{
    const unsigned char lead = *p;
    if (lead < 0x80)
        return lead == 0 ? 0 : 1;
    std::size_t trail = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        trail = 1;
    } else if (lead == 0xE0) {
        trail = 2;
        low = 0xA0; // shorter forms would be overlong
    } else if (lead == 0xED) {
        trail = 2;
        high = 0x9F; // U+D800..U+DFFF are surrogates
    } else if (lead >= 0xE1 && lead <= 0xEF) {
        trail = 2;
    } else if (lead == 0xF0) {
        trail = 3;
        low = 0x90;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
        trail = 3;
    } else if (lead == 0xF4) {
        trail = 3;
        high = 0x8F; // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (static_cast<std::size_t>(end - p) <= trail || p[1] < low || p[1] > high)
        return 0;
    for (std::size_t i = 2; i <= trail; ++i) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
    }
    return trail + 1;
}

void appendHexByte(std::string& out, unsigned char byte)
{
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\x";
    out += kHex[byte >> 4];
    out += kHex[byte & 0xF];
}

} // namespace

std::string_view trimBlanks(std::string_view text)
{
    std::size_t first = 0;
    std::size_t last = text.size();
    while (first < last && isBlankChar(text[first]))
        ++first;
    while (last > first && isBlankChar(text[last - 1]))
        --last;
    return text.substr(first, last - first);
}

bool isBlank(std::string_view text)
{
    for (const char c : text) {
        if (!isBlankChar(c))
            return false;
    }
    return true;
}

std::optional<std::int64_t> parseDigits(std::string_view text, std::int64_t max)
{
    // Trimming only when needed keeps the common case (a bare number) to one loop.
    if (!text.empty() && (isBlankChar(text.front()) || isBlankChar(text.back())))
        text = trimBlanks(text);
    if (text.empty())
        return std::nullopt;
    std::int64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
        if (value > max) // also stops long digit strings before they could overflow
            return std::nullopt;
    }
    return value;
}

std::size_t findEncodingError(std::string_view text)
{
    const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = begin + text.size();
    const auto* p = begin;
    while (p < end) {
        // Eight ASCII bytes without NUL at a time: nearly all of the real data.
        if (end - p >= 8) {
            const std::uint64_t word = load8(p);
            if ((word & kHighBits) == 0 && !hasZeroByte(word)) {
                p += 8;
                continue;
            }
        }
        const std::size_t length = sequenceLength(p, end);
        if (length == 0)
            return static_cast<std::size_t>(p - begin);
        p += length;
    }
    return std::string_view::npos;
}

std::string describeField(std::string_view column, std::string_view value)
{
    std::string out(column);
    out += ": ";
    out += quotedExcerpt(value, kDescribedBytes);
    return out;
}

std::string quotedExcerpt(std::string_view value, std::size_t maxBytes)
{
    std::string out;
    out.reserve(std::min(value.size(), maxBytes) + 8);
    out += '"';
    const auto* p = reinterpret_cast<const unsigned char*>(value.data());
    const auto* end = p + value.size();
    const auto* limit = value.size() > maxBytes ? p + maxBytes : end;
    while (p < limit) {
        const unsigned char c = *p;
        if (c >= 0x80) {
            const std::size_t length = sequenceLength(p, end);
            if (length == 0) {
                appendHexByte(out, c);
                ++p;
            } else {
                out.append(reinterpret_cast<const char*>(p), length);
                p += length;
            }
            continue;
        }
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (c < 0x20 || c == 0x7F)
                appendHexByte(out, c);
            else
                out += static_cast<char>(c);
        }
        ++p;
    }
    out += '"';
    if (p < end)
        out += "...";
    return out;
}

} // namespace qaconsole::etl
