#include "tests/support/httpexchange.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QNetworkReply>

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

} // namespace qaconsole::testing
