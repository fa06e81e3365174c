#include "loadgen/pgidreader.h"

#include "pg/qaqueries.h"

#include <utility>

namespace qaconsole::loadgen {

namespace {

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
QString sampleSql(IdSource source)
{
    const Probe p = probeOf(source);
    return QStringLiteral("SELECT DISTINCT (SELECT t.%2 FROM %1 t WHERE %3 AND t.%2 >= p.id "
                          "ORDER BY t.%2 LIMIT 1) "
                          "FROM (SELECT r.lo + floor(random() * (r.hi - r.lo + 1))::bigint AS id "
                          "FROM (SELECT min(%2) AS lo, max(%2) AS hi FROM %1 WHERE %3) AS r, "
                          "generate_series(1, $1::int)) AS p")
        .arg(QLatin1String(p.table), QLatin1String(p.column), QLatin1String(p.filter));
}

// The largest id the sample's probe can find.
QString largestSql(IdSource source)
{
    const Probe p = probeOf(source);
    return QStringLiteral("SELECT max(%2) FROM %1 WHERE %3")
        .arg(QLatin1String(p.table), QLatin1String(p.column), QLatin1String(p.filter));
}

QString noTableMessage(const QString& table)
{
    return QStringLiteral("The database has no %1 table: load the dataset first (qaconsole etl, "
                          "or the Data load page).")
        .arg(table);
}

QString firstLine(const QString& message)
{
    return message.section(u'\n', 0, 0).trimmed();
}

// What a refused connection means for the person reading ids: whether the database has to be
// started or the connection string fixed.
LoadErrorKind connectKindOf(pg::ErrorKind kind)
{
    switch (kind) {
    case pg::ErrorKind::InvalidConnInfo:
    case pg::ErrorKind::AuthFailed:
    case pg::ErrorKind::NoDatabase:
        return LoadErrorKind::DatabaseRefused;
    default:
        return LoadErrorKind::DatabaseUnreachable;
    }
}

// A failed query: the connection gone is the database's state, anything else the query's.
LoadErrorKind queryKindOf(pg::ErrorKind kind)
{
    switch (kind) {
    case pg::ErrorKind::MissingTable:
        return LoadErrorKind::NothingLoaded;
    case pg::ErrorKind::ConnectionRefused:
    case pg::ErrorKind::ConnectionLost:
    case pg::ErrorKind::ServerUnavailable:
        return LoadErrorKind::DatabaseUnreachable;
    default:
        return LoadErrorKind::DatabaseQuery;
    }
}

} // namespace

PgIdReader::PgIdReader(QString dsn) : m_dsn(std::move(dsn)) {}

LoadStatus PgIdReader::connect()
{
    if (m_connection.connected())
        return {};
    // connect_timeout after the expanded dbname, so that it wins over the string's own.
    const pg::Status connected =
        m_connection.connect(m_dsn, {kConnectTimeoutSec, QByteArrayLiteral("qaconsole-loadtest")});
    if (!connected) {
        const pg::ErrorKind kind = connected.error().kind;
        return makeError(connectKindOf(kind),
                         kind == pg::ErrorKind::InvalidConnInfo
                             ? QStringLiteral("The PostgreSQL connection string is not valid.")
                             : QStringLiteral("Cannot connect to PostgreSQL to read ids: %1")
                                   .arg(firstLine(connected.error().message)));
    }
    const pg::Status set =
        m_connection.exec(QStringLiteral("SET statement_timeout = %1").arg(kStatementTimeoutMs));
    if (!set)
        return makeError(queryKindOf(set.error().kind),
                         QStringLiteral("Cannot prepare PostgreSQL to read ids: %1")
                             .arg(firstLine(set.error().message)));
    return {};
}

LoadResult<pg::Rows> PgIdReader::execute(IdSource source, const QString& sql,
                                         const QList<QByteArray>& params)
{
    if (const LoadStatus connected = connect(); !connected)
        return connected.error();
    const QString table = QLatin1String(probeOf(source).table);
    // Asked first rather than learnt from the error: a page that reads the ids as soon as the
    // database is up would otherwise put an ERROR line in PostgreSQL's log before every load.
    const pg::Result<bool> exists = pg::qa::tableExists(m_connection, table);
    if (exists && !exists.value())
        return makeError(LoadErrorKind::NothingLoaded, noTableMessage(table));
    pg::Result<pg::Rows> rows = m_connection.query(sql, params);
    if (rows)
        return std::move(rows.value());
    const LoadErrorKind kind = queryKindOf(rows.error().kind);
    if (kind == LoadErrorKind::NothingLoaded)
        return makeError(kind, noTableMessage(table));
    return makeError(kind, QStringLiteral("Cannot read %1 ids from the %2 table: %3")
                               .arg(idSourceNoun(source), table, firstLine(rows.error().message)));
}

LoadResult<std::vector<std::int64_t>> PgIdReader::read(IdSource source, int limit)
{
    const LoadResult<pg::Rows> rows =
        execute(source, sampleSql(source), {QByteArray::number(limit)});
    if (!rows)
        return rows.error();
    std::vector<std::int64_t> ids;
    ids.reserve(std::size_t(rows->count()));
    for (int row = 0; row < rows->count(); ++row)
        if (!rows->isNull(row, 0))
            ids.push_back(rows->number<std::int64_t>(row, 0));
    return ids;
}

LoadResult<std::int64_t> PgIdReader::largest(IdSource source)
{
    const LoadResult<pg::Rows> rows = execute(source, largestSql(source), {});
    if (!rows)
        return rows.error();
    if (rows->count() == 0 || rows->isNull(0, 0))
        return std::int64_t(0); // an empty table
    return rows->number<std::int64_t>(0, 0);
}

} // namespace qaconsole::loadgen
