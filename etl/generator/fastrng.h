#pragma once

#include <bit>
#include <cstdint>

namespace qaconsole::etl::gen {

// splitmix64's output function: a cheap, well-mixed hash of one 64-bit value. Used wherever a
// value must depend only on (seed, index) and not on how many numbers were drawn before it, so
// that two files can agree on it without sharing a generator.
inline std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// xoshiro256**: a few cycles per number, no allocation, a 2^256 period. Not for secrets; the
// same seed always gives the same sequence on every platform.
class FastRng
{
public:
    explicit FastRng(std::uint64_t seed)
    {
        for (int i = 0; i < 4; ++i)
            m_s[i] = mix64(seed + 0x632be59bd9b4e019ULL * static_cast<std::uint64_t>(i + 1));
    }

    std::uint64_t next()
    {
        const std::uint64_t result = std::rotl(m_s[1] * 5, 7) * 9;
        const std::uint64_t t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = std::rotl(m_s[3], 45);
        return result;
    }

    // Uniform in [0, n) for n < 2^32 (multiply-shift: no division, bias below 2^-32).
    std::uint32_t below(std::uint32_t n)
    {
        return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
    }

    // True with probability perMille / 1000.
    bool chance(std::uint32_t perMille) { return below(1000) < perMille; }

private:
    std::uint64_t m_s[4];
};

} // namespace qaconsole::etl::gen
