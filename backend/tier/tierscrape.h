#pragma once

#include "backend/tier/tiermetrics.h"
#include "backend/tier/tierrunner.h"

#include <QList>
#include <QString>

#include <optional>

namespace qaconsole::tier {

// What one instance's /metrics said, or why it said nothing.
struct InstanceScrape
{
    QString name;    // "instance-1", as in TierStatus
    QString address; // host:port
    std::optional<InstanceCounters> counters;
    QString error; // empty when counters were read
};

// One reading of a running tier's counters: every instance's /metrics and nginx's stub_status.
struct TierScrape
{
    qint64 atMs = 0; // a monotonic clock, in milliseconds: only differences mean something
    QList<InstanceScrape> instances;
    std::optional<NginxCounters> nginx; // nullopt without nginx, or when it did not answer
    QString nginxError;
};

// Reads the counters of the tier `status` describes: GET /metrics of each running instance and
// nginx's stub_status (its port from the file NginxProgram keeps in `tierFolder`/nginx), each
// within `timeoutMs`. Blocking: call it off the GUI thread. An instance that is not running is
// listed without counters.
TierScrape scrapeTier(const TierStatus& status, const QString& tierFolder, int timeoutMs);

} // namespace qaconsole::tier
