#pragma once

namespace qaconsole::cache {

// Which loaded responses a cache stores (docs/cache-policy.md, "Admission").
enum class Admission
{
    Always,       // every one
    SecondRequest // only those whose key was asked for before, lately
};

} // namespace qaconsole::cache
