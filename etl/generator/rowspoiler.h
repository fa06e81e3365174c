#pragma once

#include "etl/rejectreason.h"
#include "etl/tableschema.h"

#include <string>
#include <vector>

namespace qaconsole::etl::gen {

// Turns a good row into one the ETL must reject for exactly one reason. The ETL reports only
// the first problem (field count, then fields left to right, then the id's uniqueness, then the
// parent), so each form below breaks one thing and leaves the rest of the row valid: then the
// reason the ETL gives is the one in the manifest, whatever order it checks the rest in.
class RowSpoiler
{
public:
    // `fields` are the row's fields as written (quoted where needed). `occurrence` (0, 1, ...)
    // cycles through a few forms of the problem. Handles the reasons a row shows on its own;
    // duplicate ids, missing parents and the unterminated quote depend on other rows and are the
    // writers' business.
    static void spoil(std::vector<std::string>& fields, Table table, RejectReason reason,
                      int occurrence, bool legacy);
};

} // namespace qaconsole::etl::gen
