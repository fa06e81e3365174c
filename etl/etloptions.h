#pragma once

#include "etl/rejectlimit.h"

#include <QString>

namespace qaconsole::etl {

struct EtlOptions
{
    QString sourceDir;    // holds questions.csv, answers.csv, answers_photos.csv
    QString dsn;          // target database (libpq string or URL), with credentials
    int jobs = 0;         // connections for index builds; 0: the number of cores
    QString rejectFile;   // empty: <sourceDir>/rejects.csv, or the temp folder if not writable
    int sampleRows = 200; // rows per file compared field by field after the load
    // A file losing more of its rows than this to rejects refuses the whole load (the old
    // tables stay); so does a file with no rows or no valid row, whatever the limit.
    RejectLimit maxRejects;
};

} // namespace qaconsole::etl
