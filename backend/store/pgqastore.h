#pragma once

#include "backend/store/qareader.h"
#include "backend/store/qawriter.h"
#include "backend/store/reconnectgate.h"

#include <chrono>
#include <memory>
#include <string>

namespace qaconsole::store {

class PgSession;
struct ListBatch;

struct PgStoreOptions
{
    std::string dsn; // libpq keyword string or postgresql:// URL, with credentials
    int connectTimeoutSec = 2;
    std::chrono::milliseconds reconnectInterval{1000};
    int statementTimeoutMs = 5000; // a stuck statement must not hold a worker for long
    // A server that does not answer at all (frozen, unplugged) is given up on after this.
    int replyTimeoutMs = 7000;
    ReconnectGate::Clock clock = &std::chrono::steady_clock::now;
};

// The Q&A store on PostgreSQL through libpq: one connection, prepared statements only, one
// round trip per call, or per batch of list reads (readLists). Not thread-safe: each HTTP
// worker owns one.
class PgQaStore final : public QaReader, public QaWriter
{
public:
    // Tries to connect at once; a failure is not fatal, calls retry (see PgSession).
    explicit PgQaStore(const PgStoreOptions& options);
    ~PgQaStore() override;
    PgQaStore(const PgQaStore&) = delete;
    PgQaStore& operator=(const PgQaStore&) = delete;

    StoreResult<std::vector<Question>> listQuestions(std::int32_t productId,
                                                     PageRequest page) override;
    StoreResult<std::vector<Answer>> listAnswers(std::int32_t questionId,
                                                 PageRequest page) override;
    StoreResult<Done> ping() override;
    void readLists(std::span<const ListRead> reads,
                   std::vector<StoreResult<ListPage>>& pages) override;

    StoreResult<std::int32_t> addQuestion(const NewQuestion& question) override;
    StoreResult<WrittenItem> addAnswer(const NewAnswer& answer) override;
    StoreResult<WrittenItem> mark(ItemKind kind, Mark mark, std::int32_t id) override;

private:
    StoreResult<ListPage> readList(const ListRead& read);

    std::unique_ptr<PgSession> m_session;
    std::unique_ptr<ListBatch> m_batch; // readLists' buffers, reused
    StoreFailure m_configError;         // set when the DSN does not parse; every call returns it
    bool m_configBroken = false;
};

} // namespace qaconsole::store
