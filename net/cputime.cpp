#include "net/cputime.h"

#include <ctime>

#if defined(_WIN32)
#include "net/platformsockets.h" // windows.h (through winsock2.h), NOMINMAX and lean
#else
#include <sys/resource.h>
#include <time.h>
#endif

namespace qaconsole::net {

#if defined(_WIN32)
namespace {
double seconds(const FILETIME& time)
{
    ULARGE_INTEGER value;
    value.LowPart = time.dwLowDateTime;
    value.HighPart = time.dwHighDateTime;
    return double(value.QuadPart) / 1e7; // 100 ns units
}
} // namespace
#endif

double processCpuSeconds()
{
#if defined(_WIN32)
    FILETIME created, exited, kernel, user;
    if (GetProcessTimes(GetCurrentProcess(), &created, &exited, &kernel, &user))
        return seconds(kernel) + seconds(user);
    return double(std::clock()) / CLOCKS_PER_SEC;
#else
    rusage usage{};
    if (getrusage(RUSAGE_SELF, &usage) == 0)
        return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
               double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    return double(std::clock()) / CLOCKS_PER_SEC;
#endif
}

double threadCpuSeconds()
{
#if defined(_WIN32)
    FILETIME created, exited, kernel, user;
    if (GetThreadTimes(GetCurrentThread(), &created, &exited, &kernel, &user))
        return seconds(kernel) + seconds(user);
    return -1;
#elif defined(CLOCK_THREAD_CPUTIME_ID)
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) == 0)
        return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
    return -1;
#else
    return -1;
#endif
}

} // namespace qaconsole::net
