#include "backend/stack/stacksettings.h"

#include "backend/endpoint/redisendpoint.h"
#include "pg/conninfo.h"

#include <QDir>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace qaconsole::stack {

namespace {

// Reads an integer key; a present but malformed value is an error rather than a silent default.
int readInt(QSettings& file, const QString& key, int fallback, int min, int max,
            QStringList& errors)
{
    const QVariant value = file.value(key);
    if (!value.isValid() || value.toString().trimmed().isEmpty())
        return fallback;
    bool ok = false;
    const int number = value.toString().trimmed().toInt(&ok);
    if (!ok || number < min || number > max) {
        errors << QStringLiteral("%1: '%2' is not a whole number from %3 to %4")
                      .arg(key, value.toString())
                      .arg(min)
                      .arg(max);
        return fallback;
    }
    return number;
}

QString readString(QSettings& file, const QString& key, const QString& fallback)
{
    const QString value = file.value(key).toString().trimmed();
    return value.isEmpty() ? fallback : value;
}

bool isRedisMemorySize(const QString& text)
{
    static const QRegularExpression size(QStringLiteral("^[0-9]+(b|k|kb|m|mb|g|gb)?$"),
                                         QRegularExpression::CaseInsensitiveOption);
    return size.match(text).hasMatch();
}

const QStringList& redisPolicies()
{
    static const QStringList policies{
        QStringLiteral("allkeys-lru"),    QStringLiteral("allkeys-lfu"),
        QStringLiteral("volatile-lru"),   QStringLiteral("volatile-lfu"),
        QStringLiteral("allkeys-random"), QStringLiteral("volatile-random"),
        QStringLiteral("volatile-ttl"),   QStringLiteral("noeviction")};
    return policies;
}

} // namespace

SettingsResult loadStackSettings(QSettings& file, const SettingsOverrides& overrides)
{
    SettingsResult result;
    StackSettings& s = result.settings;
    QStringList& errors = result.errors;
    const StackSettings defaults;

    s.dataDir = overrides.dataDir.value_or(readString(file, QStringLiteral("stack/data_dir"), {}));
    if (s.dataDir.isEmpty())
        s.dataDir = defaultDataDir();
    s.dataDir = QDir::cleanPath(QDir(s.dataDir).absolutePath());

    s.postgres.dsn = overrides.dsn.value_or(readString(file, QStringLiteral("postgres/dsn"), {}));
    s.postgres.binDir = readString(file, QStringLiteral("postgres/bin_dir"), {});
    s.postgres.port = readInt(file, QStringLiteral("postgres/port"), 0, 0, 65535, errors);
    s.postgres.serviceUser =
        readString(file, QStringLiteral("postgres/service_user"), defaults.postgres.serviceUser);
    s.postgres.startTimeoutSec = readInt(file, QStringLiteral("postgres/start_timeout_s"),
                                         defaults.postgres.startTimeoutSec, 1, 600, errors);
    if (!s.postgres.dsn.isEmpty()) {
        if (const pg::Status parsed = pg::checkConnInfo(s.postgres.dsn); !parsed)
            errors << QStringLiteral("postgres/dsn: %1").arg(parsed.error().message);
    }
    if (!s.postgres.binDir.isEmpty() && !QFileInfo(s.postgres.binDir).isDir())
        errors << QStringLiteral("postgres/bin_dir: '%1' is not a folder").arg(s.postgres.binDir);

    s.redis.url = overrides.redisUrl.value_or(readString(file, QStringLiteral("redis/url"), {}));
    s.redis.serverPath = readString(file, QStringLiteral("redis/server_path"), {});
    s.redis.port = readInt(file, QStringLiteral("redis/port"), 0, 0, 65535, errors);
    s.redis.serviceUser = readString(file, QStringLiteral("redis/service_user"), {});
    s.redis.maxMemory =
        readString(file, QStringLiteral("redis/maxmemory"), defaults.redis.maxMemory).toLower();
    s.redis.maxMemoryPolicy =
        readString(file, QStringLiteral("redis/maxmemory_policy"), defaults.redis.maxMemoryPolicy);
    s.redis.startTimeoutSec = readInt(file, QStringLiteral("redis/start_timeout_s"),
                                      defaults.redis.startTimeoutSec, 1, 600, errors);
    if (!isRedisMemorySize(s.redis.maxMemory))
        errors << QStringLiteral("redis/maxmemory: '%1' is not a size like 256mb or 1gb")
                      .arg(s.redis.maxMemory);
    if (!redisPolicies().contains(s.redis.maxMemoryPolicy))
        errors << QStringLiteral("redis/maxmemory_policy: '%1' is not one of %2")
                      .arg(s.redis.maxMemoryPolicy, redisPolicies().join(QStringLiteral(", ")));
    if (!s.redis.serverPath.isEmpty() && !QFileInfo(s.redis.serverPath).isExecutable())
        errors << QStringLiteral("redis/server_path: '%1' is not an executable file")
                      .arg(s.redis.serverPath);
    if (!s.redis.url.isEmpty()) {
        if (const auto parsed = endpoint::parseRedisUrl(s.redis.url); !parsed)
            errors << QStringLiteral("redis/url: %1").arg(parsed.error().message);
    }
    if (s.postgres.port != 0 && s.postgres.port == s.redis.port)
        errors << QStringLiteral("redis/port: %1 is already postgres/port").arg(s.redis.port);
    return result;
}

QString defaultSettingsFile()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation))
        .filePath(QStringLiteral("qaconsole.ini"));
}

QString defaultDataDir()
{
#ifdef Q_OS_UNIX
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/qaconsole");
#endif
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

} // namespace qaconsole::stack
