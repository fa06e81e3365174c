#pragma once

#include <string_view>

namespace qaconsole::etl {

// Why a source row was not loaded. Every bad row gets exactly one reason: the first problem
// found, checking the record's shape first, then fields left to right, then uniqueness, then
// the parent.
enum class RejectReason
{
    FieldCount,        // not as many fields as the header
    UnterminatedQuote, // a quoted field that never ends (only at the end of a file)
    BadId,             // id not a positive 32-bit integer
    BadReference,      // product_id / question_id / answer_id not a positive 32-bit integer
    EmptyField,        // a required text field is empty (or only spaces)
    BadEncoding,       // a text field that is not valid UTF-8 or holds a NUL byte (PostgreSQL
                       // would refuse the whole COPY for it)
    BadDate,           // date_written neither epoch ms nor a legacy YYYY-MM-DD date
    BadReported,       // reported neither 0 nor 1
    BadHelpful,        // helpful not a non-negative 32-bit integer
    DuplicateId,       // an id already loaded from this file
    MissingParent,     // the question (answer) it points at was not loaded
};

// Stable snake_case names, used in reject files and the generator's manifest:
// "field_count", "unterminated_quote", "bad_id", "bad_reference", "empty_field",
// "bad_encoding", "bad_date", "bad_reported", "bad_helpful", "duplicate_id", "missing_parent".
std::string_view rejectReasonName(RejectReason reason);

inline constexpr RejectReason kAllRejectReasons[] = {
    RejectReason::FieldCount,   RejectReason::UnterminatedQuote, RejectReason::BadId,
    RejectReason::BadReference, RejectReason::EmptyField,        RejectReason::BadEncoding,
    RejectReason::BadDate,      RejectReason::BadReported,       RejectReason::BadHelpful,
    RejectReason::DuplicateId,  RejectReason::MissingParent};

} // namespace qaconsole::etl
