// The store's pure parts: the connection string rewrite (short connect timeout, settings added
// only when absent, URL and keyword forms, quoting) and the reconnect gate on a fake clock.

#include "backend/store/conninfo.h"
#include "backend/store/reconnectgate.h"

#include <QTest>

using namespace qaconsole;
using namespace std::chrono_literals;

namespace {

std::string rewrite(const std::string& dsn, bool* ok = nullptr, std::string* error = nullptr)
{
    store::ConnInfoDefaults defaults;
    defaults.maxConnectTimeoutSec = 2;
    defaults.settings = {{"application_name", "qaconsole-api"},
                         {"options", "-c statement_timeout=5000"},
                         {"no_such_libpq_setting", "x"}};
    std::string out;
    const bool good = store::rewriteConnInfo(dsn, defaults, &out, error);
    if (ok)
        *ok = good;
    return out;
}

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestStoreParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keywordForm()
    {
        const std::string out =
            rewrite("host=127.0.0.1 port=5433 dbname=qa user=qa password=s3cret");
        QVERIFY(contains(out, "host='127.0.0.1'"));
        QVERIFY(contains(out, "port='5433'"));
        QVERIFY(contains(out, "password='s3cret'"));
        QVERIFY(contains(out, "connect_timeout='2'"));
        QVERIFY(contains(out, "application_name='qaconsole-api'"));
        QVERIFY(contains(out, "options='-c statement_timeout=5000'"));
        QVERIFY(!contains(out, "no_such_libpq_setting"));
    }

    void urlForm()
    {
        const std::string out =
            rewrite("postgresql://qa:p%40ss@localhost:6543/qadb?application_name=mine");
        QVERIFY(contains(out, "user='qa'"));
        QVERIFY(contains(out, "password='p@ss'"));
        QVERIFY(contains(out, "port='6543'"));
        QVERIFY(contains(out, "dbname='qadb'"));
        QVERIFY(contains(out, "application_name='mine'")); // the caller's setting wins
        QVERIFY(!contains(out, "qaconsole-api"));
    }

    void connectTimeoutIsCapped()
    {
        QVERIFY(contains(rewrite("host=x connect_timeout=30"), "connect_timeout='2'"));
        QVERIFY(contains(rewrite("host=x connect_timeout=0"), "connect_timeout='2'"));
        QVERIFY(contains(rewrite("host=x connect_timeout=1"), "connect_timeout='1'"));
    }

    void quotesValues()
    {
        const std::string out = rewrite("host=x password='it\\'s \\\\ odd'");
        QVERIFY(contains(out, R"(password='it\'s \\ odd')"));
        bool ok = false;
        const std::string again = rewrite(out, &ok); // what was written parses back the same
        QVERIFY(ok);
        QVERIFY(contains(again, R"(password='it\'s \\ odd')"));
    }

    void badStringsAreReported()
    {
        bool ok = true;
        std::string error;
        rewrite("host=x bogus_option=1", &ok, &error);
        QVERIFY(!ok);
        QVERIFY(contains(error, "bogus_option"));
        rewrite("postgresql://[broken", &ok, &error);
        QVERIFY(!ok);
        QVERIFY(!error.empty());
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
