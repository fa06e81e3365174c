#pragma once

#include "etl/generator/tablewriter.h"

namespace qaconsole::etl::gen {

// Writes the rows of questions.csv: ids 1..N in order, grouped by product as in the export.
class QuestionWriter : public TableWriter
{
public:
    QuestionWriter(const DatasetPlan& plan, const GeneratorOptions& options);

    bool write(CsvFileWriter& file) override;
};

} // namespace qaconsole::etl::gen
