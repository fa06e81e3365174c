#include "etl/generator/datasetplan.h"

#include "etl/generator/datasetgenerator.h"
#include "etl/generator/fastrng.h"
#include "etl/generator/shareallocation.h"
#include "etl/generator/skewtable.h"

#include <cmath>

namespace qaconsole::etl::gen {

namespace {

// Distinct streams per purpose, so that adding a draw to one never shifts another.
enum StreamTag : std::uint64_t
{
    ProductWeights = 0x51,
    QuestionWeights = 0x52,
    AnswerWeights = 0x53,
    QuestionDates = 0x54,
    BadRows = 0x55,
};

std::uint64_t streamKey(std::uint64_t seed, std::uint64_t tag)
{
    return mix64(mix64(seed) ^ (tag * 0xd6e8feb86659fd93ULL));
}

// Bad rows per kind and file: a handful at small scales, growing slowly with the file so a
// full-scale file has a few dozen of each.
int badPerKind(std::int64_t rows)
{
    return 2 + static_cast<int>(rows / 500'000);
}

constexpr RejectReason kQuestionKinds[] = {
    RejectReason::FieldCount,  RejectReason::BadId,       RejectReason::BadReference,
    RejectReason::EmptyField,  RejectReason::BadEncoding, RejectReason::BadDate,
    RejectReason::BadReported, RejectReason::BadHelpful,  RejectReason::DuplicateId,
};
constexpr RejectReason kAnswerKinds[] = {
    RejectReason::FieldCount,    RejectReason::BadId,       RejectReason::BadReference,
    RejectReason::EmptyField,    RejectReason::BadEncoding, RejectReason::BadDate,
    RejectReason::BadReported,   RejectReason::BadHelpful,  RejectReason::DuplicateId,
    RejectReason::MissingParent,
};
constexpr RejectReason kPhotoKinds[] = {
    RejectReason::FieldCount,    RejectReason::BadId,       RejectReason::BadReference,
    RejectReason::EmptyField,    RejectReason::BadEncoding, RejectReason::DuplicateId,
    RejectReason::MissingParent,
};

// A mask over slots: which rows of a file are bad.
std::vector<bool> badMask(std::int64_t rows, const std::vector<BadSlot>& bad)
{
    std::vector<bool> mask(static_cast<std::size_t>(rows), false);
    for (const BadSlot& slot : bad)
        mask[static_cast<std::size_t>(slot.slot)] = true;
    return mask;
}

} // namespace

std::int64_t scaledCount(std::int64_t full, double scale)
{
    return std::max<std::int64_t>(1, std::llround(static_cast<double>(full) * scale));
}

std::int64_t questionDateMs(std::uint64_t seed, std::int64_t id)
{
    const std::uint64_t span = static_cast<std::uint64_t>(kLastDateMs - kFirstDateMs + 1);
    const std::uint64_t h = mix64(streamKey(seed, QuestionDates) + static_cast<std::uint64_t>(id));
    return kFirstDateMs + static_cast<std::int64_t>(h % span);
}

Result<DatasetPlan> planDataset(const GeneratorOptions& options)
{
    const QString field = QStringLiteral("scale");
    // Ids are 32-bit in the database: at scale 100 the answers' ids stay far below 2^31.
    if (!(options.scale > 0) || options.scale > 100)
        return makeError(
            ErrorKind::BadInput,
            QStringLiteral("must be above 0 and at most 100 (got %1)").arg(options.scale), field);
    DatasetPlan plan;
    plan.seed = options.seed;
    plan.questions = scaledCount(kFullQuestions, options.scale);
    plan.answers = scaledCount(kFullAnswers, options.scale);
    plan.photos = scaledCount(kFullPhotos, options.scale);
    plan.products = std::min(scaledCount(kFullProducts, options.scale), plan.questions);

    if (options.dirty) {
        FastRng rng(streamKey(options.seed, BadRows));
        plan.badQuestions =
            pickBadSlots(plan.questions, kQuestionKinds, badPerKind(plan.questions), false, rng);
        plan.badAnswers =
            pickBadSlots(plan.answers, kAnswerKinds, badPerKind(plan.answers), false, rng);
        plan.badPhotos = pickBadSlots(plan.photos, kPhotoKinds, badPerKind(plan.photos), true, rng);
        // Keep bad rows a small minority: every kind needs good neighbours to point at, and a
        // file that is mostly bad says nothing about the loader.
        const auto tooMany = [](const std::vector<BadSlot>& bad, std::int64_t rows) {
            return static_cast<std::int64_t>(bad.size()) * 10 > rows;
        };
        if (tooMany(plan.badQuestions, plan.questions) || tooMany(plan.badAnswers, plan.answers) ||
            tooMany(plan.badPhotos, plan.photos))
            return makeError(ErrorKind::BadInput,
                             QStringLiteral("%1 is too small for dirty data (bad rows of every "
                                            "kind need at least about 0.0001)")
                                 .arg(options.scale),
                             field);
    }

    // Questions per product: every product has one, most have a few, some have dozens.
    const SkewTable productSkew = SkewTable::logNormal(256, 1.1, 1, 256 * 40);
    const std::uint64_t productKey = streamKey(options.seed, ProductWeights);
    plan.questionsPerProduct = allocateShares<std::uint16_t>(
        plan.products, plan.questions, 1, 400, [&](std::int64_t i) -> std::int64_t {
            return productSkew.pick(mix64(productKey + static_cast<std::uint64_t>(i)));
        });

    // Answers per question: about a third get none, most get one to three, a few dozens.
    const std::vector<bool> badQuestion = badMask(plan.questions, plan.badQuestions);
    const SkewTable questionSkew = SkewTable::logNormal(256, 1.25, 1, 256 * 60);
    const std::uint64_t questionKey = streamKey(options.seed, QuestionWeights);
    const std::int64_t goodAnswers =
        plan.answers - static_cast<std::int64_t>(plan.badAnswers.size());
    plan.answersPerQuestion = allocateShares<std::uint8_t>(
        plan.questions, goodAnswers, 0, 200, [&](std::int64_t i) -> std::int64_t {
            if (badQuestion[static_cast<std::size_t>(i)])
                return -1;
            return questionSkew.pick(mix64(questionKey + static_cast<std::uint64_t>(i)));
        });

    // Photos: about one answer in eight has some, one to five, fewer more often.
    const std::vector<bool> badAnswer = badMask(plan.answers, plan.badAnswers);
    const std::uint64_t answerKey = streamKey(options.seed, AnswerWeights);
    const std::int64_t goodPhotos = plan.photos - static_cast<std::int64_t>(plan.badPhotos.size());
    plan.photosPerAnswer = allocateShares<std::uint8_t>(
        plan.answers, goodPhotos, 0, 5, [&](std::int64_t i) -> std::int64_t {
            if (badAnswer[static_cast<std::size_t>(i)])
                return -1;
            const std::uint64_t h = mix64(answerKey + static_cast<std::uint64_t>(i));
            if (h % 1000 >= 120)
                return 0;
            // 1..5 with weights 30, 25, 20, 15, 10 (mean 2.5): 12% of 2.5 is the 0.3 photos
            // per answer of the real export, so the shares come out near the weights.
            constexpr std::uint8_t kByPercent[] = {30, 55, 75, 90, 100};
            const std::uint64_t percent = (h >> 20) % 100;
            std::int64_t weight = 1;
            while (percent >= kByPercent[weight - 1])
                ++weight;
            return weight;
        });

    if (plan.questionsPerProduct.empty() || plan.answersPerQuestion.empty() ||
        plan.photosPerAnswer.empty())
        return makeError(ErrorKind::BadInput,
                         QStringLiteral("%1 cannot hold the rows' structure").arg(options.scale),
                         field);
    return plan;
}

} // namespace qaconsole::etl::gen
