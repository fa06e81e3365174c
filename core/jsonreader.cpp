#include "core/jsonreader.h"

#include <QJsonDocument>

namespace qaconsole::core {

namespace {

QString jsonTypeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace

JsonObjectReader::JsonObjectReader(const QJsonObject& object, QString path, FieldErrors& errors)
    : m_object(object), m_path(std::move(path)), m_errors(&errors)
{}

QString JsonObjectReader::field(const QString& key) const
{
    return m_path.isEmpty() ? key : m_path + u'.' + key;
}

void JsonObjectReader::error(const QString& key, const QString& message)
{
    m_errors->append({field(key), message});
}

std::optional<QJsonValue> JsonObjectReader::take(const QString& key, QJsonValue::Type type,
                                                 const char* wanted)
{
    if (!m_object.contains(key)) {
        m_known << key;
        error(key, QStringLiteral("is missing"));
        return std::nullopt;
    }
    return takeOptional(key, type, wanted);
}

std::optional<QJsonValue> JsonObjectReader::takeOptional(const QString& key, QJsonValue::Type type,
                                                         const char* wanted)
{
    m_known << key;
    const QJsonValue value = m_object.value(key);
    if (value.isUndefined())
        return std::nullopt;
    if (value.type() != type) {
        error(key,
              QStringLiteral("must be %1, not %2").arg(QLatin1String(wanted), jsonTypeName(value)));
        return std::nullopt;
    }
    return value;
}

std::optional<JsonObjectReader> JsonObjectReader::object(const QString& key)
{
    const auto value = take(key, QJsonValue::Object, "an object");
    if (!value)
        return std::nullopt;
    return JsonObjectReader(value->toObject(), field(key), *m_errors);
}

std::optional<QJsonArray> JsonObjectReader::array(const QString& key)
{
    const auto value = take(key, QJsonValue::Array, "an array");
    if (!value)
        return std::nullopt;
    return value->toArray();
}

std::optional<JsonObjectReader> JsonObjectReader::element(const QString& key,
                                                          const QJsonArray& array, int index)
{
    const QString path = field(key) + QStringLiteral("[%1]").arg(index);
    const QJsonValue value = array.at(index);
    if (!value.isObject()) {
        m_errors->append(
            {path, QStringLiteral("must be an object, not %1").arg(jsonTypeName(value))});
        return std::nullopt;
    }
    return JsonObjectReader(value.toObject(), path, *m_errors);
}

void JsonObjectReader::string(const QString& key, QString& out)
{
    if (const auto value = take(key, QJsonValue::String, "a string"))
        out = value->toString();
}

void JsonObjectReader::integer(const QString& key, std::int64_t minimum, std::int64_t maximum,
                               std::int64_t& out)
{
    const auto value = take(key, QJsonValue::Double, "a whole number");
    if (!value)
        return;
    const double number = value->toDouble();
    // The range first: converting a double beyond int64 (1e30) is undefined behaviour.
    if (!(number >= double(minimum) && number <= double(maximum)) ||
        number != double(std::int64_t(number))) {
        error(key,
              QStringLiteral("must be a whole number from %1 to %2").arg(minimum).arg(maximum));
        return;
    }
    out = std::int64_t(number);
}

void JsonObjectReader::choice(const QString& key, const QStringList& names, int& out)
{
    const auto value = take(key, QJsonValue::String, "a string");
    if (!value)
        return;
    const qsizetype index = names.indexOf(value->toString());
    if (index < 0) {
        error(key, QStringLiteral("\"%1\" is not one of \"%2\"")
                       .arg(value->toString(), names.join(QStringLiteral("\", \""))));
        return;
    }
    out = int(index);
}

void JsonObjectReader::rejectUnknown()
{
    for (auto it = m_object.begin(); it != m_object.end(); ++it) {
        if (!m_known.contains(it.key()))
            error(it.key(), QStringLiteral("is not a known field"));
    }
}

std::optional<JsonObjectReader> openDocument(const QByteArray& json, const QString& formatName,
                                             int maxVersion, const char* what, FieldErrors& errors)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        errors.append({QString(), QStringLiteral("not valid JSON at byte %1: %2")
                                      .arg(parseError.offset)
                                      .arg(parseError.errorString())});
        return std::nullopt;
    }
    if (!document.isObject()) {
        errors.append(
            {QString(), QStringLiteral("%1 must be a JSON object").arg(QLatin1String(what))});
        return std::nullopt;
    }
    JsonObjectReader root(document.object(), QString(), errors);
    if (const auto format = root.take(QStringLiteral("format"), QJsonValue::String, "a string");
        format && format->toString() != formatName)
        root.error(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(formatName));
    std::int64_t version = maxVersion;
    root.integer(QStringLiteral("format_version"), 1, maxVersion, version);
    return root;
}

} // namespace qaconsole::core
