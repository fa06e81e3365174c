#include "etl/verifier.h"

#include "etl/loadschema.h"
#include "etl/rowvalidator.h"
#include "etl/tableload.h"
#include "pg/connection.h"

#include <algorithm>

namespace qaconsole::etl {

namespace {

QString tableName(const TableLoad& load)
{
    return QString::fromLatin1(tableSpec(load.table()).tableName);
}

VerificationCheck check(const TableLoad& load, const QString& what, bool passed,
                        const QString& detail)
{
    return {tableName(load) + QStringLiteral(": ") + what, passed, detail};
}

QStringList columnList(Table table)
{
    QStringList columns;
    for (const ColumnSpec& column : tableSpec(table).columns)
        columns << QString::fromLatin1(column.name);
    return columns;
}

} // namespace

QList<VerificationCheck> Verifier::run(const TableLoad& load)
{
    // The orphan check (validating a foreign key) hashes the parent's ids in
    // maintenance_work_mem; with the default it would spill to disk.
    // A failure here only makes the check slower; the checks report their own errors.
    (void)m_connection.exec(QStringLiteral("SET maintenance_work_mem = '512MB'"));
    QList<VerificationCheck> checks{reconciliation(load), rowCount(load), idRange(load)};
    if (tableSpec(load.table()).parent)
        checks << orphans(load);
    checks << sampledRows(load);
    return checks;
}

VerificationCheck Verifier::reconciliation(const TableLoad& load)
{
    const bool balanced = load.rowsRead() == load.rowsLoaded() + load.rowsRejected();
    return check(load, QStringLiteral("counts reconcile"), balanced,
                 QStringLiteral("%1 read = %2 loaded + %3 rejected")
                     .arg(load.rowsRead())
                     .arg(load.rowsLoaded())
                     .arg(load.rowsRejected()));
}

VerificationCheck Verifier::rowCount(const TableLoad& load)
{
    const pg::Result<QString> count = m_connection.value(
        QStringLiteral("SELECT count(*) FROM %1").arg(loadschema::newName(load.table())));
    if (!count)
        return check(load, QStringLiteral("row count"), false, count.error().message);
    const qint64 rows = count.value().toLongLong();
    return check(load, QStringLiteral("row count"), rows == load.rowsLoaded(),
                 QStringLiteral("%1 rows in the table, %2 valid rows in the file")
                     .arg(rows)
                     .arg(load.rowsLoaded()));
}

VerificationCheck Verifier::idRange(const TableLoad& load)
{
    const pg::Result<QString> found = m_connection.value(
        QStringLiteral("SELECT coalesce(min(id), 0) || '..' || coalesce(max(id), 0) FROM %1")
            .arg(loadschema::newName(load.table())));
    if (!found)
        return check(load, QStringLiteral("first and last id"), false, found.error().message);
    const QString& range = found.value();
    const QString expected = QStringLiteral("%1..%2").arg(load.firstId()).arg(load.lastId());
    return check(load, QStringLiteral("first and last id"), range == expected,
                 QStringLiteral("ids %1 in the table, %2 in the file").arg(range, expected));
}

VerificationCheck Verifier::orphans(const TableLoad& load)
{
    const Table table = load.table();
    // Validating the foreign key is the orphan check: it scans once and fails on any orphan.
    if (m_connection.exec(loadschema::validateForeignKey(table)))
        return check(load, QStringLiteral("no orphans"), true,
                     QStringLiteral("every row's parent exists (foreign key validated)"));
    const pg::Result<QString> counted = m_connection.value(loadschema::countOrphans(table));
    const QString orphanCount = counted ? counted.value() : QString();
    return check(load, QStringLiteral("no orphans"), false,
                 QStringLiteral("%1 rows point at a missing parent").arg(orphanCount));
}

VerificationCheck Verifier::sampledRows(const TableLoad& load)
{
    std::vector<std::string> expected = load.sample();
    if (expected.empty())
        return check(load, QStringLiteral("sampled rows"), true,
                     QStringLiteral("no rows to compare"));
    std::sort(expected.begin(), expected.end(), [](const std::string& a, const std::string& b) {
        return RowValidator::idOfCopyLine(a) < RowValidator::idOfCopyLine(b);
    });
    QStringList ids;
    for (const std::string& line : expected)
        ids << QString::number(RowValidator::idOfCopyLine(line));

    std::string actual;
    const QString sql =
        QStringLiteral("COPY (SELECT %1 FROM %2 WHERE id = ANY('{%3}') ORDER BY id) TO STDOUT")
            .arg(columnList(load.table()).join(u", "), loadschema::newName(load.table()),
                 ids.join(u','));
    if (const pg::Status copied = m_connection.copyOut(sql, actual); !copied)
        return check(load, QStringLiteral("sampled rows"), false, copied.error().message);

    std::string sent;
    for (const std::string& line : expected)
        sent += line;
    if (actual == sent)
        return check(load, QStringLiteral("sampled rows"), true,
                     QStringLiteral("%1 random rows identical to the file, field by field")
                         .arg(expected.size()));
    // Name the first row that differs, so the detail is useful.
    std::size_t at = 0;
    while (at < std::min(actual.size(), sent.size()) && actual[at] == sent[at])
        ++at;
    const std::size_t lineStart = sent.rfind('\n', at == 0 ? 0 : at - 1);
    const std::string_view line =
        std::string_view(sent).substr(lineStart == std::string::npos ? 0 : lineStart + 1);
    return check(
        load, QStringLiteral("sampled rows"), false,
        QStringLiteral("row %1 differs from the file").arg(RowValidator::idOfCopyLine(line)));
}

} // namespace qaconsole::etl
