#include "etl/generator/photowriter.h"

#include "etl/generator/csvfilewriter.h"
#include "etl/generator/datasetplan.h"
#include "etl/generator/fastrng.h"
#include "etl/generator/photourls.h"

#include <algorithm>
#include <numeric>

namespace qaconsole::etl::gen {

PhotoWriter::PhotoWriter(const DatasetPlan& plan, const GeneratorOptions& options)
    : TableWriter(plan, options, Table::Photos)
{}

std::int64_t PhotoWriter::idOfSlot(std::int64_t slot, FastRng& rng)
{
    const std::int64_t start = slot - slot % kBlock;
    if (start != m_blockStart) {
        // Each block of eight ids is a permutation of its own range, so ids stay unique and
        // dense: most blocks are in order, some have one neighbouring pair swapped, a few are
        // shuffled.
        m_blockStart = start;
        const int size = static_cast<int>(std::min(kBlock, m_plan.photos - start));
        std::iota(m_blockOrder.begin(), m_blockOrder.end(), std::uint8_t{0});
        const std::uint64_t r = rng.next();
        if (size > 1 && (r & 3) == 0) {
            const std::size_t at = (r >> 8) % static_cast<std::uint64_t>(size - 1);
            std::swap(m_blockOrder[at], m_blockOrder[at + 1]);
        }
        if (size > 1 && ((r >> 2) & 15) == 0) {
            for (int i = size; i > 1; --i)
                std::swap(m_blockOrder[static_cast<std::size_t>(i - 1)],
                          m_blockOrder[rng.below(static_cast<std::uint32_t>(i))]);
        }
    }
    return start + m_blockOrder[static_cast<std::size_t>(slot - start)] + 1;
}

std::int64_t PhotoWriter::nextAnswerId()
{
    // The plan's counts add up to the good photos, so this never runs past the last answer;
    // the bound only guards against a broken plan.
    while (m_leftForAnswer == 0 && m_answer + 1 < m_plan.answers)
        m_leftForAnswer = m_plan.photosPerAnswer[static_cast<std::size_t>(++m_answer)];
    --m_leftForAnswer;
    return m_answer + 1;
}

bool PhotoWriter::write(CsvFileWriter& file)
{
    FastRng rng(mix64(m_plan.seed ^ 0x70686f746f733f21ULL));
    OutputBuffer& out = file.out();

    std::int64_t answerId = 1; // the answer a bad row points at: the last good one's
    for (std::int64_t slot = 0; slot < m_plan.photos; ++slot) {
        const BadSlot* bad = badSlot(slot);
        if (!bad)
            answerId = nextAnswerId();
        const std::int64_t id = idOfSlot(slot, rng);

        file.beginRow();
        file.field();
        out.putUInt(static_cast<std::uint64_t>(id));
        file.field();
        out.putUInt(static_cast<std::uint64_t>(answerId));
        file.field();
        PhotoUrls::write(out, rng);

        if (!endRow(file, id, 0, bad))
            return false;
    }
    return true;
}

} // namespace qaconsole::etl::gen
