#pragma once

// Which system facilities net/ uses. On Linux: epoll, eventfd and accept4. Everywhere else, and
// on Linux when QACONSOLE_NET_POLL is defined, the portable POSIX branch that macOS and the BSDs
// run: poll(), a pipe for wake-ups, accept + fcntl (WSAPoll and a socket pair on Windows). The
// define exists so that Linux builds and tests that branch too (qaconsole_net_poll); it changes
// the Poller's members, so a program uses one branch throughout, never both.
#if defined(__linux__) && !defined(QACONSOLE_NET_POLL)
#define QACONSOLE_NET_LINUX 1
#endif
