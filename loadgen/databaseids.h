#pragma once

#include "loadgen/loaderror.h"
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

// The database behind the "database" distribution and the check of fixed ranges: two methods,
// so that resolving a mix is tested without PostgreSQL (pgidreader.h is the libpq one). A failure
// is DatabaseUnreachable, DatabaseRefused, NothingLoaded (the table is missing) or DatabaseQuery,
// with one sentence that says what to do.
class IdReader
{
public:
    virtual ~IdReader() = default;
    // Up to `limit` distinct existing ids drawn at random, in no particular order; empty when
    // the table has none.
    virtual LoadResult<std::vector<std::int64_t>> read(IdSource source, int limit) = 0;
    // The largest existing id of `source` (counted as read() counts them), 0 when there is none.
    virtual LoadResult<std::int64_t> largest(IdSource source) = 0;
};

// The largest id of each kind the database holds: what fixed ranges are checked against.
struct LoadedIds
{
    std::int64_t product = 0; // of the products with unreported questions
    std::int64_t question = 0;
    std::int64_t answer = 0; // 0: the table is empty
    std::int64_t largest(IdSource source) const;
    bool operator==(const LoadedIds&) const = default;
};
// Three index look-ups with `reader`; the first failure as it came. Empty tables give 0s, not an
// error: a fixed range is then all past what is loaded.
LoadResult<LoadedIds> readLoadedIds(IdReader& reader);

// A kind whose fixed ids (uniform, last10, zipf, list) reach past what the database holds.
struct IdRangeExcess
{
    IdSource source;
    std::int64_t rangeMax = 0;  // the largest id the mix can draw
    std::int64_t loadedMax = 0; // the largest the database holds
    double missingShare = 0;    // of the ids drawn, the share above loadedMax (0..1]
};
// One entry per kind, in IdSource order, over the routes of `mix` that draw fixed ids; the
// largest share when routes of one kind differ. Empty when every id drawn can exist.
std::vector<IdRangeExcess> idRangeExcesses(const RequestMix& mix, const LoadedIds& loaded);

bool needsDatabaseIds(const RequestMix& mix);

// A mix whose "database" distributions were read.
struct ResolvedIds
{
    RequestMix mix;  // the mix given, each "database" distribution now a list of ids
    QString summary; // what was read: "10000 product ids, 10000 question ids"
};
// Reads the ids of every "database" distribution of `mix` with `reader`: one read per source and
// sample size, shared by the routes that ask the same. The reader's error when a read fails;
// NothingLoaded when a table has no ids (the dataset is not loaded).
LoadResult<ResolvedIds> resolveDatabaseIds(const RequestMix& mix, IdReader& reader);

} // namespace qaconsole::loadgen
