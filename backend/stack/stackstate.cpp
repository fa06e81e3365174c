#include "backend/stack/stackstate.h"

#include "backend/stack/privatefile.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace qaconsole::stack {

StackState::StackState(QString dataDir) : m_dataDir(std::move(dataDir)) {}

QString StackState::path() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("stack.json"));
}

using supervise::ErrorKind;

supervise::Status StackState::load()
{
    QFile file(path());
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Io,
                         QStringLiteral("cannot read %1: %2").arg(path(), file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return makeError(ErrorKind::Io,
                         QStringLiteral("%1 is damaged (%2); delete it to start over")
                             .arg(path(), parseError.errorString()));
    const QJsonObject postgres = document[u"postgres"].toObject();
    const QJsonObject redis = document[u"redis"].toObject();
    postgresPort = postgres[u"port"].toInt();
    superuserPassword = postgres[u"superuser_password"].toString();
    appPassword = postgres[u"app_password"].toString();
    postgresStartedBy = postgres[u"started_by"].toString();
    redisPort = redis[u"port"].toInt();
    redisStartedBy = redis[u"started_by"].toString();
    redisPassword = redis[u"password"].toString();
    redisAdminPassword = redis[u"admin_password"].toString();
    return {};
}

supervise::Status StackState::save() const
{
    if (!QDir().mkpath(m_dataDir))
        return makeError(ErrorKind::Io,
                         QStringLiteral("cannot create the data folder %1").arg(m_dataDir));
    const QJsonObject document{
        {QStringLiteral("postgres"),
         QJsonObject{{QStringLiteral("port"), postgresPort},
                     {QStringLiteral("superuser_password"), superuserPassword},
                     {QStringLiteral("app_password"), appPassword},
                     {QStringLiteral("started_by"), postgresStartedBy}}},
        {QStringLiteral("redis"),
         QJsonObject{{QStringLiteral("port"), redisPort},
                     {QStringLiteral("password"), redisPassword},
                     {QStringLiteral("admin_password"), redisAdminPassword},
                     {QStringLiteral("started_by"), redisStartedBy}}}};
    // The file holds passwords.
    return writePrivateFile(path(), QJsonDocument(document).toJson());
}

QString StackState::generatePassword()
{
    static const char alphabet[] = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QString password;
    for (int i = 0; i < 24; ++i)
        password +=
            QLatin1Char(alphabet[QRandomGenerator::system()->bounded(int(sizeof alphabet) - 1)]);
    return password;
}

} // namespace qaconsole::stack
