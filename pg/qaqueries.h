#pragma once

#include "pg/errorkind.h"

#include <QStringList>

namespace qaconsole::pg {
class Connection;
}

namespace qaconsole::pg::qa {

// The questions the console asks about the Q&A data, as functions, so no SQL lives in the
// pages. Tables are found the way the API's statements find them: through the search_path.

// How the database differs from the schema of qaschema.h.
struct SchemaReport
{
    QStringList missingTables; // in kTables order
    QStringList problems; // "questions.body is missing", "answers.helpful is bigint, not integer"

    bool noTables() const; // none of the Q&A tables is there: no dataset was loaded
};
// One query over the catalogue; fails only when the database cannot be asked.
Result<SchemaReport> inspectSchema(Connection& connection);

// Whether `table` exists, asked rather than learnt from an error, so that PostgreSQL's log
// gets no ERROR line for a table that is simply not loaded yet.
Result<bool> tableExists(Connection& connection, const QString& table);

// Ids that exist, for the API explorer to start from: a product with listed questions, one of
// them (with answers when one has any) and one of its answers. Empty fields when there are
// none or the query failed: the examples are a convenience. Sets the connection's
// statement_timeout to 5 s, so a slow database does not hold its caller long.
struct ExampleIds
{
    QString productId;
    QString questionId;
    QString answerId;
};
ExampleIds exampleIds(Connection& connection);

} // namespace qaconsole::pg::qa
