#pragma once

#include <QByteArray>
#include <QString>

namespace qaconsole::pg {

// The SCRAM-SHA-256 secret PostgreSQL stores for `password` (RFC 5802, RFC 7677), in the form
// pg_authid keeps it: "SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>". Given to
// CREATE/ALTER ROLE ... PASSWORD, the server stores it as it is: the clear password never reaches
// the server, its logs or the statement. `password` must be ASCII (SASLprep then changes
// nothing); `salt` is 16 random bytes when empty (tests give one to compare with a known secret).
QString scramSha256Secret(const QString& password, QByteArray salt = {}, int iterations = 4096);

} // namespace qaconsole::pg
