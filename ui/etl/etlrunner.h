#pragma once

#include "etl/datasetinspector.h"
#include "etl/etloptions.h"
#include "etl/etlprogress.h"
#include "etl/etlresult.h"
#include "etl/generator/datasetgenerator.h"
#include "ui/shell/backgroundlane.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace qaconsole::ui {

class EtlWorker;

// The GUI thread's handle on the ETL engine: owns a BackgroundLane ("etl") with an EtlWorker on
// it and queues requests to it. Requests run one at a time in the order made; each call returns the
// number that the matching signals carry, so the page and the wizard can share one runner and still
// tell their own results apart. All signals arrive on the thread that owns the runner.
//
// Destroying the runner cancels what is running and waits for the lane.
class EtlRunner : public QObject
{
    Q_OBJECT
public:
    enum class Kind
    {
        Inspect,
        Generate,
        Load,
        TestConnection
    };

    explicit EtlRunner(QObject* parent = nullptr);
    ~EtlRunner() override;

    quint64 inspect(const QString& dir);
    quint64 generate(const etl::GeneratorOptions& options, bool reuseComplete = false);
    quint64 load(const etl::EtlOptions& options);
    quint64 testConnection(const QString& dsn);

    // Cancels every generation and load requested so far; each still reports its (cancelled)
    // result. Inspections and connection tests are short and run to their end.
    void cancel();
    // Cancels, lets the lane finish its current request and waits up to `timeoutMs` for it.
    // True once the lane has stopped; a later request starts it again.
    bool shutdown(int timeoutMs);

    bool isBusy() const { return !m_pending.isEmpty(); }
    // A generation or load is queued or running: what closing the window would interrupt.
    bool isLoading() const;
    // The request is queued or running.
    bool isPending(quint64 request) const { return m_pending.contains(request); }

Q_SIGNALS:
    void busyChanged(bool busy);
    // Emitted by load() itself, before the load runs. The address is "host:port", never the
    // full connection string.
    void loadStarted(quint64 request, const QString& sourceDir, const QString& targetAddress);
    void inspected(quint64 request, const QString& dir,
                   const QList<qaconsole::etl::FileInspection>& files);
    void generateProgressed(quint64 request, const qaconsole::etl::GeneratorProgress& progress);
    void generated(quint64 request, const qaconsole::etl::GeneratorResult& result, bool reused);
    void loadProgressed(quint64 request, const qaconsole::etl::EtlProgress& progress);
    void loaded(quint64 request, const qaconsole::etl::EtlResult& result);
    void connectionTested(quint64 request, bool ok, const QString& detail);

private:
    quint64 begin(Kind kind);
    void announceIfIdle();
    // Re-emits the worker's `result` as `signal`, settling the request first.
    template <typename... Params>
    void relayResult(void (EtlWorker::*result)(quint64, Params...),
                     void (EtlRunner::*signal)(quint64, Params...));
    // Calls `slot` for `request` on the worker's thread, with copies of `args`.
    template <typename... Params, typename... Args>
    void queue(void (EtlWorker::*slot)(quint64, Params...), quint64 request, const Args&... args);

    BackgroundLane m_lane;
    // Lives on the lane; destroyed after the destructor has stopped the lane.
    std::unique_ptr<EtlWorker> m_worker;
    quint64 m_next = 1;
    QHash<quint64, Kind> m_pending;
    bool m_announcedBusy = false; // the last busyChanged() said true
};

} // namespace qaconsole::ui
