#include "backend/store/schemacheck.h"

#include "backend/store/conninfo.h"
#include "backend/store/pgsession.h"

#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace qaconsole::store {

namespace {

struct ExpectedColumn
{
    const char* name;
    const char* type; // as format_type() spells it
};

struct ExpectedTable
{
    const char* name;
    std::vector<ExpectedColumn> columns;
};

// The canonical schema of dataset.md, as far as the API reads and writes it.
const std::vector<ExpectedTable>& expectedTables()
{
    static const std::vector<ExpectedTable> tables{
        {"questions",
         {{"id", "integer"},
          {"product_id", "integer"},
          {"body", "text"},
          {"date_written", "bigint"},
          {"asker_name", "text"},
          {"asker_email", "text"},
          {"reported", "boolean"},
          {"helpful", "integer"}}},
        {"answers",
         {{"id", "integer"},
          {"question_id", "integer"},
          {"body", "text"},
          {"date_written", "bigint"},
          {"answerer_name", "text"},
          {"answerer_email", "text"},
          {"reported", "boolean"},
          {"helpful", "integer"}}},
        {"answers_photos", {{"id", "integer"}, {"answer_id", "integer"}, {"url", "text"}}},
    };
    return tables;
}

// Tables are looked up the way the API's statements find them: through the search_path.
constexpr const char* kColumnsSql = R"(
SELECT t.name, a.attname, format_type(a.atttypid, a.atttypmod)
FROM unnest($1::text[]) AS t (name)
JOIN pg_attribute a ON a.attrelid = to_regclass(t.name) AND a.attnum > 0 AND NOT a.attisdropped)";

constexpr const char* kRunEtl = "run `qaconsole etl --source DIR` first";

std::string joined(const std::vector<std::string>& parts)
{
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0)
            text += i + 1 == parts.size() ? " and " : ", ";
        text += parts[i];
    }
    return text;
}

} // namespace

std::string checkSchema(const std::string& dsn)
{
    std::string conninfo;
    std::string error;
    if (!rewriteConnInfo(dsn, {5, {{"application_name", "qaconsole-api"}}}, &conninfo, &error))
        return "The PostgreSQL connection string is not valid: " + error + ".";

    // table -> column -> type
    std::map<std::string, std::map<std::string, std::string>> found;
    const std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(conninfo.c_str()),
                                                                  &PQfinish);
    if (!connection || PQstatus(connection.get()) != CONNECTION_OK)
        return "Cannot read the schema from PostgreSQL: " +
               firstLineOf(connection ? PQerrorMessage(connection.get()) : "out of memory");
    const char* const tables[] = {"{questions,answers,answers_photos}"};
    const std::unique_ptr<PGresult, decltype(&PQclear)> rows(
        PQexecParams(connection.get(), kColumnsSql, 1, nullptr, tables, nullptr, nullptr, 0),
        &PQclear);
    if (PQresultStatus(rows.get()) != PGRES_TUPLES_OK)
        return "Cannot read the schema from PostgreSQL: " +
               firstLineOf(PQresultErrorMessage(rows.get()));
    for (int row = 0; row < PQntuples(rows.get()); ++row)
        found[PQgetvalue(rows.get(), row, 0)][PQgetvalue(rows.get(), row, 1)] =
            PQgetvalue(rows.get(), row, 2);

    std::vector<std::string> missingTables;
    std::vector<std::string> problems;
    for (const ExpectedTable& table : expectedTables()) {
        const auto columns = found.find(table.name);
        if (columns == found.end()) {
            missingTables.push_back(table.name);
            continue;
        }
        for (const ExpectedColumn& column : table.columns) {
            const auto actual = columns->second.find(column.name);
            const std::string qualified = std::string(table.name) + "." + column.name;
            if (actual == columns->second.end())
                problems.push_back(qualified + " is missing");
            else if (actual->second != column.type)
                problems.push_back(qualified + " is " + actual->second + ", not " + column.type);
        }
    }
    if (missingTables.size() == expectedTables().size())
        return std::string("The database holds no Q&A data (no tables questions, answers and "
                           "answers_photos): ") +
               kRunEtl + ".";
    std::string text;
    if (!missingTables.empty())
        text = "The database lacks the table" + std::string(missingTables.size() > 1 ? "s " : " ") +
               joined(missingTables) + ". ";
    if (!problems.empty())
        text += "The Q&A tables do not have the expected columns: " + joined(problems) + ". ";
    if (!text.empty())
        text += std::string("To load them, ") + kRunEtl + ".";
    return text;
}

} // namespace qaconsole::store
