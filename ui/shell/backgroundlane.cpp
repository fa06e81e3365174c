#include "ui/shell/backgroundlane.h"

namespace qaconsole::ui {

BackgroundLane::BackgroundLane(const QString& name, QObject* parent)
    : QObject(parent), m_context(new QObject)
{
    m_thread.setObjectName(name);
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

BackgroundLane::~BackgroundLane()
{
    shutdown();
    // The thread has ended: nothing can be delivered to the context any more.
    delete m_context;
}

void BackgroundLane::dropPending()
{
    ++m_generation;
    m_liveGeneration.store(m_generation);
}

bool BackgroundLane::shutdown(QDeadlineTimer deadline)
{
    if (!m_shutDown) {
        m_shutDown = true;
        dropPending();
        m_thread.quit();
    }
    return m_thread.wait(deadline);
}

void BackgroundLane::resume()
{
    if (!m_shutDown || m_thread.isRunning())
        return;
    m_shutDown = false;
    m_thread.start();
}

} // namespace qaconsole::ui
