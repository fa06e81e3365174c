#include "backend/tier/tierscrape.h"

#include "backend/tier/httpprobe.h"
#include "backend/tier/portfile.h"

#include <QDir>

#include <chrono>

namespace qaconsole::tier {

namespace {

qint64 monotonicMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

} // namespace

TierScrape scrapeTier(const TierStatus& status, const QString& tierFolder, int timeoutMs)
{
    TierScrape scrape;
    scrape.atMs = monotonicMs();
    for (const TierProcess& process : status.processes) {
        const bool running = process.status.state == supervise::ProcessState::Running;
        if (process.name == u"nginx") {
            if (!running) {
                scrape.nginxError = QStringLiteral("nginx is not running");
                continue;
            }
            const int port =
                readPortFile(QDir(tierFolder).filePath(QStringLiteral("nginx/status-port")));
            const HttpReply reply =
                httpGet(QStringLiteral("127.0.0.1"), port, "/nginx_status", timeoutMs);
            scrape.nginx = reply.status == 200 ? parseStubStatus(reply.body) : std::nullopt;
            if (!scrape.nginx)
                scrape.nginxError = reply.error.isEmpty()
                                        ? QStringLiteral("no stub_status in nginx's answer")
                                        : reply.error;
            continue;
        }
        InstanceScrape instance{process.name, process.status.address, {}, {}};
        const qsizetype colon = instance.address.lastIndexOf(u':');
        if (!running || colon < 0) {
            instance.error = QStringLiteral("%1 is %2")
                                 .arg(process.name, processStateName(process.status.state));
        } else {
            const HttpReply reply =
                httpGet(instance.address.left(colon), instance.address.mid(colon + 1).toInt(),
                        "/metrics", timeoutMs);
            if (reply.status == 200)
                instance.counters = parseInstanceMetrics(reply.body);
            if (!instance.counters)
                instance.error =
                    reply.error.isEmpty()
                        ? QStringLiteral("no metrics in the answer (HTTP %1)").arg(reply.status)
                        : reply.error;
        }
        scrape.instances.append(instance);
    }
    return scrape;
}

} // namespace qaconsole::tier
