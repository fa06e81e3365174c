#include "ui/etl/etlworker.h"

#include "etl/etlloader.h"
#include "pg/connection.h"
#include "pg/conninfo.h"
#include "pg/serverinfo.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSaveFile>

#include <algorithm>
#include <mutex>

namespace qaconsole::ui {

namespace {

constexpr qint64 kProgressIntervalMs = 200;
constexpr int kConnectTimeoutSec = 5;

// Written last by a successful generation: without it a folder may hold files cut short by a
// cancelled run, which the inspector (reading only their start) would take for complete ones.
const QString kMarkerName = QStringLiteral(".qaconsole-generated");

QByteArray markerText(const etl::GeneratorOptions& options)
{
    return QStringLiteral("scale=%1 seed=%2 dirty=%3 legacy=%4 bom=%5 crlf=%6\n")
        .arg(options.scale, 0, 'g', 10)
        .arg(options.seed)
        .arg(int(options.dirty))
        .arg(int(options.legacy))
        .arg(int(options.bom))
        .arg(int(options.crlf))
        .toUtf8();
}

bool holdsGenerated(const etl::GeneratorOptions& options)
{
    QFile marker(QDir(options.outDir).filePath(kMarkerName));
    if (!marker.open(QIODevice::ReadOnly) || marker.readAll() != markerText(options))
        return false;
    const QList<etl::FileInspection> files = etl::inspectDataset(options.outDir, 1);
    return std::all_of(files.cbegin(), files.cend(), [](const etl::FileInspection& file) {
        return file.found && file.problem.isEmpty();
    });
}

// Lets one progress report through per interval. The loader reports from several threads, so
// the decision is taken under a lock.
class Throttle
{
public:
    Throttle() { m_clock.start(); }

    bool pass(int phase)
    {
        const std::lock_guard lock(m_mutex);
        if (phase == m_phase && m_sent && m_clock.elapsed() < kProgressIntervalMs)
            return false;
        m_phase = phase;
        m_sent = true;
        m_clock.restart();
        return true;
    }

private:
    std::mutex m_mutex;
    QElapsedTimer m_clock;
    int m_phase = -1;
    bool m_sent = false;
};

} // namespace

EtlWorker::EtlWorker(QObject* parent) : QObject(parent) {}

void EtlWorker::cancelBefore(quint64 request)
{
    quint64 current = m_cancelBefore.load();
    while (current < request && !m_cancelBefore.compare_exchange_weak(current, request)) {
    }
}

bool EtlWorker::cancelled(quint64 request) const
{
    return request < m_cancelBefore.load();
}

void EtlWorker::inspect(quint64 request, const QString& dir)
{
    Q_EMIT inspected(request, dir, etl::inspectDataset(dir));
}

void EtlWorker::generate(quint64 request, const etl::GeneratorOptions& options, bool reuseComplete)
{
    if (cancelled(request)) {
        etl::GeneratorResult result;
        result.error =
            makeError(etl::ErrorKind::Cancelled, QStringLiteral("cancelled before it started"));
        Q_EMIT generated(request, result, false);
        return;
    }
    if (reuseComplete && holdsGenerated(options)) {
        const etl::GeneratorResult result;
        Q_EMIT generated(request, result, true);
        return;
    }

    QDir().mkpath(options.outDir);
    const QString markerPath = QDir(options.outDir).filePath(kMarkerName);
    QFile::remove(markerPath);

    Throttle throttle;
    const etl::GeneratorResult result =
        etl::generateDataset(options, [&](const etl::GeneratorProgress& progress) {
            if (throttle.pass(0))
                Q_EMIT generateProgressed(request, progress);
            return !cancelled(request);
        });
    if (result.ok()) {
        QSaveFile marker(markerPath);
        if (marker.open(QIODevice::WriteOnly)) {
            marker.write(markerText(options));
            marker.commit();
        }
    }
    Q_EMIT generated(request, result, false);
}

void EtlWorker::load(quint64 request, const etl::EtlOptions& options)
{
    if (cancelled(request)) {
        etl::EtlResult result;
        result.error =
            makeError(etl::ErrorKind::Cancelled, QStringLiteral("cancelled before it started"));
        Q_EMIT loaded(request, result);
        return;
    }
    Throttle throttle;
    etl::EtlLoader loader(options);
    const etl::EtlResult result = loader.run([&](const etl::EtlProgress& progress) {
        if (throttle.pass(static_cast<int>(progress.phase)))
            Q_EMIT loadProgressed(request, progress);
        return !cancelled(request);
    });
    Q_EMIT loaded(request, result);
}

void EtlWorker::testConnection(quint64 request, const QString& dsn)
{
    pg::Connection session;
    if (const pg::Status connected =
            session.connect(dsn, {kConnectTimeoutSec, QByteArrayLiteral("qaconsole")});
        !connected) {
        Q_EMIT connectionTested(request, false, connected.error().message);
        return;
    }
    const pg::Result<pg::ServerInfo> server = pg::serverInfo(session);
    if (!server) {
        Q_EMIT connectionTested(request, false, server.error().message);
        return;
    }
    Q_EMIT connectionTested(request, true,
                            tr("PostgreSQL %1 · database “%2” at %3")
                                .arg(server->version, server->database, pg::addressOf(dsn)));
}

} // namespace qaconsole::ui
