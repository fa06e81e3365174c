#pragma once

#include <QString>

namespace qaconsole::endpoint {

// Masks passwords in connection strings and URLs (postgresql://u:secret@h, redis://:secret@h,
// password=secret, password='se cret') so the text is safe to log or show. Everything else is
// kept as it is.
QString redactSecrets(const QString& text);

} // namespace qaconsole::endpoint
