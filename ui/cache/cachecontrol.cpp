#include "ui/cache/cachecontrol.h"

namespace qaconsole::ui {

CacheControl::CacheControl(QObject* parent) : QObject(parent), m_context(new QObject)
{
    m_thread.setObjectName(QStringLiteral("cache-control"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

CacheControl::~CacheControl()
{
    shutdown();
    delete m_context;
}

void CacheControl::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    m_thread.quit();
    m_thread.wait();
}

} // namespace qaconsole::ui
