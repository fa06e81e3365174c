// The pure text rules: trimming (JavaScript's white space, UTF-8 aware), code point counting
// with UTF-8 validation, digit-only ids, e-mail and URL shapes.

#include "backend/api/textrules.h"

#include <QTest>

#include <string>

using namespace qaconsole;

class TestTextRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trimsJavaScriptWhiteSpace()
    {
        QCOMPARE(api::trimWhiteSpace("  hello \t\r\n"), std::string_view("hello"));
        QCOMPARE(api::trimWhiteSpace("\xC2\xA0x\xE3\x80\x80"),
                 std::string_view("x")); // NBSP, U+3000
        QCOMPARE(api::trimWhiteSpace("\xEF\xBB\xBFx\xE2\x80\xA8"),
                 std::string_view("x")); // BOM, U+2028
        QCOMPARE(api::trimWhiteSpace("a b"), std::string_view("a b"));
        QCOMPARE(api::trimWhiteSpace(" \t "), std::string_view(""));
        QCOMPARE(api::trimWhiteSpace(""), std::string_view(""));
        // An emoji at either end is kept whole; so is a stray continuation byte.
        QCOMPARE(api::trimWhiteSpace(" \xF0\x9F\x98\x80 "), std::string_view("\xF0\x9F\x98\x80"));
        QCOMPARE(api::trimWhiteSpace("x\x80 "), std::string_view("x\x80"));
    }

    void countsCodePoints()
    {
        QCOMPARE(api::utf8Length("abc"), std::optional<std::size_t>(3));
        QCOMPARE(api::utf8Length("h\xC3\xA9"), std::optional<std::size_t>(2));        // é
        QCOMPARE(api::utf8Length("\xF0\x9F\x98\x80"), std::optional<std::size_t>(1)); // 😀
        QCOMPARE(api::utf8Length(""), std::optional<std::size_t>(0));
    }

    void rejectsInvalidUtf8()
    {
        QVERIFY(!api::utf8Length("\x80"));
        QVERIFY(!api::utf8Length("\xC0\xAF"));         // overlong '/'
        QVERIFY(!api::utf8Length("\xED\xA0\x80"));     // surrogate U+D800
        QVERIFY(!api::utf8Length("\xF4\x90\x80\x80")); // above U+10FFFF
        QVERIFY(!api::utf8Length("\xE2\x82"));         // truncated
        QVERIFY(!api::utf8Length("\xFF"));
    }

    void parsesPositiveDigits()
    {
        QCOMPARE(api::parsePositive("1", 100), std::optional<std::int64_t>(1));
        QCOMPARE(api::parsePositive("007", 100), std::optional<std::int64_t>(7));
        QCOMPARE(api::parsePositive("2147483647", 2147483647),
                 std::optional<std::int64_t>(2147483647));
        QVERIFY(!api::parsePositive("2147483648", 2147483647));
        QVERIFY(!api::parsePositive("99999999999999999999999", 2147483647));
        QVERIFY(!api::parsePositive("0", 100));
        QVERIFY(!api::parsePositive("", 100));
        QVERIFY(!api::parsePositive("-1", 100));
        QVERIFY(!api::parsePositive("+1", 100));
        QVERIFY(!api::parsePositive(" 1", 100));
        QVERIFY(!api::parsePositive("1.0", 100));
        QVERIFY(!api::parsePositive("abc", 100));
        QVERIFY(!api::parsePositive("1e3", 10000));
    }

    void emailShape()
    {
        QVERIFY(api::hasEmailShape("a@b"));
        QVERIFY(api::hasEmailShape("first.last@gmail.com"));
        QVERIFY(!api::hasEmailShape("ab"));
        QVERIFY(!api::hasEmailShape("@ab"));
        QVERIFY(!api::hasEmailShape("ab@"));
        QVERIFY(!api::hasEmailShape("a@b@c"));
    }

    void urlShape()
    {
        QVERIFY(api::hasHttpUrlShape("https://example.com/a.jpg"));
        QVERIFY(api::hasHttpUrlShape("http://x"));
        QVERIFY(api::hasHttpUrlShape("HTTPS://EXAMPLE.COM"));
        QVERIFY(!api::hasHttpUrlShape("https://"));
        QVERIFY(!api::hasHttpUrlShape("ftp://example.com"));
        QVERIFY(!api::hasHttpUrlShape("example.com/a.jpg"));
        QVERIFY(!api::hasHttpUrlShape("javascript:alert(1)"));
        QVERIFY(!api::hasHttpUrlShape("https://exa mple.com"));
        QVERIFY(!api::hasHttpUrlShape("https://example.com/\n"));
    }
};

QTEST_APPLESS_MAIN(TestTextRules)
#include "tst_textrules.moc"
