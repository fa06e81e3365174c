#pragma once

#include <string>
#include <utility>
#include <vector>

namespace qaconsole::store {

// A libpq connection string (keyword form or postgresql:// URL) rewritten in keyword form with
// some settings added. A setting the caller already gave is kept, except connect_timeout, which
// is lowered to `maxConnectTimeoutSec` so that a dead server costs a worker seconds, not minutes.
// Settings this libpq does not know are left out. False with libpq's reason in `error` (no
// password in it) when `dsn` does not parse.
struct ConnInfoDefaults
{
    int maxConnectTimeoutSec = 2;
    std::vector<std::pair<std::string, std::string>> settings; // added when absent
};

bool rewriteConnInfo(const std::string& dsn, const ConnInfoDefaults& defaults, std::string* out,
                     std::string* error);

} // namespace qaconsole::store
