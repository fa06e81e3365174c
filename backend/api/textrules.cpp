#include "backend/api/textrules.h"

#include <array>

namespace qaconsole::api {

namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes the code point at the start of `text`; `length` gets its byte count. kInvalid for a
// malformed sequence (then `length` is 1).
char32_t decode(std::string_view text, std::size_t* length)
{
    const auto byte = [&text](std::size_t i) {
        return static_cast<unsigned char>(text[i]);
    };
    *length = 1;
    const unsigned char lead = byte(0);
    if (lead < 0x80)
        return lead;
    std::size_t size = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) {
        size = 2;
        value = lead & 0x1F;
        minimum = 0x80;
    } else if ((lead & 0xF0) == 0xE0) {
        size = 3;
        value = lead & 0x0F;
        minimum = 0x800;
    } else if ((lead & 0xF8) == 0xF0) {
        size = 4;
        value = lead & 0x07;
        minimum = 0x10000;
    } else {
        return kInvalid;
    }
    if (text.size() < size)
        return kInvalid;
    for (std::size_t i = 1; i < size; ++i) {
        if ((byte(i) & 0xC0) != 0x80)
            return kInvalid;
        value = (value << 6) | (byte(i) & 0x3F);
    }
    if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
        return kInvalid;
    *length = size;
    return value;
}

bool isWhiteSpace(char32_t c)
{
    static constexpr std::array<char32_t, 25> kSpaces{
        0x0009, 0x000A, 0x000B, 0x000C, 0x000D, 0x0020, 0x00A0, 0x1680, 0x2000,
        0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009,
        0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF};
    for (char32_t space : kSpaces) {
        if (c == space)
            return true;
    }
    return false;
}

} // namespace

std::string_view trimWhiteSpace(std::string_view text)
{
    while (!text.empty()) {
        std::size_t length = 0;
        if (!isWhiteSpace(decode(text, &length)))
            break;
        text.remove_prefix(length);
    }
    while (!text.empty()) {
        // Back up over continuation bytes to the start of the last code point.
        std::size_t start = text.size() - 1;
        while (start > 0 && text.size() - start < 4 &&
               (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80)
            --start;
        std::size_t length = 0;
        const char32_t last = decode(text.substr(start), &length);
        if (start + length != text.size() || !isWhiteSpace(last))
            break;
        text.remove_suffix(length);
    }
    return text;
}

std::optional<std::size_t> utf8Length(std::string_view text)
{
    std::size_t count = 0;
    while (!text.empty()) {
        std::size_t length = 0;
        if (decode(text, &length) == kInvalid)
            return std::nullopt;
        text.remove_prefix(length);
        ++count;
    }
    return count;
}

std::optional<std::int64_t> parsePositive(std::string_view digits, std::int64_t max)
{
    if (digits.empty())
        return std::nullopt;
    std::int64_t value = 0;
    for (char c : digits) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
        if (value > max) // also stops any overflow: max is far below INT64_MAX / 10
            return std::nullopt;
    }
    if (value < 1)
        return std::nullopt;
    return value;
}

bool hasEmailShape(std::string_view email)
{
    const std::size_t at = email.find('@');
    return at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
           email.find('@', at + 1) == std::string_view::npos;
}

bool hasHttpUrlShape(std::string_view url)
{
    const auto startsWithNoCase = [url](std::string_view prefix) {
        if (url.size() < prefix.size())
            return false;
        for (std::size_t i = 0; i < prefix.size(); ++i) {
            char c = url[i];
            if (c >= 'A' && c <= 'Z')
                c = char(c - 'A' + 'a');
            if (c != prefix[i])
                return false;
        }
        return true;
    };
    std::size_t rest = 0;
    if (startsWithNoCase("https://"))
        rest = 8;
    else if (startsWithNoCase("http://"))
        rest = 7;
    else
        return false;
    if (url.size() == rest)
        return false;
    for (char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F)
            return false;
    }
    return true;
}

} // namespace qaconsole::api
