#pragma once

#include <QString>

#include <array>
#include <cstdint>

namespace qaconsole::loadgen {

// Why a request did not succeed. Each request ends exactly once: completed, failed with one of
// these kinds, dropped (open model, never sent), or unfinished (still in flight when the run
// was stopped).
enum class ErrorKind : std::uint8_t
{
    Connect,     // the connection it needed could not be made
    Timeout,     // no complete answer within the request time-out
    Read,        // the connection broke (reset, EOF, bad HTTP) while the answer was awaited
    Write,       // the request could not be written
    Status4xx,   // an answer with status 400..499
    Status5xx,   // an answer with status 500..599
    CheckFailed, // an answer that failed one of the checks
    Dropped      // open model: due, but no connection could take it (policy "drop"), or still
                 // waiting for one when the run ended
};
inline constexpr int kErrorKindCount = 8;
QString errorKindName(ErrorKind kind); // "connect", ..., "4xx", "5xx", "check", "dropped"

// Counters of one worker, one interval or a whole run. Plain sums: merging adds them.
struct Counts
{
    std::uint64_t completed = 0; // answered, status < 400, every check passed
    std::array<std::uint64_t, kErrorKindCount> errors{};
    std::uint64_t unfinished = 0;
    std::uint64_t sent = 0; // requests written (or queued for writing) on a connection
    std::uint64_t late = 0; // open model: sent over 10 ms after their time although a
                            // connection was free (the generator fell behind)
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::uint64_t checksRun = 0;
    std::uint64_t checksFailed = 0;
    std::int64_t maxLagUs = 0; // the largest send lag of a `late` kind (generator lag)
    double cpuSeconds = 0;     // CPU time of the worker threads
    double pollSeconds = 0;    // of cpuSeconds: polling for answers before sleeping (busypoll.h),
                               // time a worker had nothing else to do

    std::uint64_t error(ErrorKind kind) const { return errors[std::size_t(kind)]; }
    std::uint64_t& error(ErrorKind kind) { return errors[std::size_t(kind)]; }
    std::uint64_t dropped() const { return error(ErrorKind::Dropped); }
    std::uint64_t failed() const; // every error kind but Dropped
    // Requests that reached an end on a connection: completed + failed (k6's http_reqs).
    std::uint64_t requests() const { return completed + failed(); }
    // failed / (completed + failed + dropped); 0 when nothing ended.
    double failureRate() const;

    void add(const Counts& other);
};

} // namespace qaconsole::loadgen
