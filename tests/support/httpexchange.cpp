#include "tests/support/httpexchange.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>

namespace qaconsole::testing {

HttpExchange exchange(QNetworkAccessManager& network, const QByteArray& method, const QString& url,
                      const QByteArray& body, int timeoutMs)
{
    QNetworkRequest request{QUrl(url)};
    request.setTransferTimeout(timeoutMs);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpExchange result{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                        reply->readAll(), reply->rawHeader("Location"), reply->rawHeader("X-Cache"),
                        reply->rawHeader("Retry-After")};
    reply->deleteLater();
    return result;
}

qint64 requestsAnswered(QNetworkAccessManager& network, const QString& host, int port)
{
    const HttpExchange metrics =
        exchange(network, "GET", QStringLiteral("http://%1:%2/metrics").arg(host).arg(port));
    static const QRegularExpression line(
        QStringLiteral("^qa_http_requests_total\\{[^}]*\\} (\\d+)$"),
        QRegularExpression::MultilineOption);
    qint64 total = 0;
    for (auto it = line.globalMatch(QString::fromUtf8(metrics.body)); it.hasNext();)
        total += it.next().captured(1).toLongLong();
    return total;
}

} // namespace qaconsole::testing
