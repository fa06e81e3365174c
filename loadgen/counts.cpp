#include "loadgen/counts.h"

#include <algorithm>

namespace qaconsole::loadgen {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Connect:
        return QStringLiteral("connect");
    case ErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ErrorKind::Read:
        return QStringLiteral("read");
    case ErrorKind::Write:
        return QStringLiteral("write");
    case ErrorKind::Status4xx:
        return QStringLiteral("4xx");
    case ErrorKind::Status5xx:
        return QStringLiteral("5xx");
    case ErrorKind::CheckFailed:
        return QStringLiteral("check");
    case ErrorKind::Dropped:
        return QStringLiteral("dropped");
    }
    return {};
}

std::uint64_t Counts::failed() const
{
    std::uint64_t sum = 0;
    for (int i = 0; i < kErrorKindCount; ++i)
        if (ErrorKind(i) != ErrorKind::Dropped)
            sum += errors[std::size_t(i)];
    return sum;
}

double Counts::failureRate() const
{
    const std::uint64_t ended = completed + failed() + dropped();
    return ended ? double(failed()) / double(ended) : 0.0;
}

void Counts::add(const Counts& other)
{
    completed += other.completed;
    for (std::size_t i = 0; i < errors.size(); ++i)
        errors[i] += other.errors[i];
    unfinished += other.unfinished;
    sent += other.sent;
    late += other.late;
    bytesIn += other.bytesIn;
    bytesOut += other.bytesOut;
    checksRun += other.checksRun;
    checksFailed += other.checksFailed;
    maxLagUs = std::max(maxLagUs, other.maxLagUs);
    cpuSeconds += other.cpuSeconds;
    pollSeconds += other.pollSeconds;
}

} // namespace qaconsole::loadgen
