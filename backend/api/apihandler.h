#pragma once

#include "backend/api/listreadbatch.h"
#include "backend/cache/pendingwrite.h"
#include "backend/http/requesthandler.h"
#include "backend/metrics/metricsregistry.h"
#include "backend/metrics/route.h"
#include "backend/store/records.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qaconsole::store {
class QaReader;
class QaWriter;
template <typename T> class StoreResult;
} // namespace qaconsole::store

namespace qaconsole::cache {
class CacheWorkerContext;
class ResponseCache;
} // namespace qaconsole::cache

namespace qaconsole::api {

struct ApiError;
struct RouteMatch;

// The Q&A API on one worker thread: routes a request, validates it, asks the store, renders
// the JSON, and records the request in the worker's metrics. Every failure goes through
// writeError(); nothing escapes handle(). The store is used from this thread only.
class ApiHandler final : public http::RequestHandler
{
public:
    using WallClock = std::function<std::int64_t()>; // now, in epoch milliseconds

    // `cache` (this worker's link to `sharedCache`) may be null: no caching.
    ApiHandler(store::QaReader& reader, store::QaWriter& writer, metrics::MetricsRegistry& registry,
               int worker, std::function<metrics::ServerGauges()> gauges, WallClock now,
               cache::CacheWorkerContext* cache = nullptr,
               const cache::ResponseCache* sharedCache = nullptr);
    ~ApiHandler() override;

    // The list routes (questions of a product, answers of a question) are deferred once
    // validated: the reads of every request that arrived in one worker turn then go to the
    // database together, in one round trip, in completeDeferred().
    void handle(const http::HttpRequest& request, http::HttpResponse& response) override;
    void completeDeferred(std::span<http::HttpResponse* const> responses) override;
    // A write whose invalidation is not confirmed yet is parked rather than waited for on the
    // worker thread (docs/cache-coherence.md, "Writes"); these retry it and answer once the
    // cache says the answer may leave.
    std::int64_t resumeParked(std::uint64_t parkId, http::HttpResponse& response) override;
    void dropParked(std::uint64_t parkId) override;
    // The cache's Redis fills kept from earlier turns that no lookup took along go now.
    std::int64_t onTurnEnd(std::int64_t nowMs) override;

private:
    void dispatch(const RouteMatch& match, const http::HttpRequest& request,
                  http::HttpResponse& response);
    void listQuestions(const http::HttpRequest& request, http::HttpResponse& response);
    void listAnswers(const RouteMatch& match, const http::HttpRequest& request,
                     http::HttpResponse& response);
    void addQuestion(const http::HttpRequest& request, http::HttpResponse& response);
    void addAnswer(const RouteMatch& match, const http::HttpRequest& request,
                   http::HttpResponse& response);
    void markItem(const RouteMatch& match, http::HttpResponse& response);
    void ready(http::HttpResponse& response);
    void metricsText(http::HttpResponse& response);

    // True when `result` holds a value; else writes the error response. Keeps the metrics'
    // database figures and the log up to date either way.
    template <typename T>
    bool succeeded(const store::StoreResult<T>& result, std::string_view what,
                   http::HttpResponse& response);
    void noteConnected(bool connected, const std::string& why = {});
    void serveList(const store::ListRead& read, http::HttpResponse& response);
    // Drops or refreshes the cached lists a committed write changed (the policy says which).
    // `response` holds the write's answer; it is parked when the cache cannot let it leave yet.
    void afterWrite(cache::WriteKind kind, bool onAnswer, const store::WrittenItem& item,
                    metrics::Route route, http::HttpResponse& response);
    void record(metrics::Route route, int status, std::chrono::steady_clock::time_point start);

    store::QaReader& m_reader;
    store::QaWriter& m_writer;
    metrics::MetricsRegistry& m_registry;
    metrics::WorkerMetrics& m_metrics;
    int m_worker;
    std::function<metrics::ServerGauges()> m_gauges;
    WallClock m_now;
    bool m_connected = true; // as last reported, so the log shows changes only

    cache::CacheWorkerContext* m_cache;
    const cache::ResponseCache* m_sharedCache;
    ListReadBatch m_lists;

    // A committed write waiting for the cache, with the answer it will get.
    struct ParkedWrite
    {
        std::uint64_t id = 0;
        cache::PendingWrite write;
        int status = 0;
        std::string body;
        std::vector<std::pair<std::string, std::string>> headers;
        metrics::Route route{};
        std::chrono::steady_clock::time_point start;
    };
    std::vector<ParkedWrite> m_parked; // a handful at most: writes of the last second
    std::uint64_t m_nextParkId = 1;
    std::chrono::steady_clock::time_point m_requestStart;
};

} // namespace qaconsole::api
