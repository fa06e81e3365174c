#pragma once

#include <QString>

namespace qaconsole::cache {

struct CachePolicy;

// What `policy` means for the client, in plain language for the console and for showing the
// client: "A reported question or answer disappears at once; ...; a new helpful vote may take
// up to 1 day to show. Lists are recomputed at least every 1 day. ..."
QString describePolicy(const CachePolicy& policy);

} // namespace qaconsole::cache
