// libFuzzer harness: a source file of the ETL, cut into records the way the reader does (its
// buffer refilled in pieces of the size the first input byte chooses), the first record taken
// as the header of the table that byte also chooses, every further record validated into a COPY
// line.
//
// Checked beyond "no crash, no sanitizer report": a record consumes at least one byte and no
// more than it was given, an accepted row gives exactly one COPY line with one field per column
// and a positive id, and a rejected row appends nothing.

#include "etl/csvrecord.h"
#include "etl/csvrecordparser.h"
#include "etl/idset.h"
#include "etl/rowvalidator.h"
#include "etl/tableschema.h"
#include "tests/fuzz/fuzzcheck.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

using namespace qaconsole;

namespace {

struct Rows
{
    const etl::TableSpec& spec;
    std::optional<etl::RowValidator> validator;
    etl::IdSet seen;
    etl::IdSet parents;
    std::string copy;

    void take(const etl::CsvRecord& record)
    {
        if (!validator) {
            auto created = etl::RowValidator::create(spec, record);
            if (created)
                validator.emplace(std::move(created).value());
            else
                FUZZ_CHECK(!created.error().message.isEmpty());
            return;
        }
        const std::size_t before = copy.size();
        const std::optional<etl::Reject> reject =
            validator->validate(record, seen, spec.parent ? &parents : nullptr, copy);
        if (reject) {
            FUZZ_CHECK(copy.size() == before);
            FUZZ_CHECK(!reject->detail.empty());
            return;
        }
        const std::string_view line = std::string_view(copy).substr(before);
        FUZZ_CHECK(!line.empty() && line.back() == '\n');
        FUZZ_CHECK(std::size_t(std::count(line.begin(), line.end(), '\t')) ==
                   spec.columns.size() - 1);
        FUZZ_CHECK(std::count(line.begin(), line.end(), '\n') == 1);
        FUZZ_CHECK(etl::RowValidator::idOfCopyLine(line) >= 1);
        copy.clear(); // keep memory flat over long inputs
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t refill = 1 + (data[0] >> 2) % 64;
    Rows rows{etl::tableSpec(etl::kTables[data[0] % etl::kTables.size()]), {}, {}, {}, {}};
    for (std::int32_t id = 1; id <= 50; ++id)
        rows.parents.insert(id);
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);

    etl::CsvRecordParser parser;
    etl::CsvRecord record;
    std::size_t start = 0;
    std::size_t available = std::min(refill, input.size());
    while (true) {
        const bool atEof = start + available >= input.size();
        const std::string_view window = input.substr(start, available);
        const etl::CsvRecordParser::Result result = parser.parse(window, atEof, record);
        using Kind = etl::CsvRecordParser::Kind;
        if (result.kind == Kind::End)
            break;
        if (result.kind == Kind::NeedMore) {
            FUZZ_CHECK(!atEof);
            available = std::min(available + refill, input.size() - start);
            continue;
        }
        FUZZ_CHECK(result.consumed >= 1 && result.consumed <= window.size());
        if (result.kind == Kind::Record)
            rows.take(record);
        start += result.consumed;
        available = std::min(refill, input.size() - start);
        if (result.kind == Kind::UnterminatedQuote)
            break;
    }
    return 0;
}
