#include "backend/api/listreadbatch.h"

#include "backend/api/jsonrender.h"
#include "backend/cache/cachedresponse.h"
#include "backend/cache/cacheworkercontext.h"
#include "backend/http/httpresponse.h"
#include "backend/store/qareader.h"

#include <algorithm>

namespace qaconsole::api {

namespace {

bool sameRead(const store::ListRead& a, const store::ListRead& b)
{
    return a.of == b.of && a.id == b.id && a.page.page == b.page.page &&
           a.page.count == b.page.count;
}

// X-Cache says where an answer came from: HIT (and X-Cache-Layer), MISS, STALE (within
// stale-while-revalidate, being refreshed) or STALE-IF-ERROR (the database failed).
void serveCached(const cache::CachedResponse& entry, std::string_view how,
                 std::optional<cache::CacheLayer> layer, http::HttpResponse& response)
{
    response.status = entry.status;
    response.body = entry.body;
    response.headers.emplace_back("X-Cache", std::string(how));
    if (layer)
        response.headers.emplace_back("X-Cache-Layer", std::string(cache::layerName(*layer)));
}

// A lookup's answer, when it has one to serve now: a hit, or stale bytes nobody here refreshes.
bool serveFound(const cache::LookupResult& found, http::HttpResponse& response)
{
    if (found.step != cache::LookupResult::Step::Done || !found.servable() || found.shouldRefresh())
        return false;
    serveCached(*found.response, found.status == cache::LookupStatus::Fresh ? "HIT" : "STALE",
                found.layer, response);
    return true;
}

} // namespace

cache::CacheKey cacheKeyOf(const store::ListRead& read)
{
    return {read.of == store::ListRead::Of::ProductQuestions ? cache::DataClass::Questions
                                                             : cache::DataClass::Answers,
            read.id, read.page.page, read.page.count};
}

store::ListRead listReadOf(const cache::CacheKey& key)
{
    return {key.dataClass == cache::DataClass::Questions ? store::ListRead::Of::ProductQuestions
                                                         : store::ListRead::Of::QuestionAnswers,
            key.id,
            {key.page, key.count}};
}

void renderListPage(const store::ListRead& read, const store::ListPage& page, std::string& body)
{
    if (read.of == store::ListRead::Of::ProductQuestions)
        renderQuestionList(read.id, page.questions, body);
    else
        renderAnswerList(read.id, read.page, page.answers, body);
}

ListReadBatch::ListReadBatch(store::QaReader& reader, cache::CacheWorkerContext* cache, Hooks hooks)
    : m_reader(reader), m_cache(cache), m_hooks(std::move(hooks))
{}

ListReadBatch::~ListReadBatch() = default;

bool ListReadBatch::serveOrDefer(const store::ListRead& read, TimePoint start,
                                 http::HttpResponse& response)
{
    Pending pending{read, start, -1, std::nullopt, {}};
    for (std::size_t i = 0; i < m_pending.size(); ++i) {
        if (m_pending[i].sharesWith < 0 && sameRead(m_pending[i].read, read)) {
            pending.sharesWith = int(i);
            break;
        }
    }
    if (pending.sharesWith < 0 && m_cache) {
        pending.found = m_cache->begin(cacheKeyOf(read));
        if (serveFound(pending.found, response))
            return true;
    }
    m_pending.push_back(std::move(pending));
    response.deferred = true;
    return false;
}

void ListReadBatch::complete(std::span<http::HttpResponse* const> responses)
{
    const std::size_t count = std::min(m_pending.size(), responses.size());
    // 1. Redis, for every read that needs it, in one round trip.
    // The Redis fills of the turn are kept past its end (also when it throws), to ride in the
    // worker's next Redis round trip.
    const cache::CacheWorkerContext::FillBatch fills(m_cache);
    if (m_cache) {
        m_lookups.clear();
        for (std::size_t i = 0; i < count; ++i) {
            if (m_pending[i].found.needsRedis())
                m_lookups.push_back(&m_pending[i].found);
        }
        m_cache->resolveRedis(m_lookups);
    }
    // 2. The database, for the misses and the stale copies this thread refreshes.
    for (std::size_t i = 0; i < count; ++i) {
        Pending& pending = m_pending[i];
        if (pending.sharesWith >= 0 || pending.found.waits())
            continue;
        if (serveFound(pending.found, *responses[i]))
            continue;
        pending.readIndex = m_reads.size();
        m_reads.push_back(pending.read);
    }
    readAndAnswer(responses.first(count));
    // 3. Reads that joined another thread's load, now that this thread owes nothing. A load
    // given up sends the read to the database after all, in one more round trip.
    if (m_cache) {
        for (std::size_t i = 0; i < count; ++i) {
            Pending& pending = m_pending[i];
            if (!pending.found.waits())
                continue;
            m_cache->resolveWait(pending.found);
            if (!serveFound(pending.found, *responses[i])) {
                pending.readIndex = m_reads.size();
                m_reads.push_back(pending.read);
            }
        }
        readAndAnswer(responses.first(count));
    }
    for (std::size_t i = 0; i < count; ++i) {
        Pending& pending = m_pending[i];
        http::HttpResponse& response = *responses[i];
        if (pending.sharesWith >= 0) {
            const http::HttpResponse& shared = *responses[std::size_t(pending.sharesWith)];
            response.status = shared.status;
            response.body = shared.body;
            response.contentType = shared.contentType;
            response.headers = shared.headers;
        }
        m_hooks.finished(pending.read, response.status, pending.start);
    }
    m_pending.clear(); // drops unfilled tickets, releasing whoever waits on them
}

void ListReadBatch::readAndAnswer(std::span<http::HttpResponse* const> responses)
{
    if (m_reads.empty())
        return;
    try {
        m_reader.readLists(m_reads, m_pages);
    } catch (const std::exception& error) {
        // A bug or exhausted memory: every read of the turn fails, and the batch still ends
        // cleanly (its tickets released, its figures kept).
        m_pages.clear();
        for (std::size_t i = 0; i < m_reads.size(); ++i)
            m_pages.emplace_back(store::StoreFailure{store::StoreError::Internal, error.what()});
    }
    for (std::size_t i = 0; i < responses.size(); ++i) {
        Pending& pending = m_pending[i];
        if (!pending.readIndex)
            continue;
        answer(pending, m_pages[*pending.readIndex], *responses[i]);
        pending.readIndex.reset();
        // Its ticket is filled or given up now, before anything of this turn waits.
        pending.found = cache::LookupResult{};
    }
    m_reads.clear();
    m_pages.clear();
}

void ListReadBatch::answer(Pending& pending, const store::StoreResult<store::ListPage>& page,
                           http::HttpResponse& response)
{
    // Bytes served while being refreshed (stale-while-revalidate) are the answer either way.
    const std::shared_ptr<const cache::CachedResponse> stale = pending.found.response;
    if (!page.ok()) {
        m_hooks.storeFailed(page.failure(), response);
        if (stale) {
            response.clear();
            serveCached(*stale, "STALE", pending.found.layer, response);
        } else if (m_cache) {
            if (auto kept = m_cache->useStaleIfError(pending.found)) {
                response.clear();
                serveCached(*kept, "STALE-IF-ERROR", std::nullopt, response);
            }
        }
        return;
    }
    m_hooks.storeAnswered();
    renderListPage(pending.read, page.value(), response.body);
    if (m_cache)
        m_cache->fill(pending.found, response.status, response.body);
    if (stale) {
        response.clear();
        serveCached(*stale, "STALE", pending.found.layer, response);
    } else if (m_cache) {
        response.headers.emplace_back("X-Cache", "MISS");
    }
}

std::optional<cache::RecomputedResponse> ListReadBatch::recompute(const cache::CacheKey& key)
{
    const store::ListRead read = listReadOf(key);
    const store::ListRead reads[] = {read};
    std::vector<store::StoreResult<store::ListPage>> pages;
    m_reader.readLists(reads, pages);
    if (pages.empty() || !pages.front().ok())
        return std::nullopt;
    cache::RecomputedResponse fresh;
    renderListPage(read, pages.front().value(), fresh.body);
    return fresh;
}

} // namespace qaconsole::api
