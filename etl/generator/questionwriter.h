#pragma once

namespace qaconsole::etl {
struct GeneratorOptions;
}

namespace qaconsole::etl::gen {

class CsvFileWriter;
struct DatasetPlan;

// Writes the rows of questions.csv: ids 1..N in order, grouped by product as in the export.
class QuestionWriter
{
public:
    QuestionWriter(const DatasetPlan& plan, const GeneratorOptions& options);

    // Writes every row into `file` (opened, header written). False when it had to stop.
    bool write(CsvFileWriter& file);

private:
    const DatasetPlan& m_plan;
    const GeneratorOptions& m_options;
};

} // namespace qaconsole::etl::gen
