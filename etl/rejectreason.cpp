#include "etl/rejectreason.h"

namespace qaconsole::etl {

std::string_view rejectReasonName(RejectReason reason)
{
    switch (reason) {
    case RejectReason::FieldCount:
        return "field_count";
    case RejectReason::UnterminatedQuote:
        return "unterminated_quote";
    case RejectReason::BadId:
        return "bad_id";
    case RejectReason::BadReference:
        return "bad_reference";
    case RejectReason::EmptyField:
        return "empty_field";
    case RejectReason::BadEncoding:
        return "bad_encoding";
    case RejectReason::BadDate:
        return "bad_date";
    case RejectReason::BadReported:
        return "bad_reported";
    case RejectReason::BadHelpful:
        return "bad_helpful";
    case RejectReason::DuplicateId:
        return "duplicate_id";
    case RejectReason::MissingParent:
        return "missing_parent";
    }
    return "unknown";
}

} // namespace qaconsole::etl
