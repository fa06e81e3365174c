#pragma once

#include "etl/etlerror.h"
#include "etl/generator/badslot.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace qaconsole::etl {
struct GeneratorOptions;
}

namespace qaconsole::etl::gen {

// Everything the three file writers must agree on, decided before any of them starts: how many
// rows each file gets, which rows are bad, and how the good rows hang together (questions per
// product, answers per question, photos per answer). With it each writer runs on its own
// thread and no writer waits for another.
struct DatasetPlan
{
    std::uint64_t seed = 1;
    std::int64_t questions = 0; // rows per file, bad rows included
    std::int64_t answers = 0;
    std::int64_t photos = 0;
    std::int64_t products = 0; // product ids are 1..products, each with at least one question

    // Index product_id - 1; they add up to `questions` and follow the file's order.
    std::vector<std::uint16_t> questionsPerProduct;
    // Index question id - 1; 0 for bad questions. They add up to the good answers.
    std::vector<std::uint8_t> answersPerQuestion;
    // Index answer id - 1; 0 for bad answers, 1..5 on a minority. They add up to the good photos.
    std::vector<std::uint8_t> photosPerAnswer;

    // Sorted by slot; empty unless dirty. The unterminated quote is the last photo row.
    std::vector<BadSlot> badQuestions;
    std::vector<BadSlot> badAnswers;
    std::vector<BadSlot> badPhotos;

    std::int64_t badRows() const
    {
        return static_cast<std::int64_t>(badQuestions.size() + badAnswers.size() +
                                         badPhotos.size());
    }
};

// Row counts at scale 1.0: the storefront's export.
inline constexpr std::int64_t kFullQuestions = 3'518'963;
inline constexpr std::int64_t kFullAnswers = 6'879'306;
inline constexpr std::int64_t kFullPhotos = 2'063'759;
inline constexpr std::int64_t kFullProducts = 1'000'011;

// round(full * scale), at least 1.
std::int64_t scaledCount(std::int64_t full, double scale);

// Builds the plan, or BadInput with the field "scale" when the options cannot be met (scale out
// of range, too small for the bad rows of --dirty).
Result<DatasetPlan> planDataset(const GeneratorOptions& options);

// When question `id` was written (epoch ms in 2018-2021). A function of the seed and the id
// alone, so the answers' writer can date an answer after its question without reading the
// questions' file.
std::int64_t questionDateMs(std::uint64_t seed, std::int64_t id);

// The span every date falls in: 2018-01-01T00:00:00Z to 2021-12-31T23:59:59.999Z.
inline constexpr std::int64_t kFirstDateMs = 1'514'764'800'000;
inline constexpr std::int64_t kLastDateMs = 1'640'995'199'999;

} // namespace qaconsole::etl::gen
