#pragma once

#include <array>
#include <cstdint>

namespace qaconsole::etl {
struct GeneratorOptions;
}

namespace qaconsole::etl::gen {

class CsvFileWriter;
class FastRng;
struct DatasetPlan;

// Writes the rows of answers_photos.csv: grouped by answer in answer order, with ids that are
// out of order within small blocks, as in the export (..., 6, 8, 7, 9, ...). When dirty, the
// last record is an unterminated quoted field.
class PhotoWriter
{
public:
    PhotoWriter(const DatasetPlan& plan, const GeneratorOptions& options);

    // Writes every row into `file` (opened, header written). False when it had to stop.
    bool write(CsvFileWriter& file);

private:
    std::int64_t idOfSlot(std::int64_t slot, FastRng& rng);
    std::int64_t nextAnswerId();
    std::int64_t missingAnswerId(int occurrence) const;

    static constexpr std::int64_t kBlock = 8;

    const DatasetPlan& m_plan;
    const GeneratorOptions& m_options;
    std::int64_t m_blockStart = -1;
    std::array<std::uint8_t, kBlock> m_blockOrder{};
    std::int64_t m_answer = -1; // index of the answer whose photos are being written
    int m_leftForAnswer = 0;
};

} // namespace qaconsole::etl::gen
