#include "backend/tier/portfile.h"

#include <QFile>
#include <QSaveFile>

namespace qaconsole::tier {

int readPortFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    bool ok = false;
    const int port = QString::fromLatin1(file.readLine()).trimmed().toInt(&ok);
    return ok && port > 0 && port < 65536 ? port : 0;
}

supervise::Status writePortFile(const QString& path, int port)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::number(port) + '\n') < 0 ||
        !file.commit())
        return makeError(supervise::ErrorKind::Io,
                         QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace qaconsole::tier
