#include "etl/generator/photowriter.h"

#include "etl/generator/csvfilewriter.h"
#include "etl/generator/datasetgenerator.h"
#include "etl/generator/datasetplan.h"
#include "etl/generator/fastrng.h"
#include "etl/generator/photourls.h"
#include "etl/generator/rowspoiler.h"

#include <algorithm>
#include <numeric>
#include <string>

namespace qaconsole::etl::gen {

PhotoWriter::PhotoWriter(const DatasetPlan& plan, const GeneratorOptions& options)
    : m_plan(plan), m_options(options)
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

std::int64_t PhotoWriter::missingAnswerId(int occurrence) const
{
    // Half point at an answer that was written but is rejected, half past the last answer.
    const auto& badAnswers = m_plan.badAnswers;
    if (occurrence % 2 == 0 && !badAnswers.empty())
        return badAnswers[static_cast<std::size_t>(occurrence / 2) % badAnswers.size()].slot + 1;
    return m_plan.answers + 1 + occurrence;
}

bool PhotoWriter::write(CsvFileWriter& file)
{
    FastRng rng(mix64(m_plan.seed ^ 0x70686f746f733f21ULL));
    OutputBuffer& out = file.out();

    auto bad = m_plan.badPhotos.begin();
    std::int64_t lastGoodId = 1;
    std::int64_t answerId = 1; // the answer a bad row points at: the last good one's
    for (std::int64_t slot = 0; slot < m_plan.photos; ++slot) {
        const bool isBad = bad != m_plan.badPhotos.end() && bad->slot == slot;
        if (!isBad)
            answerId = nextAnswerId();
        const std::int64_t id = idOfSlot(slot, rng);

        file.beginRow();
        file.field();
        out.putUInt(static_cast<std::uint64_t>(id));
        file.field();
        out.putUInt(static_cast<std::uint64_t>(answerId));
        file.field();
        PhotoUrls::write(out, rng);

        if (!isBad) {
            lastGoodId = id;
            if (!file.endRow(0))
                return false;
            continue;
        }
        std::vector<std::string> fields = file.takeRow();
        if (bad->reason == RejectReason::UnterminatedQuote) {
            // An upload cut off inside a quoted field: the quote never closes, so the rest of
            // the file (only this record) is one broken record.
            const std::string text =
                fields[0] + ',' + fields[1] + ",\"" + fields[2] + (m_options.crlf ? "\r\n" : "\n");
            if (!file.endLastBadRecord(text, bad->reason))
                return false;
        } else {
            if (bad->reason == RejectReason::DuplicateId)
                fields[0] = std::to_string(lastGoodId);
            else if (bad->reason == RejectReason::MissingParent)
                fields[1] = std::to_string(missingAnswerId(bad->occurrence));
            else
                RowSpoiler::spoil(fields, Table::Photos, bad->reason, bad->occurrence,
                                  m_options.legacy);
            if (!file.endBadRow(fields, bad->reason))
                return false;
        }
        ++bad;
    }
    return true;
}

} // namespace qaconsole::etl::gen
