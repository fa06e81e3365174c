#include "echohandler.h"

#include "backend/http/httprequest.h"
#include "backend/http/httpresponse.h"

#include <chrono>
#include <stdexcept>
#include <string>

namespace {

int queryNumber(std::string_view query, std::string_view name)
{
    const std::size_t at = query.find(name);
    if (at == std::string_view::npos || query.substr(at + name.size(), 1) != "=")
        return 0;
    return std::stoi(std::string(query.substr(at + name.size() + 1)));
}

} // namespace

EchoHandler::EchoHandler(int worker, EchoRecord& record) : m_worker(worker), m_record(record) {}

void EchoHandler::handle(const qaconsole::http::HttpRequest& request,
                         qaconsole::http::HttpResponse& response)
{
    {
        const std::lock_guard lock(m_record.lock);
        m_record.handledOn[static_cast<std::size_t>(m_worker)] = std::this_thread::get_id();
    }
    ++m_record.handled;
    response.contentType = "text/plain";
    response.headers.emplace_back("X-Worker", std::to_string(m_worker));
    if (request.path == "/sleep") {
        ++m_record.sleeping;
        std::this_thread::sleep_for(std::chrono::milliseconds(queryNumber(request.query, "ms")));
        --m_record.sleeping;
    } else if (request.path == "/big") {
        response.body.assign(static_cast<std::size_t>(queryNumber(request.query, "bytes")), 'x');
        return;
    } else if (request.path == "/status") {
        response.status = queryNumber(request.query, "code");
        return;
    } else if (request.path == "/header") {
        response.body.assign(request.header(request.query));
        return;
    } else if (request.path == "/throw") {
        throw std::runtime_error("broken handler");
    } else if (request.path.starts_with("/defer")) {
        m_deferred.push_back(echo(request)); // the request's memory goes with this call
        response.deferred = true;
        return;
    }
    response.body = echo(request);
}

void EchoHandler::completeDeferred(std::span<qaconsole::http::HttpResponse* const> responses)
{
    const int batch = static_cast<int>(responses.size());
    int largest = m_record.largestBatch.load();
    while (batch > largest && !m_record.largestBatch.compare_exchange_weak(largest, batch)) {
    }
    // As many answers as deferrals, in the same order, or the server broke its contract.
    const bool matches = m_deferred.size() == responses.size();
    for (std::size_t i = 0; i < responses.size(); ++i) {
        qaconsole::http::HttpResponse& response = *responses[i];
        response.contentType = "text/plain";
        response.headers.emplace_back("X-Worker", std::to_string(m_worker));
        response.headers.emplace_back("X-Batch", std::to_string(batch));
        response.body = matches ? m_deferred[i] : "MISMATCH";
    }
    m_deferred.clear();
}

std::string EchoHandler::echo(const qaconsole::http::HttpRequest& request) const
{
    std::string text;
    text.append(request.method);
    text.append(" ");
    text.append(request.path);
    text.append("?");
    text.append(request.query);
    text.append("\n");
    text.append(request.body);
    return text;
}

qaconsole::http::RequestHandlerFactory EchoHandler::factory(EchoRecord& record)
{
    return [&record](int worker) {
        {
            const std::lock_guard lock(record.lock);
            const auto needed = static_cast<std::size_t>(worker) + 1;
            if (record.createdOn.size() < needed) {
                record.createdOn.resize(needed);
                record.handledOn.resize(needed);
            }
            record.createdOn[static_cast<std::size_t>(worker)] = std::this_thread::get_id();
        }
        return std::make_unique<EchoHandler>(worker, record);
    };
}
