#pragma once

#include "etl/generator/tablewriter.h"

#include <array>
#include <cstdint>

namespace qaconsole::etl::gen {

class FastRng;

// Writes the rows of answers_photos.csv: grouped by answer in answer order, with ids that are
// out of order within small blocks, as in the export (..., 6, 8, 7, 9, ...). When dirty, the
// last record is an unterminated quoted field.
class PhotoWriter : public TableWriter
{
public:
    PhotoWriter(const DatasetPlan& plan, const GeneratorOptions& options);

    bool write(CsvFileWriter& file) override;

private:
    std::int64_t idOfSlot(std::int64_t slot, FastRng& rng);
    std::int64_t nextAnswerId();

    static constexpr std::int64_t kBlock = 8;

    std::int64_t m_blockStart = -1;
    std::array<std::uint8_t, kBlock> m_blockOrder{};
    std::int64_t m_answer = -1; // index of the answer whose photos are being written
    int m_leftForAnswer = 0;
};

} // namespace qaconsole::etl::gen
