#pragma once

#include <array>
#include <optional>
#include <span>
#include <string_view>

namespace qaconsole::etl {

// The three source files and the tables they become (docs/dataset.md). Table and
// column names are the files' names and headers, so the database "looks the same".
enum class Table
{
    Questions,
    Answers,
    Photos
};

inline constexpr std::array<Table, 3> kTables{Table::Questions, Table::Answers, Table::Photos};

// What a column holds, which decides how a field is validated and typed.
enum class ColumnKind
{
    Id,        // positive int32, unique in its file: the primary key
    ParentId,  // positive int32 naming a row of the parent table
    ProductId, // positive int32
    Text,      // any text, not empty
    Email,     // text, not empty; never returned by the API
    Date,      // epoch milliseconds, or a legacy "YYYY-MM-DD" string; stored as bigint epoch ms
    Reported,  // "0" or "1"; stored as boolean
    Helpful,   // non-negative int32
};

struct ColumnSpec
{
    std::string_view name; // header name and column name
    ColumnKind kind;
    std::string_view sqlType; // "integer", "text", "bigint", "boolean"
};

struct TableSpec
{
    Table table;
    std::string_view tableName;          // "questions"
    std::string_view fileName;           // "questions.csv"
    std::span<const ColumnSpec> columns; // canonical order: the header's and the table's
    std::optional<Table> parent;         // the table ParentId points into
};

const TableSpec& tableSpec(Table table);

} // namespace qaconsole::etl
