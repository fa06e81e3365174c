#include "loadgen/check.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace qaconsole::loadgen {

namespace {

// Follows "a.b.0.c" through objects (by key) and arrays (by index).
bool hasJsonPath(std::string_view body, const QByteArray& path)
{
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray::fromRawData(body.data(), qsizetype(body.size())));
    if (document.isNull())
        return false;
    QJsonValue value =
        document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    for (const QByteArray& key : path.split('.')) {
        if (value.isObject()) {
            const QJsonObject object = value.toObject();
            const auto it = object.constFind(QString::fromUtf8(key));
            if (it == object.constEnd())
                return false;
            value = *it;
        } else if (value.isArray()) {
            bool isIndex = false;
            const int index = key.toInt(&isIndex);
            const QJsonArray array = value.toArray();
            if (!isIndex || index < 0 || index >= array.size())
                return false;
            value = array.at(index);
        } else {
            return false;
        }
    }
    return true;
}

} // namespace

QString Check::describe() const
{
    switch (kind) {
    case Kind::Status:
        return QStringLiteral("status is %1").arg(status);
    case Kind::BodyContains:
        return QStringLiteral("body contains '%1'").arg(QString::fromUtf8(text));
    case Kind::JsonField:
        return QStringLiteral("JSON has %1").arg(QString::fromUtf8(text));
    }
    return {};
}

bool checkPasses(const Check& check, int status, std::string_view body)
{
    switch (check.kind) {
    case Check::Kind::Status:
        return status == check.status;
    case Check::Kind::BodyContains:
        return body.find(
                   std::string_view(check.text.constData(), std::size_t(check.text.size()))) !=
               std::string_view::npos;
    case Check::Kind::JsonField:
        return hasJsonPath(body, check.text);
    }
    return false;
}

bool needsBody(const std::vector<Check>& checks)
{
    for (const Check& check : checks)
        if (check.kind != Check::Kind::Status)
            return true;
    return false;
}

} // namespace qaconsole::loadgen
