#pragma once

#include "backend/http/httpserver.h"
#include "backend/http/requestparser.h"
#include "core/result.h"
#include "net/errorkind.h"
#include "net/poller.h"
#include "net/tcpsocket.h"
#include "net/waker.h"

#include <atomic>
#include <cstdint>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace qaconsole::http {

class Connection;
struct WorkerContext;

// One event loop on its own thread: owns its connections, its poller and its RequestHandler
// (created by the factory on this thread, used and destroyed only here). The acceptor hands it
// sockets through a small locked queue; that lock is taken once per accepted connection, never
// per request.
class Worker
{
public:
    Worker(int index, const HttpServerOptions& options, HttpServerStats& stats,
           const RequestHandlerFactory& factory);
    ~Worker(); // joins
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Starts the thread and waits until the handler exists. Failed with the reason (poller or
    // waker unavailable, factory failed or gave no handler).
    Status<net::ErrorKind> start();

    // Any thread: the worker takes the connection on its next loop turn.
    void adopt(net::TcpSocket socket);
    // Connections handed to this worker and not yet closed, for spreading new ones.
    int load() const { return m_load.load(std::memory_order_relaxed); }

    // Any thread: close idle connections, let the others finish their request, force the rest
    // closed at `graceMs` from now. join() waits for the thread.
    void beginStop(int graceMs);
    void join();

private:
    void run(std::promise<std::string>* ready);
    void loop();
    void adoptIncoming(WorkerContext& context, std::vector<net::NativeSocket>& incoming);
    void recycle(std::vector<Connection*>& closed);
    void completeDeferred(WorkerContext& context);
    // Asks the handler for the parked answers that are due (see RequestHandler::resumeParked).
    void completeParked(WorkerContext& context);
    std::int64_t earliestResume() const;
    void publishCpu();

    const int m_index;
    const HttpServerOptions& m_options;
    HttpServerStats& m_stats;
    const RequestHandlerFactory& m_factory;
    const ParserLimits m_limits;
    net::Poller m_poller;
    net::Waker m_waker;
    std::thread m_thread;
    std::atomic<int> m_load{0};

    std::mutex m_incomingLock;
    std::vector<net::NativeSocket> m_incoming; // guarded by m_incomingLock
    std::atomic<bool> m_stopRequested{false};
    std::atomic<int> m_graceMs{0};

    // Worker thread only.
    std::unique_ptr<RequestHandler> m_handler;
    std::vector<std::unique_ptr<Connection>> m_active;
    std::vector<std::unique_ptr<Connection>> m_pool;
    std::vector<Connection*> m_batch;          // the deferred requests being completed
    std::vector<HttpResponse*> m_batchAnswers; // their responses, in the same order
    // Parked connections, one request each, in no particular order: each connection's later
    // requests wait in its parser, so per-connection order needs nothing here. Empty, as it is
    // unless a handler parks, it costs each turn one test.
    std::vector<Connection*> m_parked;
    std::vector<Connection*> m_due;        // the parked answers being asked for this turn
    std::int64_t m_cpuPublishedMicros = 0; // of this thread, added to the stats so far
};

} // namespace qaconsole::http
