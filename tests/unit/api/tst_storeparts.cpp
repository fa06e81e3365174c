// The store's pure parts: SQLSTATEs to store errors, and the reconnect gate on a fake clock.
// (The connection string rewrite is pg's: tests/unit/pg/tst_pgconninfo.cpp.)

#include "backend/store/pgsession.h"
#include "backend/store/reconnectgate.h"

#include <QTest>

using namespace qaconsole;
using namespace std::chrono_literals;

class TestStoreParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // SQLSTATEs reach the API as the same store errors as before pg/ existed: each decides an
    // HTTP status (api/errorresponse.cpp).
    void sqlStatesToStoreErrors()
    {
        const auto of = [](const char* state) {
            return store::storeErrorOf(pg::errorKindOf(state));
        };
        QCOMPARE(of("08006"), store::StoreError::Unavailable);
        QCOMPARE(of("57P01"), store::StoreError::Unavailable);
        QCOMPARE(of("53300"), store::StoreError::Unavailable);
        QCOMPARE(of("42P01"), store::StoreError::Unavailable); // tables not loaded (yet)
        QCOMPARE(of("42703"), store::StoreError::Unavailable);
        QCOMPARE(of("57014"), store::StoreError::Timeout);
        QCOMPARE(of("40001"), store::StoreError::Conflict);
        QCOMPARE(of("40P01"), store::StoreError::Conflict);
        QCOMPARE(of("23505"), store::StoreError::Conflict);
        QCOMPARE(of("55P03"), store::StoreError::Conflict);
        QCOMPARE(of("23503"), store::StoreError::NotFound);
        QCOMPARE(of("22P02"), store::StoreError::BadInput);
        QCOMPARE(of("42601"), store::StoreError::Internal);
        QCOMPARE(of("42501"), store::StoreError::Internal);
        QCOMPARE(store::storeErrorOf(pg::ErrorKind::Cancelled), store::StoreError::Timeout);
    }

    void gateSpacesAttempts()
    {
        auto now = std::chrono::steady_clock::time_point{} + 100s;
        store::ReconnectGate gate(1000ms, [&now] { return now; });
        QVERIFY(gate.tryAttempt()); // the first is always allowed
        QVERIFY(!gate.tryAttempt());
        now += 999ms;
        QVERIFY(!gate.tryAttempt());
        now += 1ms;
        QVERIFY(gate.tryAttempt());
        QVERIFY(!gate.tryAttempt());
        now += 1h;
        QVERIFY(gate.tryAttempt());
    }
};

QTEST_APPLESS_MAIN(TestStoreParts)
#include "tst_storeparts.moc"
