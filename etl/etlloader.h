#pragma once

#include "etl/etloptions.h"
#include "etl/etlprogress.h"
#include "etl/etlresult.h"

namespace qaconsole::etl {

// Loads the three files into new tables through COPY, validating every row (bad rows go to the
// reject file), then builds keys, indexes and statistics, sets the sequences past the largest
// ids, verifies, and swaps the new tables in with one transaction. A failed, cancelled or
// killed run leaves the previous tables exactly as they were; the next run clears its leftovers.
// A load never replaces good data with less: the three headers are checked before any row is
// read, and a file with no valid row or with more rejects than EtlOptions::maxRejects allows
// fails the load (NothingLoaded, TooManyRejects) before anything is swapped.
// Blocks until done: run it off the GUI thread.
class EtlLoader
{
public:
    explicit EtlLoader(EtlOptions options);
    EtlResult run(const EtlProgressCallback& progress = {});

private:
    EtlOptions m_options;
};

} // namespace qaconsole::etl
