#include "app/machinetier.h"

#include "app/commandline.h"
#include "backend/stack/localstack.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>

namespace qaconsole::app {

std::optional<MachineTier> machineTier(const QString& action, const QCommandLineParser& parser,
                                       const QCommandLineParser& topLevel,
                                       const CommonOptions& common)
{
    const stack::SettingsResult settings = common.loadSettings(topLevel, &parser);
    if (reportSettingsErrors(settings))
        return std::nullopt;
    for (const char* option : {"dsn", "redis"}) {
        if (parser.isSet(QLatin1String(option)) || topLevel.isSet(QLatin1String(option))) {
            usageError(QStringLiteral("%1 takes the database and Redis from the settings "
                                      "file, not --%2: the instances would show its password "
                                      "on their command lines")
                           .arg(action, QLatin1String(option)));
            return std::nullopt;
        }
    }
    MachineTier tier;
    tier.settings = settings.settings;
    tier.options.binary = QCoreApplication::applicationFilePath();
    tier.options.folder = QDir(settings.settings.dataDir).filePath(QStringLiteral("tier"));
    tier.options.stackArguments = {QStringLiteral("--data-dir"), settings.settings.dataDir,
                                   QStringLiteral("--settings"),
                                   common.settingsFile(topLevel, &parser)};
    return tier;
}

std::optional<QString> startTier(tier::TierRunner& runner, const MachineTier& machine,
                                 const tier::TierSpec& spec, tier::TierStatus& status,
                                 QStringList* versions)
{
    stack::LocalStack stack(machine.settings, stack::Starter::CommandLine);
    QList<stack::ServiceKind> services{stack::ServiceKind::Postgres};
    if (spec.cache == tier::TierCache::MemoryAndRedis)
        services << stack::ServiceKind::Redis;
    for (const stack::ServiceKind kind : services) {
        const stack::ServiceStatus service = stack.start(kind);
        if (service.state != stack::ServiceState::Running)
            return QStringLiteral("%1 did not start: %2")
                .arg(stack::serviceName(kind), service.message);
        if (versions) {
            // start() of a service already running may not ask its version; status() does.
            const QString version =
                service.version.isEmpty() ? stack.status(kind).version : service.version;
            if (!version.isEmpty())
                *versions << stack::serviceTitle(kind) + u' ' + version;
        }
    }
    return runner.up(spec, status);
}

} // namespace qaconsole::app
