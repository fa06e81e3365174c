// The admission doorkeeper: it remembers the keys it was asked about, rarely mistakes a new key
// for a known one, and starts again once it has taken its capacity of new keys.

#include "backend/cache/cachekey.h"
#include "backend/cache/doorkeeper.h"

#include <QTest>

using namespace qaconsole::cache;

namespace {

std::uint64_t hashOf(int id)
{
    return hashKey({DataClass::Answers, id, 1, 5});
}

} // namespace

class TestDoorkeeper : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void remembersTheKeysItWasAskedAbout()
    {
        Doorkeeper doorkeeper(4096);
        int mistaken = 0; // a few new keys may share both bits with earlier ones
        for (int id = 1; id <= 1000; ++id)
            mistaken += doorkeeper.seenBefore(hashOf(id)) ? 1 : 0;
        QVERIFY2(mistaken < 10, qPrintable(QString::number(mistaken)));
        for (int id = 1; id <= 1000; ++id)
            QVERIFY(doorkeeper.seenBefore(hashOf(id)));
    }

    void rarelyTakesANewKeyForAKnownOne()
    {
        Doorkeeper doorkeeper(1 << 16);
        const int known = int(doorkeeper.capacity()) - 2000; // nearly full, before its reset
        for (int id = 0; id < known; ++id)
            doorkeeper.seenBefore(hashOf(id));
        int mistaken = 0;
        for (int id = known; id < known + 1000; ++id)
            mistaken += doorkeeper.seenBefore(hashOf(id)) ? 1 : 0;
        // Two bits in a word of 64 holding up to four keys: about 1.4 % when full.
        QVERIFY2(mistaken < 30, qPrintable(QString::number(mistaken)));
    }

    void startsAgainAfterItsCapacityOfNewKeys()
    {
        Doorkeeper doorkeeper(256);
        QCOMPARE(doorkeeper.capacity(), std::size_t(256));
        QVERIFY(!doorkeeper.seenBefore(hashOf(0)));
        int id = 1;
        // New keys until the one that fills it (a key mistaken for known adds nothing).
        for (std::size_t added = 1; added < doorkeeper.capacity(); ++id)
            added += doorkeeper.seenBefore(hashOf(id)) ? 0 : 1;
        QVERIFY(!doorkeeper.seenBefore(hashOf(0)));
    }
};

QTEST_APPLESS_MAIN(TestDoorkeeper)
#include "tst_doorkeeper.moc"
