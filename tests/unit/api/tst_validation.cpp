// Every rule of the contract's Validation table, as the pure validators apply them: query
// parameters, path ids, the two POST bodies, and the 400s (content type, JSON, not an object).

#include "backend/api/validation.h"

#include <QTest>

#include <string>

using namespace qaconsole;
using api::ApiErrorKind;

namespace {

constexpr std::string_view kJson = "application/json";

template <typename T> const api::ApiError* errorOf(const api::Validated<T>& result)
{
    return std::get_if<api::ApiError>(&result);
}

std::string repeat(std::string_view piece, int times)
{
    std::string out;
    for (int i = 0; i < times; ++i)
        out += piece;
    return out;
}

// JSON written with apostrophes for quotes. Not raw string literals: moc misreads those that
// hold "//" or end in a quote, and then finds no test class.
std::string apos(std::string text)
{
    for (char& c : text) {
        if (c == '\'')
            c = '"';
    }
    return text;
}

std::string questionBody(const std::string& fields)
{
    return "{" + fields + "}";
}

const std::string kGoodQuestion =
    apos("'body':'Is it warm?','name':'jo','email':'jo@example.com','product_id':5");

} // namespace

class TestValidation : public QObject
{
    Q_OBJECT

private:
    // Expects a 422 for `field` from a question body.
    void expectQuestionField(const std::string& json, const char* field)
    {
        const auto result = api::validateNewQuestion(kJson, json);
        const api::ApiError* error = errorOf(result);
        QVERIFY2(error, json.c_str());
        QCOMPARE(int(error->kind), int(ApiErrorKind::InvalidField));
        QCOMPARE(error->field, std::string(field));
        QVERIFY(!error->message.empty());
    }

    void expectAnswerField(const std::string& json, const char* field)
    {
        const auto result = api::validateNewAnswer(1, kJson, json);
        const api::ApiError* error = errorOf(result);
        QVERIFY2(error, json.c_str());
        QCOMPARE(int(error->kind), int(ApiErrorKind::InvalidField));
        QCOMPARE(error->field, std::string(field));
    }

private Q_SLOTS:
    void questionListQuery()
    {
        auto ok = api::validateQuestionListQuery("product_id=5");
        QVERIFY(!errorOf(ok));
        QCOMPARE(std::get<0>(ok).productId, 5);
        QCOMPARE(std::get<0>(ok).page.page, 1);
        QCOMPARE(std::get<0>(ok).page.count, 5);

        ok = api::validateQuestionListQuery("count=100&page=3&product_id=2147483647");
        QVERIFY(!errorOf(ok));
        QCOMPARE(std::get<0>(ok).productId, 2147483647);
        QCOMPARE(std::get<0>(ok).page.page, 3);
        QCOMPARE(std::get<0>(ok).page.count, 100);
        QCOMPARE(std::get<0>(ok).page.offset(), 200);

        ok = api::validateQuestionListQuery("product_id=%35"); // percent-encoded "5"
        QVERIFY(!errorOf(ok));
        QCOMPARE(std::get<0>(ok).productId, 5);
    }

    void questionListQueryErrors_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        const auto row = [](const char* query, const char* field) {
            QTest::newRow(query) << QString::fromLatin1(query) << QString::fromLatin1(field);
        };
        row("", "product_id");
        row("page=1", "product_id");
        row("product_id=", "product_id");
        row("product_id=abc", "product_id");
        row("product_id=0", "product_id");
        row("product_id=-1", "product_id");
        row("product_id=1.5", "product_id");
        row("product_id=2147483648", "product_id");
        row("product_id=+5", "product_id"); // '+' is a space
        row("product_id=5&page=0", "page");
        row("product_id=5&page=x", "page");
        row("product_id=5&page=", "page");
        row("product_id=5&page=2147483648", "page");
        row("product_id=5&count=0", "count");
        row("product_id=5&count=101", "count");
        row("product_id=5&count=-5", "count");
        row("product_id=5&count=five", "count");
    }

    void questionListQueryErrors()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto result = api::validateQuestionListQuery(query.toStdString());
        const api::ApiError* error = errorOf(result);
        QVERIFY(error);
        QCOMPARE(int(error->kind), int(ApiErrorKind::InvalidField));
        QCOMPARE(QString::fromStdString(error->field), field);
    }

    void paging()
    {
        auto page = api::validatePaging("");
        QVERIFY(!errorOf(page));
        QCOMPARE(std::get<0>(page).page, 1);
        QCOMPARE(std::get<0>(page).count, 5);
        page = api::validatePaging("page=2&count=1");
        QVERIFY(!errorOf(page));
        QCOMPARE(std::get<0>(page).offset(), 1);
        QVERIFY(errorOf(api::validatePaging("count=1000")));
    }

    void pathIds()
    {
        QCOMPARE(std::get<0>(api::validateId("42", "question_id")), 42);
        for (const char* bad : {"", "0", "abc", "1a", "-3", "2147483648", "4.0"}) {
            const auto result = api::validateId(bad, "answer_id");
            QVERIFY2(errorOf(result), bad);
            QCOMPARE(errorOf(result)->field, std::string("answer_id"));
        }
    }

    void goodQuestionIsTrimmed()
    {
        const auto result = api::validateNewQuestion(
            "application/json; charset=utf-8", "{\"body\":\"  Is it \\\"warm\\\"?\\n "
                                               "\",\"name\":\" jo \",\"email\":\"jo@example.com\","
                                               "\"product_id\":\"17\",\"extra\":true}");
        QVERIFY(!errorOf(result));
        const store::NewQuestion& question = std::get<0>(result);
        QCOMPARE(question.body, std::string("Is it \"warm\"?"));
        QCOMPARE(question.askerName, std::string("jo"));
        QCOMPARE(question.askerEmail, std::string("jo@example.com"));
        QCOMPARE(question.productId, 17);
    }

    void questionRules()
    {
        const std::string ok = kGoodQuestion;
        QVERIFY(!errorOf(api::validateNewQuestion(kJson, questionBody(ok))));
        // body: a string, 1..1000 characters after trimming.
        expectQuestionField(apos("{'name':'jo','email':'jo@x.com','product_id':5}"), "body");
        expectQuestionField(apos("{'body':5,'name':'jo','email':'jo@x.com','product_id':5}"),
                            "body");
        expectQuestionField(apos("{'body':null,'name':'jo','email':'jo@x.com','product_id':5}"),
                            "body");
        expectQuestionField(apos("{'body':'   ','name':'jo','email':'jo@x.com','product_id':5}"),
                            "body");
        expectQuestionField(apos("{'body':'") + repeat("a", 1001) +
                                apos("','name':'jo','email':'jo@x.com','product_id':5}"),
                            "body");
        // 1000 emoji are 1000 characters (4000 bytes): allowed.
        QVERIFY(!errorOf(api::validateNewQuestion(
            kJson, apos("{'body':'") + repeat("\xF0\x9F\x98\x80", 1000) +
                       apos("','name':'jo','email':'jo@x.com','product_id':5}"))));
        // NUL cannot be stored: refused as a field error, not a database failure.
        expectQuestionField(
            apos("{'body':'a\\u0000b','name':'jo','email':'jo@x.com','product_id':5}"), "body");
        // A lone surrogate escape decodes to text that is not UTF-8.
        expectQuestionField(
            apos("{'body':'a\\udc00b','name':'jo','email':'jo@x.com','product_id':5}"), "body");
        // name: 1..60 characters after trimming.
        expectQuestionField(apos("{'body':'q','email':'jo@x.com','product_id':5}"), "name");
        expectQuestionField(apos("{'body':'q','name':'','email':'jo@x.com','product_id':5}"),
                            "name");
        expectQuestionField(apos("{'body':'q','name':'") + repeat("n", 61) +
                                apos("','email':'jo@x.com','product_id':5}"),
                            "name");
        QVERIFY(!errorOf(
            api::validateNewQuestion(kJson, apos("{'body':'q','name':'") + repeat("n", 60) +
                                                apos("','email':'jo@x.com','product_id':5}"))));
        expectQuestionField(apos("{'body':'q','name':['jo'],'email':'jo@x.com','product_id':5}"),
                            "name");
        // email: 3..60 characters, one @ with text on both sides.
        expectQuestionField(apos("{'body':'q','name':'jo','product_id':5}"), "email");
        expectQuestionField(
            apos("{'body':'q','name':'jo','email':'jo.example.com','product_id':5}"), "email");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'@x','product_id':5}"), "email");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@','product_id':5}"), "email");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'a@b@c','product_id':5}"),
                            "email");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'a@','product_id':5}"), "email");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'") + repeat("e", 58) +
                                apos("@x.com','product_id':5}"),
                            "email");
        QVERIFY(!errorOf(api::validateNewQuestion(
            kJson, apos("{'body':'q','name':'jo','email':'a@b','product_id':5}"))));
        // product_id: integer 1..2147483647, digits only.
        expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@x.com'}"), "product_id");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@x.com','product_id':0}"),
                            "product_id");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@x.com','product_id':-5}"),
                            "product_id");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@x.com','product_id':5.5}"),
                            "product_id");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@x.com','product_id':5.0}"),
                            "product_id");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@x.com','product_id':'abc'}"),
                            "product_id");
        expectQuestionField(
            apos("{'body':'q','name':'jo','email':'jo@x.com','product_id':2147483648}"),
            "product_id");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@x.com','product_id':true}"),
                            "product_id");
        expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@x.com','product_id':null}"),
                            "product_id");
    }

    void numbersTooBigForADoubleAreValidJson()
    {
        // Valid JSON whatever the parser can hold: a number beyond a double's range breaks the
        // field's rule (422, the field named), it does not make the body invalid (400).
        for (const char* huge : {"1e400", "-1e400", "1E+999", "0e400",
                                 "12345678901234567890123"
                                 "4567890123456789012345678901234567890123456789012345678901234567"
                                 "8901234567890123456789012345678901234567890123456789012345678901"
                                 "2345678901234567890123456789012345678901234567890123456789012345"
                                 "678901234567890123456789012345678901234567890"}) {
            expectQuestionField(apos("{'body':'q','name':'jo','email':'jo@x.com','product_id':") +
                                    huge + "}",
                                "product_id");
            expectQuestionField(apos("{'body':") + huge +
                                    apos(",'name':'jo','email':'jo@x.com','product_id':5}"),
                                "body");
            expectAnswerField(apos("{'body':'a','name':'jo','email':'jo@x.com','photos':[") + huge +
                                  "]}",
                              "photos");
        }
        // Only numbers are read differently: the same text in a string, or after an escaped
        // quote, is text, and a huge number in an unknown field is ignored like the field.
        const auto text = api::validateNewQuestion(
            kJson, apos("{'body':'\\'1e400\\' 1e400','name':'jo','email':'jo@x.com',"
                        "'product_id':5,'extra':[1e400,-1e999]}"));
        QVERIFY(!errorOf(text));
        QCOMPARE(std::get<0>(text).body, std::string("\"1e400\" 1e400"));
        QCOMPARE(std::get<0>(text).productId, 5);
        // And a body that is broken elsewhere is still not JSON.
        const auto broken = api::validateNewQuestion(kJson, apos("{'product_id':1e400,}"));
        QVERIFY(errorOf(broken));
        QCOMPARE(int(errorOf(broken)->kind), int(ApiErrorKind::BadJson));
    }

    void answerRules()
    {
        const auto good =
            api::validateNewAnswer(9, kJson,
                                   apos("{'body':'a','name':'jo','email':'jo@x.com','photos':[' "
                                        "https://x/1.jpg ','http://y/2.png']}"));
        QVERIFY(!errorOf(good));
        QCOMPARE(std::get<0>(good).questionId, 9);
        QCOMPARE(std::get<0>(good).photoUrls,
                 (std::vector<std::string>{"https://x/1.jpg", "http://y/2.png"}));
        // photos may be omitted or empty.
        QVERIFY(!errorOf(
            api::validateNewAnswer(9, kJson, apos("{'body':'a','name':'jo','email':'jo@x.com'}"))));
        QVERIFY(!errorOf(api::validateNewAnswer(
            9, kJson, apos("{'body':'a','name':'jo','email':'jo@x.com','photos':[]}"))));
        // At most 5; strings; http(s) URLs of at most 2048 bytes.
        const std::string five =
            apos("'https://x/1','https://x/2','https://x/3','https://x/4','https://x/5'");
        QVERIFY(!errorOf(api::validateNewAnswer(
            9, kJson,
            apos("{'body':'a','name':'jo','email':'jo@x.com','photos':[") + five + "]}")));
        expectAnswerField(apos("{'body':'a','name':'jo','email':'jo@x.com','photos':[") + five +
                              apos(",'https://x/6']}"),
                          "photos");
        expectAnswerField(
            apos("{'body':'a','name':'jo','email':'jo@x.com','photos':'https://x/1'}"), "photos");
        expectAnswerField(apos("{'body':'a','name':'jo','email':'jo@x.com','photos':null}"),
                          "photos");
        expectAnswerField(apos("{'body':'a','name':'jo','email':'jo@x.com','photos':[1]}"),
                          "photos");
        expectAnswerField(
            apos("{'body':'a','name':'jo','email':'jo@x.com','photos':['ftp://x/1']}"), "photos");
        expectAnswerField(apos("{'body':'a','name':'jo','email':'jo@x.com','photos':['x.jpg']}"),
                          "photos");
        expectAnswerField(apos("{'body':'a','name':'jo','email':'jo@x.com','photos':['']}"),
                          "photos");
        const std::string longUrl = "https://x/" + repeat("a", 2048 - 10);
        QVERIFY(!errorOf(api::validateNewAnswer(
            9, kJson,
            apos("{'body':'a','name':'jo','email':'jo@x.com','photos':['") + longUrl + "\"]}")));
        expectAnswerField(apos("{'body':'a','name':'jo','email':'jo@x.com','photos':['") + longUrl +
                              "a\"]}",
                          "photos");
        // The text rules apply to answers too.
        expectAnswerField(apos("{'name':'jo','email':'jo@x.com'}"), "body");
        expectAnswerField(apos("{'body':'a','email':'jo@x.com'}"), "name");
        expectAnswerField(apos("{'body':'a','name':'jo','email':'nope'}"), "email");
    }

    void badRequests_data()
    {
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        const auto row = [](const char* name, const char* type, QByteArray body,
                            ApiErrorKind kind) {
            QTest::newRow(name) << QString::fromLatin1(type) << body << int(kind);
        };
        const QByteArray good = QByteArray::fromStdString(questionBody(kGoodQuestion));
        row("no content type", "", good, ApiErrorKind::BadContentType);
        row("text/plain", "text/plain", good, ApiErrorKind::BadContentType);
        row("form", "application/x-www-form-urlencoded", good, ApiErrorKind::BadContentType);
        row("latin1", "application/json; charset=iso-8859-1", good, ApiErrorKind::BadContentType);
        row("empty body", "application/json", "", ApiErrorKind::BadJson);
        row("truncated", "application/json", "{\"body\":", ApiErrorKind::BadJson);
        row("trailing garbage", "application/json", good + "x", ApiErrorKind::BadJson);
        row("two objects", "application/json", good + good, ApiErrorKind::BadJson);
        row("single quotes", "application/json", "{'body':'x'}", ApiErrorKind::BadJson);
        row("trailing comma", "application/json", "{\"a\":1,}", ApiErrorKind::BadJson);
        row("comment", "application/json", "{/*c*/}", ApiErrorKind::BadJson);
        row("NaN", "application/json", "{\"a\":NaN}", ApiErrorKind::BadJson);
        row("invalid utf-8", "application/json", "{\"body\":\"\xff\"}", ApiErrorKind::BadJson);
        row("deep nesting", "application/json", QByteArray(60000, '['), ApiErrorKind::BadJson);
        row("array", "application/json", "[1,2]", ApiErrorKind::NotAnObject);
        row("string", "application/json", "\"x\"", ApiErrorKind::NotAnObject);
        row("null", "application/json", "null", ApiErrorKind::NotAnObject);
        row("number", "Application/JSON; Charset=\"UTF-8\"", "5", ApiErrorKind::NotAnObject);
    }

    void badRequests()
    {
        QFETCH(QString, contentType);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        const std::string type = contentType.toStdString();
        const std::string_view text(body.constData(), std::size_t(body.size()));
        const auto question = api::validateNewQuestion(type, text);
        QVERIFY(errorOf(question));
        QCOMPARE(int(errorOf(question)->kind), kind);
        QVERIFY(errorOf(question)->field.empty());
        const auto answer = api::validateNewAnswer(1, type, text);
        QVERIFY(errorOf(answer));
        QCOMPARE(int(errorOf(answer)->kind), kind);
    }

    void contentTypes()
    {
        QVERIFY(api::isJsonContentType("application/json"));
        QVERIFY(api::isJsonContentType("application/json; charset=utf-8"));
        QVERIFY(api::isJsonContentType("application/json;charset=UTF-8"));
        QVERIFY(api::isJsonContentType(" application/json "));
        QVERIFY(!api::isJsonContentType("application/jsonx"));
        QVERIFY(!api::isJsonContentType("application/json; charset=utf-16"));
        QVERIFY(!api::isJsonContentType(""));
    }
};

QTEST_APPLESS_MAIN(TestValidation)
#include "tst_validation.moc"
