#include "etl/generator/rowspoiler.h"

#include <string_view>

namespace qaconsole::etl::gen {

namespace {

constexpr std::size_t kId = 0;
constexpr std::size_t kParent = 1; // product_id, question_id or answer_id
constexpr std::size_t kText = 2;   // body or url
constexpr std::size_t kDate = 3;
constexpr std::size_t kName = 4;
constexpr std::size_t kEmail = 5;
constexpr std::size_t kReported = 6;
constexpr std::size_t kHelpful = 7;

template <std::size_t N> std::string_view cycle(const std::string_view (&forms)[N], int occurrence)
{
    return forms[static_cast<std::size_t>(occurrence) % N];
}

// None of these is a positive 32-bit integer: letters, zero, negative, too large, trailing junk.
constexpr std::string_view kBadIntegers[] = {"abc", "0", "-4", "99999999999", "12b"};

void spoilFieldCount(std::vector<std::string>& fields, Table table, int occurrence)
{
    switch (occurrence % 3) {
    case 0:
        // The classic: a comma in an unquoted text field splits it in two.
        fields[kText] = table == Table::Photos ? "https://images.unsplash.com/photo-1,2?w=400"
                                               : "Runs small, order a size up";
        break;
    case 1:
        fields.pop_back();
        break;
    default:
        fields.emplace_back("0");
        break;
    }
}

void spoilEmpty(std::vector<std::string>& fields, Table table, int occurrence)
{
    if (table == Table::Photos) {
        fields[kText] = occurrence % 2 == 0 ? "" : "   ";
        return;
    }
    switch (occurrence % 4) {
    case 0:
        fields[kText] = "";
        break;
    case 1:
        fields[kName] = "";
        break;
    case 2:
        fields[kEmail] = "";
        break;
    default:
        fields[kText] = "   "; // only spaces counts as empty
        break;
    }
}

void spoilEncoding(std::vector<std::string>& fields, Table table, int occurrence)
{
    using namespace std::string_literals;
    if (table == Table::Photos) {
        fields[kText] = occurrence % 2 == 0 ? "https://images.unsplash.com/photo-\xFF\xFE?q=80"s
                                            : "https://images.unsplash.com/\0photo?q=80"s;
        return;
    }
    // A lone 0xFF, a lead byte without its continuation, a stray continuation byte, a NUL, an
    // emoji cut short, and once in the name column instead of the body.
    switch (occurrence % 6) {
    case 0:
        fields[kText] = "Is this real leather\xFF?"s;
        break;
    case 1:
        fields[kText] = "Caf\xC3( latte color"s;
        break;
    case 2:
        fields[kText] = "Size\x80 chart please"s;
        break;
    case 3:
        fields[kText] = "Fits\0great"s;
        break;
    case 4:
        fields[kText] = "Love it \xF0\x9F\x98 a lot"s;
        break;
    default:
        fields[kName] = "jb\xFFilas"s;
        break;
    }
}

void spoilDate(std::vector<std::string>& fields, int occurrence, bool legacy)
{
    constexpr std::string_view kForms[] = {"yesterday", "12/08/2019", "2019-13-45",
                                           "1595884714409ms"};
    const std::string_view form = cycle(kForms, occurrence);
    // The older export quotes its dates; a bad one looks the same.
    std::string& date = fields[kDate];
    date.clear();
    if (legacy)
        date += '"';
    date.append(form);
    if (legacy)
        date += '"';
}

} // namespace

void RowSpoiler::spoil(std::vector<std::string>& fields, Table table, RejectReason reason,
                       int occurrence, bool legacy)
{
    switch (reason) {
    case RejectReason::FieldCount:
        spoilFieldCount(fields, table, occurrence);
        break;
    case RejectReason::BadId:
        fields[kId] = cycle(kBadIntegers, occurrence);
        break;
    case RejectReason::BadReference:
        fields[kParent] = cycle(kBadIntegers, occurrence + 1);
        break;
    case RejectReason::EmptyField:
        spoilEmpty(fields, table, occurrence);
        break;
    case RejectReason::BadEncoding:
        spoilEncoding(fields, table, occurrence);
        break;
    case RejectReason::BadDate:
        spoilDate(fields, occurrence, legacy);
        break;
    case RejectReason::BadReported: {
        constexpr std::string_view kForms[] = {"2", "-1", "maybe", "10"};
        fields[kReported] = cycle(kForms, occurrence);
        break;
    }
    case RejectReason::BadHelpful: {
        constexpr std::string_view kForms[] = {"-1", "many", "99999999999", "4.5"};
        fields[kHelpful] = cycle(kForms, occurrence);
        break;
    }
    case RejectReason::UnterminatedQuote:
    case RejectReason::DuplicateId:
    case RejectReason::MissingParent:
        break;
    }
}

} // namespace qaconsole::etl::gen
