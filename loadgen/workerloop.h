#pragma once

#include "loadgen/arrivalschedule.h"
#include "loadgen/busypoll.h"
#include "loadgen/clientconnection.h"
#include "loadgen/intervalstats.h"
#include "loadgen/requestrenderer.h"
#include "net/poller.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace qaconsole::loadgen {

struct WorkerSetup;
struct WorkerShared;

// The event loop of one worker thread: connects, writes requests (all that are ready on a
// connection in one send), parses answers, times them and counts every request once. Closed
// models refill a connection as soon as an answer arrives; open models send each request at
// its scheduled time on a free connection and apply the scenario's policy when none is free.
// While answers are awaited it polls a little before sleeping in the kernel (busypoll.h).
class WorkerLoop
{
public:
    WorkerLoop(const WorkerSetup& setup, WorkerShared& shared);
    ~WorkerLoop();
    void run(); // returns when the run ended or stop was asked for

private:
    enum class Phase
    {
        Running,  // sending
        Draining, // no more sends; awaiting answers in flight until the graceful-stop deadline
        Done
    };

    std::int64_t now() const;
    void openConnection(std::size_t index, std::int64_t now);
    void closeConnection(ClientConnection& connection, std::int64_t retryAtNs);
    void onConnected(std::size_t index, std::int64_t now);
    void onConnectFailed(std::size_t index, std::int64_t now);
    void failConnection(std::size_t index, ErrorKind kind, std::int64_t now);
    void onReadable(std::size_t index, std::int64_t now);
    bool onResponse(std::size_t index, std::int64_t now);
    void afterAnswer(std::size_t index, std::int64_t now);
    void send(std::size_t index, std::int64_t intendedNs, std::int64_t now);
    void fillClosed(std::size_t index, std::int64_t now);
    void issueOpen(std::int64_t now);
    std::size_t freeConnection();
    void flushWrites(std::int64_t now);
    void maintainConnections(std::int64_t now);
    void checkTimeouts(std::int64_t now);
    void enterDraining(std::int64_t now);
    void publish();
    void waitForEvents(std::int64_t t);              // fills m_events, polling first when it pays
    std::int64_t waitTimeNs(std::int64_t now) const; // until the loop has something to do
    static int toWaitMs(std::int64_t waitNs);
    int wantedConnections(std::int64_t now) const;
    bool mayIssue() const;
    std::int64_t nextDueNs() const;

    const WorkerSetup& m_setup;
    WorkerShared& m_shared;
    bool m_open;          // open model
    std::size_t m_depth;  // pipeline
    std::int64_t m_endNs; // 0: no duration
    std::int64_t m_timeoutNs;
    std::uint64_t m_quota; // this worker's share of the request count; 0: none
    std::uint64_t m_issued = 0;
    int m_maxConnections; // this worker's share of the connection limit
    int m_openTarget;     // open model: connections wanted now (grows under policy Grow)
    Phase m_phase = Phase::Running;
    std::int64_t m_drainUntilNs = 0;

    net::Poller m_poller;
    std::vector<std::unique_ptr<ClientConnection>> m_connections;
    std::vector<std::size_t> m_toWrite;
    std::vector<std::size_t> m_free; // open model: connections that can take a request
    std::vector<net::PollEvent> m_events;
    std::vector<char> m_readBuffer;
    std::vector<std::vector<Check>> m_routeChecks;
    bool m_keepBody;
    RequestRenderer m_renderer;
    ArrivalSchedule m_schedule;
    BusyPoll m_busyPoll;
    std::uint64_t m_arrival = 0; // open model: this worker's next arrival, k (global k*W + i)
    std::int64_t m_nextMaintenanceNs = 0;
    std::int64_t m_nextTimeoutCheckNs = 0;
    std::uint64_t m_seenEpoch = 0;
    double m_cpuAtPublish = 0;
    IntervalStats m_stats;
    int m_openCount = 0;
    int m_connecting = 0;
    std::size_t m_inFlightTotal = 0;
    bool m_hasQuota = false;
    std::int64_t m_blockedAtNs = -1; // open model: when a due request last found no connection
};

} // namespace qaconsole::loadgen
