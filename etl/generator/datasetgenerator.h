#pragma once

#include "etl/etlerror.h"

#include <QString>

#include <functional>
#include <optional>

namespace qaconsole::etl {

struct GeneratorOptions
{
    QString outDir;
    double scale = 0.1;  // 1.0: 3,518,963 questions, 6,879,306 answers, 2,063,759 photos
    quint64 seed = 1;    // same seed, same options: byte-identical files
    bool dirty = false;  // mix in bad rows of every kind; write the manifest of expected rejects
    bool legacy = false; // the older export: spaced header, dates as "YYYY-MM-DD"
    bool bom = false;    // start each file with a UTF-8 BOM
    bool crlf = false;   // end lines with CRLF
};

struct GeneratorProgress
{
    qint64 bytesWritten = 0;
    qint64 bytesExpected = 0; // an estimate
    qint64 rowsWritten = 0;
};

struct GeneratorResult
{
    // Why no dataset was written (Cancelled when the caller stopped it); the partial files are
    // removed. Empty when the files are complete.
    std::optional<Error> error;
    bool ok() const { return !error; }
    bool cancelled() const { return error && error->kind == ErrorKind::Cancelled; }
    QString errorText() const { return error ? error->text() : QString(); }

    qint64 questions = 0; // data rows written per file, bad rows included
    qint64 answers = 0;
    qint64 photos = 0;
    qint64 expectedRejects = 0; // bad rows written (0 unless dirty)
    qint64 bytes = 0;
};

// Writes questions.csv, answers.csv and answers_photos.csv into `outDir` (and, when dirty,
// expected-rejects.csv: file,line,reason for every bad row, with the reasons' names from
// rejectReasonName()). Progress is reported a few times per second; returning false cancels.
GeneratorResult generateDataset(const GeneratorOptions& options,
                                const std::function<bool(const GeneratorProgress&)>& progress = {});

} // namespace qaconsole::etl
