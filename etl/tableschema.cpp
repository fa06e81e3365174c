#include "etl/tableschema.h"

namespace qaconsole::etl {

namespace {

constexpr ColumnSpec kQuestionColumns[] = {
    {"id", ColumnKind::Id, "integer"},
    {"product_id", ColumnKind::ProductId, "integer"},
    {"body", ColumnKind::Text, "text"},
    {"date_written", ColumnKind::Date, "bigint"},
    {"asker_name", ColumnKind::Text, "text"},
    {"asker_email", ColumnKind::Email, "text"},
    {"reported", ColumnKind::Reported, "boolean"},
    {"helpful", ColumnKind::Helpful, "integer"},
};

constexpr ColumnSpec kAnswerColumns[] = {
    {"id", ColumnKind::Id, "integer"},
    {"question_id", ColumnKind::ParentId, "integer"},
    {"body", ColumnKind::Text, "text"},
    {"date_written", ColumnKind::Date, "bigint"},
    {"answerer_name", ColumnKind::Text, "text"},
    {"answerer_email", ColumnKind::Email, "text"},
    {"reported", ColumnKind::Reported, "boolean"},
    {"helpful", ColumnKind::Helpful, "integer"},
};

constexpr ColumnSpec kPhotoColumns[] = {
    {"id", ColumnKind::Id, "integer"},
    {"answer_id", ColumnKind::ParentId, "integer"},
    {"url", ColumnKind::Text, "text"},
};

const TableSpec kSpecs[] = {
    {Table::Questions, "questions", "questions.csv", kQuestionColumns, std::nullopt},
    {Table::Answers, "answers", "answers.csv", kAnswerColumns, Table::Questions},
    {Table::Photos, "answers_photos", "answers_photos.csv", kPhotoColumns, Table::Answers},
};

} // namespace

const TableSpec& tableSpec(Table table)
{
    return kSpecs[static_cast<int>(table)];
}

} // namespace qaconsole::etl
