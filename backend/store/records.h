#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace qaconsole::store {

// What the store reads and writes, in the database's own terms: ids as stored, dates as epoch
// milliseconds, text exactly as stored. Rendering (ISO dates, string ids) is the API's job.

struct Photo
{
    std::int32_t id = 0;
    std::string url;
};

struct Answer
{
    std::int32_t id = 0;
    std::string body;
    std::int64_t dateWrittenMs = 0;
    std::string answererName;
    std::int32_t helpful = 0;
    std::vector<Photo> photos; // ordered by photo id
};

struct Question
{
    std::int32_t id = 0;
    std::string body;
    std::int64_t dateWrittenMs = 0;
    std::string askerName;
    std::int32_t helpful = 0;
    std::vector<Answer> answers; // every non-reported answer, helpful desc then id
};

// A page of a list: rows skipped are (page - 1) * count.
struct PageRequest
{
    std::int32_t page = 1;  // >= 1
    std::int32_t count = 5; // 1 .. 100
    std::int64_t offset() const { return std::int64_t(page - 1) * count; }
};

// One list read: a page of a product's questions or of a question's answers.
struct ListRead
{
    enum class Of
    {
        ProductQuestions,
        QuestionAnswers,
    };
    Of of = Of::ProductQuestions;
    std::int32_t id = 0; // the product or the question
    PageRequest page;
};

// What a ListRead gives: `questions` for ProductQuestions, `answers` for QuestionAnswers.
struct ListPage
{
    std::vector<Question> questions;
    std::vector<Answer> answers;
};

struct NewQuestion
{
    std::int32_t productId = 0;
    std::string body; // already validated and trimmed
    std::string askerName;
    std::string askerEmail;
    std::int64_t dateWrittenMs = 0;
};

struct NewAnswer
{
    std::int32_t questionId = 0;
    std::string body;
    std::string answererName;
    std::string answererEmail;
    std::vector<std::string> photoUrls; // stored in this order, so their ids ascend in it
    std::int64_t dateWrittenMs = 0;
};

// Where a written row lives: what a cache must drop when it changes. A question's own id is
// its questionId.
struct WrittenItem
{
    std::int32_t id = 0; // the new or marked row
    std::int32_t productId = 0;
    std::int32_t questionId = 0;
};

// The target of a PUT: which table, which row, and what happens to it.
enum class ItemKind
{
    Question,
    Answer,
};

enum class Mark
{
    Helpful, // helpful + 1
    Report,  // reported = true; idempotent
};

} // namespace qaconsole::store
