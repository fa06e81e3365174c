#include "loadgen/workerloop.h"

#include "loadgen/loadworker.h"
#include "loadgen/workershared.h"
#include "net/cputime.h"
#include "net/tcpconnect.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <thread>

namespace qaconsole::loadgen {

namespace {

constexpr std::uint64_t kWakerToken = ~std::uint64_t(0);
constexpr std::int64_t kMs = 1'000'000;
constexpr std::int64_t kLateNs = 10 * kMs;         // a send this late with a free connection
constexpr std::int64_t kRetryNs = 10 * kMs;        // pause before reconnecting after a failure
constexpr std::int64_t kHousekeepingNs = 10 * kMs; // ramps, reconnects and time-outs
constexpr std::size_t kReadBufferSize = 64 * 1024;
constexpr std::size_t kNone = ~std::size_t(0);
// A turn of the polling loop takes about a microsecond; one this long means another thread ran.
constexpr std::int64_t kCpuTakenNs = 50'000;

// This worker's part of `total` when `count` workers split it as evenly as possible.
std::int64_t share(std::int64_t total, int index, int count)
{
    return total / count + (index < total % count ? 1 : 0);
}

std::vector<Check> checksOf(const Scenario& scenario, const RouteSpec& route)
{
    std::vector<Check> checks = scenario.mix.checks;
    checks.insert(checks.end(), scenario.checks.begin(), scenario.checks.end());
    checks.insert(checks.end(), route.checks.begin(), route.checks.end());
    return checks;
}

ArrivalSchedule scheduleOf(const Scenario& scenario)
{
    if (scenario.model == LoadModel::RampingArrivalRate)
        return ArrivalSchedule(scenario.startTarget, scenario.stages);
    return ArrivalSchedule(scenario.model == LoadModel::ConstantArrivalRate ? scenario.rate : 0);
}

} // namespace

WorkerLoop::WorkerLoop(const WorkerSetup& setup, WorkerShared& shared)
    : m_setup(setup), m_shared(shared), m_open(isOpenModel(setup.scenario->model)),
      m_depth(std::size_t(setup.scenario->pipeline)),
      m_endNs(setup.scenario->effectiveDurationMs() * kMs),
      m_timeoutNs(setup.scenario->timeoutMs * kMs),
      m_quota(
          std::uint64_t(share(std::int64_t(setup.scenario->requests), setup.index, setup.count))),
      m_maxConnections(
          int(share(setup.scenario->effectiveMaxConnections(), setup.index, setup.count))),
      m_openTarget(int(share(setup.scenario->connections, setup.index, setup.count))),
      m_readBuffer(kReadBufferSize),
      m_renderer(setup.scenario->mix, setup.hostHeader,
                 setup.scenario->seed * 0x9e3779b97f4a7c15ULL + std::uint64_t(setup.index)),
      m_schedule(scheduleOf(*setup.scenario))
{
    const Scenario& scenario = *setup.scenario;
    m_hasQuota = scenario.requests > 0;
    m_keepBody = needsBody(scenario.checks) || needsBody(scenario.mix.checks);
    for (const RouteSpec& route : scenario.mix.routes) {
        m_routeChecks.push_back(checksOf(scenario, route));
        m_keepBody = m_keepBody || needsBody(route.checks);
    }
}

WorkerLoop::~WorkerLoop() = default;

std::int64_t WorkerLoop::now() const
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() -
                                                                m_setup.start)
        .count();
}

bool WorkerLoop::mayIssue() const
{
    return m_phase == Phase::Running && (!m_hasQuota || m_issued < m_quota);
}

std::int64_t WorkerLoop::nextDueNs() const
{
    return m_schedule.dueNs(m_arrival * std::uint64_t(m_setup.count) +
                            std::uint64_t(m_setup.index));
}

int WorkerLoop::wantedConnections(std::int64_t now) const
{
    const Scenario& scenario = *m_setup.scenario;
    if (m_open)
        return m_openTarget;
    if (scenario.model == LoadModel::RampingVus) {
        const double target = targetAt(scenario.startTarget, scenario.stages, now / kMs);
        return int(share(std::llround(target), m_setup.index, m_setup.count));
    }
    return int(share(scenario.connections, m_setup.index, m_setup.count));
}

void WorkerLoop::run()
{
    if (!m_poller.isValid() || !m_shared.waker.isValid()) {
        publish();
        m_shared.finished.store(true, std::memory_order_release);
        return;
    }
    m_poller.add(m_shared.waker.handle(), kWakerToken, net::Interest::Read);
    m_cpuAtPublish = std::max(0.0, net::threadCpuSeconds());
    for (;;) {
        std::int64_t t = now();
        if (m_shared.stop.load(std::memory_order_relaxed))
            break;
        const std::uint64_t epoch = m_shared.flushEpoch.load(std::memory_order_relaxed);
        if (epoch != m_seenEpoch) {
            m_seenEpoch = epoch;
            publish();
        }
        if (m_phase == Phase::Running &&
            ((m_endNs > 0 && t >= m_endNs) || (m_hasQuota && m_issued >= m_quota)))
            enterDraining(t);
        if (m_phase == Phase::Draining && (m_inFlightTotal == 0 || t >= m_drainUntilNs))
            break;
        if (t >= m_nextMaintenanceNs)
            maintainConnections(t);
        if (m_open && m_phase == Phase::Running)
            issueOpen(t);
        flushWrites(t);
        if (t >= m_nextTimeoutCheckNs)
            checkTimeouts(t);

        waitForEvents(t);
        t = now();
        for (const net::PollEvent& event : m_events) {
            if (event.token == kWakerToken) {
                m_shared.waker.drain();
                continue;
            }
            const auto index = std::size_t(event.token);
            ClientConnection& connection = *m_connections[index];
            if (connection.state == ClientConnection::State::Connecting) {
                if (net::finishConnect(connection.socket.handle()) == 0)
                    onConnected(index, t);
                else
                    onConnectFailed(index, t);
                continue;
            }
            if (connection.state != ClientConnection::State::Open)
                continue;
            if (event.writable && !connection.queuedForWrite) {
                connection.queuedForWrite = true;
                m_toWrite.push_back(index);
            }
            if (event.readable) {
                onReadable(index, t);
                // The next requests leave at once, as wrk does: the server gets work sooner
                // than if they waited for the rest of the batch of events.
                flushWrites(t);
            }
        }
    }

    // Whatever is left ends here, each request once: answers still awaited are unfinished,
    // requests that were due but never sent are dropped.
    const std::int64_t t = now();
    if (m_open && m_phase == Phase::Running)
        enterDraining(t);
    for (auto& connection : m_connections) {
        m_stats.counts.unfinished += connection->inFlight();
        connection->clearInFlight();
        closeConnection(*connection, 0);
    }
    m_inFlightTotal = 0;
    publish();
    m_shared.finished.store(true, std::memory_order_release);
}

void WorkerLoop::enterDraining(std::int64_t now)
{
    if (m_open) {
        // The backlog: due before the end, never sent. Counted, not silently forgotten.
        const std::int64_t end = m_endNs > 0 ? std::min(now, m_endNs) : now;
        while (!m_hasQuota || m_issued < m_quota) {
            const std::int64_t due = nextDueNs();
            if (due < 0 || due >= end)
                break;
            ++m_stats.counts.error(ErrorKind::Dropped);
            ++m_issued;
            ++m_arrival;
        }
    }
    m_phase = Phase::Draining;
    m_drainUntilNs = now + m_setup.scenario->gracefulStopMs * kMs;
    for (auto& connection : m_connections)
        if (connection->state != ClientConnection::State::Closed && connection->inFlight() == 0)
            closeConnection(*connection, 0);
}

void WorkerLoop::maintainConnections(std::int64_t now)
{
    m_nextMaintenanceNs = now + kHousekeepingNs;
    if (m_phase != Phase::Running)
        return;
    const auto wanted = std::size_t(std::max(0, wantedConnections(now)));
    const bool keepBody = m_keepBody;
    while (m_connections.size() < wanted)
        m_connections.push_back(std::make_unique<ClientConnection>(m_depth, keepBody));
    for (std::size_t i = 0; i < m_connections.size(); ++i) {
        ClientConnection& connection = *m_connections[i];
        if (i < wanted) {
            connection.retiring = false;
            if (connection.state == ClientConnection::State::Closed && now >= connection.retryAtNs)
                openConnection(i, now);
        } else if (connection.state != ClientConnection::State::Closed) {
            // Ramping down: a connection leaves once its answers are in.
            if (connection.inFlight() == 0)
                closeConnection(connection, 0);
            else
                connection.retiring = true;
        }
    }
}

void WorkerLoop::openConnection(std::size_t index, std::int64_t now)
{
    ClientConnection& connection = *m_connections[index];
    connection.parser.reset();
    connection.out.clear();
    connection.written = 0;
    connection.clearInFlight();
    int error = 0;
    const net::NativeSocket handle = net::startConnect(m_setup.endpoint, &error);
    if (handle == net::kInvalidSocket) {
        onConnectFailed(index, now);
        return;
    }
    connection.socket = net::TcpSocket(handle);
    connection.state = ClientConnection::State::Connecting;
    connection.connectStartNs = now;
    ++m_connecting;
    // Writability says the handshake finished (or failed: then readable too).
    m_poller.add(handle, index, net::Interest::ReadWrite);
}

void WorkerLoop::closeConnection(ClientConnection& connection, std::int64_t retryAtNs)
{
    if (connection.state == ClientConnection::State::Open)
        m_shared.openConnections.store(--m_openCount, std::memory_order_relaxed);
    if (connection.state == ClientConnection::State::Connecting)
        --m_connecting;
    if (connection.socket.isOpen()) {
        m_poller.remove(connection.socket.handle());
        connection.socket.close();
    }
    connection.state = ClientConnection::State::Closed;
    connection.retryAtNs = retryAtNs;
    connection.out.clear();
    connection.written = 0;
    connection.watchingWrite = false;
    connection.retiring = false;
}

void WorkerLoop::onConnected(std::size_t index, std::int64_t now)
{
    ClientConnection& connection = *m_connections[index];
    --m_connecting;
    connection.state = ClientConnection::State::Open;
    m_shared.openConnections.store(++m_openCount, std::memory_order_relaxed);
    m_poller.modify(connection.socket.handle(), index, net::Interest::Read);
    afterAnswer(index, now);
}

void WorkerLoop::onConnectFailed(std::size_t index, std::int64_t now)
{
    closeConnection(*m_connections[index], now + kRetryNs);
    if (!mayIssue())
        return;
    // A failed connect is the failure of the request that was to use it: in a closed model
    // the connection's next request, in an open model the oldest one waiting for a connection
    // (none waits when the failure happened with connections to spare).
    if (m_open) {
        const std::int64_t due = nextDueNs();
        if (due < 0 || due > now)
            return;
        ++m_arrival;
    }
    ++m_stats.counts.error(ErrorKind::Connect);
    ++m_issued;
}

void WorkerLoop::failConnection(std::size_t index, ErrorKind kind, std::int64_t now)
{
    ClientConnection& connection = *m_connections[index];
    while (connection.inFlight() > 0) {
        const InFlight& request = connection.front();
        if (kind == ErrorKind::Timeout) {
            m_stats.corrected.record((now - request.intendedNs) / 1000);
            m_stats.uncorrected.record((now - request.sentNs) / 1000);
        }
        ++m_stats.counts.error(kind);
        connection.pop();
        --m_inFlightTotal;
    }
    closeConnection(connection, now);
}

void WorkerLoop::onReadable(std::size_t index, std::int64_t now)
{
    ClientConnection& connection = *m_connections[index];
    const net::IoResult result = connection.socket.read(m_readBuffer.data(), m_readBuffer.size());
    if (result.status == net::IoResult::Status::WouldBlock)
        return;
    if (result.status == net::IoResult::Status::Done) {
        m_stats.counts.bytesIn += result.bytes;
        std::size_t offset = 0;
        while (offset < result.bytes) {
            std::size_t used = 0;
            const ResponseParser::Step step =
                connection.parser.parse(m_readBuffer.data() + offset, result.bytes - offset, &used);
            offset += used;
            if (step == ResponseParser::Step::Response) {
                if (!onResponse(index, now))
                    return;
            } else if (step == ResponseParser::Step::Error) {
                failConnection(index, ErrorKind::Read, now);
                return;
            } else {
                break;
            }
        }
        afterAnswer(index, now);
        return;
    }
    // The peer closed (or reset): a response delimited by the close completes, the rest of
    // what was in flight fails. An idle keep-alive connection closed by the server is no error.
    if (result.status == net::IoResult::Status::Closed && connection.parser.finishAtEof() &&
        !onResponse(index, now))
        return;
    if (connection.inFlight() > 0)
        failConnection(index, ErrorKind::Read, now);
    else
        closeConnection(connection, now);
}

bool WorkerLoop::onResponse(std::size_t index, std::int64_t now)
{
    ClientConnection& connection = *m_connections[index];
    if (connection.inFlight() == 0) {
        failConnection(index, ErrorKind::Read, now); // an answer nobody asked for
        return false;
    }
    const InFlight request = connection.front();
    connection.pop();
    --m_inFlightTotal;
    m_stats.corrected.record((now - request.intendedNs) / 1000);
    m_stats.uncorrected.record((now - request.sentNs) / 1000);
    const int status = connection.parser.status();
    if (status >= 500) {
        ++m_stats.counts.error(ErrorKind::Status5xx);
    } else if (status >= 400) {
        ++m_stats.counts.error(ErrorKind::Status4xx);
    } else {
        bool passed = true;
        for (const Check& check : m_routeChecks[request.route]) {
            ++m_stats.counts.checksRun;
            if (!checkPasses(check, status, connection.parser.body())) {
                ++m_stats.counts.checksFailed;
                passed = false;
            }
        }
        if (passed)
            ++m_stats.counts.completed;
        else
            ++m_stats.counts.error(ErrorKind::CheckFailed);
    }
    if (!connection.parser.keepAlive()) {
        // The server closes after this answer: what was pipelined behind it is lost.
        if (connection.inFlight() > 0)
            failConnection(index, ErrorKind::Read, now);
        else
            closeConnection(connection, now);
        return false;
    }
    return true;
}

void WorkerLoop::afterAnswer(std::size_t index, std::int64_t now)
{
    ClientConnection& connection = *m_connections[index];
    if (connection.state != ClientConnection::State::Open)
        return;
    if ((connection.retiring || m_phase != Phase::Running) && connection.inFlight() == 0) {
        closeConnection(connection, 0);
        return;
    }
    if (connection.retiring || m_phase != Phase::Running)
        return;
    if (!m_open) {
        fillClosed(index, now);
    } else if (!connection.full() && !connection.inFreeList) {
        connection.inFreeList = true;
        m_free.push_back(index);
    }
}

void WorkerLoop::fillClosed(std::size_t index, std::int64_t now)
{
    while (!m_connections[index]->full() && mayIssue())
        send(index, now, now);
}

void WorkerLoop::send(std::size_t index, std::int64_t intendedNs, std::int64_t now)
{
    ClientConnection& connection = *m_connections[index];
    const std::size_t route = m_renderer.appendNext(connection.out);
    connection.push({intendedNs, now, std::uint32_t(route)});
    ++m_inFlightTotal;
    ++m_issued;
    ++m_stats.counts.sent;
    if (!connection.queuedForWrite) {
        connection.queuedForWrite = true;
        m_toWrite.push_back(index);
    }
}

std::size_t WorkerLoop::freeConnection()
{
    while (!m_free.empty()) {
        const std::size_t index = m_free.back();
        ClientConnection& connection = *m_connections[index];
        if (connection.state == ClientConnection::State::Open && !connection.full() &&
            !connection.retiring)
            return index;
        connection.inFreeList = false;
        m_free.pop_back();
    }
    return kNone;
}

void WorkerLoop::issueOpen(std::int64_t now)
{
    const ConnectionPolicy policy = m_setup.scenario->policy;
    while (mayIssue()) {
        const std::int64_t due = nextDueNs();
        if (due < 0 || due > now)
            return;
        const std::size_t index = freeConnection();
        if (index == kNone) {
            if (policy == ConnectionPolicy::Drop) {
                ++m_stats.counts.error(ErrorKind::Dropped);
                ++m_issued;
                ++m_arrival;
                continue;
            }
            if (policy == ConnectionPolicy::Grow && m_connecting == 0 &&
                m_openTarget < m_maxConnections) {
                ++m_openTarget;
                m_nextMaintenanceNs = 0;
            }
            m_blockedAtNs = now; // what waits from here on waits for the server, not for us
            return;
        }
        // Late with a connection free: the generator itself fell behind its schedule.
        const std::int64_t lag = now - due;
        if (lag > kLateNs && due > m_blockedAtNs) {
            ++m_stats.counts.late;
            m_stats.counts.maxLagUs = std::max(m_stats.counts.maxLagUs, lag / 1000);
        }
        send(index, due, now);
        ++m_arrival;
        ClientConnection& connection = *m_connections[index];
        if (connection.full()) {
            connection.inFreeList = false;
            m_free.pop_back();
        }
    }
}

void WorkerLoop::flushWrites(std::int64_t now)
{
    for (std::size_t i = 0; i < m_toWrite.size(); ++i) {
        const std::size_t index = m_toWrite[i];
        ClientConnection& connection = *m_connections[index];
        connection.queuedForWrite = false;
        if (connection.state != ClientConnection::State::Open ||
            connection.written == connection.out.size())
            continue;
        // Everything queued on the connection leaves in one send.
        const net::IoResult result =
            connection.socket.write(std::string_view(connection.out).substr(connection.written));
        if (result.status == net::IoResult::Status::Done) {
            m_stats.counts.bytesOut += result.bytes;
            connection.written += result.bytes;
        } else if (result.status != net::IoResult::Status::WouldBlock) {
            failConnection(index, ErrorKind::Write, now);
            continue;
        }
        const bool pending = connection.written < connection.out.size();
        if (!pending) {
            connection.out.clear(); // keeps its capacity: no allocation next time
            connection.written = 0;
        }
        if (pending != connection.watchingWrite) {
            connection.watchingWrite = pending;
            m_poller.modify(connection.socket.handle(), index,
                            pending ? net::Interest::ReadWrite : net::Interest::Read);
        }
    }
    m_toWrite.clear();
}

void WorkerLoop::checkTimeouts(std::int64_t now)
{
    m_nextTimeoutCheckNs = now + kHousekeepingNs;
    for (std::size_t i = 0; i < m_connections.size(); ++i) {
        ClientConnection& connection = *m_connections[i];
        if (connection.state == ClientConnection::State::Open && connection.inFlight() > 0 &&
            now - connection.front().sentNs > m_timeoutNs)
            failConnection(i, ErrorKind::Timeout, now);
        else if (connection.state == ClientConnection::State::Connecting &&
                 now - connection.connectStartNs > m_timeoutNs)
            onConnectFailed(i, now);
    }
}

// Polls without sleeping for the window BusyPoll gives (why: busypoll.h), then sleeps in the
// kernel until the loop has something to do. Only answers awaited are worth polling for; a
// connect or housekeeping is not, and a request due within the millisecond gets a timed sleep.
void WorkerLoop::waitForEvents(std::int64_t t)
{
    const std::int64_t waitNs = waitTimeNs(t);
    const bool awaiting = m_inFlightTotal > 0 && waitNs > 0;
    const std::int64_t window = awaiting ? m_busyPoll.windowNs(t) : 0;
    if (window == 0) {
        if (!awaiting && waitNs > 0 && waitNs < kMs) {
            // Nothing to hear before a request is due (open models, mostly), and epoll's
            // milliseconds would overshoot that by up to one: a timed sleep is more precise.
            m_busyPoll.slack(t, waitNs);
            std::this_thread::sleep_for(std::chrono::nanoseconds(waitNs));
            m_events.clear();
            return;
        }
        const std::int64_t before = awaiting ? now() : 0;
        if (!awaiting)
            m_busyPoll.slack(t, waitNs);
        m_poller.wait(toWaitMs(waitNs), m_events);
        if (awaiting)
            m_busyPoll.idleEnded(now() - before);
        return;
    }
    m_poller.wait(0, m_events);
    if (!m_events.empty())
        return;
    const std::int64_t idleStart = now();
    const std::int64_t spinUntil = idleStart + std::min(window, waitNs);
    std::int64_t polled = idleStart;
    std::int64_t pollingNs = 0; // the turns this worker ran, not those another thread took
    bool found = false;
    while (polled < spinUntil && !found) {
        // A thread that shares this CPU (the server, perhaps) gets it first.
        std::this_thread::yield();
        m_poller.wait(0, m_events);
        const std::int64_t previous = polled;
        polled = now();
        found = !m_events.empty();
        if (polled - previous > kCpuTakenNs) {
            m_busyPoll.cpuTaken(polled);
            break;
        }
        pollingNs += polled - previous;
    }
    m_stats.counts.pollSeconds += double(pollingNs) / 1e9;
    if (!found) {
        m_poller.wait(toWaitMs(std::max<std::int64_t>(0, waitNs - (polled - idleStart))), m_events);
        polled = now();
    }
    m_busyPoll.idleEnded(polled - idleStart);
}

int WorkerLoop::toWaitMs(std::int64_t waitNs)
{
    // Rounded up: a request is sent at most about 1 ms after its time, never before.
    return int((waitNs + kMs - 1) / kMs);
}

std::int64_t WorkerLoop::waitTimeNs(std::int64_t now) const
{
    std::int64_t wait = kHousekeepingNs;
    if (m_phase == Phase::Running) {
        if (m_endNs > 0)
            wait = std::min(wait, m_endNs - now);
        if (m_open && mayIssue()) {
            const std::int64_t due = nextDueNs();
            if (due > now)
                wait = std::min(wait, due - now);
        }
    } else {
        wait = std::min(wait, m_drainUntilNs - now);
    }
    return std::max<std::int64_t>(0, wait);
}

void WorkerLoop::publish()
{
    const double cpu = net::threadCpuSeconds();
    if (cpu >= 0) {
        m_stats.counts.cpuSeconds += cpu - m_cpuAtPublish;
        m_cpuAtPublish = cpu;
    }
    {
        std::lock_guard lock(m_shared.mutex);
        m_shared.published.merge(m_stats);
    }
    m_shared.publishedEpoch.store(m_seenEpoch, std::memory_order_release);
    m_stats.reset();
}

} // namespace qaconsole::loadgen
