#pragma once

#include "pg/errorkind.h"

#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace qaconsole::pg {

// Connection strings: libpq's keyword form (host=h password='se cret') or its URL form
// (postgresql://user:secret@host:5432/db?sslmode=require). libpq parses both; this is the one
// place that asks it to.

// Ok when libpq can parse `dsn`, else InvalidConnInfo with libpq's reason (passwords masked).
Status checkConnInfo(const QString& dsn);

// "host:port" of a connection string, for showing; never the password. localhost and 5432 when
// the string leaves them out, "(malformed connection string)" when it does not parse.
QString addressOf(const QString& dsn);

// A connection string rewritten in keyword form with some settings added. A setting the caller
// already gave is kept, except connect_timeout, which is lowered to `maxConnectTimeoutSec` (and
// set when absent) so that a dead server costs seconds, not minutes. Settings this libpq does
// not know are left out.
struct ConnInfoDefaults
{
    int maxConnectTimeoutSec = 2;
    std::vector<std::pair<std::string, std::string>> settings; // added when absent
};
Result<std::string> rewriteConnInfo(const std::string& dsn, const ConnInfoDefaults& defaults);

} // namespace qaconsole::pg
