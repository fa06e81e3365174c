#include "backend/stack/privatefile.h"

#include <QSaveFile>

namespace qaconsole::stack {

supervise::Status writePrivateFile(const QString& path, const QByteArray& content)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(content) < 0 || !file.commit())
        return makeError(supervise::ErrorKind::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace qaconsole::stack
