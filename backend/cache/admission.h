#pragma once

namespace qaconsole::cache {

// Which loaded responses a cache stores (docs/cache-policy.md, "Admission").
enum class Admission
{
    Always,  // every one
    Adaptive // those whose key was asked for often enough lately: twice at least, more while
             // stored entries are seldom read
};

} // namespace qaconsole::cache
