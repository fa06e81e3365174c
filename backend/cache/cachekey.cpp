#include "backend/cache/cachekey.h"

#include <charconv>

namespace qaconsole::cache {

namespace {

// splitmix64's finaliser: cheap, and every input bit reaches every output bit.
std::uint64_t mix(std::uint64_t value)
{
    value ^= value >> 30;
    value *= 0xbf58476d1ce4e5b9ULL;
    value ^= value >> 27;
    value *= 0x94d049bb133111ebULL;
    value ^= value >> 31;
    return value;
}

void appendNumber(std::string& out, std::int64_t value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, std::size_t(end - digits));
}

void appendPrefix(std::string& out, std::string_view ns)
{
    out.append(ns);
    out += ':';
    appendNumber(out, kCacheSchemaVersion);
    out += ':';
}

void appendGroupTail(std::string& out, const CacheGroup& group)
{
    out.append(dataClassName(group.dataClass));
    out += ':';
    appendNumber(out, group.id);
}

// Consumes a positive number in its canonical spelling (no sign, no leading zero), so one key
// has exactly one text.
std::optional<std::int32_t> takeNumber(std::string_view& text)
{
    if (text.empty() || text.front() < '1' || text.front() > '9')
        return std::nullopt;
    std::int32_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc())
        return std::nullopt;
    text.remove_prefix(std::size_t(ptr - text.data()));
    return value;
}

bool takeLiteral(std::string_view& text, std::string_view literal)
{
    if (text.substr(0, literal.size()) != literal)
        return false;
    text.remove_prefix(literal.size());
    return true;
}

} // namespace

std::uint64_t hashKey(const CacheKey& key)
{
    const std::uint64_t high = (std::uint64_t(key.dataClass) << 32) | std::uint32_t(key.id);
    const std::uint64_t low =
        (std::uint64_t(std::uint32_t(key.page)) << 32) | std::uint32_t(key.count);
    return mix(mix(high) ^ low);
}

std::uint64_t hashGroup(const CacheGroup& group)
{
    return mix((std::uint64_t(group.dataClass) << 32) | std::uint32_t(group.id));
}

void appendEntryKey(std::string& out, std::string_view ns, const CacheKey& key)
{
    appendPrefix(out, ns);
    appendGroupTail(out, groupOf(key));
    out += ':';
    appendNumber(out, key.page);
    out += ':';
    appendNumber(out, key.count);
}

void appendGroupIndexKey(std::string& out, std::string_view ns, const CacheGroup& group)
{
    appendPrefix(out, ns);
    out += "idx:";
    appendGroupTail(out, group);
}

void appendGroupGenerationKey(std::string& out, std::string_view ns, const CacheGroup& group)
{
    appendPrefix(out, ns);
    out += "gen:";
    appendGroupTail(out, group);
}

void appendClassGenerationKey(std::string& out, std::string_view ns, DataClass dataClass)
{
    appendPrefix(out, ns);
    out += "gen:";
    out.append(dataClassName(dataClass));
}

std::string classEntryPattern(std::string_view ns, DataClass dataClass)
{
    std::string pattern;
    appendPrefix(pattern, ns);
    pattern.append(dataClassName(dataClass));
    pattern += ":*";
    return pattern;
}

std::string classIndexPattern(std::string_view ns, DataClass dataClass)
{
    std::string pattern;
    appendPrefix(pattern, ns);
    pattern += "idx:";
    pattern.append(dataClassName(dataClass));
    pattern += ":*";
    return pattern;
}

std::optional<CacheKey> parseEntryKey(std::string_view text, std::string_view ns)
{
    std::string prefix;
    appendPrefix(prefix, ns);
    if (!takeLiteral(text, prefix))
        return std::nullopt;
    CacheKey key;
    bool known = false;
    for (const auto candidate : {DataClass::Questions, DataClass::Answers}) {
        if (takeLiteral(text, dataClassName(candidate)) && takeLiteral(text, ":")) {
            key.dataClass = candidate;
            known = true;
            break;
        }
    }
    if (!known)
        return std::nullopt;
    const auto id = takeNumber(text);
    const auto page = id && takeLiteral(text, ":") ? takeNumber(text) : std::nullopt;
    const auto count = page && takeLiteral(text, ":") ? takeNumber(text) : std::nullopt;
    if (!count || !text.empty())
        return std::nullopt;
    key.id = *id;
    key.page = *page;
    key.count = *count;
    return key;
}

} // namespace qaconsole::cache
