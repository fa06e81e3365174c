#pragma once

#include <QStringList>

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace qaconsole::pg::qa {

// The Q&A schema (docs/dataset.md), declared once: the ETL makes its tables and COPY column
// lists from it, the API's start check compares the database with it, and the console names
// its tables from it. Column names are also the CSV headers, so the database "looks the same"
// as the files.
enum class Table
{
    Questions,
    Answers,
    Photos
};

inline constexpr std::array<Table, 3> kTables{Table::Questions, Table::Answers, Table::Photos};

// What a column holds: it decides how the ETL validates a field and which default and
// constraint the column gets.
enum class ColumnKind
{
    Id,        // positive int32, unique in its table: the primary key (an identity column)
    ParentId,  // positive int32 naming a row of the parent table
    ProductId, // positive int32
    Text,      // any text, not empty
    Email,     // text, not empty; never returned by the API
    Date,      // epoch milliseconds (bigint); a legacy "YYYY-MM-DD" in the files
    Reported,  // boolean; "0" or "1" in the files
    Helpful,   // non-negative int32
};

struct Column
{
    std::string_view name; // column name and CSV header
    ColumnKind kind;
    std::string_view sqlType; // as format_type() spells it: "integer", "text", "bigint", ...
};

struct TableDef
{
    Table table;
    std::string_view name;           // "questions"
    std::span<const Column> columns; // canonical order: the table's and the files' header
    std::optional<Table> parent;     // the table the ParentId column points into
};

const TableDef& tableDef(Table table);

// "questions", "answers", "answers_photos", in kTables order.
QStringList tableNames();

} // namespace qaconsole::pg::qa
