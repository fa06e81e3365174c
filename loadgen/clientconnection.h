#pragma once

#include "loadgen/responseparser.h"
#include "net/tcpsocket.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qaconsole::loadgen {

// A request written (or about to be) and not answered yet.
struct InFlight
{
    std::int64_t intendedNs = 0; // when it was due (open model) or sent (closed model)
    std::int64_t sentNs = 0;     // when it was handed to the connection
    std::uint32_t route = 0;     // index in the mix, for its checks
};

// One client connection of a worker: its socket, its response parser, the requests in flight
// in order (a ring as deep as the pipeline) and the bytes still to write. Owned and touched by
// one worker thread only.
struct ClientConnection
{
    enum class State
    {
        Closed,
        Connecting,
        Open
    };

    explicit ClientConnection(std::size_t depth, bool keepBody) : parser(keepBody), ring(depth) {}

    std::size_t inFlight() const { return count; }
    bool full() const { return count == ring.size(); }
    InFlight& front() { return ring[head]; }
    void push(const InFlight& request)
    {
        ring[(head + count) % ring.size()] = request;
        ++count;
    }
    void pop()
    {
        head = (head + 1) % ring.size();
        --count;
    }
    void clearInFlight() { head = count = 0; }

    net::TcpSocket socket;
    State state = State::Closed;
    ResponseParser parser;
    std::vector<InFlight> ring;
    std::size_t head = 0;
    std::size_t count = 0;
    std::string out; // bytes to write; out[written..] is still pending
    std::size_t written = 0;
    bool watchingWrite = false;  // the poller was asked for writability
    bool queuedForWrite = false; // in the worker's list of connections with bytes to send
    bool inFreeList = false;     // open model: in the list of connections that can take more
    bool retiring = false;       // above the wanted number: closes once its answers are in
    std::int64_t connectStartNs = 0;
    std::int64_t retryAtNs = 0; // Closed: not reopened before this
};

} // namespace qaconsole::loadgen
