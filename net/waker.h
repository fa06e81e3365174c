#pragma once

#include "net/nativesocket.h"

#include <string>

namespace qaconsole::net {

// Lets another thread interrupt an event loop's wait: the loop polls handle() for reading.
// eventfd on Linux, a pipe on other Unix systems, a connected loopback socket pair on Windows
// (WSAPoll only watches sockets).
class Waker
{
public:
    Waker();
    ~Waker();
    Waker(const Waker&) = delete;
    Waker& operator=(const Waker&) = delete;

    bool isValid() const { return m_read != kInvalidSocket; }
    const std::string& error() const { return m_error; }

    NativeSocket handle() const { return m_read; }
    void wake();  // any thread; wakes coalesce until drain()
    void drain(); // the loop's thread, after handle() was readable

private:
    NativeSocket m_read = kInvalidSocket;
    NativeSocket m_write = kInvalidSocket; // the same descriptor as m_read for an eventfd
    std::string m_error;
};

} // namespace qaconsole::net
