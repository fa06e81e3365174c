#pragma once

#include "net/poller.h"
#include "net/tcplistener.h"
#include "net/tcpsocket.h"

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// What the net/ suites share: waiting for one poller event, and a TCP connection over 127.0.0.1
// made with net/ itself (listen on port 0, non-blocking connect, accept).
namespace qaconsole::net::testing {

// How long a wait for something that should happen may take: far beyond what it needs, so that
// a busy machine makes a test slower, never failed. Nothing asserts how long a wait took.
inline constexpr int kWaitMs = 15000;

// The message of a failed Result or Status, empty for a success: for QVERIFY2, which evaluates
// its message even when the check passes (and error() of a success throws).
template <typename Outcome> QByteArray failureText(const Outcome& outcome)
{
    return outcome ? QByteArray() : outcome.error().message.toLocal8Bit();
}

// Waits until `poller` reports `token`; the event, or nothing after `timeoutMs` (or on failure).
std::optional<PollEvent> waitFor(Poller& poller, std::uint64_t token, int timeoutMs = kWaitMs);

// Every event one non-blocking look (wait(0)) reports.
std::vector<PollEvent> readyNow(Poller& poller);

// Writes all of `bytes` (waiting for room when the socket is full); false on failure.
bool writeAll(TcpSocket& socket, std::string_view bytes);
// Reads until `size` bytes arrived, the peer closed or `timeoutMs` passed; what arrived.
std::string readSome(TcpSocket& socket, std::size_t size, int timeoutMs = kWaitMs);

struct LoopbackPair
{
    TcpListener listener;
    TcpSocket client; // connected with startConnect()
    TcpSocket server; // accepted by `listener`
    std::string error;

    // Listens on 127.0.0.1 and a free port, connects and accepts; false with `error`.
    bool open();
};

} // namespace qaconsole::net::testing
