#include "tests/support/exportedconfig.h"

#include <QDir>
#include <QStringList>

namespace qaconsole::testing {

QByteArray nginxConfigHere(const QByteArray& exported, const QString& dir)
{
    const QDir here(dir);
    QString text = QString::fromUtf8(exported);
    text.replace(QStringLiteral("/run/nginx.pid"), here.filePath(QStringLiteral("nginx.pid")));
    text.replace(QStringLiteral("/var/log/nginx/"), dir + u'/');
    QString temporary;
    for (const char* kind : {"client_body", "proxy", "fastcgi", "uwsgi", "scgi"})
        temporary += QStringLiteral("    %1_temp_path %2;\n")
                         .arg(QLatin1String(kind),
                              here.filePath(QStringLiteral("tmp/") + QLatin1String(kind)));
    text.replace(QStringLiteral("\nhttp {\n"), QStringLiteral("\nhttp {\n") + temporary);
    return text.toUtf8();
}

QStringList nginxArgumentsHere(const QString& dir, const QStringList& extra)
{
    const QDir here(dir);
    return QStringList{QStringLiteral("-p"), dir,
                       QStringLiteral("-e"), here.filePath(QStringLiteral("startup.log")),
                       QStringLiteral("-c"), here.filePath(QStringLiteral("nginx.conf"))} +
           extra;
}

} // namespace qaconsole::testing
