#pragma once

#include "backend/http/requesthandler.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>

// What the park handlers of one server share with the test.
struct ParkRecord
{
    std::mutex lock;
    std::set<std::string> released; // names of the /hold requests the test let go
    std::atomic<int> parked{0};     // parked right now
    std::atomic<int> dropped{0};    // parked requests whose connection closed
    std::atomic<int> askedEarly{0}; // resumeParked() calls before the time asked for
    std::atomic<int> laterDone{0};  // /later work done at the end of a turn
};

// A test handler that parks requests (RequestHandler::resumeParked):
//   /hold?name   parked until the test puts `name` into ParkRecord::released; asked again on
//                every later millisecond meanwhile, answered "held <name>"
//   /after?ms=N  parked until N ms from now, answered "after N"
//   /later?ms=N  answered at once; work put off until a turn ends N ms from now or later
//                (RequestHandler::onTurnEnd), counted in ParkRecord::laterDone
//   anything else answered at once with its path.
class ParkHandler : public qaconsole::http::RequestHandler
{
public:
    explicit ParkHandler(ParkRecord& record) : m_record(record) {}
    void handle(const qaconsole::http::HttpRequest& request,
                qaconsole::http::HttpResponse& response) override;
    std::int64_t resumeParked(std::uint64_t parkId,
                              qaconsole::http::HttpResponse& response) override;
    void dropParked(std::uint64_t parkId) override;
    std::int64_t onTurnEnd(std::int64_t nowMs) override;

    static qaconsole::http::RequestHandlerFactory factory(ParkRecord& record);

private:
    struct Parked
    {
        std::string name;     // /hold's name; empty for /after
        std::int64_t untilMs; // /after's time; the next ask for /hold
        std::string answer;
    };

    ParkRecord& m_record;
    std::map<std::uint64_t, Parked> m_parked;
    std::uint64_t m_nextId = 1;
    std::int64_t m_laterDueMs = 0; // 0: no /later work put off
};
