// The bundle of `tier export`, for a tier of two instances behind nginx with Redis on hosts
// 10.0.0.x: every file is there, the secrets are 0600 and the rest 0644 on disk, no password is
// in any file but the secret ones (not in a unit, not in nginx.conf, not even in redis.conf or
// the SQL, which hold only hashes), the units are hardened and take their connection strings
// from their environment files, nginx (`nginx -t`) and systemd (`systemd-analyze verify`)
// accept what they are given, and a folder is written only when new, empty or an earlier
// bundle, whose passwords are kept and whose surplus files go.

#include "backend/tier/exportbundle.h"
#include "net/freeport.h"
#include "tests/support/exportedconfig.h"
#include "tests/support/stackfixture.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole;
using namespace Qt::StringLiterals;

namespace {

tier::TierSpec twoBehindNginx()
{
    tier::TierSpec spec;
    spec.name = u"Two + nginx + Redis"_s;
    spec.instances = 2;
    spec.threads = 4;
    spec.cache = tier::TierCache::MemoryAndRedis;
    spec.policyPreset = u"Balanced"_s;
    spec.balancer = tier::TierBalancer::Nginx;
    return spec;
}

tier::TierHosts hosts()
{
    tier::TierHosts hosts;
    hosts.balancer = tier::HostPort{u"10.0.0.10"_s, 80};
    hosts.backends = {{u"10.0.0.11"_s, 8080}, {u"10.0.0.12"_s, 8080}};
    hosts.redis = tier::HostPort{u"10.0.0.20"_s, 6379};
    hosts.postgres = {u"10.0.0.30"_s, 5432};
    return hosts;
}

tier::BundleInput input()
{
    return {twoBehindNginx(), hosts(), tier::BundleSecrets::generate(), "{}", u"/bin/true"_s};
}

QMap<QString, tier::BundleFile> byPath(const QList<tier::BundleFile>& files)
{
    QMap<QString, tier::BundleFile> map;
    for (const tier::BundleFile& file : files)
        map.insert(file.path, file);
    return map;
}

QString text(const QMap<QString, tier::BundleFile>& files, const QString& path)
{
    return QString::fromUtf8(files.value(path).content);
}

QString program(const QString& name)
{
    const QString onPath = QStandardPaths::findExecutable(name);
    return onPath.isEmpty() ? QStandardPaths::findExecutable(name, {u"/usr/sbin"_s, u"/sbin"_s})
                            : onPath;
}

QFile::Permissions mode(const QString& path)
{
    return QFileInfo(path).permissions() & (QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                            QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup |
                                            QFile::ReadOther | QFile::WriteOther | QFile::ExeOther);
}

const QFile::Permissions kSecret = QFile::ReadOwner | QFile::WriteOwner;
const QFile::Permissions kPublic = kSecret | QFile::ReadGroup | QFile::ReadOther;

} // namespace

class TestExportBundle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFileWithItsSecrecy()
    {
        QStringList secrets;
        QStringList paths;
        for (const tier::BundleFile& file : tier::renderBundle(input())) {
            paths << file.path;
            if (file.secret)
                secrets << file.path;
        }
        QCOMPARE(
            paths,
            (QStringList{u"README.md"_s, u"secrets.env"_s, u"postgres/qaconsole.conf"_s,
                         u"postgres/pg_hba.conf"_s, u"postgres/create-role.sql"_s,
                         u"redis/redis.conf"_s, u"backend-1/qaconsole-instance-1.service"_s,
                         u"backend-1/instance-1.env"_s, u"backend-1/cache-policy.json"_s,
                         u"backend-2/qaconsole-instance-2.service"_s, u"backend-2/instance-2.env"_s,
                         u"backend-2/cache-policy.json"_s, u"balancer/nginx.conf"_s,
                         u"balancer/prometheus-nginx-exporter"_s, u"prometheus/qaconsole.yml"_s}));
        QCOMPARE(secrets, (QStringList{u"secrets.env"_s, u"postgres/create-role.sql"_s,
                                       u"redis/redis.conf"_s, u"backend-1/instance-1.env"_s,
                                       u"backend-2/instance-2.env"_s}));
    }

    void passwordsOnlyInTheSecretFiles()
    {
        const tier::BundleInput in = input();
        const QStringList passwords{in.secrets.postgresPassword, in.secrets.redisPassword,
                                    in.secrets.redisAdminPassword};
        for (const tier::BundleFile& file : tier::renderBundle(in)) {
            const QString content = QString::fromUtf8(file.content);
            const bool holdsOne =
                std::any_of(passwords.begin(), passwords.end(),
                            [&](const QString& p) { return content.contains(p); });
            // redis.conf and the SQL are secret for their hashes, yet hold no password.
            const bool mayHold = file.path == u"secrets.env"_s || file.path.endsWith(u".env"_s);
            QVERIFY2(holdsOne == mayHold, qPrintable(file.path));
        }
        const auto files = byPath(tier::renderBundle(in));
        QVERIFY(text(files, u"backend-1/instance-1.env"_s)
                    .contains(u"QACONSOLE_DSN=postgresql://qaconsole:%1@10.0.0.30:5432/qa?"
                              "sslmode=require"_s.arg(in.secrets.postgresPassword)));
        QVERIFY(text(files, u"backend-2/instance-2.env"_s)
                    .contains(u"QACONSOLE_REDIS_URL=redis://qaconsole:%1@10.0.0.20:6379\n"_s.arg(
                        in.secrets.redisPassword)));
        QCOMPARE(tier::BundleSecrets::fromEnvFile(files.value(u"secrets.env"_s).content),
                 in.secrets);
    }

    void hardenedUnitsWithoutConnectionStrings()
    {
        const auto files = byPath(tier::renderBundle(input()));
        const QString unit = text(files, u"backend-2/qaconsole-instance-2.service"_s);
        for (const QString& line :
             {u"DynamicUser=yes"_s, u"NoNewPrivileges=yes"_s, u"ProtectSystem=strict"_s,
              u"PrivateTmp=yes"_s, u"Restart=on-failure"_s, u"RestartSec=2s"_s,
              u"After=network-online.target"_s, u"Wants=network-online.target"_s,
              u"EnvironmentFile=/etc/qaconsole/instance-2.env"_s,
              u"StateDirectory=qaconsole/instance-2"_s, u"CapabilityBoundingSet=\n"_s,
              u"ExecStart=/bin/true serve --bind 10.0.0.12 --port 8080 --threads 4 "
              "--cache-policy /etc/qaconsole/cache-policy.json --data-dir "
              "/var/lib/qaconsole/instance-2 --settings /etc/qaconsole/qaconsole.ini\n"_s})
            QVERIFY2(unit.contains(line), qPrintable(line));
        QVERIFY(!unit.contains(u"--dsn"_s));
        QVERIFY(!unit.contains(u"--redis"_s));
        QVERIFY(!unit.contains(u"postgresql://"_s));
    }

    void theOtherEngines()
    {
        const tier::BundleInput in = input();
        const auto files = byPath(tier::renderBundle(in));
        const QString redis = text(files, u"redis/redis.conf"_s);
        for (const QString& line :
             {u"\nbind 10.0.0.20 127.0.0.1\n"_s, u"\nport 6379\n"_s, u"\nprotected-mode yes\n"_s,
              u"\nuser default off\n"_s, u"\nmaxmemory 256mb\n"_s,
              u"\nmaxmemory-policy allkeys-lru\n"_s, u"\nsave \"\"\n"_s, u"\nappendonly no\n"_s,
              u"\nuser qaconsole on #"_s, u" ~* &* -@all +get +set "_s,
              u"\nuser qaconsole-admin on #"_s})
            QVERIFY2(redis.contains(line), qPrintable(line));

        const QString hba = text(files, u"postgres/pg_hba.conf"_s);
        QVERIFY(hba.contains(u"hostssl qa qaconsole 10.0.0.11/32 scram-sha-256\n"_s));
        QVERIFY(hba.contains(u"hostssl qa qaconsole 10.0.0.12/32 scram-sha-256\n"_s));
        QVERIFY(hba.contains(u"hostnossl qa qaconsole all reject\n"_s));
        QVERIFY(text(files, u"postgres/qaconsole.conf"_s)
                    .contains(u"listen_addresses = 'localhost,10.0.0.30'\n"_s));
        const QString sql = text(files, u"postgres/create-role.sql"_s);
        QVERIFY(sql.contains(u"ALTER ROLE qaconsole LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                             "PASSWORD 'SCRAM-SHA-256$4096:"_s));
        QVERIFY(sql.contains(u"CREATE DATABASE qa OWNER qaconsole"_s));

        const QString prometheus = text(files, u"prometheus/qaconsole.yml"_s);
        QVERIFY(prometheus.contains(u"- targets: [\"10.0.0.11:8080\", \"10.0.0.12:8080\"]"_s));
        QVERIFY(prometheus.contains(u"- targets: [\"10.0.0.10:9113\"]"_s));
        QVERIFY(text(files, u"balancer/prometheus-nginx-exporter"_s)
                    .contains(u"--nginx.scrape-uri=http://127.0.0.1:8081/nginx_status"_s));

        const QString nginx = text(files, u"balancer/nginx.conf"_s);
        QVERIFY(nginx.contains(u"listen 10.0.0.10:80 backlog=4096;"_s));
        QVERIFY(nginx.contains(u"server 10.0.0.11:8080 "_s));
        QVERIFY(nginx.contains(u"server 10.0.0.12:8080 "_s));
        QVERIFY(nginx.contains(u"user www-data;"_s));

        const QString readme = text(files, u"README.md"_s);
        const qsizetype postgres = readme.indexOf(u"PostgreSQL host: 10.0.0.30"_s);
        const qsizetype redisStep = readme.indexOf(u"Redis host: 10.0.0.20"_s);
        const qsizetype backend = readme.indexOf(u"Backend host 1: 10.0.0.11"_s);
        const qsizetype balancer = readme.indexOf(u"Balancer host: 10.0.0.10"_s);
        QVERIFY(postgres > 0 && postgres < redisStep && redisStep < backend && backend < balancer);
    }

    void withoutCacheOrBalancer()
    {
        tier::BundleInput in = input();
        in.tier = tier::TierSpec{};
        in.tier.name = u"Single instance"_s;
        in.hosts.balancer.reset();
        in.hosts.redis.reset();
        in.hosts.backends.removeLast();
        in.hosts.postgresTls = false;
        in.policyJson.clear();
        const auto files = byPath(tier::renderBundle(in));
        QVERIFY(!files.contains(u"redis/redis.conf"_s));
        QVERIFY(!files.contains(u"balancer/nginx.conf"_s));
        QVERIFY(!files.contains(u"backend-1/cache-policy.json"_s));
        QVERIFY(text(files, u"backend-1/qaconsole-instance-1.service"_s)
                    .contains(u" --threads 1 --no-cache --data-dir"_s));
        QVERIFY(!text(files, u"backend-1/instance-1.env"_s).contains(u"QACONSOLE_REDIS_URL"_s));
        QVERIFY(text(files, u"postgres/pg_hba.conf"_s)
                    .contains(u"host    qa qaconsole 10.0.0.11/32 scram-sha-256\n"_s));
        QVERIFY(!text(files, u"postgres/pg_hba.conf"_s).contains(u"reject"_s));
    }

    // nginx's own check of the exported file, with only the test machine's paths changed.
    void nginxAcceptsIt()
    {
        const QString nginx = program(u"nginx"_s);
        QVERIFY2(!nginx.isEmpty(), "nginx is not installed (scripts/test installs nginx-light)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        testing::makeReachableTempDir(dir);
        QVERIFY(QDir(dir.path()).mkpath(u"tmp"_s));
        // nginx -t binds the listener: the balancer on this machine's loopback.
        tier::BundleInput in = input();
        const auto port = net::pickFreeLoopbackPort();
        QVERIFY(port);
        in.hosts.balancer = tier::HostPort{u"127.0.0.1"_s, int(port.value())};
        const auto files = byPath(tier::renderBundle(in));
        QFile file(dir.filePath(u"nginx.conf"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            testing::nginxConfigHere(files.value(u"balancer/nginx.conf"_s).content, dir.path()));
        file.close();
        QProcess check;
        check.start(nginx, testing::nginxArgumentsHere(dir.path(), {u"-t"_s, u"-q"_s}));
        QVERIFY(check.waitForFinished(30000));
        QVERIFY2(check.exitCode() == 0, check.readAllStandardError().constData());
    }

    // systemd's own check of the units (unknown keys, bad values, a missing binary).
    void systemdAcceptsThem()
    {
        const QString analyze = program(u"systemd-analyze"_s);
        if (analyze.isEmpty())
            QSKIP("systemd-analyze is not installed");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto files = byPath(tier::renderBundle(input()));
        for (int index = 1; index <= 2; ++index) {
            const QString name = u"qaconsole-instance-%1.service"_s.arg(index);
            QFile unit(dir.filePath(name));
            QVERIFY(unit.open(QIODevice::WriteOnly));
            unit.write(files.value(u"backend-%1/%2"_s.arg(index).arg(name)).content);
            unit.close();
            QProcess verify;
            verify.start(analyze, {u"verify"_s, unit.fileName()});
            QVERIFY(verify.waitForFinished(60000));
            const QByteArray output =
                verify.readAllStandardOutput() + verify.readAllStandardError();
            QVERIFY2(verify.exitCode() == 0 && output.trimmed().isEmpty(), output.constData());
        }
    }

    void writesTheFolderWithModes()
    {
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        const QString dir = parent.filePath(u"bundle"_s);
        const auto written = tier::exportBundle(twoBehindNginx(), hosts(), dir);
        QVERIFY2(written, qPrintable(written.errorText()));
        QVERIFY(!written->keptSecrets);
        QCOMPARE(mode(dir), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QMap<QString, tier::BundleFile> expected = byPath(tier::renderBundle(input()));
        for (const tier::BundleFile& file : expected) {
            const QString path = QDir(dir).filePath(file.path);
            QVERIFY2(QFile::exists(path), qPrintable(path));
            QCOMPARE(mode(path), file.secret ? kSecret : kPublic);
        }
        QCOMPARE(written->files.size(), expected.size() + 1);
        QCOMPARE(mode(QDir(dir).filePath(u"bundle.json"_s)), kPublic);
    }

    void againIntoAnEarlierBundleOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY2(tier::exportBundle(twoBehindNginx(), hosts(), dir.path()),
                 "the first export into an empty folder");
        QFile secrets(dir.filePath(u"secrets.env"_s));
        QVERIFY(secrets.open(QIODevice::ReadOnly));
        const QByteArray first = secrets.readAll();
        secrets.close();

        // Again, with one instance fewer and no Redis: the passwords stay, backend-2 goes.
        tier::TierSpec one;
        one.name = u"Single instance"_s;
        tier::TierHosts fewer = hosts();
        fewer.backends.removeLast();
        fewer.balancer.reset();
        fewer.redis.reset();
        const auto again = tier::exportBundle(one, fewer, dir.path());
        QVERIFY2(again, qPrintable(again.errorText()));
        QVERIFY(again->keptSecrets);
        QVERIFY(secrets.open(QIODevice::ReadOnly));
        QCOMPARE(secrets.readAll(), first);
        QVERIFY(!QFileInfo::exists(dir.filePath(u"backend-2"_s)));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"redis"_s)));
        QVERIFY(!QFileInfo::exists(dir.filePath(u"balancer/nginx.conf"_s)));
        QVERIFY(QFileInfo::exists(dir.filePath(u"backend-1/instance-1.env"_s)));

        // A folder with anything else in it is refused, and left as it was.
        QTemporaryDir other;
        QVERIFY(other.isValid());
        QFile mine(other.filePath(u"notes.txt"_s));
        QVERIFY(mine.open(QIODevice::WriteOnly));
        mine.close();
        const auto refused = tier::exportBundle(one, fewer, other.path());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, tier::ExportErrorKind::NotABundle);
        QCOMPARE(QDir(other.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList{u"notes.txt"_s});
    }
};

QTEST_APPLESS_MAIN(TestExportBundle)
#include "tst_exportbundle.moc"
