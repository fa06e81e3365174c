#include "app/mixids.h"

#include "app/commandline.h"
#include "loadgen/databaseids.h"
#include "loadgen/pgidreader.h"
#include "loadgen/scenario.h"

namespace qaconsole::app {

std::optional<int> readDatabaseIds(loadgen::Scenario& scenario, const QCommandLineParser& parser,
                                   const QCommandLineParser& topLevel, const CommonOptions& common,
                                   const QString& command, bool quiet)
{
    const CommandService database =
        serviceForCommand(common, topLevel, parser, stack::ServiceKind::Postgres);
    if (database.exitCode)
        return database.exitCode;
    loadgen::PgIdReader reader(database.url);
    loadgen::LoadResult<loadgen::ResolvedIds> resolved =
        loadgen::resolveDatabaseIds(scenario.mix, reader);
    if (!resolved) {
        printErr(QStringLiteral("qaconsole: cannot read the mix's ids from the database: ") +
                 resolved.error().text());
        return ExitFailure;
    }
    scenario.mix = std::move(resolved->mix);
    if (!quiet)
        printErr(QStringLiteral("qaconsole %1: read %2 from the database")
                     .arg(command, resolved->summary));
    return std::nullopt;
}

} // namespace qaconsole::app
