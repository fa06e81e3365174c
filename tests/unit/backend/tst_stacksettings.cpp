// Settings file parsing and validation: every bad key is named, good values pass through, the
// command line wins over the file.

#include "backend/stack/stacksettings.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole::stack;

class TestStackSettings : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    SettingsResult load(const QMap<QString, QString>& values,
                        const SettingsOverrides& overrides = {})
    {
        const QString path = m_dir.filePath(QStringLiteral("settings-%1.ini").arg(++m_files));
        {
            QSettings file(path, QSettings::IniFormat);
            for (auto it = values.begin(); it != values.end(); ++it)
                file.setValue(it.key(), it.value());
        }
        QSettings file(path, QSettings::IniFormat);
        return loadStackSettings(file, overrides);
    }
    int m_files = 0;

private Q_SLOTS:
    void defaultsAreValid()
    {
        const SettingsResult result = load({});
        QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.settings.postgres.port, 0);
        QCOMPARE(result.settings.redis.maxMemory, QStringLiteral("256mb"));
        QCOMPARE(result.settings.redis.maxMemoryPolicy, QStringLiteral("allkeys-lru"));
        QVERIFY(result.settings.postgres.dsn.isEmpty());
        QCOMPARE(result.settings.dataDir, QDir::cleanPath(defaultDataDir()));
    }

    void readsEveryKey()
    {
        const SettingsResult result =
            load({{QStringLiteral("stack/data_dir"), m_dir.filePath(QStringLiteral("stackA"))},
                  {QStringLiteral("postgres/port"), QStringLiteral("6000")},
                  {QStringLiteral("postgres/service_user"), QStringLiteral("pgrunner")},
                  {QStringLiteral("postgres/start_timeout_s"), QStringLiteral("45")},
                  {QStringLiteral("redis/port"), QStringLiteral("6001")},
                  {QStringLiteral("redis/maxmemory"), QStringLiteral("1GB")},
                  {QStringLiteral("redis/maxmemory_policy"), QStringLiteral("allkeys-lfu")}});
        QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.settings.dataDir, m_dir.filePath(QStringLiteral("stackA")));
        QCOMPARE(result.settings.postgres.port, 6000);
        QCOMPARE(result.settings.postgres.serviceUser, QStringLiteral("pgrunner"));
        QCOMPARE(result.settings.postgres.startTimeoutSec, 45);
        QCOMPARE(result.settings.redis.port, 6001);
        QCOMPARE(result.settings.redis.maxMemory, QStringLiteral("1gb"));
        QCOMPARE(result.settings.redis.maxMemoryPolicy, QStringLiteral("allkeys-lfu"));
    }

    void badValuesNameTheirKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("port not a number") << "postgres/port"
                                           << "fifty";
        QTest::newRow("port out of range") << "redis/port"
                                           << "70000";
        QTest::newRow("timeout zero") << "postgres/start_timeout_s"
                                      << "0";
        QTest::newRow("memory size") << "redis/maxmemory"
                                     << "12 apples";
        QTest::newRow("policy") << "redis/maxmemory_policy"
                                << "sometimes";
        QTest::newRow("redis url scheme") << "redis/url"
                                          << "http://127.0.0.1:6379";
        QTest::newRow("redis url no host") << "redis/url"
                                           << "redis://";
        QTest::newRow("dsn") << "postgres/dsn"
                             << "host=127.0.0.1 port";
        QTest::newRow("bin dir") << "postgres/bin_dir"
                                 << "/no/such/folder";
        QTest::newRow("server path") << "redis/server_path"
                                     << "/no/such/redis-server";
    }

    void badValuesNameTheirKey()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        const SettingsResult result = load({{key, value}});
        QCOMPARE(result.errors.size(), 1);
        QVERIFY2(result.errors.first().startsWith(key + u':'), qPrintable(result.errors.first()));
    }

    void samePortTwiceIsAnError()
    {
        const SettingsResult result =
            load({{QStringLiteral("postgres/port"), QStringLiteral("7000")},
                  {QStringLiteral("redis/port"), QStringLiteral("7000")}});
        QCOMPARE(result.errors.size(), 1);
        QVERIFY(result.errors.first().startsWith(QStringLiteral("redis/port")));
    }

    void commandLineOverridesTheFile()
    {
        const SettingsResult result = load(
            {{QStringLiteral("stack/data_dir"), QStringLiteral("/from/file")},
             {QStringLiteral("redis/url"), QStringLiteral("redis://file-host:1")}},
            {m_dir.filePath(QStringLiteral("cli")), QStringLiteral("host=db.example port=5433"),
             QStringLiteral("redis://:pw@cache.example:6380/2")});
        QVERIFY2(result.ok(), qPrintable(result.errors.join(u'\n')));
        QCOMPARE(result.settings.dataDir, m_dir.filePath(QStringLiteral("cli")));
        QCOMPARE(result.settings.postgres.dsn, QStringLiteral("host=db.example port=5433"));
        QCOMPARE(result.settings.redis.url, QStringLiteral("redis://:pw@cache.example:6380/2"));
    }

    void relativeDataDirBecomesAbsolute()
    {
        const SettingsResult result = load({}, {QStringLiteral("rel/stack"), {}, {}});
        QVERIFY(QDir::isAbsolutePath(result.settings.dataDir));
        QVERIFY(result.settings.dataDir.endsWith(QStringLiteral("rel/stack")));
    }
};

QTEST_GUILESS_MAIN(TestStackSettings)
#include "tst_stacksettings.moc"
