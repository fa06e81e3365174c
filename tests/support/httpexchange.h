#pragma once

#include <QByteArray>
#include <QString>

class QNetworkAccessManager;

namespace qaconsole::testing {

// One HTTP exchange as a test reads it.
struct HttpExchange
{
    int status = 0; // 0 when no response came
    QByteArray body;
    QByteArray location;   // the Location header
    QByteArray cache;      // the X-Cache header
    QByteArray retryAfter; // the Retry-After header (503s carry it)
};

// Sends `method url` (with a JSON body when one is given) and waits for the whole response,
// running an event loop meanwhile; gives up after `timeoutMs` without progress.
HttpExchange exchange(QNetworkAccessManager& network, const QByteArray& method, const QString& url,
                      const QByteArray& body = {}, int timeoutMs = 60'000);

// The requests the instance at host:port answered so far: the sum of qa_http_requests_total
// over its routes and statuses, from its /metrics.
qint64 requestsAnswered(QNetworkAccessManager& network, const QString& host, int port);

} // namespace qaconsole::testing
