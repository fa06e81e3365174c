#include "etl/tableschema.h"

namespace qaconsole::etl {

namespace {

TableSpec specOf(Table table, std::string_view fileName)
{
    const pg::qa::TableDef& def = pg::qa::tableDef(table);
    return {table, def.name, fileName, def.columns, def.parent};
}

} // namespace

const TableSpec& tableSpec(Table table)
{
    static const TableSpec specs[] = {
        specOf(Table::Questions, "questions.csv"),
        specOf(Table::Answers, "answers.csv"),
        specOf(Table::Photos, "answers_photos.csv"),
    };
    return specs[static_cast<int>(table)];
}

} // namespace qaconsole::etl
