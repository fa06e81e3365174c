#include "report/savefile.h"

#include <QSaveFile>

namespace qaconsole::report {

ReportStatus saveFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return makeError(ErrorKind::Io, QStringLiteral("cannot write: %1").arg(file.errorString()),
                         path);
    return {};
}

} // namespace qaconsole::report
