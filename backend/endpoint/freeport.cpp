#include "backend/endpoint/freeport.h"

#include <QHostAddress>
#include <QTcpServer>

namespace qaconsole::endpoint {

bool isLoopbackPortFree(int port)
{
    if (port <= 0 || port > 65535)
        return false;
    QTcpServer probe;
    return probe.listen(QHostAddress::LocalHost, static_cast<quint16>(port));
}

int pickFreeLoopbackPort(int preferred)
{
    if (preferred > 0 && isLoopbackPortFree(preferred))
        return preferred;
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace qaconsole::endpoint
