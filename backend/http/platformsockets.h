#pragma once

// The system's socket headers, included the same way by every file of backend/http that calls
// the socket API directly. Kept out of our own headers where possible.

#if defined(_WIN32)
#ifndef NOMINMAX
#define NOMINMAX // windows.h would otherwise turn std::min and std::max into macros
#endif
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#else
#include <cerrno>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>
#endif
