// Redis URLs as the cache and the stack read them. (The masking of passwords in them is
// pg/redact.h: tests/unit/pg/tst_pgredact.cpp.)

#include "backend/endpoint/redisendpoint.h"

#include <QTest>

using namespace qaconsole::endpoint;

class TestRedisEndpoint : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesRedisUrls()
    {
        const auto full = parseRedisUrl(QStringLiteral("redis://alice:pw@cache.local:6390/3"));
        QVERIFY(full);
        QCOMPARE(full->host, QStringLiteral("cache.local"));
        QCOMPARE(full->port, 6390);
        QCOMPARE(full->username, QStringLiteral("alice"));
        QCOMPARE(full->password, QStringLiteral("pw"));
        QCOMPARE(full->database, 3);

        const auto plain = parseRedisUrl(QStringLiteral("redis://127.0.0.1"));
        QVERIFY(plain);
        QCOMPARE(plain->port, 6379);
        QVERIFY(plain->password.isEmpty());
        QCOMPARE(plain->toUrl(), QStringLiteral("redis://127.0.0.1:6379"));

        const auto bad = parseRedisUrl(QStringLiteral("redis://h/notanumber"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, ErrorKind::BadUrl);
        QCOMPARE(bad.error().field, QStringLiteral("database"));
        QVERIFY(bad.error().message.contains(QStringLiteral("database")));
        QCOMPARE(parseRedisUrl(QStringLiteral("http://h")).error().field, QStringLiteral("scheme"));
    }

    // Found by fuzz_conninfo: a URL written back must name the same user and password, also
    // when the password holds '%' or an escaped '@', and when a user has no password.
    void urlsWrittenBackReadTheSame()
    {
        const auto escaped =
            parseRedisUrl(QStringLiteral("redis://cache:p%40ss%25word@[::1]:6380/2"));
        QVERIFY(escaped);
        QCOMPARE(escaped->password, QStringLiteral("p@ss%word"));
        for (const RedisEndpoint& endpoint :
             {escaped.value(), RedisEndpoint{QStringLiteral("h"), 1, QStringLiteral("u"), {}, 0},
              RedisEndpoint{QStringLiteral("h"), 1, {}, QStringLiteral("%41/: @"), 4}}) {
            const auto again = parseRedisUrl(endpoint.toUrl());
            QVERIFY2(again, qPrintable(endpoint.toUrl()));
            QCOMPARE(again->host, endpoint.host);
            QCOMPARE(again->username, endpoint.username);
            QCOMPARE(again->password, endpoint.password);
            QCOMPARE(again->database, endpoint.database);
        }
    }
};

QTEST_GUILESS_MAIN(TestRedisEndpoint)
#include "tst_redisendpoint.moc"
