#pragma once

#include "pg/qaschema.h"

#include <optional>
#include <span>
#include <string_view>

namespace qaconsole::etl {

// The three source files and the tables they become (docs/dataset.md). Tables, columns, their
// kinds and types are the Q&A schema of pg/qaschema.h; the ETL adds the file each is read from.
using Table = pg::qa::Table;
using ColumnKind = pg::qa::ColumnKind;
using ColumnSpec = pg::qa::Column; // name (header and column), kind, sqlType

inline constexpr auto kTables = pg::qa::kTables;

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
