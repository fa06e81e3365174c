#pragma once

#include <QString>

namespace qaconsole::ui {

// A PostgreSQL connection string split into what may be shown and its password, so the wizard
// can keep the password in a masked field of its own. Both libpq forms are understood: URLs
// (postgresql://user:secret@host/db) and keyword lists (host=h password='se cret' dbname=db).
struct ConnectionString
{
    QString withoutPassword;
    QString password; // empty when the string held none
};

ConnectionString splitPassword(const QString& dsn);
// Puts `password` back into `dsn` (replacing any there); `dsn` unchanged when it is empty.
QString withPassword(const QString& dsn, const QString& password);

} // namespace qaconsole::ui
