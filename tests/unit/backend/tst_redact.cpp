// Passwords never reach a log or a screen: every connection-string form is masked, the rest
// is kept.

#include "backend/endpoint/redact.h"
#include "backend/endpoint/redisendpoint.h"

#include <QTest>

using namespace qaconsole::endpoint;

class TestRedact : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void masksPasswords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("postgres uri") << "postgresql://app:s3cr3t@127.0.0.1:5432/qa"
                                      << "postgresql://app:****@127.0.0.1:5432/qa";
        QTest::newRow("redis uri no user") << "redis://:hunter2@cache:6379/0"
                                           << "redis://:****@cache:6379/0";
        QTest::newRow("password with @") << "postgres://u:p@ss@db/x"
                                         << "postgres://u:****@db/x";
        QTest::newRow("keyword") << "host=db password=abc port=5432"
                                 << "host=db password=**** port=5432";
        QTest::newRow("keyword quoted") << "host=db password='a b\\'c' user=x"
                                        << "host=db password=**** user=x";
        QTest::newRow("keyword spaced") << "PASSWORD = xyz"
                                        << "PASSWORD = ****";
        QTest::newRow("query") << "postgresql://db/x?user=u&password=pw&sslmode=require"
                               << "postgresql://db/x?user=u&password=****&sslmode=require";
        QTest::newRow("in a sentence") << "cannot reach redis://:pw@h:1 now"
                                       << "cannot reach redis://:****@h:1 now";
        QTest::newRow("no password") << "postgresql://app@127.0.0.1/qa"
                                     << "postgresql://app@127.0.0.1/qa";
        QTest::newRow("plain text") << "listening on 127.0.0.1:80"
                                    << "listening on 127.0.0.1:80";
    }

    void masksPasswords()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(redactSecrets(text), expected);
    }

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
};

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
