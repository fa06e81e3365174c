#include "loadgen/pgidreader.h"

#include <cstdlib>
#include <libpq-fe.h>
#include <memory>
#include <utility>

namespace qaconsole::loadgen {

namespace {

using Result = std::unique_ptr<PGresult, decltype(&PQclear)>;

struct Probe
{
    const char* table;
    const char* column;
    const char* filter; // rows that count, as the API's index has them
};

Probe probeOf(IdSource source)
{
    switch (source) {
    case IdSource::Products:
        // The partial index of the questions of a product: products a listing finds something
        // for.
        return {"questions", "product_id", "NOT reported"};
    case IdSource::Questions:
        return {"questions", "id", "true"};
    case IdSource::Answers:
        return {"answers", "id", "true"};
    }
    return {"questions", "id", "true"};
}

// $1 random points over [min, max] of the column, each replaced by the first id at or after it.
// An empty table gives one NULL row.
QByteArray sampleSql(IdSource source)
{
    const Probe p = probeOf(source);
    return QStringLiteral("SELECT DISTINCT (SELECT t.%2 FROM %1 t WHERE %3 AND t.%2 >= p.id "
                          "ORDER BY t.%2 LIMIT 1) "
                          "FROM (SELECT r.lo + floor(random() * (r.hi - r.lo + 1))::bigint AS id "
                          "FROM (SELECT min(%2) AS lo, max(%2) AS hi FROM %1 WHERE %3) AS r, "
                          "generate_series(1, $1::int)) AS p")
        .arg(QLatin1String(p.table), QLatin1String(p.column), QLatin1String(p.filter))
        .toUtf8();
}

// The largest id the sample's probe can find.
QByteArray largestSql(IdSource source)
{
    const Probe p = probeOf(source);
    return QStringLiteral("SELECT max(%2) FROM %1 WHERE %3")
        .arg(QLatin1String(p.table), QLatin1String(p.column), QLatin1String(p.filter))
        .toUtf8();
}

QString noTableMessage(const QString& table)
{
    return QStringLiteral("The database has no %1 table: load the dataset first (qaconsole etl, "
                          "or the Data load page).")
        .arg(table);
}

QString firstLine(const char* message)
{
    return QString::fromUtf8(message).section(u'\n', 0, 0).trimmed();
}

// Runs `sql` with one parameter at most; null after saying why in `error` (a missing table as
// "load the dataset first").
Result execute(PGconn* connection, IdSource source, const QByteArray& sql,
               const QByteArray* parameter, QString* error)
{
    // Asked first rather than learnt from the error: a page that reads the ids as soon as the
    // database is up would otherwise put an ERROR line in PostgreSQL's log before every load.
    const char* tableName[] = {probeOf(source).table};
    const Result exists(PQexecParams(connection, "SELECT to_regclass($1) IS NOT NULL", 1, nullptr,
                                     tableName, nullptr, nullptr, 0),
                        &PQclear);
    if (PQresultStatus(exists.get()) == PGRES_TUPLES_OK && PQntuples(exists.get()) == 1 &&
        qstrcmp(PQgetvalue(exists.get(), 0, 0), "f") == 0) {
        if (error)
            *error = noTableMessage(QLatin1String(tableName[0]));
        return Result(nullptr, &PQclear);
    }
    const char* params[] = {parameter ? parameter->constData() : nullptr};
    Result result(PQexecParams(connection, sql.constData(), parameter ? 1 : 0, nullptr, params,
                               nullptr, nullptr, 0),
                  &PQclear);
    if (PQresultStatus(result.get()) == PGRES_TUPLES_OK)
        return result;
    const char* state = PQresultErrorField(result.get(), PG_DIAG_SQLSTATE);
    const QString table = QString::fromLatin1(probeOf(source).table);
    if (error && state && qstrcmp(state, "42P01") == 0) // undefined_table
        *error = noTableMessage(table);
    else if (error)
        *error =
            QStringLiteral("Cannot read %1 ids from the %2 table: %3")
                .arg(idSourceNoun(source), table, firstLine(PQresultErrorMessage(result.get())));
    return Result(nullptr, &PQclear);
}

} // namespace

PgIdReader::PgIdReader(QString dsn) : m_dsn(std::move(dsn)) {}

PgIdReader::~PgIdReader()
{
    PQfinish(m_connection);
}

bool PgIdReader::connect(QString* error)
{
    if (m_connection && PQstatus(m_connection) == CONNECTION_OK)
        return true;
    PQfinish(m_connection);
    m_connection = nullptr;
    const QByteArray conninfo = m_dsn.toUtf8();
    // Some libpq parse errors quote the connection string, which may hold a password.
    char* parseError = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.constData(), &parseError);
    PQfreemem(parseError);
    if (!options) {
        *error = QStringLiteral("The PostgreSQL connection string is not valid.");
        return false;
    }
    PQconninfoFree(options);
    // connect_timeout after the expanded dbname, so that it wins over the string's own.
    const QByteArray timeout = QByteArray::number(kConnectTimeoutSec);
    const char* keys[] = {"fallback_application_name", "dbname", "connect_timeout", nullptr};
    const char* values[] = {"qaconsole-loadtest", conninfo.constData(), timeout.constData(),
                            nullptr};
    m_connection = PQconnectdbParams(keys, values, 1);
    if (PQstatus(m_connection) != CONNECTION_OK) {
        *error = QStringLiteral("Cannot connect to PostgreSQL to read ids: %1")
                     .arg(firstLine(PQerrorMessage(m_connection)));
        return false;
    }
    PQsetNoticeProcessor(
        m_connection, [](void*, const char*) {}, nullptr);
    const QByteArray set = "SET statement_timeout = " + QByteArray::number(kStatementTimeoutMs);
    const Result result(PQexec(m_connection, set.constData()), &PQclear);
    if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) {
        *error = QStringLiteral("Cannot prepare PostgreSQL to read ids: %1")
                     .arg(firstLine(PQresultErrorMessage(result.get())));
        return false;
    }
    return true;
}

std::vector<std::int64_t> PgIdReader::read(IdSource source, int limit, QString* error)
{
    std::vector<std::int64_t> ids;
    QString why;
    if (!connect(&why)) {
        if (error)
            *error = why;
        return ids;
    }
    const QByteArray count = QByteArray::number(limit);
    const Result result = execute(m_connection, source, sampleSql(source), &count, error);
    if (!result)
        return ids;
    ids.reserve(std::size_t(PQntuples(result.get())));
    for (int row = 0; row < PQntuples(result.get()); ++row)
        if (!PQgetisnull(result.get(), row, 0))
            ids.push_back(std::strtoll(PQgetvalue(result.get(), row, 0), nullptr, 10));
    return ids;
}

std::optional<std::int64_t> PgIdReader::largest(IdSource source, QString* error)
{
    QString why;
    if (!connect(&why)) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    const Result result = execute(m_connection, source, largestSql(source), nullptr, error);
    if (!result)
        return std::nullopt;
    if (PQntuples(result.get()) == 0 || PQgetisnull(result.get(), 0, 0))
        return 0; // an empty table
    return std::strtoll(PQgetvalue(result.get(), 0, 0), nullptr, 10);
}

} // namespace qaconsole::loadgen
