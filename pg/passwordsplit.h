#pragma once

#include <QString>

namespace qaconsole::pg {

// A connection string split into what may be shown and its password, so that a form can keep
// the password in a masked field of its own. Both forms are understood: URLs
// (postgresql://user:secret@host/db) and keyword lists (host=h password='se cret' dbname=db).
// The rest of the string is kept as the user wrote it.
struct PasswordSplit
{
    QString withoutPassword;
    QString password; // empty when the string held none
};

PasswordSplit splitPassword(const QString& dsn);
// Puts `password` back into `dsn` (replacing any there); `dsn` unchanged when it is empty.
QString withPassword(const QString& dsn, const QString& password);

} // namespace qaconsole::pg
