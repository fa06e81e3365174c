#include "app/commandline.h"

#include "backend/stack/localstack.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QSettings>

#include <cstdio>

namespace qaconsole::app {

CommonOptions::CommonOptions(Defaults defaults)
    : m_settingsFile(QStringLiteral("settings"),
                     QStringLiteral("Settings file to use (default: %1).")
                         .arg(defaults == Defaults::ThisUser
                                  ? stack::defaultSettingsFile()
                                  : QStringLiteral("~/.config/qaconsole/qaconsole.ini")),
                     QStringLiteral("FILE")),
      m_dataDir(QStringLiteral("data-dir"),
                QStringLiteral("Folder of the managed stack (default: %1). Several folders give "
                               "independent stacks.")
                    .arg(defaults == Defaults::ThisUser
                             ? stack::defaultDataDir()
                             : QStringLiteral("~/.local/share/qaconsole; /var/lib/qaconsole as "
                                              "root")),
                QStringLiteral("DIR")),
      m_dsn(QStringLiteral("dsn"),
            QStringLiteral("Use this PostgreSQL instead of starting one (libpq connection "
                           "string or postgresql:// URL)."),
            QStringLiteral("CONNINFO")),
      m_redis(
          QStringLiteral("redis"),
          QStringLiteral("Use this Redis instead of starting one (redis://[:password@]host:port)."),
          QStringLiteral("URL"))
{}

QList<QCommandLineOption> CommonOptions::options() const
{
    return {m_settingsFile, m_dataDir, m_dsn, m_redis};
}

stack::SettingsResult CommonOptions::loadSettings(const QCommandLineParser& earlier,
                                                  const QCommandLineParser* later) const
{
    auto value = [&](const QCommandLineOption& option) -> std::optional<QString> {
        if (later && later->isSet(option))
            return later->value(option);
        if (earlier.isSet(option))
            return earlier.value(option);
        return std::nullopt;
    };
    const QString file = value(m_settingsFile).value_or(stack::defaultSettingsFile());
    QSettings settings(file, QSettings::IniFormat);
    stack::SettingsResult result =
        stack::loadStackSettings(settings, {value(m_dataDir), value(m_dsn), value(m_redis)});
    if (settings.status() != QSettings::NoError)
        result.errors.prepend(QStringLiteral("%1: cannot be read as an INI file").arg(file));
    return result;
}

QString CommonOptions::settingsFile(const QCommandLineParser& earlier,
                                    const QCommandLineParser* later) const
{
    const QString file = later && later->isSet(m_settingsFile) ? later->value(m_settingsFile)
                         : earlier.isSet(m_settingsFile)       ? earlier.value(m_settingsFile)
                                                               : stack::defaultSettingsFile();
    return QFileInfo(file).absoluteFilePath();
}

bool reportSettingsErrors(const stack::SettingsResult& settings)
{
    if (settings.ok())
        return false;
    for (const QString& error : settings.errors)
        printErr(QStringLiteral("qaconsole: ") + error);
    printErr(QStringLiteral("qaconsole: nothing was started; fix the settings above"));
    return true;
}

namespace {

QString serviceForCommand(const stack::StackSettings& settings, stack::ServiceKind kind)
{
    stack::LocalStack localStack(settings, stack::Starter::CommandLine);
    const stack::ServiceStatus status = localStack.start(kind);
    if (status.state == stack::ServiceState::Running)
        return kind == stack::ServiceKind::Postgres ? localStack.postgresDsn()
                                                    : localStack.redisUrl();
    printErr(QStringLiteral("qaconsole: %1 is not available: %2")
                 .arg(kind == stack::ServiceKind::Postgres ? QStringLiteral("PostgreSQL")
                                                           : QStringLiteral("Redis"),
                      status.message));
    return {};
}

} // namespace

QString redisForCommand(const stack::StackSettings& settings)
{
    return serviceForCommand(settings, stack::ServiceKind::Redis);
}

CommandService serviceForCommand(const CommonOptions& common, const QCommandLineParser& topLevel,
                                 const QCommandLineParser& parser, stack::ServiceKind kind)
{
    const stack::SettingsResult loaded = common.loadSettings(topLevel, &parser);
    CommandService service{loaded.settings, {}, std::nullopt};
    if (reportSettingsErrors(loaded)) {
        service.exitCode = ExitUsage;
        return service;
    }
    service.url = serviceForCommand(service.settings, kind);
    if (service.url.isEmpty())
        service.exitCode = ExitFailure;
    return service;
}

int reportFieldErrors(const QString& path, const core::FieldErrors& errors)
{
    for (const core::FieldError& error : errors)
        printErr(QStringLiteral("qaconsole: %1: %2").arg(path, error.text()));
    return ExitFailure;
}

int usageError(const QString& reason)
{
    printErr(QStringLiteral("qaconsole: ") + reason);
    return ExitUsage;
}

QString helpText(const QCommandLineParser& parser, const QString& usage)
{
    QString text = parser.helpText();
    const qsizetype lineEnd = text.indexOf(u'\n');
    const QString firstLine = text.left(lineEnd);
    // "Usage: <program> [options] ...": keep what follows the program name.
    const qsizetype options = firstLine.indexOf(QLatin1String(" ["));
    text.replace(0, lineEnd, QStringLiteral("Usage: ") + usage + firstLine.mid(options));
    return text;
}

std::optional<int> parseCommandLine(QCommandLineParser& parser, const CommandLineSpec& spec,
                                    const QStringList& arguments, const QCommandLineOption& help,
                                    const QString& usage)
{
    spec.applyTo(parser);
    if (!parser.parse(arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        printOut(helpText(parser, usage));
        return ExitOk;
    }
    return std::nullopt;
}

void printOut(const QString& line)
{
    std::fputs((line + u'\n').toUtf8().constData(), stdout);
    std::fflush(stdout);
}

void printErr(const QString& line)
{
    std::fputs((line + u'\n').toUtf8().constData(), stderr);
    std::fflush(stderr);
}

} // namespace qaconsole::app
