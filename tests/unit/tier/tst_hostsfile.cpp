// The hosts file of `tier export`: a file for the tier of three instances behind nginx with Redis
// is read with its defaults, and every mistake is reported with its field, all of them at once:
// a hosts list that does not match the tier's instances, a part the tier has not (or lacks),
// addresses that are not IP addresses, privileged backend ports, names unfit for SQL, fields
// that do not exist (a password, say), two services on one address, a newer format.

#include "backend/tier/hostsfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole;
using namespace Qt::StringLiterals;

namespace {

// "3 instances + nginx + Redis": three instances behind nginx, sharing Redis.
tier::TierSpec threeBehindNginx()
{
    return tier::builtInTiers().at(2);
}

QJsonObject validHosts()
{
    return QJsonObject{
        {u"format"_s, u"qaconsole-hosts"_s},
        {u"format_version"_s, 1},
        {u"balancer"_s, QJsonObject{{u"host"_s, u"10.0.0.10"_s}}},
        {u"backends"_s, QJsonArray{QJsonObject{{u"host"_s, u"10.0.0.11"_s}},
                                   QJsonObject{{u"host"_s, u"10.0.0.12"_s}, {u"port"_s, 9000}},
                                   QJsonObject{{u"host"_s, u"10.0.0.13"_s}}}},
        {u"redis"_s, QJsonObject{{u"host"_s, u"10.0.0.20"_s}, {u"maxmemory_mb"_s, 1024}}},
        {u"postgres"_s, QJsonObject{{u"host"_s, u"10.0.0.30"_s}}}};
}

tier::HostsParseResult parse(const QJsonObject& hosts,
                             const tier::TierSpec& spec = threeBehindNginx())
{
    return tier::parseHostsJson(QJsonDocument(hosts).toJson(), spec);
}

// The fields the errors name.
QStringList fields(const tier::HostsParseResult& result)
{
    QStringList names;
    for (const core::FieldError& error : result.errors)
        names << error.field;
    return names;
}

QString texts(const tier::HostsParseResult& result)
{
    QStringList lines;
    for (const core::FieldError& error : result.errors)
        lines << error.text();
    return lines.join(u'\n');
}

// `object` with `value` at key `key` of its member `member`.
QJsonObject with(QJsonObject object, const QString& member, const QString& key,
                 const QJsonValue& value)
{
    QJsonObject inner = object.value(member).toObject();
    inner.insert(key, value);
    object.insert(member, inner);
    return object;
}

} // namespace

class TestHostsFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsAFileWithItsDefaults()
    {
        const tier::HostsParseResult result = parse(validHosts());
        QVERIFY2(result.hosts, qPrintable(texts(result)));
        const tier::TierHosts& hosts = *result.hosts;
        QCOMPARE(hosts.balancer, (tier::HostPort{u"10.0.0.10"_s, 80}));
        QCOMPARE(hosts.statusPort, 8081);
        QCOMPARE(hosts.balancerCores, 2);
        QCOMPARE(hosts.backends,
                 (QList<tier::HostPort>{
                     {u"10.0.0.11"_s, 8080}, {u"10.0.0.12"_s, 9000}, {u"10.0.0.13"_s, 8080}}));
        QCOMPARE(hosts.redis, (tier::HostPort{u"10.0.0.20"_s, 6379}));
        QCOMPARE(hosts.redisMaxMemoryMb, 1024);
        QCOMPARE(hosts.postgres, (tier::HostPort{u"10.0.0.30"_s, 5432}));
        QCOMPARE(hosts.database, u"qa"_s);
        QCOMPARE(hosts.user, u"qaconsole"_s);
        QVERIFY(hosts.postgresTls);
    }

    void readsEveryOptionalField()
    {
        QJsonObject hosts = with(validHosts(), u"balancer"_s, u"status_port"_s, 9090);
        hosts = with(hosts, u"balancer"_s, u"cores"_s, 8);
        hosts = with(hosts, u"postgres"_s, u"database"_s, u"shop_qa"_s);
        hosts = with(hosts, u"postgres"_s, u"user"_s, u"qa_app"_s);
        hosts = with(hosts, u"postgres"_s, u"port"_s, 6432);
        hosts = with(hosts, u"postgres"_s, u"tls"_s, false);
        hosts = with(hosts, u"redis"_s, u"port"_s, 6380);
        const tier::HostsParseResult result = parse(hosts);
        QVERIFY2(result.hosts, qPrintable(texts(result)));
        QCOMPARE(result.hosts->statusPort, 9090);
        QCOMPARE(result.hosts->balancerCores, 8);
        QCOMPARE(result.hosts->database, u"shop_qa"_s);
        QCOMPARE(result.hosts->user, u"qa_app"_s);
        QCOMPARE(result.hosts->postgres.port, 6432);
        QVERIFY(!result.hosts->postgresTls);
        QCOMPARE(result.hosts->redis->port, 6380);
    }

    void oneBackendPerInstance()
    {
        QJsonObject hosts = validHosts();
        hosts.insert(u"backends"_s, QJsonArray{QJsonObject{{u"host"_s, u"10.0.0.11"_s}}});
        const tier::HostsParseResult result = parse(hosts);
        QVERIFY(!result.hosts);
        QCOMPARE(fields(result), QStringList{u"backends"_s});
        QVERIFY2(texts(result).contains(u"must list 3 hosts"_s), qPrintable(texts(result)));
        QVERIFY(texts(result).contains(u"it lists 1"_s));
    }

    void thePartsTheTierHas()
    {
        // The tier has nginx and Redis: both are needed.
        QJsonObject hosts = validHosts();
        hosts.remove(u"balancer"_s);
        hosts.remove(u"redis"_s);
        tier::HostsParseResult result = parse(hosts);
        QVERIFY(!result.hosts);
        QCOMPARE(fields(result), (QStringList{u"balancer"_s, u"redis"_s}));
        QVERIFY2(texts(result).contains(u"balancer: is missing"_s), qPrintable(texts(result)));

        // One instance without a cache or a balancer: neither may be given.
        const tier::TierSpec single = tier::builtInTiers().at(0);
        hosts = validHosts();
        hosts.insert(u"backends"_s, QJsonArray{QJsonObject{{u"host"_s, u"10.0.0.11"_s}}});
        result = parse(hosts, single);
        QVERIFY(!result.hosts);
        QCOMPARE(fields(result), (QStringList{u"balancer"_s, u"redis"_s}));
        QVERIFY2(texts(result).contains(u"redis: must be left out: the tier \"Single instance\" "
                                        "does not use Redis"_s),
                 qPrintable(texts(result)));
        hosts.remove(u"balancer"_s);
        hosts.remove(u"redis"_s);
        QVERIFY2(parse(hosts, single).hosts, qPrintable(texts(parse(hosts, single))));
    }

    void everyMistakeWithItsField()
    {
        QJsonObject hosts = validHosts();
        hosts.insert(u"backends"_s,
                     QJsonArray{QJsonObject{{u"host"_s, u"web-1.internal"_s}},
                                QJsonObject{{u"host"_s, u"10.0.0.12"_s}, {u"port"_s, 80}},
                                QJsonObject{{u"host"_s, u"10.0.0.13"_s}}});
        hosts = with(hosts, u"redis"_s, u"host"_s, u"0.0.0.0"_s);
        hosts = with(hosts, u"postgres"_s, u"database"_s, u"Q&A"_s);
        hosts = with(hosts, u"postgres"_s, u"user"_s, u"1st"_s);
        hosts = with(hosts, u"postgres"_s, u"password"_s, u"secret"_s);
        hosts = with(hosts, u"postgres"_s, u"tls"_s, u"yes"_s);
        hosts = with(hosts, u"balancer"_s, u"cores"_s, 0);
        hosts.insert(u"prometheus"_s, QJsonObject{});
        const tier::HostsParseResult result = parse(hosts);
        QVERIFY(!result.hosts);
        const QStringList named = fields(result);
        for (const QString& field :
             {u"backends[0].host"_s, u"backends[1].port"_s, u"redis.host"_s, u"postgres.database"_s,
              u"postgres.user"_s, u"postgres.password"_s, u"postgres.tls"_s, u"balancer.cores"_s,
              u"prometheus"_s})
            QVERIFY2(named.contains(field), qPrintable(field + u" not in:\n"_s + texts(result)));
        QCOMPARE(named.size(), 9);
        QVERIFY(texts(result).contains(u"backends[0].host: \"web-1.internal\" is not the IP "
                                       "address of a host"_s));
        QVERIFY(texts(result).contains(u"postgres.password: is not a known field"_s));
    }

    void noTwoServicesOnOneAddress()
    {
        QJsonObject hosts = with(validHosts(), u"redis"_s, u"host"_s, u"10.0.0.11"_s);
        hosts = with(hosts, u"redis"_s, u"port"_s, 8080);
        hosts = with(hosts, u"balancer"_s, u"status_port"_s, 80);
        const tier::HostsParseResult result = parse(hosts);
        QVERIFY(!result.hosts);
        QCOMPARE(fields(result), (QStringList{u"redis"_s, u"balancer.status_port"_s}));
        QVERIFY2(texts(result).contains(u"10.0.0.11:8080 is also the address of backends[0]"_s),
                 qPrintable(texts(result)));
    }

    void theFormatAndItsVersion()
    {
        QJsonObject hosts = validHosts();
        hosts.insert(u"format"_s, u"qaconsole-tiers"_s);
        hosts.insert(u"format_version"_s, 2);
        const tier::HostsParseResult result = parse(hosts);
        QVERIFY(!result.hosts);
        QCOMPARE(fields(result), (QStringList{u"format"_s, u"format_version"_s}));
        QVERIFY(!tier::parseHostsJson("{", threeBehindNginx()).hosts);
    }

    void readsTheFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(u"hosts.json"_s);
        QVERIFY(!tier::loadHostsFile(path, threeBehindNginx()).hosts); // not there
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(validHosts()).toJson());
        file.close();
        QVERIFY(tier::loadHostsFile(path, threeBehindNginx()).hosts);
    }
};

QTEST_APPLESS_MAIN(TestHostsFile)
#include "tst_hostsfile.moc"
