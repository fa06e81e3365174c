#include "etl/copypipe.h"

namespace qaconsole::etl {

CopyPipe::CopyPipe(int buffers) : m_storage(std::size_t(buffers))
{
    for (std::string& buffer : m_storage)
        m_free.push_back(&buffer);
}

std::string* CopyPipe::acquire()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_closed || !m_free.empty(); });
    if (m_closed)
        return nullptr;
    std::string* buffer = m_free.back();
    m_free.pop_back();
    buffer->clear();
    return buffer;
}

void CopyPipe::submit(std::string* filled)
{
    {
        std::lock_guard lock(m_mutex);
        m_filled.push_back(filled);
    }
    m_changed.notify_all();
}

std::string* CopyPipe::next()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_closed || !m_filled.empty(); });
    if (m_filled.empty())
        return nullptr;
    std::string* buffer = m_filled.front();
    m_filled.pop_front();
    return buffer;
}

void CopyPipe::release(std::string* sent)
{
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(sent);
    }
    m_changed.notify_all();
}

void CopyPipe::close()
{
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
    }
    m_changed.notify_all();
}

} // namespace qaconsole::etl
