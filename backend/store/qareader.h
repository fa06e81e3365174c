#pragma once

#include "backend/store/records.h"
#include "backend/store/storeresult.h"

#include <span>
#include <vector>

namespace qaconsole::store {

// The read side of the Q&A data. Reported questions and answers are never returned; lists are
// ordered by helpful descending, then id ascending. Each call is a bounded number of
// index-backed round trips, whatever the page holds.
class QaReader
{
public:
    virtual ~QaReader() = default;

    // A page of a product's questions, each with all of its answers and their photos. An
    // unknown product gives an empty list.
    virtual StoreResult<std::vector<Question>> listQuestions(std::int32_t productId,
                                                             PageRequest page) = 0;
    // A page of a question's answers with their photos. An unknown question gives an empty list.
    virtual StoreResult<std::vector<Answer>> listAnswers(std::int32_t questionId,
                                                         PageRequest page) = 0;
    // Whether the database answers a trivial query now.
    virtual StoreResult<Done> ping() = 0;

    // Several list reads at once; pages[i] answers reads[i] (the vector is replaced). A store
    // that can runs them in one database round trip: the API hands it the reads that arrived
    // together. By default, one call after another.
    virtual void readLists(std::span<const ListRead> reads,
                           std::vector<StoreResult<ListPage>>& pages);
};

} // namespace qaconsole::store
