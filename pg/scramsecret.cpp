#include "pg/scramsecret.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace qaconsole::pg {

namespace {

QByteArray hmac(const QByteArray& key, const QByteArray& message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// PBKDF2-HMAC-SHA-256 with one block: SCRAM's Hi(), whose output is one hash long.
QByteArray hi(const QByteArray& password, const QByteArray& salt, int iterations)
{
    QByteArray block = hmac(password, salt + QByteArray("\0\0\0\1", 4));
    QByteArray result = block;
    for (int round = 1; round < iterations; ++round) {
        block = hmac(password, block);
        for (qsizetype i = 0; i < result.size(); ++i)
            result[i] = char(result[i] ^ block[i]);
    }
    return result;
}

} // namespace

QString scramSha256Secret(const QString& password, QByteArray salt, int iterations)
{
    if (salt.isEmpty()) {
        for (int i = 0; i < 16; ++i)
            salt.append(char(QRandomGenerator::system()->bounded(256)));
    }
    const QByteArray salted = hi(password.toUtf8(), salt, iterations);
    const QByteArray storedKey =
        QCryptographicHash::hash(hmac(salted, "Client Key"), QCryptographicHash::Sha256);
    const QByteArray serverKey = hmac(salted, "Server Key");
    return QStringLiteral("SCRAM-SHA-256$%1:%2$%3:%4")
        .arg(iterations)
        .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(storedKey.toBase64()),
             QString::fromLatin1(serverKey.toBase64()));
}

} // namespace qaconsole::pg
