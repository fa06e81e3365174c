#pragma once

#include "loadgen/check.h"
#include "loadgen/loadmodel.h"
#include "loadgen/requestmix.h"
#include "loadgen/stages.h"
#include "loadgen/threshold.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace qaconsole::loadgen {

// Open model: what happens to a request that is due when every connection is busy (all have
// `pipeline` requests in flight).
enum class ConnectionPolicy
{
    Queue, // it waits for a connection; its latency still counts from its due time
    Drop,  // it is counted as dropped and never sent (k6's dropped_iterations)
    Grow   // another connection is opened, up to maxConnections; beyond that it waits
};
QString policyName(ConnectionPolicy policy); // "queue", "drop", "grow"

// Everything a run needs; the CLI and the GUI fill it, validate() checks it, the controller
// runs it. Plain data: copy it, save it, compare it.
struct Scenario
{
    // Target: an http:// URL. With an empty mix, every request is a GET of its path and query
    // (single-URL mode); with a mix, only its scheme, host and port count.
    QString url = QStringLiteral("http://127.0.0.1:8080/");
    RequestMix mix;
    std::vector<Check> checks; // on every response, on top of the mix's

    LoadModel model = LoadModel::ConstantVus;
    int connections = 64;      // closed: connections (k6 VUs); open: connections opened at start
    int maxConnections = 0;    // open + Grow: the limit (0: 4 x connections)
    double rate = 0;           // constant-arrival-rate: requests per second
    double startTarget = 0;    // ramping models: connections or rate at 0 s, before the stages
    std::vector<Stage> stages; // ramping models
    ConnectionPolicy policy = ConnectionPolicy::Queue;

    // The run ends at the first of: durationMs (0: the stages' length, or no limit when there
    // are none), `requests` requests ended (0: no limit), stop().
    std::int64_t durationMs = 10000;
    std::uint64_t requests = 0;

    int threads = 1;                    // worker threads
    int pipeline = 1;                   // requests in flight per connection (1: no pipelining)
    std::int64_t timeoutMs = 10000;     // a request without a full answer by then fails
    std::int64_t intervalMs = 1000;     // time-series resolution
    std::int64_t gracefulStopMs = 1000; // after the end, how long answers in flight are awaited
    std::uint64_t seed = 1;             // the random routes and ids

    std::vector<Threshold> thresholds;

    // The run's real length: durationMs, or the stages' when durationMs is 0.
    std::int64_t effectiveDurationMs() const;
    int effectiveMaxConnections() const;
    // Whether routes may still hold "database" ids: an editor checks the scenario as written
    // (its ids are read when the run starts, databaseids.h), the engine as it runs.
    enum class DatabaseIds
    {
        MustBeRead,
        ReadAtStart
    };
    // Every problem, each naming the field (BadTarget for the URL, BadScenario for the rest);
    // empty when the scenario can run.
    LoadErrors validate(DatabaseIds databaseIds = DatabaseIds::MustBeRead) const;
};

// The pieces of an http:// URL the engine needs.
struct TargetUrl
{
    QString host;
    std::uint16_t port = 80;
    QString pathAndQuery = QStringLiteral("/");
    QString hostHeader; // "host:port" as the Host header carries it
    QString error;      // empty when the URL is usable
};
TargetUrl parseTargetUrl(const QString& url);

} // namespace qaconsole::loadgen
