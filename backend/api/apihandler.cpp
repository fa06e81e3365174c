#include "backend/api/apihandler.h"

#include "backend/api/apierror.h"
#include "backend/api/errorresponse.h"
#include "backend/api/jsonrender.h"
#include "backend/api/router.h"
#include "backend/api/validation.h"
#include "backend/cache/cacheworkercontext.h"
#include "backend/cache/responsecache.h"
#include "backend/http/httprequest.h"
#include "backend/http/httpresponse.h"
#include "backend/store/qareader.h"
#include "backend/store/qawriter.h"

#include <QLoggingCategory>

#include <algorithm>
#include <chrono>

namespace qaconsole::api {

namespace {

Q_LOGGING_CATEGORY(lcApi, "qaconsole.api")

using metrics::Route;

// When the worker is to ask again about a parked write: its due time, rounded up to the
// worker's millisecond clock (both are std::chrono::steady_clock).
std::int64_t resumeAtMs(const cache::PendingWrite& write)
{
    return (write.dueNs() + 999'999) / 1'000'000;
}

std::string itemName(std::string_view kind, std::int32_t id)
{
    return std::string(kind) + ' ' + std::to_string(id);
}

} // namespace

ApiHandler::ApiHandler(store::QaReader& reader, store::QaWriter& writer,
                       metrics::MetricsRegistry& registry, int worker,
                       std::function<metrics::ServerGauges()> gauges, WallClock now,
                       cache::CacheWorkerContext* cache, const cache::ResponseCache* sharedCache)
    : m_reader(reader), m_writer(writer), m_registry(registry), m_metrics(registry.worker(worker)),
      m_worker(worker), m_gauges(std::move(gauges)), m_now(std::move(now)), m_cache(cache),
      m_sharedCache(sharedCache),
      m_lists(reader, cache,
              {[this] { noteConnected(true); },
               [this](const store::StoreFailure& failure, http::HttpResponse& response) {
                   succeeded(store::StoreResult<store::Done>(failure), {}, response);
               },
               [this](const store::ListRead& read, int status, ListReadBatch::TimePoint start) {
                   record(read.of == store::ListRead::Of::ProductQuestions ? Route::ListQuestions
                                                                           : Route::ListAnswers,
                          status, start);
               }})
{}

ApiHandler::~ApiHandler() = default;

void ApiHandler::handle(const http::HttpRequest& request, http::HttpResponse& response)
{
    m_requestStart = std::chrono::steady_clock::now();
    const RouteMatch match = matchRoute(request.method, request.path);
    const Route route = match.outcome == RouteMatch::Outcome::Found ? match.route : Route::Other;
    try {
        dispatch(match, request, response);
    } catch (const std::exception& error) {
        // Only a bug or exhausted memory gets here: the store and the validators return errors.
        qCWarning(lcApi, "worker %d: internal error: %s", m_worker, error.what());
        response.clear();
        writeError({ApiErrorKind::Internal, "An internal error occurred."}, response);
    } catch (...) {
        qCWarning(lcApi, "worker %d: internal error of unknown type", m_worker);
        response.clear();
        writeError({ApiErrorKind::Internal, "An internal error occurred."}, response);
    }
    if (!response.deferred && !response.parked)
        record(route, response.status, m_requestStart);
}

void ApiHandler::completeDeferred(std::span<http::HttpResponse* const> responses)
{
    try {
        m_lists.complete(responses);
    } catch (const std::exception& error) {
        qCWarning(lcApi, "worker %d: internal error: %s", m_worker, error.what());
        for (http::HttpResponse* response : responses) {
            response->clear();
            writeError({ApiErrorKind::Internal, "An internal error occurred."}, *response);
        }
    }
    if (m_cache)
        m_metrics.setRedisConnected(m_cache->redisConnected());
}

void ApiHandler::serveList(const store::ListRead& read, http::HttpResponse& response)
{
    m_lists.serveOrDefer(read, m_requestStart, response);
    if (m_cache)
        m_metrics.setRedisConnected(m_cache->redisConnected());
}

void ApiHandler::afterWrite(cache::WriteKind kind, bool onAnswer, const store::WrittenItem& item,
                            Route route, http::HttpResponse& response)
{
    if (!m_cache)
        return;
    // Done here unless no instance may be trusted yet not to list what the write changed as
    // it was (the cache counts and logs writes whose invalidation was delayed: one line when
    // the channel goes, one when it is back, not one per write).
    cache::PendingWrite write =
        m_cache->beginWrite({kind, onAnswer, item.productId, item.questionId},
                            [this](const cache::CacheKey& key) { return m_lists.recompute(key); });
    m_metrics.setRedisConnected(m_cache->redisConnected());
    if (write.finished())
        return;
    ParkedWrite parked{m_nextParkId++,
                       std::move(write),
                       response.status,
                       std::move(response.body),
                       std::move(response.headers),
                       route,
                       m_requestStart};
    response.clear();
    response.parked = true;
    response.parkId = parked.id;
    response.resumeAtMs = resumeAtMs(parked.write);
    m_parked.push_back(std::move(parked));
}

std::int64_t ApiHandler::resumeParked(std::uint64_t parkId, http::HttpResponse& response)
{
    const auto parked = std::find_if(m_parked.begin(), m_parked.end(),
                                     [parkId](const ParkedWrite& p) { return p.id == parkId; });
    if (parked == m_parked.end()) { // not ours: the worker's contract was broken
        writeError({ApiErrorKind::Internal, "An internal error occurred."}, response);
        return 0;
    }
    m_cache->continueWrite(parked->write);
    m_metrics.setRedisConnected(m_cache->redisConnected());
    if (!parked->write.finished())
        return resumeAtMs(parked->write);
    response.status = parked->status;
    response.body = std::move(parked->body);
    response.headers = std::move(parked->headers);
    record(parked->route, response.status, parked->start);
    m_parked.erase(parked);
    return 0;
}

void ApiHandler::dropParked(std::uint64_t parkId)
{
    const auto parked = std::find_if(m_parked.begin(), m_parked.end(),
                                     [parkId](const ParkedWrite& p) { return p.id == parkId; });
    if (parked == m_parked.end())
        return;
    // The write is committed; only its answer is gone.
    m_cache->abandonWrite(parked->write);
    m_parked.erase(parked);
}

std::int64_t ApiHandler::onTurnEnd(std::int64_t nowMs)
{
    return m_cache ? m_cache->sendDueFills(nowMs) : 0;
}

void ApiHandler::record(Route route, int status, std::chrono::steady_clock::time_point start)
{
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
    m_metrics.recordRequest(route, status, micros);
}

void ApiHandler::dispatch(const RouteMatch& match, const http::HttpRequest& request,
                          http::HttpResponse& response)
{
    if (match.outcome == RouteMatch::Outcome::UnknownPath) {
        writeError({ApiErrorKind::UnknownPath, "No route matches this path."}, response);
        return;
    }
    if (match.outcome == RouteMatch::Outcome::MethodNotAllowed) {
        writeError({ApiErrorKind::MethodNotAllowed,
                    "This path does not take this method.",
                    {},
                    match.allow},
                   response);
        return;
    }
    switch (match.route) {
    case Route::ListQuestions:
        listQuestions(request, response);
        break;
    case Route::ListAnswers:
        listAnswers(match, request, response);
        break;
    case Route::AddQuestion:
        addQuestion(request, response);
        break;
    case Route::AddAnswer:
        addAnswer(match, request, response);
        break;
    case Route::QuestionHelpful:
    case Route::QuestionReport:
    case Route::AnswerHelpful:
    case Route::AnswerReport:
        markItem(match, response);
        break;
    case Route::Health:
        renderStatus("ok", response.body);
        break;
    case Route::Ready:
        ready(response);
        break;
    case Route::Metrics:
        metricsText(response);
        break;
    case Route::Other:
        writeError({ApiErrorKind::UnknownPath, "No route matches this path."}, response);
        break;
    }
}

void ApiHandler::listQuestions(const http::HttpRequest& request, http::HttpResponse& response)
{
    const Validated<QuestionListQuery> query = validateQuestionListQuery(request.query);
    if (const auto* error = std::get_if<ApiError>(&query))
        return writeError(*error, response);
    const auto& [productId, page] = std::get<QuestionListQuery>(query);
    serveList({store::ListRead::Of::ProductQuestions, productId, page}, response);
}

void ApiHandler::listAnswers(const RouteMatch& match, const http::HttpRequest& request,
                             http::HttpResponse& response)
{
    const Validated<std::int32_t> questionId = validateId(match.idSegment, "question_id");
    if (const auto* error = std::get_if<ApiError>(&questionId))
        return writeError(*error, response);
    const Validated<store::PageRequest> page = validatePaging(request.query);
    if (const auto* error = std::get_if<ApiError>(&page))
        return writeError(*error, response);
    serveList({store::ListRead::Of::QuestionAnswers, std::get<std::int32_t>(questionId),
               std::get<store::PageRequest>(page)},
              response);
}

void ApiHandler::addQuestion(const http::HttpRequest& request, http::HttpResponse& response)
{
    Validated<store::NewQuestion> question =
        validateNewQuestion(request.header("content-type"), request.body);
    if (const auto* error = std::get_if<ApiError>(&question))
        return writeError(*error, response);
    auto& newQuestion = std::get<store::NewQuestion>(question);
    newQuestion.dateWrittenMs = m_now();
    const auto result = m_writer.addQuestion(newQuestion);
    if (!succeeded(result, {}, response))
        return;
    response.status = 201;
    response.headers.emplace_back("Location", "/qa/questions/" + std::to_string(result.value()));
    renderCreated("question_id", result.value(), response.body);
    afterWrite(cache::WriteKind::NewQuestion, false,
               {result.value(), newQuestion.productId, result.value()}, Route::AddQuestion,
               response);
}

void ApiHandler::addAnswer(const RouteMatch& match, const http::HttpRequest& request,
                           http::HttpResponse& response)
{
    const Validated<std::int32_t> questionId = validateId(match.idSegment, "question_id");
    if (const auto* error = std::get_if<ApiError>(&questionId))
        return writeError(*error, response);
    const std::int32_t id = std::get<std::int32_t>(questionId);
    Validated<store::NewAnswer> answer =
        validateNewAnswer(id, request.header("content-type"), request.body);
    if (const auto* error = std::get_if<ApiError>(&answer))
        return writeError(*error, response);
    auto& newAnswer = std::get<store::NewAnswer>(answer);
    newAnswer.dateWrittenMs = m_now();
    const auto result = m_writer.addAnswer(newAnswer);
    if (!succeeded(result, itemName("Question", id), response))
        return;
    response.status = 201;
    renderCreated("answer_id", result.value().id, response.body);
    afterWrite(cache::WriteKind::NewAnswer, false, result.value(), Route::AddAnswer, response);
}

void ApiHandler::markItem(const RouteMatch& match, http::HttpResponse& response)
{
    const bool question =
        match.route == Route::QuestionHelpful || match.route == Route::QuestionReport;
    const bool helpful =
        match.route == Route::QuestionHelpful || match.route == Route::AnswerHelpful;
    const Validated<std::int32_t> id =
        validateId(match.idSegment, question ? "question_id" : "answer_id");
    if (const auto* error = std::get_if<ApiError>(&id))
        return writeError(*error, response);
    const std::int32_t value = std::get<std::int32_t>(id);
    const auto result =
        m_writer.mark(question ? store::ItemKind::Question : store::ItemKind::Answer,
                      helpful ? store::Mark::Helpful : store::Mark::Report, value);
    if (!succeeded(result, itemName(question ? "Question" : "Answer", value), response))
        return;
    response.status = 204;
    response.body.clear();
    afterWrite(helpful ? cache::WriteKind::HelpfulVote : cache::WriteKind::Report, !question,
               result.value(), match.route, response);
}

void ApiHandler::ready(http::HttpResponse& response)
{
    const auto result = m_reader.ping();
    if (!result.ok()) {
        // Whatever went wrong, the answer to "can this instance serve?" is no.
        m_metrics.recordDatabaseError();
        noteConnected(false, result.failure().detail);
        writeError({ApiErrorKind::Unavailable, "The database does not answer."}, response);
        return;
    }
    noteConnected(true);
    renderStatus("ready", response.body);
}

void ApiHandler::metricsText(http::HttpResponse& response)
{
    response.contentType = "text/plain; version=0.0.4";
    response.body = m_registry.prometheusText(m_gauges ? m_gauges() : metrics::ServerGauges{});
    if (m_sharedCache)
        cache::appendCachePrometheus(response.body, m_sharedCache->stats());
}

template <typename T>
bool ApiHandler::succeeded(const store::StoreResult<T>& result, std::string_view what,
                           http::HttpResponse& response)
{
    if (result.ok()) {
        noteConnected(true);
        return true;
    }
    const store::StoreFailure& failure = result.failure();
    switch (failure.error) {
    case store::StoreError::NotFound:
        noteConnected(true); // the database answered: the row is not there
        break;
    case store::StoreError::Unavailable:
        m_metrics.recordDatabaseError();
        noteConnected(false, failure.detail);
        break;
    case store::StoreError::Internal:
        m_metrics.recordDatabaseError();
        qCWarning(lcApi, "worker %d: database error: %s", m_worker, failure.detail.c_str());
        break;
    default:
        m_metrics.recordDatabaseError();
        break;
    }
    response.clear();
    writeError(ApiError::fromStore(failure, what), response);
    return false;
}

void ApiHandler::noteConnected(bool connected, const std::string& why)
{
    m_metrics.setDatabaseConnected(connected);
    if (connected == m_connected)
        return;
    m_connected = connected;
    if (connected)
        qCInfo(lcApi, "worker %d: database connection restored", m_worker);
    else
        qCWarning(lcApi, "worker %d: database unavailable (%s); reconnecting at most once a second",
                  m_worker, why.c_str());
}

} // namespace qaconsole::api
