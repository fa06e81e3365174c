#include "backend/api/jsonrender.h"

#include "backend/api/isodate.h"
#include "backend/api/stringoutput.h"

#include <charconv>
#include <rapidjson/writer.h>

namespace qaconsole::api {

namespace {

using Writer = rapidjson::Writer<StringOutput>;

void putString(Writer& writer, std::string_view text)
{
    writer.String(text.data(), rapidjson::SizeType(text.size()));
}

void putKey(Writer& writer, std::string_view key)
{
    writer.Key(key.data(), rapidjson::SizeType(key.size()));
}

void putDate(Writer& writer, std::int64_t epochMs)
{
    char buffer[kIsoDateBufferSize];
    writer.String(buffer, rapidjson::SizeType(formatIsoDate(epochMs, buffer)));
}

// Ids echoed as strings ("product_id": "5") and used as object keys ("68": {...}).
std::string_view idText(std::int32_t id, char (&buffer)[16])
{
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, id);
    return {buffer, std::size_t(result.ptr - buffer)};
}

// The fields both answer shapes share; only the id's key and the photos differ.
void putAnswerFields(Writer& writer, const store::Answer& answer, std::string_view idKey)
{
    putKey(writer, idKey);
    writer.Int(answer.id);
    putKey(writer, "body");
    putString(writer, answer.body);
    putKey(writer, "date");
    putDate(writer, answer.dateWrittenMs);
    putKey(writer, "answerer_name");
    putString(writer, answer.answererName);
    putKey(writer, "helpfulness");
    writer.Int(answer.helpful);
}

// Inside a question: photos as bare URLs.
void putNestedAnswer(Writer& writer, const store::Answer& answer)
{
    writer.StartObject();
    putAnswerFields(writer, answer, "id");
    putKey(writer, "photos");
    writer.StartArray();
    for (const store::Photo& photo : answer.photos)
        putString(writer, photo.url);
    writer.EndArray();
    writer.EndObject();
}

void putQuestion(Writer& writer, const store::Question& question)
{
    writer.StartObject();
    putKey(writer, "question_id");
    writer.Int(question.id);
    putKey(writer, "question_body");
    putString(writer, question.body);
    putKey(writer, "question_date");
    putDate(writer, question.dateWrittenMs);
    putKey(writer, "asker_name");
    putString(writer, question.askerName);
    putKey(writer, "question_helpfulness");
    writer.Int(question.helpful);
    putKey(writer, "reported");
    writer.Bool(false); // reported questions are never listed
    putKey(writer, "answers");
    writer.StartObject();
    for (const store::Answer& answer : question.answers) {
        char buffer[16];
        const std::string_view key = idText(answer.id, buffer);
        putKey(writer, key);
        putNestedAnswer(writer, answer);
    }
    writer.EndObject();
    writer.EndObject();
}

// In a question's answer list: photos as {id, url}.
void putAnswer(Writer& writer, const store::Answer& answer)
{
    writer.StartObject();
    putAnswerFields(writer, answer, "answer_id");
    putKey(writer, "photos");
    writer.StartArray();
    for (const store::Photo& photo : answer.photos) {
        writer.StartObject();
        putKey(writer, "id");
        writer.Int(photo.id);
        putKey(writer, "url");
        putString(writer, photo.url);
        writer.EndObject();
    }
    writer.EndArray();
    writer.EndObject();
}

} // namespace

void renderQuestionList(std::int32_t productId, const std::vector<store::Question>& questions,
                        std::string& out)
{
    StringOutput stream(out);
    Writer writer(stream);
    char buffer[16];
    writer.StartObject();
    putKey(writer, "product_id");
    putString(writer, idText(productId, buffer));
    putKey(writer, "results");
    writer.StartArray();
    for (const store::Question& question : questions)
        putQuestion(writer, question);
    writer.EndArray();
    writer.EndObject();
}

void renderAnswerList(std::int32_t questionId, store::PageRequest page,
                      const std::vector<store::Answer>& answers, std::string& out)
{
    StringOutput stream(out);
    Writer writer(stream);
    char buffer[16];
    writer.StartObject();
    putKey(writer, "question");
    putString(writer, idText(questionId, buffer));
    putKey(writer, "page");
    writer.Int(page.page);
    putKey(writer, "count");
    writer.Int(page.count);
    putKey(writer, "results");
    writer.StartArray();
    for (const store::Answer& answer : answers)
        putAnswer(writer, answer);
    writer.EndArray();
    writer.EndObject();
}

void renderCreated(std::string_view key, std::int32_t id, std::string& out)
{
    StringOutput stream(out);
    Writer writer(stream);
    writer.StartObject();
    putKey(writer, key);
    writer.Int(id);
    writer.EndObject();
}

void renderError(std::string_view code, std::string_view message, std::string_view field,
                 std::string& out)
{
    StringOutput stream(out);
    Writer writer(stream);
    writer.StartObject();
    putKey(writer, "error");
    putString(writer, code);
    putKey(writer, "message");
    putString(writer, message);
    if (!field.empty()) {
        putKey(writer, "field");
        putString(writer, field);
    }
    writer.EndObject();
}

void renderStatus(std::string_view status, std::string& out)
{
    StringOutput stream(out);
    Writer writer(stream);
    writer.StartObject();
    putKey(writer, "status");
    putString(writer, status);
    writer.EndObject();
}

} // namespace qaconsole::api
