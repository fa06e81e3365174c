#include "etl/etlresult.h"

#include <algorithm>

namespace qaconsole::etl {

qint64 EtlResult::totalRejected() const
{
    qint64 total = 0;
    for (const TableCounts& table : tables)
        total += table.rowsRejected;
    return total;
}

bool EtlResult::verified() const
{
    return !checks.isEmpty() && std::all_of(checks.begin(), checks.end(),
                                            [](const VerificationCheck& c) { return c.passed; });
}

} // namespace qaconsole::etl
