#include "etl/generator/badslot.h"

#include "etl/generator/fastrng.h"

#include <algorithm>
#include <unordered_set>

namespace qaconsole::etl::gen {

std::vector<BadSlot> pickBadSlots(std::int64_t rows, std::span<const RejectReason> reasons,
                                  int perKind, bool unterminatedLast, FastRng& rng)
{
    std::vector<BadSlot> slots;
    const std::int64_t first = 2;
    const std::int64_t span = rows - 1 - first; // [first, rows - 1): the last row stays apart
    std::unordered_set<std::int64_t> taken;
    for (RejectReason reason : reasons) {
        for (int k = 0; k < perKind; ++k) {
            std::int64_t slot = 0;
            do {
                slot = first +
                       static_cast<std::int64_t>(rng.next() % static_cast<std::uint64_t>(span));
            } while (!taken.insert(slot).second);
            slots.push_back({slot, reason, k});
        }
    }
    if (unterminatedLast)
        slots.push_back({rows - 1, RejectReason::UnterminatedQuote, 0});
    std::sort(slots.begin(), slots.end(),
              [](const BadSlot& a, const BadSlot& b) { return a.slot < b.slot; });
    return slots;
}

} // namespace qaconsole::etl::gen
