// The handler over a fake store: every route reaches the store with validated values, every
// failure becomes the status, body and headers of the contract (404, 405 + Allow, 400, 422,
// 503 + Retry-After, 409, 500), writes get "now" from the injected clock, and every request is
// counted in the worker's metrics. No database involved.

#include "backend/api/apihandler.h"
#include "backend/http/httprequest.h"
#include "backend/http/httpresponse.h"
#include "backend/metrics/metricsregistry.h"
#include "backend/store/qareader.h"
#include "backend/store/qawriter.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <optional>
#include <stdexcept>
#include <vector>

using namespace qaconsole;
using metrics::Route;

namespace {

class FakeStore final : public store::QaReader, public store::QaWriter
{
public:
    std::optional<store::StoreFailure> failure; // returned by every call when set
    bool throwing = false;
    std::vector<std::string> calls;
    store::NewQuestion lastQuestion;
    store::NewAnswer lastAnswer;
    store::PageRequest lastPage;

    store::StoreResult<std::vector<store::Question>> listQuestions(std::int32_t productId,
                                                                   store::PageRequest page) override
    {
        note("listQuestions " + std::to_string(productId));
        lastPage = page;
        if (failure)
            return *failure;
        return std::vector<store::Question>{{1, "Does it fit?", 1595884714409, "jo", 2, {}}};
    }
    store::StoreResult<std::vector<store::Answer>> listAnswers(std::int32_t questionId,
                                                               store::PageRequest page) override
    {
        note("listAnswers " + std::to_string(questionId));
        lastPage = page;
        if (failure)
            return *failure;
        return std::vector<store::Answer>{};
    }
    store::StoreResult<store::Done> ping() override
    {
        note("ping");
        if (failure)
            return *failure;
        return store::Done{};
    }
    store::StoreResult<std::int32_t> addQuestion(const store::NewQuestion& question) override
    {
        note("addQuestion");
        lastQuestion = question;
        if (failure)
            return *failure;
        return 3518964;
    }
    store::StoreResult<store::WrittenItem> addAnswer(const store::NewAnswer& answer) override
    {
        note("addAnswer " + std::to_string(answer.questionId));
        lastAnswer = answer;
        if (failure)
            return *failure;
        return store::WrittenItem{6879307, 1000011, answer.questionId};
    }
    store::StoreResult<store::WrittenItem> mark(store::ItemKind kind, store::Mark mark,
                                                std::int32_t id) override
    {
        note(std::string(kind == store::ItemKind::Question ? "question " : "answer ") +
             (mark == store::Mark::Helpful ? "helpful " : "report ") + std::to_string(id));
        if (failure)
            return *failure;
        return store::WrittenItem{id, 1000011, kind == store::ItemKind::Question ? id : 1};
    }

private:
    void note(std::string call)
    {
        if (throwing)
            throw std::runtime_error("boom");
        calls.push_back(std::move(call));
    }
};

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

constexpr std::int64_t kNow = 1700000000123;

} // namespace

class TestApiHandler : public QObject
{
    Q_OBJECT

private:
    FakeStore m_store;
    std::unique_ptr<metrics::MetricsRegistry> m_registry;
    std::unique_ptr<api::ApiHandler> m_handler;
    http::HttpResponse m_response;

    const http::HttpResponse& send(std::string_view method, std::string_view target,
                                   std::string_view body = std::string_view(),
                                   std::string_view contentType = "application/json")
    {
        const std::size_t question = target.find('?');
        std::vector<http::HttpHeader> headers;
        if (!contentType.empty())
            headers.push_back({"content-type", contentType});
        http::HttpRequest request;
        request.method = method;
        request.target = target;
        request.path = target.substr(0, question);
        request.query =
            question == std::string_view::npos ? std::string_view{} : target.substr(question + 1);
        request.headers = headers;
        request.body = body;
        m_response.clear();
        m_handler->handle(request, m_response);
        if (m_response.deferred) { // as the HTTP worker does at the end of its turn
            http::HttpResponse* const answers[] = {&m_response};
            m_handler->completeDeferred(answers);
        }
        return m_response;
    }

    QJsonObject json() const
    {
        return QJsonDocument::fromJson(QByteArray::fromStdString(m_response.body)).object();
    }

    std::string header(std::string_view name) const
    {
        for (const auto& [key, value] : m_response.headers) {
            if (key == name)
                return value;
        }
        return {};
    }

    void expectError(int status, const char* code, const char* field = nullptr)
    {
        QCOMPARE(m_response.status, status);
        QCOMPARE(m_response.contentType, std::string_view("application/json; charset=utf-8"));
        const QJsonObject body = json();
        QCOMPARE(body.value(u"error").toString(), QString::fromLatin1(code));
        QVERIFY(!body.value(u"message").toString().isEmpty());
        if (field)
            QCOMPARE(body.value(u"field").toString(), QString::fromLatin1(field));
        else
            QVERIFY(!body.contains(u"field"));
    }

    std::uint64_t counted(Route route, int status) const
    {
        return m_registry->worker(0).requests(route, metrics::WorkerMetrics::statusSlot(status));
    }

private Q_SLOTS:
    void init()
    {
        m_store = FakeStore();
        m_registry = std::make_unique<metrics::MetricsRegistry>(1);
        m_handler = std::make_unique<api::ApiHandler>(
            m_store, m_store, *m_registry, 0,
            [] {
                return metrics::ServerGauges{3, 1, 2.5};
            },
            [] { return kNow; });
    }

    void listQuestionsPassesValidatedValues()
    {
        send("GET", "/qa/questions/?product_id=42&page=3&count=7");
        QCOMPARE(m_response.status, 200);
        QCOMPARE(m_store.calls, std::vector<std::string>{"listQuestions 42"});
        QCOMPARE(m_store.lastPage.page, 3);
        QCOMPARE(m_store.lastPage.count, 7);
        QCOMPARE(json().value(u"product_id").toString(), QStringLiteral("42"));
        QCOMPARE(counted(Route::ListQuestions, 200), 1u);
        QVERIFY(m_registry->worker(0).databaseConnected());
    }

    void listAnswersDefaultsPaging()
    {
        send("GET", "/qa/questions/9/answers");
        QCOMPARE(m_response.status, 200);
        QCOMPARE(m_store.calls, std::vector<std::string>{"listAnswers 9"});
        QCOMPARE(json().value(u"page").toInt(), 1);
        QCOMPARE(json().value(u"count").toInt(), 5);
        QCOMPARE(json().value(u"question").toString(), QStringLiteral("9"));
    }

    void invalidParametersNeverReachTheStore()
    {
        send("GET", "/qa/questions");
        expectError(422, "validation_failed", "product_id");
        send("GET", "/qa/questions?product_id=abc");
        expectError(422, "validation_failed", "product_id");
        send("GET", "/qa/questions?product_id=1&count=0");
        expectError(422, "validation_failed", "count");
        send("GET", "/qa/questions/abc/answers");
        expectError(422, "validation_failed", "question_id");
        send("GET", "/qa/questions/1/answers?page=0");
        expectError(422, "validation_failed", "page");
        send("PUT", "/qa/answers/0/helpful");
        expectError(422, "validation_failed", "answer_id");
        send("PUT", "/qa/questions/2147483648/report");
        expectError(422, "validation_failed", "question_id");
        send("POST", "/qa/questions/x/answers", R"({"body":"a","name":"n","email":"a@b"})");
        expectError(422, "validation_failed", "question_id");
        QVERIFY(m_store.calls.empty());
        QCOMPARE(counted(Route::ListQuestions, 422), 3u);
    }

    void unknownPathAndWrongMethod()
    {
        send("GET", "/nope");
        expectError(404, "not_found");
        QCOMPARE(counted(Route::Other, 404), 1u);
        send("DELETE", "/qa/questions");
        expectError(405, "method_not_allowed");
        QCOMPARE(header("Allow"), std::string("GET, POST"));
        send("GET", "/qa/answers/1/report");
        expectError(405, "method_not_allowed");
        QCOMPARE(header("Allow"), std::string("PUT"));
        QCOMPARE(counted(Route::Other, 405), 2u);
        QVERIFY(m_store.calls.empty());
    }

    void addQuestion()
    {
        send("POST", "/qa/questions",
             R"({"body":" Does it fit? ","name":"jo","email":"jo@x.com","product_id":5})",
             "application/json; charset=utf-8");
        QCOMPARE(m_response.status, 201);
        QCOMPARE(header("Location"), std::string("/qa/questions/3518964"));
        QCOMPARE(m_response.body, std::string(R"({"question_id":3518964})"));
        QCOMPARE(m_store.lastQuestion.body, std::string("Does it fit?"));
        QCOMPARE(m_store.lastQuestion.productId, 5);
        QCOMPARE(m_store.lastQuestion.dateWrittenMs, kNow);
        QCOMPARE(counted(Route::AddQuestion, 201), 1u);
    }

    void addAnswer()
    {
        send("POST", "/qa/questions/12/answers/",
             apos("{'body':'Yes','name':'jo','email':'jo@x.com','photos':['https://x/1.jpg']}"));
        QCOMPARE(m_response.status, 201);
        QCOMPARE(m_response.body, std::string(R"({"answer_id":6879307})"));
        QCOMPARE(m_store.lastAnswer.questionId, 12);
        QCOMPARE(m_store.lastAnswer.photoUrls, std::vector<std::string>{"https://x/1.jpg"});
        QCOMPARE(m_store.lastAnswer.dateWrittenMs, kNow);
    }

    void badBodies()
    {
        send("POST", "/qa/questions", R"({"body":"a","name":"n","email":"a@b","product_id":1})",
             "text/plain");
        expectError(400, "unsupported_content_type");
        send("POST", "/qa/questions", R"({"body":"a","name":"n","email":"a@b","product_id":1})",
             "");
        expectError(400, "unsupported_content_type");
        send("POST", "/qa/questions", "{not json");
        expectError(400, "invalid_json");
        send("POST", "/qa/questions/1/answers", "[]");
        expectError(400, "not_an_object");
        send("POST", "/qa/questions", R"({"body":"a","name":"n","email":"ab","product_id":1})");
        expectError(422, "validation_failed", "email");
        // Valid JSON with a number no double holds: the field's rule, not "not valid JSON".
        send("POST", "/qa/questions",
             R"({"body":"a","name":"n","email":"a@b","product_id":1e400})");
        expectError(422, "validation_failed", "product_id");
        QVERIFY(m_store.calls.empty());
    }

    void marks()
    {
        send("PUT", "/qa/questions/5/helpful");
        QCOMPARE(m_response.status, 204);
        QVERIFY(m_response.body.empty());
        send("PUT", "/qa/questions/5/report", {}, {}); // no body, no content type: fine
        QCOMPARE(m_response.status, 204);
        send("PUT", "/qa/answers/6/helpful/");
        QCOMPARE(m_response.status, 204);
        send("PUT", "/qa/answers/6/report", "ignored", "text/plain");
        QCOMPARE(m_response.status, 204);
        QCOMPARE(m_store.calls, (std::vector<std::string>{"question helpful 5", "question report 5",
                                                          "answer helpful 6", "answer report 6"}));
        QCOMPARE(counted(Route::QuestionHelpful, 204), 1u);
        QCOMPARE(counted(Route::AnswerReport, 204), 1u);
    }

    void notFoundFromTheStore()
    {
        m_store.failure = store::StoreFailure{store::StoreError::NotFound, "no such row"};
        send("PUT", "/qa/answers/77/helpful");
        expectError(404, "not_found");
        QCOMPARE(json().value(u"message").toString(), QStringLiteral("Answer 77 does not exist."));
        send("POST", "/qa/questions/88/answers", R"({"body":"a","name":"n","email":"a@b"})");
        expectError(404, "not_found");
        QCOMPARE(json().value(u"message").toString(),
                 QStringLiteral("Question 88 does not exist."));
        QCOMPARE(m_registry->worker(0).databaseErrors(), 0u);
    }

    void databaseDown()
    {
        m_store.failure = store::StoreFailure{store::StoreError::Unavailable, "connection refused"};
        send("GET", "/qa/questions?product_id=1");
        expectError(503, "database_unavailable");
        QCOMPARE(header("Retry-After"), std::string("1"));
        QVERIFY(m_response.body.find("refused") == std::string::npos); // details stay in logs
        QVERIFY(!m_registry->worker(0).databaseConnected());
        send("GET", "/ready");
        expectError(503, "database_unavailable");
        QCOMPARE(header("Retry-After"), std::string("1"));
        send("GET", "/health");
        QCOMPARE(m_response.status, 200);
        QCOMPARE(m_registry->worker(0).databaseErrors(), 2u);

        m_store.failure.reset();
        send("GET", "/ready");
        QCOMPARE(m_response.status, 200);
        QCOMPARE(json().value(u"status").toString(), QStringLiteral("ready"));
        QVERIFY(m_registry->worker(0).databaseConnected());
    }

    void otherStoreFailures()
    {
        m_store.failure = store::StoreFailure{store::StoreError::Timeout, "canceled"};
        send("PUT", "/qa/questions/1/helpful");
        expectError(503, "database_timeout");
        QCOMPARE(header("Retry-After"), std::string("1"));
        m_store.failure = store::StoreFailure{store::StoreError::Conflict, "duplicate"};
        send("POST", "/qa/questions", R"({"body":"a","name":"n","email":"a@b","product_id":1})");
        expectError(409, "conflict");
        m_store.failure = store::StoreFailure{store::StoreError::Internal, "syntax error"};
        send("GET", "/qa/questions/1/answers");
        expectError(500, "internal_error");
        QCOMPARE(m_registry->worker(0).databaseErrors(), 3u);
    }

    void exceptionsBecome500()
    {
        m_store.throwing = true;
        send("GET", "/qa/questions?product_id=1");
        expectError(500, "internal_error");
        QCOMPARE(counted(Route::ListQuestions, 500), 1u);
    }

    void operationalEndpoints()
    {
        send("GET", "/health/");
        QCOMPARE(m_response.status, 200);
        QCOMPARE(json().value(u"status").toString(), QStringLiteral("ok"));
        send("GET", "/ready");
        QCOMPARE(m_response.status, 200);
        send("GET", "/metrics");
        QCOMPARE(m_response.status, 200);
        QCOMPARE(m_response.contentType, std::string_view("text/plain; version=0.0.4"));
        QVERIFY(m_response.body.find("qa_http_open_connections 3") != std::string::npos);
        QVERIFY(m_response.body.find("qa_http_worker_cpu_seconds_total 2.500000") !=
                std::string::npos);
        QCOMPARE(counted(Route::Health, 200), 1u);
        QCOMPARE(counted(Route::Ready, 200), 1u);
    }
};

QTEST_APPLESS_MAIN(TestApiHandler)
#include "tst_apihandler.moc"
