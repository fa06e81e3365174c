#include "tests/support/samplefixture.h"

#include <QDir>
#include <QFile>

namespace qaconsole::testing {

QString atelierSamplePath(const QString& fileName)
{
    const QDir sample(qEnvironmentVariable("QACONSOLE_SHARED_DIR") +
                      QStringLiteral("/fixtures/atelier-sample"));
    return fileName.isEmpty() ? sample.path() : sample.filePath(fileName);
}

bool copyAtelierSample(const QString& toDir)
{
    for (const char* name : {"questions.csv", "answers.csv", "answers_photos.csv"}) {
        const QString file = QString::fromLatin1(name);
        if (!QFile::copy(atelierSamplePath(file), QDir(toDir).filePath(file)))
            return false;
    }
    return true;
}

} // namespace qaconsole::testing
