#pragma once

namespace qaconsole::net {

// CPU seconds (user + system) used so far by the whole process / by the calling thread. Here
// because both event-loop engines (the server's workers, the load generator's) report how much
// CPU their threads used, the same way.
// Thread time comes from CLOCK_THREAD_CPUTIME_ID on POSIX systems and GetThreadTimes on
// Windows; where neither exists it is -1 and callers fall back to the process figure.
double processCpuSeconds();
double threadCpuSeconds();

} // namespace qaconsole::net
