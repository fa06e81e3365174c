#pragma once

#include "etl/generator/outputbuffer.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace qaconsole::etl::gen {

// Writes date_written as the export does: epoch milliseconds, or in the older export a quoted
// "YYYY-MM-DD" (UTC). The day strings are computed once for the generator's whole date span,
// because formatting one per row through QDate would cost more than the rest of the row.
class DateField
{
public:
    explicit DateField(bool legacy);

    // `ms` must lie within [kFirstDateMs, kLastDateMs] (datasetplan.h).
    void write(OutputBuffer& out, std::int64_t ms) const
    {
        if (!m_legacy) {
            out.putUInt(static_cast<std::uint64_t>(ms));
            return;
        }
        const std::size_t day = static_cast<std::size_t>((ms - m_firstMs) / kDayMs);
        out.put('"');
        out.put(std::string_view(m_days.data() + day * 10, 10));
        out.put('"');
    }

private:
    static constexpr std::int64_t kDayMs = 86'400'000;
    bool m_legacy;
    std::int64_t m_firstMs;
    std::vector<char> m_days; // 10 characters per day, no separators
};

} // namespace qaconsole::etl::gen
