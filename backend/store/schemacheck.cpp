#include "backend/store/schemacheck.h"

#include "pg/connection.h"
#include "pg/conninfo.h"
#include "pg/qaqueries.h"
#include "pg/qaschema.h"

namespace qaconsole::store {

namespace {

const QString kRunEtl = QStringLiteral("run `qaconsole etl --source DIR` first");

QString joined(const QStringList& parts)
{
    QString text;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (i > 0)
            text += i + 1 == parts.size() ? QStringLiteral(" and ") : QStringLiteral(", ");
        text += parts[i];
    }
    return text;
}

QString describe(const pg::qa::SchemaReport& report)
{
    if (report.noTables())
        return QStringLiteral("The database holds no Q&A data (no tables %1): %2.")
            .arg(joined(pg::qa::tableNames()), kRunEtl);
    QString text;
    if (!report.missingTables.isEmpty())
        text = QStringLiteral("The database lacks the table%1 %2. ")
                   .arg(report.missingTables.size() > 1 ? QStringLiteral("s") : QString(),
                        joined(report.missingTables));
    if (!report.problems.isEmpty())
        text += QStringLiteral("The Q&A tables do not have the expected columns: %1. ")
                    .arg(joined(report.problems));
    if (!text.isEmpty())
        text += QStringLiteral("To load them, %1.").arg(kRunEtl);
    return text;
}

QString firstLine(const QString& text)
{
    return text.section(u'\n', 0, 0).trimmed();
}

} // namespace

std::string checkSchema(const std::string& dsn)
{
    const auto conninfo = pg::rewriteConnInfo(dsn, {5, {{"application_name", "qaconsole-api"}}});
    if (!conninfo)
        return "The PostgreSQL connection string is not valid: " +
               conninfo.error().message.toStdString() + ".";
    pg::Connection connection;
    if (const pg::Status connected = connection.connect(QString::fromStdString(conninfo.value()));
        !connected)
        return "Cannot read the schema from PostgreSQL: " +
               firstLine(connected.error().message).toStdString();
    const pg::Result<pg::qa::SchemaReport> report = pg::qa::inspectSchema(connection);
    if (!report)
        return "Cannot read the schema from PostgreSQL: " +
               firstLine(report.error().message).toStdString();
    return describe(report.value()).toStdString();
}

} // namespace qaconsole::store
