#pragma once

#include "etl/etlerror.h"
#include "etl/etlresult.h"
#include "etl/rejectlimit.h"
#include "etl/tableschema.h"

#include <optional>

namespace qaconsole::etl {

// Whether what one file yielded may replace its table: never when the file had no rows or no
// valid row (NothingLoaded: the table would be emptied), nor when more rows were rejected than
// `limit` allows (TooManyRejects, with the share). The error's field is the file's name. Pure.
std::optional<Error> refuseFileLoad(const TableSpec& spec, const TableCounts& counts,
                                    const RejectLimit& limit);

} // namespace qaconsole::etl
