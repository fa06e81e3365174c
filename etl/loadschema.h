#pragma once

#include "etl/tableschema.h"

#include <QString>
#include <QStringList>

namespace qaconsole::etl {

// The SQL of a load. New tables get the suffix "__new" and their final names only in the swap,
// so the tables the backend reads stay untouched until one transaction replaces them.
namespace loadschema {

QString newName(Table table); // "questions__new"

// Drops what an earlier failed or killed run left behind.
QString dropLeftovers();

// CREATE TABLE with the columns and types of the Q&A schema (pg/qaschema.h), an identity id,
// no keys yet.
QString createTable(Table table);
// COPY into the new table; FREEZE because the table was created in the same transaction.
QString copyIn(Table table);
// After the rows are in: primary key, the index the API needs, the id sequence set past the
// largest id, fresh statistics. Run in the loading transaction.
QStringList finish(Table table);
// The foreign key to the parent, added NOT VALID; validating it is the orphan check.
QString addForeignKey(Table table);
QString validateForeignKey(Table table);
// Rows of the new table whose parent is missing (for the verification's message).
QString countOrphans(Table table);
// Replaces the old tables by the new ones, in one transaction.
QString swap();

} // namespace loadschema

} // namespace qaconsole::etl
