#pragma once

#include <QByteArray>
#include <QMap>
#include <QTcpSocket>

// A blocking HTTP/1.1 client over a real socket that sends exactly the bytes it is given, so a
// test can split, pipeline or malform requests. Every wait has a time-out; nothing sleeps.
class RawClient
{
public:
    // How long a wait for something that should happen may take by default: far beyond what it
    // needs, so that a busy machine makes a test slower, never failed.
    static constexpr int kWaitMs = 15000;

    struct Response
    {
        bool ok = false; // a complete response arrived in time
        int status = 0;
        QMap<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;

        QByteArray header(const QByteArray& lowerCaseName) const
        {
            return headers.value(lowerCaseName);
        }
    };

    bool connectTo(quint16 port, int timeoutMs = kWaitMs);
    bool send(const QByteArray& bytes);
    // The next response. For a HEAD request the body is not read (it is not sent).
    Response read(bool headRequest = false, int timeoutMs = kWaitMs);
    // True once the server closed the connection (reading whatever came before).
    bool waitClosed(int timeoutMs = kWaitMs);
    QByteArray pending() const { return m_buffer; }
    void abort() { m_socket.abort(); }
    QTcpSocket& socket() { return m_socket; }

private:
    bool fill(int timeoutMs);

    QTcpSocket m_socket;
    QByteArray m_buffer;
};
