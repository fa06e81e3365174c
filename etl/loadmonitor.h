#pragma once

#include "etl/etlprogress.h"

#include <atomic>
#include <mutex>

namespace qaconsole::etl {

// The progress of a load, shared by its threads: they update it, the calling thread reports it
// through the caller's callback and turns a "false" from it into a cancel request.
class LoadMonitor
{
public:
    void setPhase(EtlPhase phase, const QString& step = {});
    void setStep(const QString& step);
    // Replaces one file's figures (rates and ETA are worked out here).
    void updateFile(Table table, const FileProgress& progress);

    EtlProgress snapshot() const;

    void requestCancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    bool cancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    mutable std::mutex m_mutex;
    EtlProgress m_progress;
    std::atomic<bool> m_cancelled{false};
};

} // namespace qaconsole::etl
