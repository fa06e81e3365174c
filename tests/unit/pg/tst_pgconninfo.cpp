// Connection strings, parsed in one place: the check, the address shown, the password kept
// apart for a form's masked field, and the rewrite the API's store connects with (short connect
// timeout, settings added only when absent, URL and keyword forms, quoting).

#include "pg/conninfo.h"
#include "pg/passwordsplit.h"

#include <QTest>

using namespace qaconsole;

namespace {

pg::Result<std::string> rewrite(const std::string& dsn)
{
    pg::ConnInfoDefaults defaults;
    defaults.maxConnectTimeoutSec = 2;
    defaults.settings = {{"application_name", "qaconsole-api"},
                         {"options", "-c statement_timeout=5000"},
                         {"no_such_libpq_setting", "x"}};
    return pg::rewriteConnInfo(dsn, defaults);
}

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

class TestPgConnInfo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void checksBothForms()
    {
        QVERIFY(pg::checkConnInfo(QStringLiteral("host=h port=5433 dbname=qa")).ok());
        QVERIFY(
            pg::checkConnInfo(QStringLiteral("postgresql://u:p@h:5433/qa?sslmode=disable")).ok());
        QVERIFY(pg::checkConnInfo(QString()).ok()); // all defaults, as libpq takes it
    }

    void reportsBadStringsWithoutThePassword()
    {
        const pg::Status bogus = pg::checkConnInfo(QStringLiteral("host=x bogus_option=1"));
        QVERIFY(!bogus);
        QCOMPARE(bogus.error().kind, pg::ErrorKind::InvalidConnInfo);
        QVERIFY2(bogus.error().message.contains(u"bogus_option"),
                 qPrintable(bogus.error().message));

        const pg::Status unterminated =
            pg::checkConnInfo(QStringLiteral("host='unterminated password=secret"));
        QVERIFY(!unterminated);
        QVERIFY(!unterminated.error().message.contains(u"secret"));

        const pg::Status url = pg::checkConnInfo(QStringLiteral("postgresql://u:secret@[::1/db"));
        QVERIFY(!url);
        QVERIFY2(!url.error().message.contains(u"secret"), qPrintable(url.error().message));
    }

    void addressOfBothForms()
    {
        QCOMPARE(pg::addressOf(QStringLiteral("host=db.local port=6543 password=x")),
                 QStringLiteral("db.local:6543"));
        QCOMPARE(pg::addressOf(QStringLiteral("postgresql://u:secret@10.0.0.5:5433/qa")),
                 QStringLiteral("10.0.0.5:5433"));
        QCOMPARE(pg::addressOf(QStringLiteral("dbname=qa")), QStringLiteral("localhost:5432"));
        QCOMPARE(pg::addressOf(QStringLiteral("hostaddr=127.0.0.1")),
                 QStringLiteral("127.0.0.1:5432"));
        QCOMPARE(pg::addressOf(QStringLiteral("host='broken")),
                 QStringLiteral("(malformed connection string)"));
    }

    void connectionStringsKeepThePasswordApart()
    {
        using pg::splitPassword;
        using pg::withPassword;
        const QString url = QStringLiteral("postgresql://qa:s%2Fcret@db.example:5433/store");
        QCOMPARE(splitPassword(url).withoutPassword,
                 QStringLiteral("postgresql://qa@db.example:5433/store"));
        QCOMPARE(splitPassword(url).password, QStringLiteral("s/cret"));
        QCOMPARE(withPassword(splitPassword(url).withoutPassword, QStringLiteral("s/cret")), url);

        const QString keywords = QStringLiteral("host=h password='it\\'s me' dbname=d");
        QCOMPARE(splitPassword(keywords).withoutPassword, QStringLiteral("host=h dbname=d"));
        QCOMPARE(splitPassword(keywords).password, QStringLiteral("it's me"));
        QCOMPARE(withPassword(QStringLiteral("host=h dbname=d"), QStringLiteral("it's me")),
                 QStringLiteral("password='it\\'s me' host=h dbname=d"));
        QCOMPARE(splitPassword(QStringLiteral("host=h")).password, QString());
        QCOMPARE(withPassword(QStringLiteral(" host=h "), QString()), QStringLiteral("host=h"));
    }

    // Found by fuzz_conninfo: libpq also reads a URL's ?password=, and the last password= of a
    // keyword list. Neither may stay in the part the form shows.
    void everyPasswordLibpqReadsIsKeptApart()
    {
        using pg::splitPassword;
        const pg::PasswordSplit query = splitPassword(
            QStringLiteral("postgres://qa@[::1]/qa?password=hunter22&application_name=x"));
        QCOMPARE(query.withoutPassword,
                 QStringLiteral("postgres://qa@[::1]/qa?application_name=x"));
        QCOMPARE(query.password, QStringLiteral("hunter22"));
        QCOMPARE(splitPassword(QStringLiteral("postgresql://qa:first@h/d?password=second"))
                     .withoutPassword,
                 QStringLiteral("postgresql://qa@h/d"));
        const pg::PasswordSplit twice =
            splitPassword(QStringLiteral("password=first host=h password='sec ond'"));
        QCOMPARE(twice.withoutPassword, QStringLiteral("host=h"));
        QCOMPARE(twice.password, QStringLiteral("sec ond"));
        // A bracketed host may hold a '?' wherever it is in the host list (found by
        // fuzz_conninfo: only the first host was looked at).
        const pg::PasswordSplit hosts =
            splitPassword(QStringLiteral("postgres://qa@,[?@1]/qa?password=hunter22"));
        QCOMPARE(hosts.password, QStringLiteral("hunter22"));
        QCOMPARE(hosts.withoutPassword, QStringLiteral("postgres://qa@,[?@1]/qa"));
        QCOMPARE(splitPassword(QStringLiteral("postgres://h1:5432,[::1]:5433/qa?password=p&x=1"))
                     .withoutPassword,
                 QStringLiteral("postgres://h1:5432,[::1]:5433/qa?x=1"));
        // An escaped space does not end a value: this password= belongs to the host's value.
        const QString escaped = QStringLiteral("host=a\\ password=x dbname=d");
        QCOMPARE(splitPassword(escaped).withoutPassword, escaped);
        QCOMPARE(splitPassword(escaped).password, QString());
    }

    // Found by fuzz_conninfo: the password the form keeps apart goes back in as it was read
    // (libpq reads what the keyword tokenizer reads: the fuzz harness checks them against each
    // other, and replays this input from its seeds).
    void aPasswordGoesBackInAsItWasRead()
    {
        const QString dsn = QStringLiteral(
            R"(host=e\\\\\\\host=127.00.0.1((((et\'{w' dbname=.,.1 port=5432 user=qa )"
            R"(password='szeeeeeecretpseeeeeet\ord='dbname =aqconnect_timeout=\)");
        const pg::PasswordSplit split = pg::splitPassword(dsn);
        QCOMPARE(split.password, QStringLiteral("szeeeeeecretpseeeeeetord="));
        const QString back = pg::withPassword(split.withoutPassword, split.password);
        QVERIFY2(pg::splitPassword(back).password == split.password, qPrintable(back));
        // The quoted password ended right before the next setting, with no space: the settings
        // on either side of it stay apart.
        QVERIFY2(
            split.withoutPassword.endsWith(QStringLiteral("user=qa dbname =aqconnect_timeout=\\")),
            qPrintable(split.withoutPassword));
        QCOMPARE(pg::splitPassword(QStringLiteral("user=qa password='x'dbname=d")).withoutPassword,
                 QStringLiteral("user=qa dbname=d"));
        QCOMPARE(pg::splitPassword(QStringLiteral("password='x'dbname=d")).withoutPassword,
                 QStringLiteral("dbname=d"));
        // An escaped line break belongs to the value before it and separates nothing.
        QCOMPARE(
            pg::splitPassword(QStringLiteral("dbname=a\\\n password='x'options=o")).withoutPassword,
            QStringLiteral("dbname=a\\\n options=o"));
    }

    void keywordForm()
    {
        const auto out = rewrite("host=127.0.0.1 port=5433 dbname=qa user=qa password=s3cret");
        QVERIFY(out);
        QVERIFY(contains(out.value(), "host='127.0.0.1'"));
        QVERIFY(contains(out.value(), "port='5433'"));
        QVERIFY(contains(out.value(), "password='s3cret'"));
        QVERIFY(contains(out.value(), "connect_timeout='2'"));
        QVERIFY(contains(out.value(), "application_name='qaconsole-api'"));
        QVERIFY(contains(out.value(), "options='-c statement_timeout=5000'"));
        QVERIFY(!contains(out.value(), "no_such_libpq_setting"));
    }

    void urlForm()
    {
        const auto out =
            rewrite("postgresql://qa:p%40ss@localhost:6543/qadb?application_name=mine");
        QVERIFY(out);
        QVERIFY(contains(out.value(), "user='qa'"));
        QVERIFY(contains(out.value(), "password='p@ss'"));
        QVERIFY(contains(out.value(), "port='6543'"));
        QVERIFY(contains(out.value(), "dbname='qadb'"));
        QVERIFY(contains(out.value(), "application_name='mine'")); // the caller's setting wins
        QVERIFY(!contains(out.value(), "qaconsole-api"));
    }

    void connectTimeoutIsCapped()
    {
        QVERIFY(contains(rewrite("host=x connect_timeout=30").value(), "connect_timeout='2'"));
        QVERIFY(contains(rewrite("host=x connect_timeout=0").value(), "connect_timeout='2'"));
        QVERIFY(contains(rewrite("host=x connect_timeout=1").value(), "connect_timeout='1'"));
    }

    void quotesValues()
    {
        const auto out = rewrite("host=x password='it\\'s \\\\ odd'");
        QVERIFY(out);
        QVERIFY(contains(out.value(), R"(password='it\'s \\ odd')"));
        const auto again = rewrite(out.value()); // what was written parses back the same
        QVERIFY(again);
        QVERIFY(contains(again.value(), R"(password='it\'s \\ odd')"));
    }

    void badStringsAreReported()
    {
        const auto bogus = rewrite("host=x bogus_option=1");
        QVERIFY(!bogus);
        QCOMPARE(bogus.error().kind, pg::ErrorKind::InvalidConnInfo);
        QVERIFY(bogus.error().message.contains(u"bogus_option"));
        const auto broken = rewrite("postgresql://[broken");
        QVERIFY(!broken);
        QVERIFY(!broken.error().message.isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestPgConnInfo)
#include "tst_pgconninfo.moc"
