#pragma once

#include "backend/cache/cachekey.h"
#include "backend/cache/lookupresult.h"
#include "backend/store/records.h"
#include "backend/store/storeresult.h"

#include <chrono>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace qaconsole::http {
struct HttpResponse;
}
namespace qaconsole::store {
class QaReader;
}
namespace qaconsole::cache {
class CacheWorkerContext;
struct RecomputedResponse;
} // namespace qaconsole::cache

namespace qaconsole::api {

// The list reads (questions of a product, answers of a question) of one worker turn. Each is
// looked up in the in-process cache at once; a fresh hit is answered there and then. The rest
// wait for the end of the turn, when Redis is asked about all of them in one round trip and
// the database reads what is still missing in one more; identical reads in one turn share one
// read. Only after that, with nothing left that this thread owes, does a read that joined
// another thread's load of the same key wait for it. What was read goes back into the cache.
// Without a cache, only the batching remains.
class ListReadBatch
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    struct Hooks
    {
        // The database answered (a list, maybe empty).
        std::function<void()> storeAnswered;
        // Writes the error response for a failed read, and keeps the handler's figures.
        std::function<void(const store::StoreFailure&, http::HttpResponse&)> storeFailed;
        // A deferred read has its response.
        std::function<void(const store::ListRead&, int status, TimePoint start)> finished;
    };

    ListReadBatch(store::QaReader& reader, cache::CacheWorkerContext* cache, Hooks hooks);
    ~ListReadBatch();

    // True when `response` was answered from the cache; false when it is deferred (the
    // response is marked so) until complete().
    bool serveOrDefer(const store::ListRead& read, TimePoint start, http::HttpResponse& response);
    // Answers every deferred read, responses[i] for the i-th deferred.
    void complete(std::span<http::HttpResponse* const> responses);
    // Reads one list again and renders it, for a write whose policy says "refresh".
    std::optional<cache::RecomputedResponse> recompute(const cache::CacheKey& key);

private:
    struct Pending
    {
        store::ListRead read;
        TimePoint start;
        int sharesWith = -1; // index of the earlier identical read whose answer this takes
        std::optional<std::size_t> readIndex; // its place in m_reads, when the database reads it
        cache::LookupResult found; // the cache's answer: a ticket to fill, maybe stale bytes
    };

    // Reads every pending read in m_reads from the database and answers it.
    void readAndAnswer(std::span<http::HttpResponse* const> responses);
    void answer(Pending& pending, const store::StoreResult<store::ListPage>& page,
                http::HttpResponse& response);

    store::QaReader& m_reader;
    cache::CacheWorkerContext* m_cache;
    Hooks m_hooks;
    std::vector<Pending> m_pending;
    std::vector<store::ListRead> m_reads;
    std::vector<store::StoreResult<store::ListPage>> m_pages;
    std::vector<cache::LookupResult*> m_lookups;
};

// The cache's key for a validated list read, and the read for a key.
cache::CacheKey cacheKeyOf(const store::ListRead& read);
store::ListRead listReadOf(const cache::CacheKey& key);
// The JSON of a list page, as the contract shapes it.
void renderListPage(const store::ListRead& read, const store::ListPage& page, std::string& body);

} // namespace qaconsole::api
