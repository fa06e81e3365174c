#include "app/stackcommand.h"

#include "app/commandline.h"
#include "backend/stack/localstack.h"
#include "pg/redact.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>

namespace qaconsole::app {

namespace {

using stack::ServiceKind;
using stack::ServiceState;
using stack::ServiceStatus;

constexpr ServiceKind kAll[] = {ServiceKind::Postgres, ServiceKind::Redis};

QString clientUrl(const stack::LocalStack& stack, ServiceKind kind)
{
    return kind == ServiceKind::Postgres ? stack.postgresDsn() : stack.redisUrl();
}

void printHuman(const stack::LocalStack& stack, const ServiceStatus& status)
{
    const bool up = status.state == ServiceState::Running;
    QString line = QStringLiteral("%1 %2").arg(stack::serviceTitle(status.kind).leftJustified(11),
                                               stack::stateName(status.state).leftJustified(12));
    if (!status.address.isEmpty())
        line += status.address.leftJustified(18);
    if (!status.version.isEmpty())
        line += status.version;
    if (status.external)
        line += QStringLiteral("  (external)");
    printOut(line.trimmed());
    if (up)
        printOut(QStringLiteral("  ") + pg::redactSecrets(clientUrl(stack, status.kind)));
    if (!status.message.isEmpty())
        printOut(QStringLiteral("  ") + status.message.split(u'\n').join(QStringLiteral("\n  ")));
    if (!up && !status.logFile.isEmpty() && status.state != ServiceState::Stopped)
        printOut(QStringLiteral("  log: ") + status.logFile);
}

QJsonObject toJson(const stack::LocalStack& stack, const ServiceStatus& status)
{
    // The URL carries the password: this output is for scripts that connect, and goes to stdout
    // only, never to a log. "error" names the kind of failure, so a script can tell a missing
    // server or a port in use from one that did not answer.
    return QJsonObject{
        {QStringLiteral("state"), stack::stateName(status.state)},
        {QStringLiteral("external"), status.external},
        {QStringLiteral("address"), status.address},
        {QStringLiteral("version"), status.version},
        {QStringLiteral("pid"), status.pid},
        {QStringLiteral("started_at"),
         status.startedAt.isValid() ? status.startedAt.toString(Qt::ISODateWithMs) : QString()},
        {QStringLiteral("log_file"), status.logFile},
        {QStringLiteral("message"), status.message},
        {QStringLiteral("error"),
         status.failure ? QJsonValue(QLatin1String(supervise::errorKindName(*status.failure)))
                        : QJsonValue()},
        {QStringLiteral("url"), clientUrl(stack, status.kind)},
    };
}

struct Options
{
    QCommandLineOption json{QStringLiteral("json"),
                            QStringLiteral("Print the state, addresses and connection URLs "
                                           "(with passwords) as JSON, for scripts.")};
    QCommandLineOption help = helpOption();
};

CommandLineSpec commandLine(const Options& options, const CommonOptions& common)
{
    CommandLineSpec spec;
    spec.summary = QStringLiteral("the managed local PostgreSQL and Redis");
    spec.description =
        QStringLiteral("Start, stop or show the managed local PostgreSQL and Redis.\n"
                       "Services started here keep running until `qaconsole stack stop`.");
    spec.positionals = {{QStringLiteral("action"), QStringLiteral("start, stop or status"),
                         QStringLiteral("start|stop|status")}};
    spec.actions = {
        {QStringLiteral("start")}, {QStringLiteral("stop")}, {QStringLiteral("status")}};
    spec.options = QList<QCommandLineOption>{options.json, options.help} + common.options();
    return spec;
}

} // namespace

CommandLineSpec stackCommandLine(const CommonOptions& common)
{
    return commandLine(Options{}, common);
}

int runStackCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                    const CommonOptions& common)
{
    QCommandLineParser parser;
    const Options options;
    if (const auto done = parseCommandLine(parser, commandLine(options, common), arguments,
                                           options.help, QStringLiteral("qaconsole stack")))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(QStringLiteral("stack needs one action: start, stop or status"));
    const QString action = positional.first();
    if (action != u"start" && action != u"stop" && action != u"status")
        return usageError(
            QStringLiteral("unknown stack action '%1' (start, stop, status)").arg(action));

    const stack::SettingsResult settings = common.loadSettings(topLevel, &parser);
    if (reportSettingsErrors(settings))
        return ExitUsage;

    stack::LocalStack stack(settings.settings, stack::Starter::CommandLine);
    bool ok = true;
    QJsonObject document{{QStringLiteral("data_dir"), settings.settings.dataDir}};
    for (ServiceKind kind : kAll) {
        ServiceStatus status;
        if (action == u"start")
            status = stack.start(kind);
        else if (action == u"stop")
            status = stack.stop(kind);
        else
            status = stack.status(kind);
        const bool wanted = action == u"stop" ? status.state != ServiceState::Failed
                                              : status.state == ServiceState::Running;
        ok = ok && (wanted || action == u"status");
        if (parser.isSet(options.json))
            document.insert(stack::serviceName(kind), toJson(stack, status));
        else
            printHuman(stack, status);
    }
    if (parser.isSet(options.json))
        printOut(
            QString::fromUtf8(QJsonDocument(document).toJson(QJsonDocument::Indented)).trimmed());
    else if (action != u"stop")
        printOut(QStringLiteral("Data folder: %1\nConnection URLs with passwords: qaconsole stack "
                                "status --json")
                     .arg(settings.settings.dataDir));
    return ok ? ExitOk : ExitFailure;
}

} // namespace qaconsole::app
