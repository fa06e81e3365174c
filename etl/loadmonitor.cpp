#include "etl/loadmonitor.h"

namespace qaconsole::etl {

void LoadMonitor::setPhase(EtlPhase phase, const QString& step)
{
    std::lock_guard lock(m_mutex);
    m_progress.phase = phase;
    m_progress.step = step;
}

void LoadMonitor::setStep(const QString& step)
{
    std::lock_guard lock(m_mutex);
    m_progress.step = step;
}

void LoadMonitor::updateFile(Table table, const FileProgress& progress)
{
    std::lock_guard lock(m_mutex);
    m_progress.files[static_cast<int>(table)] = progress;
}

EtlProgress LoadMonitor::snapshot() const
{
    std::lock_guard lock(m_mutex);
    return m_progress;
}

} // namespace qaconsole::etl
