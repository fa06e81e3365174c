#include "backend/tier/exportbundle.h"

#include "backend/cache/policyjson.h"
#include "backend/stack/privatefile.h"
#include "backend/tier/bundletexts.h"
#include "backend/tier/nginxconfig.h"
#include "backend/tier/tierpolicy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace qaconsole::tier {

namespace {

const QString kManifest = QStringLiteral("bundle.json");
const QString kManifestFormat = QStringLiteral("qaconsole-bundle");
const QString kSecretsFile = QStringLiteral("secrets.env");

using ExportError = Error<ExportErrorKind>;

QByteArray balancerConfig(const BundleInput& input)
{
    NginxPlan plan;
    plan.tierName = input.tier.name;
    plan.listenHost = input.hosts.balancer->host;
    plan.listenPort = input.hosts.balancer->port;
    plan.statusPort = input.hosts.statusPort;
    plan.workerProcesses = input.hosts.balancerCores;
    for (const HostPort& backend : input.hosts.backends)
        plan.upstreams.append({backend.host, backend.port});
    // Debian's nginx.conf runs the workers as www-data; this one replaces it.
    plan.user = QStringLiteral("www-data");
    return renderNginxConfig(plan);
}

// The paths of an earlier bundle in `dir`, from its manifest; nothing when `dir` holds no
// bundle. Paths that would leave the folder are dropped: the manifest is not trusted.
std::optional<QStringList> earlierBundle(const QDir& dir)
{
    QFile file(dir.filePath(kManifest));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject manifest = QJsonDocument::fromJson(file.readAll()).object();
    if (manifest.value(QStringLiteral("format")).toString() != kManifestFormat)
        return std::nullopt;
    QStringList files;
    for (const QJsonValue& value : manifest.value(QStringLiteral("files")).toArray()) {
        const QString path = QDir::cleanPath(value.toString());
        if (!path.isEmpty() && QDir::isRelativePath(path) && !path.startsWith(QLatin1String("..")))
            files << path;
    }
    return files;
}

std::optional<ExportError> writeFile(const QString& path, const QByteArray& content, bool secret)
{
    if (secret) {
        if (const auto written = stack::writePrivateFile(path, content); !written)
            return makeError(ExportErrorKind::Io, written.error().message);
        return std::nullopt;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                             QFileDevice::ReadGroup | QFileDevice::ReadOther) ||
        file.write(content) != content.size() || !file.commit())
        return makeError(ExportErrorKind::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return std::nullopt;
}

QByteArray manifest(const TierSpec& tier, const QStringList& files)
{
    const QJsonObject document{{QStringLiteral("format"), kManifestFormat},
                               {QStringLiteral("format_version"), 1},
                               {QStringLiteral("tier"), tier.name},
                               {QStringLiteral("files"), QJsonArray::fromStringList(files)}};
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

} // namespace

QList<BundleFile> renderBundle(const BundleInput& input)
{
    const bundle::Deployment d{input.tier, input.hosts, input.secrets, input.binary};
    QList<BundleFile> files{
        {QStringLiteral("README.md"), bundle::readme(d)},
        {kSecretsFile, input.secrets.toEnvFile(), true},
        {QStringLiteral("postgres/qaconsole.conf"), bundle::postgresConfig(d)},
        {QStringLiteral("postgres/pg_hba.conf"), bundle::postgresHba(d)},
        {QStringLiteral("postgres/create-role.sql"), bundle::postgresRoleSql(d), true}};
    if (input.hosts.redis)
        files.append({QStringLiteral("redis/redis.conf"), bundle::redisConfig(d), true});
    for (int index = 1; index <= input.hosts.backends.size(); ++index) {
        const QString folder = QStringLiteral("backend-%1/").arg(index);
        files.append({folder + bundle::unitName(index), bundle::serviceUnit(d, index)});
        files.append({folder + QStringLiteral("instance-%1.env").arg(index),
                      bundle::instanceEnvironment(d, index), true});
        if (!input.policyJson.isEmpty())
            files.append({folder + QStringLiteral("cache-policy.json"), input.policyJson});
    }
    if (input.hosts.balancer) {
        files.append({QStringLiteral("balancer/nginx.conf"), balancerConfig(input)});
        files.append({QStringLiteral("balancer/prometheus-nginx-exporter"),
                      bundle::nginxExporterDefaults(d)});
    }
    files.append({QStringLiteral("prometheus/qaconsole.yml"), bundle::prometheusScrapeConfig(d)});
    return files;
}

Result<ExportSummary, ExportErrorKind> exportBundle(const TierSpec& tier, const TierHosts& hosts,
                                                    const QString& dir, const QString& binary)
{
    BundleInput input{tier, hosts, BundleSecrets::generate(), {}, binary};
    if (tier.cache != TierCache::Off) {
        QString why;
        const auto policy = tierPolicy(tier, why);
        if (!policy)
            return makeError(ExportErrorKind::BadPolicy, why);
        input.policyJson = cache::policyToJson(*policy);
    }

    const QDir root(dir);
    QStringList earlier;
    ExportSummary summary;
    if (root.exists() && !root.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const auto files = earlierBundle(root);
        if (!files)
            return makeError(ExportErrorKind::NotABundle,
                             QStringLiteral("%1 is not empty and holds no earlier bundle (no "
                                            "bundle.json of qaconsole tier export): give an empty "
                                            "or new folder")
                                 .arg(dir));
        earlier = *files;
        QFile secrets(root.filePath(kSecretsFile));
        if (secrets.open(QIODevice::ReadOnly)) {
            if (const auto kept = BundleSecrets::fromEnvFile(secrets.readAll())) {
                input.secrets = *kept;
                summary.keptSecrets = true;
            }
        }
    } else if (!root.exists() &&
               (!QDir().mkpath(dir) ||
                !QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                QFileDevice::ExeOwner))) {
        return makeError(ExportErrorKind::Io,
                         QStringLiteral("cannot create the folder %1").arg(dir));
    }

    for (const BundleFile& file : renderBundle(input)) {
        const QString path = root.filePath(file.path);
        if (!QDir().mkpath(QFileInfo(path).path()))
            return makeError(
                ExportErrorKind::Io,
                QStringLiteral("cannot create the folder %1").arg(QFileInfo(path).path()));
        if (auto failed = writeFile(path, file.content, file.secret))
            return *failed;
        summary.files << file.path;
    }
    // What the earlier bundle had and this one has not (an instance fewer, no Redis now).
    for (const QString& stale : earlier) {
        if (summary.files.contains(stale) || stale == kManifest)
            continue;
        QFile::remove(root.filePath(stale));
        root.rmdir(QFileInfo(stale).path()); // only when it is empty now
    }
    if (auto failed = writeFile(root.filePath(kManifest), manifest(tier, summary.files), false))
        return *failed;
    summary.files << kManifest;
    return summary;
}

} // namespace qaconsole::tier
