#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace qaconsole::testing {

// What tests ask the database directly, on a connection of their own (pg::Connection).

// The rows of `sql`, every field as text; empty with the reason in `error` when it failed.
QList<QStringList> queryRows(const QString& dsn, const QString& sql, QString* error = nullptr);
// The one row of `sql` with its fields joined by '|', or "(N rows)" / "error: ..." otherwise.
QString queryOne(const QString& dsn, const QString& sql);
// The rows of the three Q&A tables as "questions=100 answers=100 answers_photos=57", or an
// empty string when the tables are not there.
QString qaTableCounts(const QString& dsn);
// Runs statements; empty when they succeeded, else the reason.
QString execSql(const QString& dsn, const QString& sql);

} // namespace qaconsole::testing
