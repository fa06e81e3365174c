#include "ui/etl/etlrunner.h"

#include "pg/conninfo.h"
#include "ui/etl/etlworker.h"

#include <QDeadlineTimer>

#include <functional>

namespace qaconsole::ui {

template <typename... Params>
void EtlRunner::relayResult(void (EtlWorker::*result)(quint64, Params...),
                            void (EtlRunner::*signal)(quint64, Params...))
{
    connect(m_worker.get(), result, this, [this, signal](quint64 request, Params... values) {
        m_pending.remove(request);
        Q_EMIT std::invoke(signal, this, request, values...);
        announceIfIdle();
    });
}

template <typename... Params, typename... Args>
void EtlRunner::queue(void (EtlWorker::*slot)(quint64, Params...), quint64 request,
                      const Args&... args)
{
    // The copies travel with the call; nothing of the runner is touched on the worker's thread.
    QMetaObject::invokeMethod(
        m_worker.get(),
        [worker = m_worker.get(), slot, request, ... args = args] {
            (worker->*slot)(request, args...);
        },
        Qt::QueuedConnection);
}

EtlRunner::EtlRunner(QObject* parent)
    : QObject(parent), m_lane(QStringLiteral("etl")), m_worker(std::make_unique<EtlWorker>())
{
    qRegisterMetaType<etl::FileInspection>();
    qRegisterMetaType<QList<etl::FileInspection>>();
    qRegisterMetaType<etl::GeneratorOptions>();
    qRegisterMetaType<etl::GeneratorProgress>();
    qRegisterMetaType<etl::GeneratorResult>();
    qRegisterMetaType<etl::EtlOptions>();
    qRegisterMetaType<etl::EtlProgress>();
    qRegisterMetaType<etl::EtlResult>();

    m_lane.host(m_worker.get());

    // Progress goes straight through. Results first settle the bookkeeping, so a receiver that
    // asks isBusy() in its slot gets the new answer; "idle" is announced only after them, and
    // only if no receiver has made a new request meanwhile.
    connect(m_worker.get(), &EtlWorker::generateProgressed, this, &EtlRunner::generateProgressed);
    connect(m_worker.get(), &EtlWorker::loadProgressed, this, &EtlRunner::loadProgressed);
    relayResult(&EtlWorker::inspected, &EtlRunner::inspected);
    relayResult(&EtlWorker::generated, &EtlRunner::generated);
    relayResult(&EtlWorker::loaded, &EtlRunner::loaded);
    relayResult(&EtlWorker::connectionTested, &EtlRunner::connectionTested);
}

EtlRunner::~EtlRunner()
{
    // The engine stops at its next progress callback. The wait has no bound because destroying
    // a thread that still runs aborts the program.
    m_worker->cancelBefore(m_next);
    m_lane.shutdown();
}

quint64 EtlRunner::inspect(const QString& dir)
{
    const quint64 request = begin(Kind::Inspect);
    queue(&EtlWorker::inspect, request, dir);
    return request;
}

quint64 EtlRunner::generate(const etl::GeneratorOptions& options, bool reuseComplete)
{
    const quint64 request = begin(Kind::Generate);
    queue(&EtlWorker::generate, request, options, reuseComplete);
    return request;
}

quint64 EtlRunner::load(const etl::EtlOptions& options)
{
    const quint64 request = begin(Kind::Load);
    Q_EMIT loadStarted(request, options.sourceDir, pg::addressOf(options.dsn));
    queue(&EtlWorker::load, request, options);
    return request;
}

quint64 EtlRunner::testConnection(const QString& dsn)
{
    const quint64 request = begin(Kind::TestConnection);
    queue(&EtlWorker::testConnection, request, dsn);
    return request;
}

void EtlRunner::cancel()
{
    m_worker->cancelBefore(m_next);
}

bool EtlRunner::shutdown(int timeoutMs)
{
    cancel();
    return m_lane.shutdown(QDeadlineTimer(timeoutMs));
}

bool EtlRunner::isLoading() const
{
    for (Kind kind : m_pending) {
        if (kind == Kind::Generate || kind == Kind::Load)
            return true;
    }
    return false;
}

quint64 EtlRunner::begin(Kind kind)
{
    // After shutdown() the lane is stopped; requests made later still have to run.
    m_lane.resume();
    const quint64 request = m_next++;
    m_pending.insert(request, kind);
    if (!m_announcedBusy) {
        m_announcedBusy = true;
        Q_EMIT busyChanged(true);
    }
    return request;
}

void EtlRunner::announceIfIdle()
{
    if (m_announcedBusy && m_pending.isEmpty()) {
        m_announcedBusy = false;
        Q_EMIT busyChanged(false);
    }
}

} // namespace qaconsole::ui
