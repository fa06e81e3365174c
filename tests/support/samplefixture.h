#pragma once

#include "tests/support/fixturepaths.h"

#include <QString>

namespace qaconsole::testing {

// Copies questions.csv, answers.csv and answers_photos.csv of the fixture folder `fromDir`
// (sampleFixturePath() unless told) into `toDir`, writable, since the ETL writes its reject
// file beside them and tests may change the copies. False when a file is missing or cannot be
// copied.
bool copySampleFixture(const QString& toDir, const QString& fromDir = sampleFixturePath());

// Writes `content` to `path`, replacing it: a variant of a fixture file a test makes. False
// when it cannot be written completely.
bool writeFixtureFile(const QString& path, const QByteArray& content);

} // namespace qaconsole::testing
