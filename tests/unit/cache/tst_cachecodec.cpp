// What travels through Redis: the entry value with its header, and invalidation messages.

#include "backend/cache/cachedresponse.h"
#include "backend/cache/entrycodec.h"
#include "backend/cache/invalidationmessage.h"

#include <QTest>

using namespace qaconsole::cache;

class TestCacheCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entryRoundTrips()
    {
        CachedResponse entry;
        entry.computedAtMs = 1'700'000'123'456;
        entry.jitter = 0.25f;
        entry.status = 200;
        entry.body = std::string("{\"results\":[]}\0tail", 19);
        std::string value;
        encodeEntry(value, entry);
        QCOMPARE(value.size(), kEntryHeaderSize + entry.body.size());
        QCOMPARE(value.substr(0, 2), std::string("QC"));
        const auto back = decodeEntry(value);
        QVERIFY(back);
        QCOMPARE(back->computedAtMs, entry.computedAtMs);
        QCOMPARE(back->status, 200);
        QCOMPARE(back->body, entry.body);
        QVERIFY(std::abs(back->jitter - 0.25f) < 1e-4f);
    }

    void refusesForeignValues()
    {
        QVERIFY(!decodeEntry(""));
        QVERIFY(!decodeEntry("QC"));
        QVERIFY(!decodeEntry("{\"results\":[]} plain JSON from elsewhere"));
        std::string value;
        encodeEntry(value, CachedResponse{});
        value[2] = 9; // a later format
        QVERIFY(!decodeEntry(value));
    }

    void invalidationMessagesRoundTrip()
    {
        const InvalidationMessage messages[] = {
            {0xabcdef0123456789ULL,
             InvalidationMessage::Scope::Group,
             {DataClass::Answers, 77},
             {}},
            {1, InvalidationMessage::Scope::Class, {DataClass::Questions, 0}, {}},
            {2, InvalidationMessage::Scope::All, {}, {}},
            {3, InvalidationMessage::Scope::Group, {DataClass::Questions, 5}, "qa:ack:3:9f"},
            {4, InvalidationMessage::Scope::Beat, {}, {}, 18446744073709551615ULL, 1000},
        };
        QCOMPARE(formatInvalidation(messages[0]), std::string("abcdef0123456789 group answers 77"));
        QCOMPARE(formatInvalidation(messages[1]), std::string("1 class questions"));
        QCOMPARE(formatInvalidation(messages[2]), std::string("2 all"));
        QCOMPARE(formatInvalidation(messages[3]),
                 std::string("3 group questions 5 ack qa:ack:3:9f"));
        QCOMPARE(formatInvalidation(messages[4]), std::string("4 beat 18446744073709551615 1000"));
        for (const InvalidationMessage& message : messages) {
            const auto back = parseInvalidation(formatInvalidation(message));
            QVERIFY(back.has_value());
            QVERIFY(*back == message);
        }
    }

    void refusesMalformedMessages()
    {
        for (const char* text : {"",
                                 "zz group answers 1",
                                 "1 group photos 1",
                                 "1 group answers",
                                 "1 group answers x",
                                 "1 class",
                                 "1 all more",
                                 "1 drop answers 1",
                                 "1 group answers 1 2",
                                 "1 group answers 1 ack ",
                                 "1 group answers 1 ack a b",
                                 "1 ack k",
                                 "1 beat",
                                 "1 beat x",
                                 "1 beat 2",
                                 "1 beat 2 3 4",
                                 "1 beat -1 5",
                                 "1 beat 2 0",
                                 "1 beat 2 -5",
                                 "1 beat 2 5 ack k",
                                 "1 beat 18446744073709551616 5",
                                 "1 beat 2 x"})
            QVERIFY2(!parseInvalidation(text), text);
    }

    void channelsAreNamespaced()
    {
        const CacheChannels channels = CacheChannels::forNamespace("tier");
        QCOMPARE(channels.invalidations, std::string("tier:1:invalidate"));
        QCOMPARE(channels.policy, std::string("tier:policy"));
        QCOMPARE(channels.presencePrefix, std::string("tier:instance:"));
        QCOMPARE(channels.ackPrefix, std::string("tier:ack:"));
    }
};

QTEST_APPLESS_MAIN(TestCacheCodec)
#include "tst_cachecodec.moc"
