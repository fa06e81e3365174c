#pragma once

#include <QDir>
#include <QString>

namespace qaconsole::testing {

// The CSV fixtures in tests/fixtures of this source tree (see tests/fixtures/README.md). CMake
// passes the folder, so the tests need nothing outside the repository. Read-only: tests that
// load or change files work on copies.

// The sample in today's export format (BOM, CRLF, epoch-ms dates); a file of it, or the folder.
inline QString sampleFixturePath(const QString& fileName = {})
{
    const QDir dir(QStringLiteral(QACONSOLE_FIXTURES_DIR "/sample"));
    return fileName.isEmpty() ? dir.path() : dir.filePath(fileName);
}

// The small sample in the older export format (spaced header, quoted YYYY-MM-DD dates, LF).
inline QString legacyFixturePath(const QString& fileName = {})
{
    const QDir dir(QStringLiteral(QACONSOLE_FIXTURES_DIR "/legacy"));
    return fileName.isEmpty() ? dir.path() : dir.filePath(fileName);
}

} // namespace qaconsole::testing
