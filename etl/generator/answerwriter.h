#pragma once

#include "etl/generator/tablewriter.h"

#include <cstdint>
#include <vector>

namespace qaconsole::etl::gen {

class FastRng;

// Writes the rows of answers.csv: ids 1..N in order. As in the export, answers to neighbouring
// questions come interleaved (answers are numbered as they were written, and nearby questions
// were answered around the same time), not grouped by question.
class AnswerWriter : public TableWriter
{
public:
    AnswerWriter(const DatasetPlan& plan, const GeneratorOptions& options);

    bool write(CsvFileWriter& file) override;

private:
    std::int64_t nextQuestionId(FastRng& rng);

    // The answers of the current window of questions, shuffled, and how many are written.
    std::vector<std::int32_t> m_window;
    std::size_t m_windowUsed = 0;
    std::int64_t m_nextWindowStart = 0; // index of the first question of the next window
};

} // namespace qaconsole::etl::gen
