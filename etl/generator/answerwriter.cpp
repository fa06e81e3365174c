#include "etl/generator/answerwriter.h"

#include "etl/generator/csvfilewriter.h"
#include "etl/generator/datasetgenerator.h"
#include "etl/generator/datasetplan.h"
#include "etl/generator/datefield.h"
#include "etl/generator/fastrng.h"
#include "etl/generator/peoplebook.h"
#include "etl/generator/phrasebook.h"
#include "etl/generator/skewtable.h"

#include <algorithm>

namespace qaconsole::etl::gen {

namespace {

// Questions whose answers are mixed together: wide enough that a question's answers spread
// over a few dozen ids, narrow enough that they stay near each other.
constexpr std::int64_t kWindowQuestions = 32;
constexpr std::int64_t kHourMs = 3'600'000;

} // namespace

AnswerWriter::AnswerWriter(const DatasetPlan& plan, const GeneratorOptions& options)
    : TableWriter(plan, options, Table::Answers)
{}

std::int64_t AnswerWriter::nextQuestionId(FastRng& rng)
{
    while (m_windowUsed == m_window.size()) {
        // The plan's counts add up to the good answers, so the windows run out exactly when
        // the good rows do; the check only guards against a broken plan.
        if (m_nextWindowStart >= m_plan.questions)
            return 1;
        m_window.clear();
        m_windowUsed = 0;
        const std::int64_t end = std::min(m_plan.questions, m_nextWindowStart + kWindowQuestions);
        for (std::int64_t q = m_nextWindowStart; q < end; ++q)
            m_window.insert(m_window.end(), m_plan.answersPerQuestion[static_cast<std::size_t>(q)],
                            static_cast<std::int32_t>(q + 1));
        m_nextWindowStart = end;
        for (std::size_t i = m_window.size(); i > 1; --i)
            std::swap(m_window[i - 1], m_window[rng.below(static_cast<std::uint32_t>(i))]);
    }
    return m_window[m_windowUsed++];
}

bool AnswerWriter::write(CsvFileWriter& file)
{
    FastRng rng(mix64(m_plan.seed ^ 0x616e737765727321ULL));
    const PhraseBook bodies = PhraseBook::forAnswers();
    const DateField dates(m_options.legacy);
    const SkewTable helpful = SkewTable::exponential(4.5, 0, 80);
    // Most answers come within days, some months later.
    const SkewTable delayHours = SkewTable::exponential(24 * 30, 0, 24 * 700);
    OutputBuffer& out = file.out();

    std::int64_t questionId = 1; // the question a bad row points at: the last good one's
    for (std::int64_t slot = 0; slot < m_plan.answers; ++slot) {
        const BadSlot* bad = badSlot(slot);
        if (!bad)
            questionId = nextQuestionId(rng);
        const std::int64_t id = slot + 1;
        const std::int64_t delay =
            delayHours.pick(rng.next()) * kHourMs + rng.below(static_cast<std::uint32_t>(kHourMs));
        const std::int64_t date =
            std::min(questionDateMs(m_plan.seed, questionId) + delay, kLastDateMs);

        file.beginRow();
        file.field();
        out.putUInt(static_cast<std::uint64_t>(id));
        file.field();
        out.putUInt(static_cast<std::uint64_t>(questionId));
        file.field();
        const int lineBreaks = bodies.writeBody(out, rng);
        file.field();
        dates.write(out, date);
        file.field();
        PeopleBook::writeName(out, rng, true);
        file.field();
        PeopleBook::writeEmail(out, rng);
        file.field();
        out.put(rng.below(1000) < 30 ? '1' : '0'); // a few percent are reported
        file.field();
        out.putUInt(helpful.pick(rng.next()));

        if (!endRow(file, id, lineBreaks, bad))
            return false;
    }
    return true;
}

} // namespace qaconsole::etl::gen
