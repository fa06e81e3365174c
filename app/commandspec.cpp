#include "app/commandspec.h"

#include "app/cachecommand.h"
#include "app/capacitycommand.h"
#include "app/commandline.h"
#include "app/etlcommand.h"
#include "app/gencommand.h"
#include "app/loadtestcommand.h"
#include "app/servecommand.h"
#include "app/stackcommand.h"
#include "app/tiercommand.h"

#include <QCommandLineParser>

#include <algorithm>

namespace qaconsole::app {

void CommandLineSpec::applyTo(QCommandLineParser& parser) const
{
    parser.setApplicationDescription(description);
    for (const PositionalSpec& positional : positionals)
        parser.addPositionalArgument(positional.name, positional.description, positional.syntax);
    parser.addOptions(options);
}

QString CommandLineSpec::actionSyntax() const
{
    QStringList names;
    for (const ActionSpec& action : actions)
        names << action.name;
    return names.join(u'|');
}

TopLevelOptions::TopLevelOptions()
    : help(helpOption()),
      version({QStringLiteral("v"), QStringLiteral("version")}, QStringLiteral("Show the version."))
{}

QCommandLineOption helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                              QStringLiteral("Show this help."));
}

QList<CommandSpec> commandSpecs()
{
    return {
        {QStringLiteral("stack"), stackCommandLine, runStackCommand},
        {QStringLiteral("gen"), genCommandLine, runGenCommand},
        {QStringLiteral("etl"), etlCommandLine, runEtlCommand},
        {QStringLiteral("serve"), serveCommandLine, runServeCommand},
        {QStringLiteral("cache"), cacheCommandLine, runCacheCommand},
        {QStringLiteral("loadtest"), loadtestCommandLine, runLoadtestCommand},
        {QStringLiteral("tier"), tierCommandLine, runTierCommand},
        {QStringLiteral("capacity"), capacityCommandLine, runCapacityCommand},
    };
}

CommandLineSpec topLevelCommandLine(const TopLevelOptions& options, const CommonOptions& common)
{
    // "  stack start|stop|status   the managed local PostgreSQL and Redis"
    QStringList names;
    QList<std::pair<QString, QString>> rows;
    for (const CommandSpec& command : commandSpecs()) {
        const CommandLineSpec spec = command.commandLine(common);
        names << command.name;
        rows.append({QString(command.name + u' ' + spec.actionSyntax()).trimmed(), spec.summary});
    }
    qsizetype width = 0;
    for (const auto& row : rows)
        width = std::max(width, row.first.size());
    QString list;
    for (const auto& [name, summary] : rows)
        list += QStringLiteral("  ") + name.leftJustified(width + 2) + summary + u'\n';

    CommandLineSpec spec;
    spec.summary = QStringLiteral("Q&A Backend Console");
    spec.description = QStringLiteral("Q&A Backend Console. With no command it opens the window."
                                      "\n\nCommands:\n") +
                       list +
                       QStringLiteral("\nRun 'qaconsole COMMAND --help' for a command's "
                                      "options.");
    // Everything after the command belongs to the command's own parser.
    const QString last = names.takeLast();
    spec.positionals = {{QStringLiteral("command"),
                         names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last,
                         QStringLiteral("[command [options]]")}};
    spec.options = QList<QCommandLineOption>{options.help, options.version} + common.options();
    return spec;
}

} // namespace qaconsole::app
