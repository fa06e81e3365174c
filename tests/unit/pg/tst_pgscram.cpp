// The SCRAM-SHA-256 secret the tier export hands to CREATE ROLE: the same as an independent
// implementation gives (Python's hashlib.pbkdf2_hmac and hmac, RFC 5802's formulas) for a known
// password and salt, and a fresh random salt each time when none is given.

#include "pg/scramsecret.h"

#include <QTest>

using namespace Qt::StringLiterals;

class TestPgScram : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownSecret()
    {
        QCOMPARE(qaconsole::pg::scramSha256Secret(u"pencil"_s, "0123456789abcdef"),
                 u"SCRAM-SHA-256$4096:MDEyMzQ1Njc4OWFiY2RlZg==$"
                 "nQpbZ77WudtqufPwikHXGRt6g2QJ4zns8bZLw273DRM=:"
                 "jn2amWP1q1h+jgjy0YTO14S6/F02SV7taipOeB7ef20="_s);
    }

    void randomSalt()
    {
        const QString first = qaconsole::pg::scramSha256Secret(u"pencil"_s);
        const QString second = qaconsole::pg::scramSha256Secret(u"pencil"_s);
        QVERIFY(first.startsWith(u"SCRAM-SHA-256$4096:"_s));
        QVERIFY(first != second);
        // 16 bytes of salt: 24 characters of base64.
        QCOMPARE(first.section(u'$', 1, 1).section(u':', 1).size(), 24);
    }
};

QTEST_APPLESS_MAIN(TestPgScram)
#include "tst_pgscram.moc"
