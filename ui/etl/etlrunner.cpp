#include "ui/etl/etlrunner.h"

#include "backend/stack/postgressession.h"
#include "ui/etl/etlworker.h"

#include <QDeadlineTimer>

namespace qaconsole::ui {

EtlRunner::EtlRunner(QObject* parent) : QObject(parent), m_worker(new EtlWorker)
{
    qRegisterMetaType<etl::FileInspection>();
    qRegisterMetaType<QList<etl::FileInspection>>();
    qRegisterMetaType<etl::GeneratorOptions>();
    qRegisterMetaType<etl::GeneratorProgress>();
    qRegisterMetaType<etl::GeneratorResult>();
    qRegisterMetaType<etl::EtlOptions>();
    qRegisterMetaType<etl::EtlProgress>();
    qRegisterMetaType<etl::EtlResult>();

    m_thread.setObjectName(QStringLiteral("etl"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();

    // Progress goes straight through. Results first settle the bookkeeping, so a receiver that
    // asks isBusy() in its slot gets the new answer; "idle" is announced only after them, and
    // only if no receiver has made a new request meanwhile.
    connect(m_worker, &EtlWorker::generateProgressed, this, &EtlRunner::generateProgressed);
    connect(m_worker, &EtlWorker::loadProgressed, this, &EtlRunner::loadProgressed);
    connect(m_worker, &EtlWorker::inspected, this,
            [this](quint64 request, const QString& dir, const QList<etl::FileInspection>& files) {
                m_pending.remove(request);
                Q_EMIT inspected(request, dir, files);
                announceIfIdle();
            });
    connect(m_worker, &EtlWorker::generated, this,
            [this](quint64 request, const etl::GeneratorResult& result, bool reused) {
                m_pending.remove(request);
                Q_EMIT generated(request, result, reused);
                announceIfIdle();
            });
    connect(m_worker, &EtlWorker::loaded, this,
            [this](quint64 request, const etl::EtlResult& result) {
                m_pending.remove(request);
                Q_EMIT loaded(request, result);
                announceIfIdle();
            });
    connect(m_worker, &EtlWorker::connectionTested, this,
            [this](quint64 request, bool ok, const QString& detail) {
                m_pending.remove(request);
                Q_EMIT connectionTested(request, ok, detail);
                announceIfIdle();
            });
}

EtlRunner::~EtlRunner()
{
    // The engine stops at its next progress callback. The wait has no bound because destroying
    // a QThread that still runs aborts the program.
    m_worker->cancelBefore(m_next);
    m_thread.quit();
    m_thread.wait();
    delete m_worker;
}

quint64 EtlRunner::inspect(const QString& dir)
{
    const quint64 request = begin(Kind::Inspect);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, dir] { worker->inspect(request, dir); },
        Qt::QueuedConnection);
    return request;
}

quint64 EtlRunner::generate(const etl::GeneratorOptions& options, bool reuseComplete)
{
    const quint64 request = begin(Kind::Generate);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, request, options, reuseComplete] {
            worker->generate(request, options, reuseComplete);
        },
        Qt::QueuedConnection);
    return request;
}

quint64 EtlRunner::load(const etl::EtlOptions& options)
{
    const quint64 request = begin(Kind::Load);
    Q_EMIT loadStarted(request, options.sourceDir, stack::PostgresSession::addressOf(options.dsn));
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, options] { worker->load(request, options); },
        Qt::QueuedConnection);
    return request;
}

quint64 EtlRunner::testConnection(const QString& dsn)
{
    const quint64 request = begin(Kind::TestConnection);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, dsn] { worker->testConnection(request, dsn); },
        Qt::QueuedConnection);
    return request;
}

void EtlRunner::cancel()
{
    m_worker->cancelBefore(m_next);
}

bool EtlRunner::shutdown(int timeoutMs)
{
    cancel();
    m_thread.quit();
    return m_thread.wait(QDeadlineTimer(timeoutMs));
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
    // After shutdown() the thread is stopped; requests made later still have to run.
    if (!m_thread.isRunning())
        m_thread.start();
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
