#pragma once

#include "loadgen/requestmix.h"

#include <QString>

#include <cstdint>
#include <vector>

namespace qaconsole::loadgen {

// Which existing ids a route's "database" distribution reads (the tables the ETL makes).
enum class IdSource
{
    Products,  // product ids that have unreported questions (routes 1 and 3)
    Questions, // question ids (routes 2, 4, 5 and 6)
    Answers    // answer ids (routes 7 and 8)
};
IdSource idSourceOf(Route route);      // by routeIdKind(); not for Route::Get
QString idSourceNoun(IdSource source); // "product", "question", "answer"

// The database behind the "database" distribution: one method, so that resolving a mix is
// tested without PostgreSQL (pgidreader.h is the libpq one).
class IdReader
{
public:
    virtual ~IdReader() = default;
    // Up to `limit` distinct existing ids drawn at random, in no particular order; empty when
    // the table has none. On failure: empty, with one sentence in `error` that says what to do.
    virtual std::vector<std::int64_t> read(IdSource source, int limit, QString* error) = 0;
};

bool needsDatabaseIds(const RequestMix& mix);

// Turns every "database" distribution of `mix` into a list of ids read with `reader`: one read
// per source and sample size, shared by the routes that ask the same. False with one sentence
// in `error` when a read fails or finds no ids (the dataset is not loaded); `mix` is then left
// as it was. `summary` (optional) gets "10,000 product ids, 10,000 question ids".
bool resolveDatabaseIds(RequestMix& mix, IdReader& reader, QString* error,
                        QString* summary = nullptr);

} // namespace qaconsole::loadgen
