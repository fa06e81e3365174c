#pragma once

namespace qaconsole::net {

// CPU seconds (user + system) used so far by the whole process / by the calling thread.
// Thread time comes from CLOCK_THREAD_CPUTIME_ID on POSIX systems and GetThreadTimes on
// Windows; where neither exists it is -1 and callers fall back to the process figure.
double processCpuSeconds();
double threadCpuSeconds();

} // namespace qaconsole::net
