#include "backend/cache/entrycodec.h"

#include "backend/cache/cachedresponse.h"

#include <algorithm>
#include <cmath>

namespace qaconsole::cache {

namespace {

constexpr unsigned char kFormat = 1;

void putLittleEndian(char* at, std::uint64_t value, int bytes)
{
    for (int i = 0; i < bytes; ++i)
        at[i] = char((value >> (8 * i)) & 0xff);
}

std::uint64_t getLittleEndian(const char* at, int bytes)
{
    std::uint64_t value = 0;
    for (int i = 0; i < bytes; ++i)
        value |= std::uint64_t(static_cast<unsigned char>(at[i])) << (8 * i);
    return value;
}

} // namespace

void encodeEntry(std::string& out, const CachedResponse& entry)
{
    char header[kEntryHeaderSize] = {'Q', 'C', char(kFormat), 0};
    putLittleEndian(header + 4, std::uint16_t(entry.status), 2);
    const float jitter = std::clamp(entry.jitter, 0.0f, 1.0f);
    putLittleEndian(header + 6, std::uint16_t(std::lround(jitter * 65535.0f)), 2);
    putLittleEndian(header + 8, std::uint64_t(entry.computedAtMs), 8);
    out.assign(header, kEntryHeaderSize);
    out.append(entry.body);
}

std::shared_ptr<const CachedResponse> decodeEntry(std::string_view value)
{
    if (value.size() < kEntryHeaderSize || value[0] != 'Q' || value[1] != 'C' ||
        static_cast<unsigned char>(value[2]) != kFormat)
        return nullptr;
    auto entry = std::make_shared<CachedResponse>();
    entry->status = int(getLittleEndian(value.data() + 4, 2));
    entry->jitter = float(getLittleEndian(value.data() + 6, 2)) / 65535.0f;
    entry->computedAtMs = std::int64_t(getLittleEndian(value.data() + 8, 8));
    entry->body.assign(value.substr(kEntryHeaderSize));
    return entry;
}

} // namespace qaconsole::cache
