#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace qaconsole::http {
class RequestHandler;
}

namespace qaconsole::testing {

// A response as a test reads it.
struct ApiReply
{
    int status = 0;
    std::string body;
    std::string contentType;
    std::vector<std::pair<std::string, std::string>> headers;

    QJsonObject object() const;
    QJsonArray results() const { return object().value(u"results").toArray(); }
    std::string header(std::string_view name) const; // empty when absent
};

// Hands one request to `handler` as an HTTP worker does, completing it at once when the
// handler defers it (a turn with one request), then ending the turn as an idle worker would.
ApiReply sendTo(http::RequestHandler& handler, std::string_view method, std::string_view target,
                std::string_view body = {}, std::string_view contentType = "application/json");

std::string compactJson(const QJsonObject& object);

} // namespace qaconsole::testing
