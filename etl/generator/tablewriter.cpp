#include "etl/generator/tablewriter.h"

#include "etl/generator/csvfilewriter.h"
#include "etl/generator/datasetgenerator.h"
#include "etl/generator/datasetplan.h"
#include "etl/generator/rowspoiler.h"

#include <string>

namespace qaconsole::etl::gen {

namespace {

const std::vector<BadSlot>& badSlotsOf(const DatasetPlan& plan, Table table)
{
    switch (table) {
    case Table::Questions:
        return plan.badQuestions;
    case Table::Answers:
        return plan.badAnswers;
    case Table::Photos:
        break;
    }
    return plan.badPhotos;
}

} // namespace

TableWriter::TableWriter(const DatasetPlan& plan, const GeneratorOptions& options, Table table)
    : m_plan(plan), m_options(options), m_table(table), m_nextBad(badSlotsOf(plan, table).begin()),
      m_badEnd(badSlotsOf(plan, table).end())
{}

const BadSlot* TableWriter::badSlot(std::int64_t slot)
{
    if (m_nextBad == m_badEnd || m_nextBad->slot != slot)
        return nullptr;
    return &*m_nextBad++;
}

bool TableWriter::endRow(CsvFileWriter& file, std::int64_t id, int lineBreaks, const BadSlot* bad)
{
    if (bad)
        return endBadRow(file, *bad);
    m_lastGoodId = id;
    return file.endRow(lineBreaks);
}

bool TableWriter::endBadRow(CsvFileWriter& file, const BadSlot& bad) const
{
    std::vector<std::string> fields = file.takeRow();
    switch (bad.reason) {
    case RejectReason::UnterminatedQuote: {
        // An upload cut off inside a quoted field: the quote never closes, so the rest of the
        // file (only this record) is one broken record.
        std::string text;
        for (std::size_t i = 0; i + 1 < fields.size(); ++i)
            text += fields[i] + ',';
        text += '"' + fields.back() + (m_options.crlf ? "\r\n" : "\n");
        return file.endLastBadRecord(text, bad.reason);
    }
    case RejectReason::DuplicateId:
        fields[0] = std::to_string(m_lastGoodId);
        break;
    case RejectReason::MissingParent:
        fields[1] = std::to_string(missingParentId(bad.occurrence));
        break;
    default:
        RowSpoiler::spoil(fields, m_table, bad.reason, bad.occurrence, m_options.legacy);
        break;
    }
    return file.endBadRow(fields, bad.reason);
}

std::int64_t TableWriter::missingParentId(int occurrence) const
{
    // Questions hang off products, none of which is bad (and the plan gives questions no
    // missing parents); answers off questions, photos off answers.
    static const std::vector<BadSlot> noBadProducts;
    const std::vector<BadSlot>* badParents = &noBadProducts;
    std::int64_t parents = m_plan.products;
    if (m_table == Table::Answers) {
        badParents = &m_plan.badQuestions;
        parents = m_plan.questions;
    } else if (m_table == Table::Photos) {
        badParents = &m_plan.badAnswers;
        parents = m_plan.answers;
    }
    // Half point at a parent that was written but is rejected, half past the last parent.
    if (occurrence % 2 == 0 && !badParents->empty())
        return (*badParents)[static_cast<std::size_t>(occurrence / 2) % badParents->size()].slot +
               1;
    return parents + 1 + occurrence;
}

} // namespace qaconsole::etl::gen
