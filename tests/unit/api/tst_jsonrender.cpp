// The response bodies: shapes and JSON types of routes 1 and 2, ids echoed as strings, answers
// keyed by id, both photo shapes, dates, and escaping of quotes, backslashes, control
// characters and emoji (which pass as UTF-8).

#include "backend/api/jsonrender.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace qaconsole;

namespace {

QJsonObject parse(const std::string& body)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray::fromStdString(body), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning("%s in %s", qPrintable(error.errorString()), body.c_str());
    return document.object();
}

store::Answer answer(int id, int helpful, std::vector<store::Photo> photos = {})
{
    store::Answer a;
    a.id = id;
    a.body = "answer " + std::to_string(id);
    a.dateWrittenMs = 1595884714409;
    a.answererName = "seller";
    a.helpful = helpful;
    a.photos = std::move(photos);
    return a;
}

const std::string kTricky = "He said \"hi\" \\ path C:\\x\n\ttab\r\x01\x1f end \xF0\x9F\x98\x80 "
                            "caf\xC3\xA9 '; DROP TABLE questions; --";

} // namespace

class TestJsonRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void questionList()
    {
        store::Question q;
        q.id = 37;
        q.body = "Why?";
        q.dateWrittenMs = 1539882191250;
        q.askerName = "williamsmith";
        q.helpful = 4;
        q.answers = {answer(68, 4, {{1, "https://example.com/a.jpg"}, {2, "https://e/b.jpg"}}),
                     answer(70, 1)};
        store::Question empty = q;
        empty.id = 38;
        empty.answers.clear();

        std::string body;
        api::renderQuestionList(5, {q, empty}, body);
        const QJsonObject root = parse(body);
        QVERIFY(root.value(u"product_id").isString());
        QCOMPARE(root.value(u"product_id").toString(), QStringLiteral("5"));
        const QJsonArray results = root.value(u"results").toArray();
        QCOMPARE(results.size(), 2);

        const QJsonObject first = results[0].toObject();
        QCOMPARE(first.value(u"question_id").toInteger(), 37);
        QVERIFY(first.value(u"question_id").isDouble());
        QCOMPARE(first.value(u"question_body").toString(), QStringLiteral("Why?"));
        QCOMPARE(first.value(u"question_date").toString(),
                 QStringLiteral("2018-10-18T17:03:11.250Z"));
        QCOMPARE(first.value(u"asker_name").toString(), QStringLiteral("williamsmith"));
        QCOMPARE(first.value(u"question_helpfulness").toInteger(), 4);
        QVERIFY(first.value(u"reported").isBool());
        QCOMPARE(first.value(u"reported").toBool(), false);
        QVERIFY(!first.contains(u"asker_email"));

        const QJsonObject answers = first.value(u"answers").toObject();
        QCOMPARE(answers.keys(), (QStringList{QStringLiteral("68"), QStringLiteral("70")}));
        const QJsonObject a68 = answers.value(u"68").toObject();
        QCOMPARE(a68.value(u"id").toInteger(), 68);
        QCOMPARE(a68.value(u"body").toString(), QStringLiteral("answer 68"));
        QCOMPARE(a68.value(u"date").toString(), QStringLiteral("2020-07-27T21:18:34.409Z"));
        QCOMPARE(a68.value(u"answerer_name").toString(), QStringLiteral("seller"));
        QCOMPARE(a68.value(u"helpfulness").toInteger(), 4);
        const QJsonArray photos = a68.value(u"photos").toArray();
        QCOMPARE(photos.size(), 2);
        QVERIFY(photos[0].isString());
        QCOMPARE(photos[0].toString(), QStringLiteral("https://example.com/a.jpg"));
        QVERIFY(answers.value(u"70").toObject().value(u"photos").isArray());
        QCOMPARE(answers.value(u"70").toObject().value(u"photos").toArray().size(), 0);

        // No answers: an empty object, not an array or null.
        QVERIFY(results[1].toObject().value(u"answers").isObject());
        QVERIFY(results[1].toObject().value(u"answers").toObject().isEmpty());
    }

    void emptyQuestionList()
    {
        std::string body;
        api::renderQuestionList(999, {}, body);
        QCOMPARE(body, std::string(R"({"product_id":"999","results":[]})"));
    }

    void answerList()
    {
        std::string body;
        api::renderAnswerList(1, {2, 3}, {answer(8, 8), answer(5, 5, {{1, "u1"}, {2, "u2"}})},
                              body);
        const QJsonObject root = parse(body);
        QVERIFY(root.value(u"question").isString());
        QCOMPARE(root.value(u"question").toString(), QStringLiteral("1"));
        QVERIFY(root.value(u"page").isDouble());
        QCOMPARE(root.value(u"page").toInteger(), 2);
        QCOMPARE(root.value(u"count").toInteger(), 3);
        const QJsonArray results = root.value(u"results").toArray();
        QCOMPARE(results.size(), 2);
        const QJsonObject first = results[0].toObject();
        QCOMPARE(first.keys(),
                 (QStringList{QStringLiteral("answer_id"), QStringLiteral("answerer_name"),
                              QStringLiteral("body"), QStringLiteral("date"),
                              QStringLiteral("helpfulness"), QStringLiteral("photos")}));
        QCOMPARE(first.value(u"answer_id").toInteger(), 8);
        QCOMPARE(first.value(u"photos").toArray().size(), 0);
        const QJsonArray photos = results[1].toObject().value(u"photos").toArray();
        QCOMPARE(photos.size(), 2);
        QCOMPARE(photos[0].toObject().value(u"id").toInteger(), 1);
        QCOMPARE(photos[0].toObject().value(u"url").toString(), QStringLiteral("u1"));
        QCOMPARE(photos[1].toObject().value(u"id").toInteger(), 2);
    }

    void escapesText()
    {
        store::Answer tricky = answer(1, 0, {{3, kTricky}});
        tricky.body = kTricky;
        tricky.answererName = kTricky;
        std::string body;
        api::renderAnswerList(1, {1, 5}, {tricky}, body);

        // Control characters are escaped, quotes and backslashes too; emoji and é stay UTF-8.
        QVERIFY(body.find("\\\"hi\\\"") != std::string::npos);
        QVERIFY(body.find("C:\\\\x") != std::string::npos);
        QVERIFY(body.find("\\n\\ttab\\r\\u0001\\u001F") != std::string::npos);
        QVERIFY(body.find("\xF0\x9F\x98\x80") != std::string::npos);
        QVERIFY(body.find("caf\xC3\xA9") != std::string::npos);
        for (char c : body)
            QVERIFY(static_cast<unsigned char>(c) >= 0x20);

        // And it round-trips exactly.
        const QString expected = QString::fromStdString(kTricky);
        const QJsonObject first = parse(body).value(u"results").toArray()[0].toObject();
        QCOMPARE(first.value(u"body").toString(), expected);
        QCOMPARE(first.value(u"answerer_name").toString(), expected);
        QCOMPARE(first.value(u"photos").toArray()[0].toObject().value(u"url").toString(), expected);
    }

    void escapesEmbeddedNul()
    {
        std::string body;
        api::renderError("code", std::string("a\0b", 3), "", body);
        QCOMPARE(body, std::string(R"({"error":"code","message":"a\u0000b"})"));
    }

    // The output stream grows the string ahead of what it writes and trims it at the end: a
    // body rendered after existing bytes keeps them, and a text much longer than any step of
    // growth (with escapes, which take up to six bytes each) comes out whole and exact.
    void appendsAndGrows()
    {
        std::string message;
        for (int i = 0; i < 5000; ++i)
            message += (i % 7 == 0) ? std::string("\"\x01") : std::string("ab");
        std::string expected = "HTTP head{\"error\":\"e\",\"message\":\"";
        for (int i = 0; i < 5000; ++i)
            expected += (i % 7 == 0) ? std::string("\\\"\\u0001") : std::string("ab");
        expected += "\"}";

        std::string body = "HTTP head";
        api::renderError("e", message, "", body);
        QCOMPARE(body.size(), expected.size());
        QVERIFY(body == expected);
    }

    void smallBodies()
    {
        std::string body;
        api::renderCreated("question_id", 3518964, body);
        QCOMPARE(body, std::string(R"({"question_id":3518964})"));
        body.clear();
        api::renderError("validation_failed", "count must be 1 to 100.", "count", body);
        QCOMPARE(
            body,
            std::string(
                R"({"error":"validation_failed","message":"count must be 1 to 100.","field":"count"})"));
        body.clear();
        api::renderStatus("ok", body);
        QCOMPARE(body, std::string(R"({"status":"ok"})"));
    }
};

QTEST_APPLESS_MAIN(TestJsonRender)
#include "tst_jsonrender.moc"
