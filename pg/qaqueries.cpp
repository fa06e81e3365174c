#include "pg/qaqueries.h"

#include "pg/connection.h"
#include "pg/qaschema.h"

#include <QHash>

namespace qaconsole::pg::qa {

namespace {

// The columns and types of the tables named in $1 (a text array) that exist.
const QString kColumnsSql =
    QStringLiteral("SELECT t.name, a.attname, format_type(a.atttypid, a.atttypmod)"
                   " FROM unnest($1::text[]) AS t (name)"
                   " JOIN pg_attribute a ON a.attrelid = to_regclass(t.name) AND a.attnum > 0"
                   " AND NOT a.attisdropped");

// Walks the API's own index (product_id, helpful DESC, id WHERE NOT reported) from the lowest
// product id, so it stops at the first question with an answer even on millions of rows.
const QString kExampleSql = QStringLiteral(
    "SELECT q.product_id, q.id, a.id FROM questions q"
    " CROSS JOIN LATERAL (SELECT id FROM answers WHERE question_id = q.id AND NOT reported"
    " ORDER BY helpful DESC, id LIMIT 1) a"
    " WHERE NOT q.reported ORDER BY q.product_id, q.helpful DESC, q.id LIMIT 1");
const QString kQuestionOnlySql =
    QStringLiteral("SELECT product_id, id FROM questions WHERE NOT reported"
                   " ORDER BY product_id, helpful DESC, id LIMIT 1");

QByteArray textArray(const QStringList& names)
{
    return (u'{' + names.join(u',') + u'}').toUtf8();
}

} // namespace

bool SchemaReport::noTables() const
{
    return missingTables.size() == qsizetype(kTables.size());
}

Result<SchemaReport> inspectSchema(Connection& connection)
{
    const Result<Rows> rows = connection.query(kColumnsSql, {textArray(tableNames())});
    if (!rows)
        return rows.error();
    QHash<QString, QHash<QString, QString>> found; // table -> column -> type
    for (int row = 0; row < rows->count(); ++row)
        found[rows->text(row, 0)][rows->text(row, 1)] = rows->text(row, 2);

    SchemaReport report;
    for (Table table : kTables) {
        const TableDef& def = tableDef(table);
        const QString name = QString::fromLatin1(def.name);
        const auto columns = found.constFind(name);
        if (columns == found.constEnd()) {
            report.missingTables << name;
            continue;
        }
        for (const Column& column : def.columns) {
            const QString columnName = QString::fromLatin1(column.name);
            const QString expected = QString::fromLatin1(column.sqlType);
            const QString qualified = name + u'.' + columnName;
            const auto actual = columns->constFind(columnName);
            if (actual == columns->constEnd())
                report.problems << qualified + QStringLiteral(" is missing");
            else if (*actual != expected)
                report.problems
                    << QStringLiteral("%1 is %2, not %3").arg(qualified, *actual, expected);
        }
    }
    return report;
}

Result<bool> tableExists(Connection& connection, const QString& table)
{
    const Result<QString> exists =
        connection.value(QStringLiteral("SELECT to_regclass($1) IS NOT NULL"), {table.toUtf8()});
    if (!exists)
        return exists.error();
    return exists.value() == u"t";
}

ExampleIds exampleIds(Connection& connection)
{
    ExampleIds ids;
    if (!connection.exec(QStringLiteral("SET statement_timeout = '5s'")))
        return ids;
    Result<Rows> rows = connection.query(kExampleSql);
    if (rows && rows->count() == 0)
        rows = connection.query(kQuestionOnlySql);
    if (!rows || rows->count() == 0)
        return ids;
    ids.productId = rows->text(0, 0);
    ids.questionId = rows->text(0, 1);
    if (rows->columns() > 2)
        ids.answerId = rows->text(0, 2);
    return ids;
}

} // namespace qaconsole::pg::qa
