#pragma once

#include "core/result.h"

namespace qaconsole::endpoint {

// Why an address could not be used. One kind so far: a URL the user typed or configured is not
// one this console can use; `field` names the part that is wrong ("scheme", "host",
// "database"), so a settings editor can say where.
enum class ErrorKind
{
    BadUrl,
};

template <typename T> using Result = qaconsole::Result<T, ErrorKind>;

} // namespace qaconsole::endpoint
