#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace qaconsole::etl::gen {

// Splits exactly `total` units over `items` so that each gets a share proportional to its
// weight: weightOf(i) < 0 means the item may get nothing at all (a bad row nothing may point
// at), 0 means only what it needs to reach `minEach` or to place a remainder, > 0 a
// proportional share. Every eligible item ends with between minEach and maxEach units. The
// result depends only on the weights, so it is the same on every run.
//
// Returns an empty vector when the total cannot be placed within those bounds.
template <typename Count, typename WeightOf>
std::vector<Count> allocateShares(std::int64_t items, std::int64_t total, int minEach, int maxEach,
                                  WeightOf weightOf)
{
    std::vector<Count> counts(static_cast<std::size_t>(items), Count{0});
    std::int64_t eligible = 0;
    std::uint64_t weightSum = 0;
    for (std::int64_t i = 0; i < items; ++i) {
        const std::int64_t w = weightOf(i);
        if (w >= 0)
            ++eligible;
        if (w > 0)
            weightSum += static_cast<std::uint64_t>(w);
    }
    if (total < eligible * minEach || total > eligible * maxEach)
        return {};

    // Floors of the cumulative target: they telescope, so the shares add up to `spread`
    // exactly, and a heavy item gets its share whatever its neighbours weigh.
    const std::int64_t spread = total - eligible * minEach;
    std::int64_t placed = 0;
    std::int64_t given = 0;
    std::uint64_t cumulative = 0;
    for (std::int64_t i = 0; i < items; ++i) {
        const std::int64_t w = weightOf(i);
        if (w < 0)
            continue;
        std::int64_t share = 0;
        if (w > 0 && weightSum > 0) {
            cumulative += static_cast<std::uint64_t>(w);
            const std::int64_t target =
                cumulative == weightSum
                    ? spread
                    : static_cast<std::int64_t>(
                          std::floor(static_cast<double>(spread) * static_cast<double>(cumulative) /
                                     static_cast<double>(weightSum)));
            share = target - placed;
            placed = target;
        }
        const std::int64_t count = std::min<std::int64_t>(minEach + share, maxEach);
        counts[static_cast<std::size_t>(i)] = static_cast<Count>(count);
        given += count;
    }

    // Capped items (and, without any weight, everything) leave a remainder: hand it out one
    // unit at a time, first to weighted items, then to any eligible one, starting at a point
    // that depends on the total so the extra units do not all land on the first items.
    for (int pass = 0; pass < 2 && given < total; ++pass) {
        bool progress = true;
        while (given < total && progress) {
            progress = false;
            for (std::int64_t k = 0; k < items && given < total; ++k) {
                const std::int64_t i = (k + total) % items;
                const std::int64_t w = weightOf(i);
                const bool wanted = pass == 0 ? w > 0 : w >= 0;
                auto& count = counts[static_cast<std::size_t>(i)];
                if (wanted && static_cast<std::int64_t>(count) < maxEach) {
                    ++count;
                    ++given;
                    progress = true;
                }
            }
        }
    }
    if (given != total)
        return {};
    return counts;
}

} // namespace qaconsole::etl::gen
