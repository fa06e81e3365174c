#pragma once

#include <QThread>

#include <functional>
#include <utility>

namespace qaconsole::testing {

// A thread that runs one function with its own event loop available (a QThread, so that
// QNetworkAccessManager and QEventLoop work inside it): the client side of fault tests, which
// keeps sending while the test injects the fault on its own thread.
class ClientThread : public QThread
{
public:
    explicit ClientThread(std::function<void()> work) : m_work(std::move(work)) {}
    ~ClientThread() override { wait(); }

protected:
    void run() override { m_work(); }

private:
    std::function<void()> m_work;
};

} // namespace qaconsole::testing
