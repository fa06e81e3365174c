#pragma once

#include "app/commandspec.h"
#include "backend/stack/servicestatus.h"
#include "backend/stack/stacksettings.h"
#include "core/fielderror.h"

#include <QCommandLineOption>
#include <QList>

#include <optional>

class QCommandLineParser;

namespace qaconsole::app {

// Exit codes shared by every subcommand.
enum ExitCode
{
    ExitOk = 0,
    ExitFailure = 1,
    ExitUsage = 2,
    ExitInterrupted = 130, // stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report it)
};

// The options every subcommand and the window accept: where the stack lives and, for external
// mode, where PostgreSQL and Redis are.
class CommonOptions
{
public:
    // Which defaults the descriptions name: this user's folders (--help), or the rule for every
    // user on Linux (the man page, written once at build time by whoever builds).
    enum class Defaults
    {
        ThisUser,
        Documented
    };

    explicit CommonOptions(Defaults defaults = Defaults::ThisUser);
    QList<QCommandLineOption> options() const;

    // Settings file plus command-line overrides. `later` (a subcommand's parser) wins over
    // `earlier` (the top-level one) when both set an option.
    stack::SettingsResult loadSettings(const QCommandLineParser& earlier,
                                       const QCommandLineParser* later = nullptr) const;
    // The settings file those settings come from (absolute).
    QString settingsFile(const QCommandLineParser& earlier,
                         const QCommandLineParser* later = nullptr) const;

private:
    QCommandLineOption m_settingsFile;
    QCommandLineOption m_dataDir;
    QCommandLineOption m_dsn;
    QCommandLineOption m_redis;
};

// Prints every settings error, one line each, and that nothing was started. True when there
// were errors (the command then exits with ExitUsage).
bool reportSettingsErrors(const stack::SettingsResult& settings);

// The settings a command's line chose (the top-level parser's options, then the command's) and
// one service's address from them: the managed one (started, or found running, and left running
// for what comes next) or the external one of --dsn / --redis. When there is none,
// `exitCode` says how the command ends, after the reason was printed (bad settings: ExitUsage;
// the service not available: ExitFailure).
struct CommandService
{
    stack::StackSettings settings;
    QString url;
    std::optional<int> exitCode;
};
CommandService serviceForCommand(const CommonOptions& common, const QCommandLineParser& topLevel,
                                 const QCommandLineParser& parser, stack::ServiceKind kind);

// Redis for a command with settings already loaded: the managed one (started, or found running,
// and left running for what comes next) or that of --redis. Empty after printing why it is not
// available.
QString redisForCommand(const stack::StackSettings& settings);

// Every mistake of a file a user wrote, one line each with its field; returns ExitFailure.
int reportFieldErrors(const QString& path, const core::FieldErrors& errors);

// "qaconsole: <reason>" on stderr; returns ExitUsage.
int usageError(const QString& reason);

// The parser's help with `usage` ("qaconsole stack") as the program name, whatever argv[0] was.
QString helpText(const QCommandLineParser& parser, const QString& usage);

// Fills `parser` from `spec`, parses a command's arguments and answers --help (`help`) with
// helpText(parser, usage). The exit code when the command ends here (bad options: ExitUsage;
// help: ExitOk), else nothing.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const CommandLineSpec& spec,
                                    const QStringList& arguments, const QCommandLineOption& help,
                                    const QString& usage);

// Writes a line to stdout / stderr (UTF-8).
void printOut(const QString& line);
void printErr(const QString& line);

} // namespace qaconsole::app
