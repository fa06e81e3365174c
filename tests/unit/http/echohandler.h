#pragma once

#include "backend/http/requesthandler.h"

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

// What the echo handlers of one server share with the test: counters and, per worker, the
// thread that created the handler and the thread that used it.
struct EchoRecord
{
    std::atomic<int> sleeping{0}; // handlers inside /sleep right now
    std::atomic<int> handled{0};
    std::atomic<int> largestBatch{0}; // most deferred requests completed together
    std::mutex lock;
    std::vector<std::thread::id> createdOn; // by worker index
    std::vector<std::thread::id> handledOn; // by worker index, the last request
};

// A test handler: answers "<METHOD> <path>?<query>\n<body>" as text, with the worker index in
// X-Worker. Special paths: /sleep?ms=N (stays in flight N ms), /big?bytes=N (an N-byte body),
// /status?code=N, /header?<lower-case name> (that header's value), /throw (breaks the
// no-throw rule). Paths under /defer are deferred and answered, with the echo and the size of
// their batch in X-Batch, when the worker completes its deferred requests.
class EchoHandler : public qaconsole::http::RequestHandler
{
public:
    EchoHandler(int worker, EchoRecord& record);
    void handle(const qaconsole::http::HttpRequest& request,
                qaconsole::http::HttpResponse& response) override;
    void completeDeferred(std::span<qaconsole::http::HttpResponse* const> responses) override;

    // A factory for HttpServer that records where each handler was created.
    static qaconsole::http::RequestHandlerFactory factory(EchoRecord& record);

private:
    std::string echo(const qaconsole::http::HttpRequest& request) const;

    std::vector<std::string> m_deferred; // echoes of the deferred requests, in order
    int m_worker;
    EchoRecord& m_record;
};
