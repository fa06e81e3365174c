#include "tests/support/apidriver.h"

#include "backend/http/httprequest.h"
#include "backend/http/httpresponse.h"
#include "backend/http/requesthandler.h"

#include <QJsonDocument>

#include <chrono>
#include <thread>

namespace qaconsole::testing {

QJsonObject ApiReply::object() const
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(body)).object();
}

std::string ApiReply::header(std::string_view name) const
{
    for (const auto& [key, value] : headers) {
        if (key == name)
            return value;
    }
    return {};
}

ApiReply sendTo(http::RequestHandler& handler, std::string_view method, std::string_view target,
                std::string_view body, std::string_view contentType)
{
    const std::size_t mark = target.find('?');
    std::vector<http::HttpHeader> headers{{"host", "localhost"}};
    if (!contentType.empty())
        headers.push_back({"content-type", contentType});
    http::HttpRequest request;
    request.method = method;
    request.target = target;
    request.path = target.substr(0, mark);
    request.query = mark == std::string_view::npos ? std::string_view{} : target.substr(mark + 1);
    request.headers = headers;
    request.body = body;
    http::HttpResponse response;
    handler.handle(request, response);
    if (response.deferred) {
        http::HttpResponse* const answers[] = {&response};
        handler.completeDeferred(answers);
    }
    // A parked answer (a write waiting for the cache) is asked for until it is given; a direct
    // call has no worker turn to wait in, so it waits here, as the worker would.
    if (response.parked) {
        const std::uint64_t id = response.parkId;
        std::int64_t again = response.resumeAtMs;
        for (;;) {
            const std::int64_t left = again - http::steadyClockMs();
            if (left > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(left));
            response.clear();
            again = handler.resumeParked(id, response);
            if (again == 0)
                break;
        }
    }
    // The turn ends; what the handler put off (the cache's Redis fills) is done when it asks,
    // as an idle worker would.
    for (std::int64_t due = handler.onTurnEnd(http::steadyClockMs()); due > 0;
         due = handler.onTurnEnd(http::steadyClockMs())) {
        const std::int64_t left = due - http::steadyClockMs();
        if (left > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(left));
    }
    return {response.status, response.body, std::string(response.contentType), response.headers};
}

std::string compactJson(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toStdString();
}

} // namespace qaconsole::testing
