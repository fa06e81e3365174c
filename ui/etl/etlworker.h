#pragma once

#include "etl/datasetinspector.h"
#include "etl/etloptions.h"
#include "etl/etlprogress.h"
#include "etl/etlresult.h"
#include "etl/generator/datasetgenerator.h"

#include <QList>
#include <QObject>
#include <QString>

#include <atomic>

namespace qaconsole::ui {

// Runs the ETL engine's blocking calls on the thread it is moved to (EtlRunner owns both).
// Each slot blocks that thread until its work is done and then reports through a signal, so
// receivers on other threads get everything queued. The worker owns no widgets.
//
// Every request carries a number from its caller; signals repeat it so a caller can tell its
// own results from another's. Progress signals come from the engine's threads: at most one per
// 200 ms, plus one whenever the load changes phase.
class EtlWorker : public QObject
{
    Q_OBJECT
public:
    explicit EtlWorker(QObject* parent = nullptr);

    // Thread-safe, callable from any thread: every generation and load numbered below `request`
    // stops at its next progress callback; one not started yet reports a cancelled result
    // without starting.
    void cancelBefore(quint64 request);

public Q_SLOTS:
    void inspect(quint64 request, const QString& dir);
    // With `reuseComplete`, a folder this worker completely generated earlier with the same
    // scale and seed is reported as generated again without writing anything.
    void generate(quint64 request, const qaconsole::etl::GeneratorOptions& options,
                  bool reuseComplete);
    void load(quint64 request, const qaconsole::etl::EtlOptions& options);
    // Connects with libpq and asks the server who it is. The detail is the server version and
    // database on success, the error otherwise; it never holds the password.
    void testConnection(quint64 request, const QString& dsn);

Q_SIGNALS:
    void inspected(quint64 request, const QString& dir,
                   const QList<qaconsole::etl::FileInspection>& files);
    void generateProgressed(quint64 request, const qaconsole::etl::GeneratorProgress& progress);
    // `reused`: the folder already held this dataset and nothing was written.
    void generated(quint64 request, const qaconsole::etl::GeneratorResult& result, bool reused);
    void loadProgressed(quint64 request, const qaconsole::etl::EtlProgress& progress);
    void loaded(quint64 request, const qaconsole::etl::EtlResult& result);
    void connectionTested(quint64 request, bool ok, const QString& detail);

private:
    bool cancelled(quint64 request) const;

    std::atomic<quint64> m_cancelBefore{0};
};

} // namespace qaconsole::ui
