#pragma once

#include "etl/generator/badslot.h"
#include "etl/tableschema.h"

#include <cstdint>
#include <vector>

namespace qaconsole::etl {
struct GeneratorOptions;
}

namespace qaconsole::etl::gen {

class CsvFileWriter;
struct DatasetPlan;

// What the writers of the three files share: the plan and options they write from, and how a
// row the plan marks bad is spoiled and written. A writer composes each row in the file, bad or
// not, asks badSlot() whether the plan wants it bad, and ends it with endRow().
class TableWriter
{
public:
    virtual ~TableWriter() = default;

    // Writes every row into `file` (opened, header written). False when it had to stop.
    virtual bool write(CsvFileWriter& file) = 0;

protected:
    TableWriter(const DatasetPlan& plan, const GeneratorOptions& options, Table table);

    // The bad row the plan puts at `slot`, or null for a good one. Slots are asked in order.
    const BadSlot* badSlot(std::int64_t slot);
    // Ends the row composed since file.beginRow(). A good row (`bad` null) is kept as composed,
    // with `lineBreaks` line breaks inside its quoted fields. A bad one is taken back and
    // written with its one problem: a duplicate id repeats the last good row's, a missing parent
    // is one never loaded, an unterminated quote leaves the last field open to the end of the
    // file, and every other reason is RowSpoiler's. False once the writer must stop.
    bool endRow(CsvFileWriter& file, std::int64_t id, int lineBreaks, const BadSlot* bad);

    const DatasetPlan& m_plan;
    const GeneratorOptions& m_options;

private:
    bool endBadRow(CsvFileWriter& file, const BadSlot& bad) const;
    std::int64_t missingParentId(int occurrence) const;

    Table m_table;
    std::vector<BadSlot>::const_iterator m_nextBad;
    std::vector<BadSlot>::const_iterator m_badEnd;
    std::int64_t m_lastGoodId = 1;
};

} // namespace qaconsole::etl::gen
