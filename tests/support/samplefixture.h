#pragma once

#include <QString>

namespace qaconsole::testing {

// The real sample of the storefront's export: shared/fixtures/atelier-sample, found through
// QACONSOLE_SHARED_DIR (CTest sets it). Read-only: tests load copies.
QString atelierSamplePath(const QString& fileName = {});

// Copies questions.csv, answers.csv and answers_photos.csv into `toDir` (the ETL writes its
// reject file beside them). False when a file is missing or cannot be copied.
bool copyAtelierSample(const QString& toDir);

} // namespace qaconsole::testing
