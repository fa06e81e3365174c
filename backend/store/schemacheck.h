#pragma once

#include <string>

namespace qaconsole::store {

// Empty when the database behind `dsn` has the tables questions, answers and answers_photos
// with the columns and types of the Q&A schema (pg/qaschema.h; the ETL makes them). Else a
// sentence naming what is missing or different, or why the database could not be asked, and
// what to do. Never holds a password.
std::string checkSchema(const std::string& dsn);

} // namespace qaconsole::store
