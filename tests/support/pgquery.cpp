#include "tests/support/pgquery.h"

#include "pg/connection.h"

namespace qaconsole::testing {

QList<QStringList> queryRows(const QString& dsn, const QString& sql, QString* error)
{
    pg::Connection connection;
    if (const pg::Status connected = connection.connect(dsn, {5, {}}); !connected) {
        if (error)
            *error = connected.error().message;
        return {};
    }
    const pg::Result<pg::Rows> rows = connection.query(sql);
    if (!rows) {
        if (error)
            *error = rows.error().message;
        return {};
    }
    return rows->texts();
}

QString qaTableCounts(const QString& dsn)
{
    const QList<QStringList> rows = queryRows(
        dsn,
        QStringLiteral("SELECT 'questions=' || (SELECT count(*) FROM questions) || ' answers=' ||"
                       " (SELECT count(*) FROM answers) || ' answers_photos=' ||"
                       " (SELECT count(*) FROM answers_photos)"));
    return rows.isEmpty() ? QString() : rows.first().value(0);
}

QString queryOne(const QString& dsn, const QString& sql)
{
    QString error;
    const QList<QStringList> rows = queryRows(dsn, sql, &error);
    if (!error.isEmpty())
        return QStringLiteral("error: ") + error;
    return rows.size() == 1 ? rows[0].join(u'|') : QStringLiteral("(%1 rows)").arg(rows.size());
}

QString execSql(const QString& dsn, const QString& sql)
{
    pg::Connection connection;
    pg::Status done = connection.connect(dsn, {5, {}});
    if (done)
        done = connection.exec(sql);
    return done ? QString() : done.error().message;
}

} // namespace qaconsole::testing
