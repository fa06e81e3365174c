#pragma once

#include "etl/tableschema.h"

#include <QString>

#include <array>
#include <functional>

namespace qaconsole::etl {

enum class EtlPhase
{
    Preparing, // connecting, clearing what an earlier failed run left
    Loading,   // streaming the files through COPY
    Indexing,  // primary keys, foreign keys, indexes
    Analyzing, // statistics, sequences
    Verifying, // counts, orphans, first/last ids, sampled rows
    Swapping,  // the new tables replace the old ones, in one transaction
    Done,
};

QString phaseTitle(EtlPhase phase); // "Loading files", ...

struct FileProgress
{
    qint64 bytesRead = 0;
    qint64 bytesTotal = 0;
    qint64 rowsRead = 0; // data rows, header excluded
    qint64 rowsLoaded = 0;
    qint64 rowsRejected = 0;
    double rowsPerSecond = 0;
    double etaSeconds = -1; // -1: unknown
    bool done = false;
};

struct EtlProgress
{
    EtlPhase phase = EtlPhase::Preparing;
    QString step; // what runs now, for people ("CREATE INDEX answers_question_id ...")
    std::array<FileProgress, 3> files; // indexed by Table
    const FileProgress& file(Table table) const { return files[static_cast<int>(table)]; }
};

// Called on the thread that runs EtlLoader::run(), a few times per second and at each phase
// change, never concurrently. Returning
// false cancels the load: it stops as soon as it can and leaves the old tables as they were.
using EtlProgressCallback = std::function<bool(const EtlProgress&)>;

} // namespace qaconsole::etl
