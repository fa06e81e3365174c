#pragma once

#include <QString>
#include <QStringList>

#include <optional>

class QSettings;

namespace qaconsole::stack {

// Everything the managed stack needs to know. Read from the settings file (keys documented in
// docs/settings.md), then overridden by the command line.
struct PostgresSettings
{
    QString dsn;    // external mode when set: nothing is started
    QString binDir; // where initdb/pg_ctl/postgres live; searched for when empty
    int port = 0;   // 0: a free loopback port, kept across restarts
    QString serviceUser = QStringLiteral("postgres"); // runs the server when we are root
    int startTimeoutSec = 30;
};

struct RedisSettings
{
    QString url;        // external mode when set: nothing is started
    QString serverPath; // redis-server; searched for when empty
    int port = 0;       // 0: a free loopback port, kept across restarts
    // Runs the server when we are root; empty: "redis" where that user exists (Debian's
    // redis-server package creates it), else postgres/service_user.
    QString serviceUser;
    QString maxMemory = QStringLiteral("256mb");
    QString maxMemoryPolicy = QStringLiteral("allkeys-lru");
    int startTimeoutSec = 15;
};

struct StackSettings
{
    QString dataDir; // absolute; holds the cluster, the Redis files, the logs and the state
    PostgresSettings postgres;
    RedisSettings redis;
};

// What the command line may override. Unset fields leave the settings file's value.
struct SettingsOverrides
{
    std::optional<QString> dataDir;
    std::optional<QString> dsn;
    std::optional<QString> redisUrl;
};

// Settings plus every problem found, each naming its key. Nothing may start while `errors` is
// not empty.
struct SettingsResult
{
    StackSettings settings;
    QStringList errors;
    bool ok() const { return errors.isEmpty(); }
};

SettingsResult loadStackSettings(QSettings& file, const SettingsOverrides& overrides);

// The settings file used when none is given: QStandardPaths' config folder, qaconsole.ini.
QString defaultSettingsFile();

// The data folder used when none is given: QStandardPaths' application data folder. As root on
// Unix it is /var/lib/qaconsole instead, because the unprivileged user that runs PostgreSQL
// cannot traverse root's home.
QString defaultDataDir();

} // namespace qaconsole::stack
