#include "pg/socketwait.h"

#if defined(_WIN32)
#include <winsock2.h>
#else
#include <cerrno>
#include <poll.h>
#endif

namespace qaconsole::pg {

SocketWait waitSocket(int socket, bool forWrite, int timeoutMs)
{
#if defined(_WIN32)
    WSAPOLLFD entry{};
    entry.fd = static_cast<SOCKET>(socket);
    entry.events = forWrite ? POLLWRNORM : POLLRDNORM;
    const int ready = WSAPoll(&entry, 1, timeoutMs);
    if (ready == SOCKET_ERROR)
        return SocketWait::Failed;
#else
    pollfd entry{};
    entry.fd = socket;
    entry.events = forWrite ? POLLOUT : POLLIN;
    const int ready = ::poll(&entry, 1, timeoutMs);
    if (ready < 0)
        return errno == EINTR ? SocketWait::Ready : SocketWait::Failed;
#endif
    return ready == 0 ? SocketWait::TimedOut : SocketWait::Ready;
}

} // namespace qaconsole::pg
