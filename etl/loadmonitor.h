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

    // The caller said stop: the load ends as cancelled.
    void requestCancel()
    {
        m_cancelledByUser.store(true, std::memory_order_relaxed);
        requestStop();
    }
    // A part of the load failed: the other parts stop too, and the load ends as failed.
    void requestStop() { m_stop.store(true, std::memory_order_relaxed); }

    bool stopRequested() const { return m_stop.load(std::memory_order_relaxed); }
    bool cancelledByUser() const { return m_cancelledByUser.load(std::memory_order_relaxed); }

private:
    mutable std::mutex m_mutex;
    EtlProgress m_progress;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_cancelledByUser{false};
};

} // namespace qaconsole::etl
