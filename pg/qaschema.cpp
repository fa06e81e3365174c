#include "pg/qaschema.h"

namespace qaconsole::pg::qa {

namespace {

constexpr Column kQuestionColumns[] = {
    {"id", ColumnKind::Id, "integer"},
    {"product_id", ColumnKind::ProductId, "integer"},
    {"body", ColumnKind::Text, "text"},
    {"date_written", ColumnKind::Date, "bigint"},
    {"asker_name", ColumnKind::Text, "text"},
    {"asker_email", ColumnKind::Email, "text"},
    {"reported", ColumnKind::Reported, "boolean"},
    {"helpful", ColumnKind::Helpful, "integer"},
};

constexpr Column kAnswerColumns[] = {
    {"id", ColumnKind::Id, "integer"},
    {"question_id", ColumnKind::ParentId, "integer"},
    {"body", ColumnKind::Text, "text"},
    {"date_written", ColumnKind::Date, "bigint"},
    {"answerer_name", ColumnKind::Text, "text"},
    {"answerer_email", ColumnKind::Email, "text"},
    {"reported", ColumnKind::Reported, "boolean"},
    {"helpful", ColumnKind::Helpful, "integer"},
};

constexpr Column kPhotoColumns[] = {
    {"id", ColumnKind::Id, "integer"},
    {"answer_id", ColumnKind::ParentId, "integer"},
    {"url", ColumnKind::Text, "text"},
};

constexpr TableDef kTableDefs[] = {
    {Table::Questions, "questions", kQuestionColumns, std::nullopt},
    {Table::Answers, "answers", kAnswerColumns, Table::Questions},
    {Table::Photos, "answers_photos", kPhotoColumns, Table::Answers},
};

} // namespace

const TableDef& tableDef(Table table)
{
    return kTableDefs[static_cast<int>(table)];
}

QStringList tableNames()
{
    QStringList names;
    for (Table table : kTables)
        names << QString::fromLatin1(tableDef(table).name);
    return names;
}

} // namespace qaconsole::pg::qa
