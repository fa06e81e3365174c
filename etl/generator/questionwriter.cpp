#include "etl/generator/questionwriter.h"

#include "etl/generator/csvfilewriter.h"
#include "etl/generator/datasetgenerator.h"
#include "etl/generator/datasetplan.h"
#include "etl/generator/datefield.h"
#include "etl/generator/fastrng.h"
#include "etl/generator/peoplebook.h"
#include "etl/generator/phrasebook.h"
#include "etl/generator/skewtable.h"

namespace qaconsole::etl::gen {

QuestionWriter::QuestionWriter(const DatasetPlan& plan, const GeneratorOptions& options)
    : TableWriter(plan, options, Table::Questions)
{}

bool QuestionWriter::write(CsvFileWriter& file)
{
    FastRng rng(mix64(m_plan.seed ^ 0x7175657374696f6eULL));
    const PhraseBook bodies = PhraseBook::forQuestions();
    const DateField dates(m_options.legacy);
    const SkewTable helpful = SkewTable::exponential(5.5, 0, 90);
    OutputBuffer& out = file.out();

    std::size_t product = 0;
    int leftInProduct = m_plan.questionsPerProduct[0];
    for (std::int64_t slot = 0; slot < m_plan.questions; ++slot) {
        while (leftInProduct == 0)
            leftInProduct = m_plan.questionsPerProduct[++product];
        --leftInProduct;
        const std::int64_t id = slot + 1;

        file.beginRow();
        file.field();
        out.putUInt(static_cast<std::uint64_t>(id));
        file.field();
        out.putUInt(product + 1);
        file.field();
        const int lineBreaks = bodies.writeBody(out, rng);
        file.field();
        dates.write(out, questionDateMs(m_plan.seed, id));
        file.field();
        PeopleBook::writeName(out, rng, false);
        file.field();
        PeopleBook::writeEmail(out, rng);
        file.field();
        out.put((rng.next() & 7) == 0 ? '1' : '0'); // one in eight is reported
        file.field();
        out.putUInt(helpful.pick(rng.next()));

        if (!endRow(file, id, lineBreaks, badSlot(slot)))
            return false;
    }
    return true;
}

} // namespace qaconsole::etl::gen
