// Routing: the eight routes and the operational endpoints, a trailing slash, unknown paths
// (404), known paths with the wrong method (405 with the right Allow); and query strings.

#include "backend/api/queryparams.h"
#include "backend/api/router.h"

#include <QTest>

using namespace qaconsole;
using api::RouteMatch;
using metrics::Route;

Q_DECLARE_METATYPE(metrics::Route)

class TestRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routes_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<Route>("route");
        QTest::addColumn<QString>("id");
        const auto row = [](const char* method, const char* path, Route route, const char* id) {
            QTest::addRow("%s %s", method, path)
                << QString::fromLatin1(method) << QString::fromLatin1(path) << route
                << QString::fromLatin1(id);
        };
        row("GET", "/qa/questions", Route::ListQuestions, "");
        row("GET", "/qa/questions/", Route::ListQuestions, "");
        row("POST", "/qa/questions", Route::AddQuestion, "");
        row("POST", "/qa/questions/", Route::AddQuestion, "");
        row("GET", "/qa/questions/12/answers", Route::ListAnswers, "12");
        row("GET", "/qa/questions/12/answers/", Route::ListAnswers, "12");
        row("POST", "/qa/questions/12/answers", Route::AddAnswer, "12");
        row("PUT", "/qa/questions/7/helpful", Route::QuestionHelpful, "7");
        row("PUT", "/qa/questions/7/report/", Route::QuestionReport, "7");
        row("PUT", "/qa/answers/9/helpful", Route::AnswerHelpful, "9");
        row("PUT", "/qa/answers/9/report", Route::AnswerReport, "9");
        // The id is matched as sent; validating it (422) is the next step.
        row("GET", "/qa/questions/abc/answers", Route::ListAnswers, "abc");
        row("PUT", "/qa/answers/0/report", Route::AnswerReport, "0");
        row("GET", "/health", Route::Health, "");
        row("GET", "/ready/", Route::Ready, "");
        row("GET", "/metrics", Route::Metrics, "");
    }

    void routes()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(Route, route);
        QFETCH(QString, id);
        const std::string m = method.toStdString();
        const std::string p = path.toStdString();
        const RouteMatch match = api::matchRoute(m, p);
        QCOMPARE(int(match.outcome), int(RouteMatch::Outcome::Found));
        QCOMPARE(match.route, route);
        QCOMPARE(QString::fromUtf8(match.idSegment.data(), qsizetype(match.idSegment.size())), id);
    }

    void unknownPaths()
    {
        for (const char* path :
             {"/", "", "qa/questions", "/qa", "/qa/", "/qa/question", "/qa/questions//",
              "/qa//questions", "/qa/questions/1", "/qa/questions/1/answer",
              "/qa/questions/1/answers/2", "/qa/answers", "/qa/answers/1", "/qa/answers/1/answers",
              "/qa/questions/1/helpful/x", "/QA/questions", "/health/x", "/api/qa/questions",
              "/qa/questions/1/2/3/4/5"}) {
            const RouteMatch match = api::matchRoute("GET", path);
            QVERIFY2(match.outcome == RouteMatch::Outcome::UnknownPath, path);
            QCOMPARE(match.route, Route::Other);
            QCOMPARE(int(api::matchRoute("PUT", path).outcome),
                     int(RouteMatch::Outcome::UnknownPath));
        }
    }

    void wrongMethods_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("allow");
        const auto row = [](const char* method, const char* path, const char* allow) {
            QTest::addRow("%s %s", method, path)
                << QString::fromLatin1(method) << QString::fromLatin1(path)
                << QString::fromLatin1(allow);
        };
        row("PUT", "/qa/questions", "GET, POST");
        row("DELETE", "/qa/questions/", "GET, POST");
        row("PATCH", "/qa/questions/1/answers", "GET, POST");
        row("GET", "/qa/questions/1/helpful", "PUT");
        row("POST", "/qa/questions/1/report", "PUT");
        row("DELETE", "/qa/answers/1/helpful", "PUT");
        row("GET", "/qa/answers/1/report", "PUT");
        row("POST", "/health", "GET");
        row("PUT", "/ready", "GET");
        row("DELETE", "/metrics", "GET");
        row("get", "/qa/questions", "GET, POST"); // methods are case-sensitive
    }

    void wrongMethods()
    {
        QFETCH(QString, method);
        QFETCH(QString, path);
        QFETCH(QString, allow);
        const std::string m = method.toStdString();
        const std::string p = path.toStdString();
        const RouteMatch match = api::matchRoute(m, p);
        QCOMPARE(int(match.outcome), int(RouteMatch::Outcome::MethodNotAllowed));
        QCOMPARE(match.route, Route::Other);
        QCOMPARE(QString::fromLatin1(match.allow.data(), qsizetype(match.allow.size())), allow);
    }

    void queryValues()
    {
        using api::queryValue;
        QCOMPARE(queryValue("product_id=1&page=2", "page"), std::optional<std::string>("2"));
        QCOMPARE(queryValue("product_id=1&page=2", "product_id"), std::optional<std::string>("1"));
        QCOMPARE(queryValue("product_id=1", "count"), std::nullopt);
        QCOMPARE(queryValue("", "count"), std::nullopt);
        QCOMPARE(queryValue("count", "count"), std::optional<std::string>(""));
        QCOMPARE(queryValue("count=", "count"), std::optional<std::string>(""));
        QCOMPARE(queryValue("count=1&count=2", "count"), std::optional<std::string>("1"));
        QCOMPARE(queryValue("a=%41%2b+b", "a"), std::optional<std::string>("A+ b"));
        QCOMPARE(queryValue("a=%zz%4", "a"), std::optional<std::string>("%zz%4"));
        QCOMPARE(queryValue("product%5Fid=3", "product_id"), std::optional<std::string>("3"));
        QCOMPARE(queryValue("xproduct_id=3", "product_id"), std::nullopt);
        QCOMPARE(queryValue("&&page=4&", "page"), std::optional<std::string>("4"));
    }
};

QTEST_APPLESS_MAIN(TestRouter)
#include "tst_router.moc"
