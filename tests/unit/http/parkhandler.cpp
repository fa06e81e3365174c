#include "parkhandler.h"

#include "backend/http/httprequest.h"
#include "backend/http/httpresponse.h"

#include <memory>

using qaconsole::http::steadyClockMs;

void ParkHandler::handle(const qaconsole::http::HttpRequest& request,
                         qaconsole::http::HttpResponse& response)
{
    response.contentType = "text/plain";
    Parked parked;
    const std::int64_t now = steadyClockMs();
    if (request.path == "/hold") {
        parked = {std::string(request.query), now + 1, "held " + std::string(request.query)};
    } else if (request.path == "/later") {
        const int ms = std::stoi(std::string(request.query.substr(request.query.find('=') + 1)));
        m_laterDueMs = now + ms;
        response.body.assign("later");
        return;
    } else if (request.path == "/after") {
        const int ms = std::stoi(std::string(request.query.substr(request.query.find('=') + 1)));
        parked = {{}, now + ms, "after " + std::to_string(ms)};
    } else {
        response.body.assign(request.path);
        return;
    }
    const std::uint64_t id = m_nextId++;
    response.parked = true;
    response.parkId = id;
    response.resumeAtMs = parked.untilMs;
    m_parked.emplace(id, std::move(parked));
    ++m_record.parked;
}

std::int64_t ParkHandler::resumeParked(std::uint64_t parkId,
                                       qaconsole::http::HttpResponse& response)
{
    const auto found = m_parked.find(parkId);
    if (found == m_parked.end()) {
        response.status = 500;
        return 0;
    }
    Parked& parked = found->second;
    const std::int64_t now = steadyClockMs();
    if (now < parked.untilMs) {
        ++m_record.askedEarly; // the worker promised not to
        return parked.untilMs;
    }
    if (!parked.name.empty()) {
        const std::lock_guard lock(m_record.lock);
        if (!m_record.released.contains(parked.name)) {
            parked.untilMs = now + 1;
            return parked.untilMs;
        }
    }
    response.contentType = "text/plain";
    response.body = parked.answer;
    m_parked.erase(found);
    --m_record.parked;
    return 0;
}

void ParkHandler::dropParked(std::uint64_t parkId)
{
    if (m_parked.erase(parkId) == 1) {
        --m_record.parked;
        ++m_record.dropped;
    }
}

std::int64_t ParkHandler::onTurnEnd(std::int64_t nowMs)
{
    if (m_laterDueMs == 0 || nowMs < m_laterDueMs)
        return m_laterDueMs;
    m_laterDueMs = 0;
    ++m_record.laterDone;
    return 0;
}

qaconsole::http::RequestHandlerFactory ParkHandler::factory(ParkRecord& record)
{
    return [&record](int) {
        return std::make_unique<ParkHandler>(record);
    };
}
