#pragma once

#include <cstdint>

namespace qaconsole::loadgen {

// xoshiro256** seeded through splitmix64: fast, small, and the same sequence on every platform
// (std::uniform_*_distribution is not), so a seed reproduces a run's request mix anywhere.
class Rng
{
public:
    explicit Rng(std::uint64_t seed)
    {
        for (std::uint64_t& word : m_state) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }

    std::uint64_t next()
    {
        const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = rotl(m_state[3], 45);
        return result;
    }

    // Uniform in [0, 1).
    double unit() { return double(next() >> 11) * 0x1.0p-53; }
    // Uniform in [0, n), n > 0. Through a double (53 bits), which is exact enough for ids and
    // portable (no 128-bit multiply on MSVC).
    std::uint64_t below(std::uint64_t n)
    {
        const auto value = std::uint64_t(unit() * double(n));
        return value < n ? value : n - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t m_state[4];
};

} // namespace qaconsole::loadgen
