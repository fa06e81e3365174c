#pragma once

#include "core/fielderror.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace qaconsole::core {

// Reads one JSON object of a document a person wrote, remembering the path for messages and
// collecting every error on the way rather than stopping at the first: a file with three
// mistakes gets three messages, each naming its field.
class JsonObjectReader
{
public:
    JsonObjectReader(const QJsonObject& object, QString path, FieldErrors& errors);

    QString field(const QString& key) const;
    void error(const QString& key, const QString& message);

    // The value under `key`, or an error when it is missing or not of `type` (`wanted` says
    // what was expected, e.g. "a string").
    std::optional<QJsonValue> take(const QString& key, QJsonValue::Type type, const char* wanted);
    // The same for a key that may be left out: nothing, and no error, when it is.
    std::optional<QJsonValue> takeOptional(const QString& key, QJsonValue::Type type,
                                           const char* wanted);

    std::optional<JsonObjectReader> object(const QString& key);
    std::optional<QJsonArray> array(const QString& key);
    // A reader for element `index` of an array taken under `key`, or an error when that
    // element is not an object.
    std::optional<JsonObjectReader> element(const QString& key, const QJsonArray& array, int index);

    void string(const QString& key, QString& out);
    // A whole number within [minimum, maximum].
    void integer(const QString& key, std::int64_t minimum, std::int64_t maximum, std::int64_t& out);
    // One of `names`: its index, or an error listing them.
    void choice(const QString& key, const QStringList& names, int& out);

    // Call last: every key not taken is an error, so a typo never passes silently.
    void rejectUnknown();

private:
    QJsonObject m_object;
    QString m_path;
    FieldErrors* m_errors;
    QStringList m_known;
};

// Opens a document of the given format: valid JSON, an object, "format" equal to `formatName`
// and "format_version" from 1 to `maxVersion` (a newer file is refused, not half read). The
// reader of its root object (both fields taken), or nothing when it is not an object; errors
// go to `errors` either way. `what` names the document in messages ("the tiers file").
std::optional<JsonObjectReader> openDocument(const QByteArray& json, const QString& formatName,
                                             int maxVersion, const char* what, FieldErrors& errors);

} // namespace qaconsole::core
