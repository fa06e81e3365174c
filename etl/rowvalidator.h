#pragma once

#include "etl/csvrecord.h"
#include "etl/etlerror.h"
#include "etl/rejectreason.h"
#include "etl/tableschema.h"

#include <QString>

#include <array>
#include <optional>
#include <string>

namespace qaconsole::etl {

class IdSet;

// The first problem found in a row; `detail` names the column and value for people.
struct Reject
{
    RejectReason reason;
    std::string detail;
};

// Checks the rows of one file against its table and turns each good one into a line of
// PostgreSQL's COPY text format. Columns are found by header name (trimmed, so the legacy
// "id, product_id, ..." header works), not by position. Pure: no I/O, no shared state.
class RowValidator
{
public:
    // Maps the header record onto the table's columns. BadHeader, with the file as the field,
    // when the header does not fit: the message names the missing columns, the unknown ones (the
    // first few, as short excerpts) and those given twice, and the header expected.
    static Result<RowValidator> create(const TableSpec& spec, const CsvRecord& header);

    // True when the header had spaces after the commas (the older export).
    bool legacyHeader() const { return m_legacyHeader; }

    // Validates `record`. On success appends one COPY line (canonical column order, tab
    // separated, escaped, ending in '\n') to `copyOut`, records the id in `seenIds`, and returns
    // nullopt. On failure appends nothing and returns the reason. `parentIds` is the set of
    // loaded parent ids (null for a table without a parent).
    std::optional<Reject> validate(const CsvRecord& record, IdSet& seenIds, const IdSet* parentIds,
                                   std::string& copyOut) const;

    // The id of the row last accepted by validate() is the first COPY field; this gives it.
    static std::int32_t idOfCopyLine(std::string_view copyLine);

private:
    explicit RowValidator(const TableSpec& spec) : m_spec(&spec) {}

    const TableSpec* m_spec;
    std::array<int, 8> m_fieldOf{}; // canonical column -> field index in the file
    int m_fieldCount = 0;           // fields in the header
    bool m_legacyHeader = false;
};

// Parses a legacy "YYYY-MM-DD" (optionally with " HH:MM:SS") or epoch-ms value into epoch ms
// UTC. nullopt when it is neither.
std::optional<std::int64_t> parseDateWritten(std::string_view text);

// Appends `text` escaped for COPY text format: backslash, tab, newline, carriage return, and
// backspace, form feed and vertical tab the way COPY TO writes them, so sampled rows read back
// through COPY compare byte for byte.
void appendCopyEscaped(std::string& out, std::string_view text);

} // namespace qaconsole::etl
