#include "loopback.h"

#include "net/address.h"
#include "net/tcpconnect.h"

#include <QDeadlineTimer>

namespace qaconsole::net::testing {

namespace {

constexpr std::uint64_t kToken = 7;

} // namespace

std::optional<PollEvent> waitFor(Poller& poller, std::uint64_t token, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    std::vector<PollEvent> events;
    while (!deadline.hasExpired()) {
        if (!poller.wait(int(deadline.remainingTime()), events))
            return std::nullopt;
        for (const PollEvent& event : events) {
            if (event.token == token)
                return event;
        }
    }
    return std::nullopt;
}

std::vector<PollEvent> readyNow(Poller& poller)
{
    std::vector<PollEvent> events;
    poller.wait(0, events);
    return events;
}

bool writeAll(TcpSocket& socket, std::string_view bytes)
{
    Poller poller;
    poller.add(socket.handle(), kToken, Interest::Write);
    while (!bytes.empty()) {
        const IoResult result = socket.write(bytes);
        if (result.status == IoResult::Status::Done)
            bytes.remove_prefix(result.bytes);
        else if (result.status != IoResult::Status::WouldBlock || !waitFor(poller, kToken))
            return false;
    }
    return true;
}

std::string readSome(TcpSocket& socket, std::size_t size, int timeoutMs)
{
    Poller poller;
    poller.add(socket.handle(), kToken, Interest::Read);
    const QDeadlineTimer deadline(timeoutMs);
    std::string received;
    char buffer[4096];
    while (received.size() < size) {
        const IoResult result = socket.read(buffer, sizeof buffer);
        if (result.status == IoResult::Status::Done)
            received.append(buffer, result.bytes);
        else if (result.status != IoResult::Status::WouldBlock ||
                 !waitFor(poller, kToken, int(deadline.remainingTime())))
            break;
    }
    return received;
}

bool LoopbackPair::open()
{
    const auto listening = listener.listen("127.0.0.1", 0);
    if (!listening) {
        error = listening.error().message.toStdString();
        return false;
    }
    const auto address =
        resolveAddresses("127.0.0.1", listener.port(), AddressUse::Connect, HostForm::NumberOnly);
    if (!address) {
        error = address.error().message.toStdString();
        return false;
    }
    int code = 0;
    client = TcpSocket(startConnect(address.value().front(), &code));
    if (!client.isOpen()) {
        error = "connect: " + socketErrorText(code);
        return false;
    }
    Poller poller;
    poller.add(listener.handle(), kToken, Interest::Read);
    if (!waitFor(poller, kToken)) {
        error = "nothing to accept";
        return false;
    }
    TcpListener::Accepted accepted = listener.accept();
    if (accepted.status != TcpListener::Accepted::Status::Socket) {
        error = "accept failed";
        return false;
    }
    server = std::move(accepted.socket);
    poller.remove(listener.handle());
    poller.add(client.handle(), kToken, Interest::Write);
    if (!waitFor(poller, kToken) || (code = finishConnect(client.handle())) != 0) {
        error = "connect did not complete: " + socketErrorText(code);
        return false;
    }
    return true;
}

} // namespace qaconsole::net::testing
