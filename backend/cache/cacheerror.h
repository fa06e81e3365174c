#pragma once

#include "core/result.h"

namespace qaconsole::cache {

// Why a value of a policy could not be read. A whole policy's problems are PolicyErrors (each
// tied to its field); these are the kinds one value's parser reports before it gets a field.
enum class ErrorKind
{
    NotADuration, // the text is not a whole number with a unit
    OutOfRange,   // a duration longer than a policy may hold, or a version past the highest
};

template <typename T> using Result = qaconsole::Result<T, ErrorKind>;

} // namespace qaconsole::cache
