#pragma once

#include <algorithm>
#include <cstdint>

namespace qaconsole::loadgen {

// How long a worker that awaits answers keeps polling its sockets before it sleeps in the
// kernel, adapted to the idle gaps it sees as Linux's haltpoll cpuidle governor adapts its
// own polling (and up to that governor's default, 200 µs). Why poll at all: a worker asleep
// in epoll_wait is woken by whoever delivers the answer, and on loopback that is the server's
// thread, on the server's CPU. Against nginx on a KVM guest (scripts/bench/loadgen), that
// wake-up of an idle CPU cost nginx 4 to 7 µs of its own CPU each time; a worker that slept
// after one answer in six made nginx spend 7 to 10% more CPU per request, and so serve fewer.
// While answers follow each other closely the window opens and the worker does not sleep;
// when the gaps grow longer (a slow server, a low rate) it closes and the worker sleeps at
// once, spending no CPU on polling. Pure arithmetic on times the caller measures.
class BusyPoll
{
public:
    static constexpr std::int64_t kStartNs = 10'000;      // the first window when gaps are short
    static constexpr std::int64_t kMaxNs = 200'000;       // longer gaps: sleeping is cheaper
    static constexpr std::int64_t kBackoffNs = 2'000'000; // no polling after losing the CPU

    // How long to poll before sleeping at `nowNs`; 0: sleep at once.
    std::int64_t windowNs(std::int64_t nowNs) const
    {
        return nowNs < m_backoffUntilNs ? 0 : m_windowNs;
    }

    // An idle period ended after `idleNs` (counted from the first poll that found nothing to
    // the return of the wait that found something, or that timed out). Gaps the largest
    // window would have bridged widen the window; longer ones halve it.
    void idleEnded(std::int64_t idleNs)
    {
        if (idleNs <= m_windowNs)
            return; // polling bridged it
        if (idleNs <= kMaxNs)
            m_windowNs = std::min(kMaxNs, std::max(kStartNs, m_windowNs * 2));
        else
            m_windowNs = m_windowNs / 2 < kStartNs ? 0 : m_windowNs / 2;
    }

    // While polling, the worker lost its CPU for a while: another thread runs on it (often the
    // server under test itself, when they share a CPU), and polling would take that thread's
    // time. The window is 0 for the next kBackoffNs; then polling tries again.
    void cpuTaken(std::int64_t nowNs) { m_backoffUntilNs = nowNs + kBackoffNs; }

    // The worker had nothing to do for `idleNs` from `nowNs` on: no answer awaited, its next
    // request not yet due (an open model below what the server could take). Answers that come
    // back quickly would keep the window open, yet the server is not the limit, so sparing it a
    // wake-up per answer buys nothing while each polled answer costs the generator its whole
    // round trip in CPU. A pause as long as the widest window shuts polling for kBackoffNs
    // after it; a worker kept busy (every closed model, open models near the server's
    // capacity) never pauses that long, and polls as before.
    void slack(std::int64_t nowNs, std::int64_t idleNs)
    {
        if (idleNs >= kMaxNs)
            m_backoffUntilNs = std::max(m_backoffUntilNs, nowNs + idleNs + kBackoffNs);
    }

private:
    std::int64_t m_windowNs = 0;
    std::int64_t m_backoffUntilNs = 0;
};

} // namespace qaconsole::loadgen
