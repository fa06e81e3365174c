#include "app/tierexportcommand.h"

#include "app/commandline.h"
#include "app/tierargument.h"
#include "backend/tier/exportbundle.h"
#include "backend/tier/hostsfile.h"

#include <QCommandLineParser>
#include <QDir>

namespace qaconsole::app {

namespace {

const QString kHosts = QStringLiteral("hosts");
const QString kOut = QStringLiteral("out");

} // namespace

QList<QCommandLineOption> tierExportOptions()
{
    return {{kHosts,
             QStringLiteral("export: the hosts file (docs/tiers.md, \"Exporting a tier\")."),
             QStringLiteral("FILE")},
            {kOut,
             QStringLiteral("export: the bundle's folder, new, empty or an earlier bundle "
                            "(its passwords are kept); compare: the report's folder."),
             QStringLiteral("DIR")}};
}

int runTierExport(const QStringList& rest, const QString& tiersPath,
                  const QCommandLineParser& parser)
{
    if (rest.size() != 2)
        return usageError(QStringLiteral("export takes the name of one tier (qaconsole tier "
                                         "list), --hosts FILE and --out DIR"));
    if (!parser.isSet(kHosts) || !parser.isSet(kOut))
        return usageError(QStringLiteral("export needs --hosts FILE and --out DIR"));
    const QString name = rest.at(1);
    int exitCode = ExitOk;
    const std::optional<tier::TierSpec> spec = tierNamed(tiersPath, name, exitCode);
    if (!spec)
        return exitCode;
    const QString hostsPath = parser.value(kHosts);
    const tier::HostsParseResult hosts = tier::loadHostsFile(hostsPath, *spec);
    if (!hosts.hosts)
        return reportFieldErrors(hostsPath, hosts.errors);

    const QString out = QDir(parser.value(kOut)).absolutePath();
    const auto exported = tier::exportBundle(*spec, *hosts.hosts, out);
    if (!exported) {
        printErr(QStringLiteral("qaconsole: ") + exported.error().text());
        return exported.error().kind == tier::ExportErrorKind::NotABundle ? ExitUsage : ExitFailure;
    }
    printOut(QStringLiteral("Wrote the bundle of the tier \"%1\" into %2: %3 files, %4.")
                 .arg(spec->name, out)
                 .arg(exported->files.size())
                 .arg(exported->keptSecrets
                          ? QStringLiteral("the passwords of the earlier bundle kept")
                          : QStringLiteral("new passwords in secrets.env (0600)")));
    printOut(QStringLiteral("Next: the steps of %1, host by host.")
                 .arg(QDir(out).filePath(QStringLiteral("README.md"))));
    return ExitOk;
}

} // namespace qaconsole::app
