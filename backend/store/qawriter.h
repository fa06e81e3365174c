#pragma once

#include "backend/store/records.h"
#include "backend/store/storeresult.h"

namespace qaconsole::store {

// The write side. Every call is atomic and committed when it returns success: a crash right
// after loses nothing, a failure leaves nothing half-written.
class QaWriter
{
public:
    virtual ~QaWriter() = default;

    // The new question's id.
    virtual StoreResult<std::int32_t> addQuestion(const NewQuestion& question) = 0;
    // The new answer (id, its question and that question's product); the answer and all its
    // photos, or nothing. NotFound when the question does not exist.
    virtual StoreResult<WrittenItem> addAnswer(const NewAnswer& answer) = 0;
    // helpful + 1 or reported = true on one row, and where that row lives. NotFound when the
    // id does not exist.
    virtual StoreResult<WrittenItem> mark(ItemKind kind, Mark mark, std::int32_t id) = 0;
};

} // namespace qaconsole::store
