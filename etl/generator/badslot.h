#pragma once

#include "etl/rejectreason.h"

#include <cstdint>
#include <span>
#include <vector>

namespace qaconsole::etl::gen {

class FastRng;

// A row of a generated file that is written bad on purpose, with exactly one problem.
struct BadSlot
{
    std::int64_t slot = 0; // 0-based data row (the row that would get id slot + 1)
    RejectReason reason = RejectReason::FieldCount;
    int occurrence = 0; // 0, 1, 2, ... per reason: picks among the forms of that problem
};

// Picks `perKind` distinct rows for each reason among `rows` rows, sorted by slot. The first two
// rows stay good (a duplicate id needs an earlier good row to repeat) and so does the last,
// which becomes an unterminated quote when `unterminatedLast` is set.
std::vector<BadSlot> pickBadSlots(std::int64_t rows, std::span<const RejectReason> reasons,
                                  int perKind, bool unterminatedLast, FastRng& rng);

} // namespace qaconsole::etl::gen
