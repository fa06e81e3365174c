#pragma once

#include "backend/cache/cachepolicy.h"

#include <array>
#include <cstdint>

namespace qaconsole::cache {

// A committed write, as the API handler knows it after the store answered.
struct WriteEvent
{
    WriteKind kind = WriteKind::NewQuestion;
    bool onAnswer = false;       // a helpful vote or report on an answer rather than a question
    std::int32_t productId = 0;  // product of the question concerned; 0 when unknown
    std::int32_t questionId = 0; // question of the answer concerned; 0 when unknown
};

// One set of entries a write touches: every page of one product's questions or one question's
// answers (or, with id 0 because the id is unknown, every entry of the class).
struct AffectedGroup
{
    DataClass dataClass = DataClass::Questions;
    std::int32_t id = 0;
    WriteAction action = WriteAction::Invalidate;
};

struct WritePlan
{
    std::array<AffectedGroup, kDataClassCount> groups{};
    int size = 0;

    const AffectedGroup* begin() const { return groups.data(); }
    const AffectedGroup* end() const { return groups.data() + size; }
};

// Whether a write of `kind` can change lists of `dataClass`. Question lists nest the answers,
// so every write touches them; answer lists only change with answers.
bool writeTouches(WriteKind kind, bool onAnswer, DataClass dataClass);

// The groups `event` touches and what `policy` does to each. Classes the policy does not cache
// are left out.
WritePlan planWrite(const CachePolicy& policy, const WriteEvent& event);

} // namespace qaconsole::cache
