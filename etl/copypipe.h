#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace qaconsole::etl {

// Hands COPY data from the thread that parses to the thread that sends, through a few reusable
// buffers: the parser fills the next buffer while the previous one is on its way, so neither
// the server nor the parser waits for the other. Memory stays at `buffers` x the chunk size.
class CopyPipe
{
public:
    explicit CopyPipe(int buffers);

    // Parser side: an empty buffer to fill (waits while all are in flight); null once closed.
    std::string* acquire();
    void submit(std::string* filled);

    // Sender side: the next filled buffer (waits); null when closed and drained.
    std::string* next();
    void release(std::string* sent);

    // No more data (from the parser), or stop now (from either side).
    void close();

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::string> m_storage;
    std::vector<std::string*> m_free;
    std::deque<std::string*> m_filled;
    bool m_closed = false;
};

} // namespace qaconsole::etl
