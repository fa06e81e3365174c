#include "pg/conninfo.h"

#include "pg/redact.h"

#include <charconv>
#include <libpq-fe.h>
#include <memory>

namespace qaconsole::pg {

namespace {

struct OptionsFree
{
    void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};
using Options = std::unique_ptr<PQconninfoOption, OptionsFree>;

// The parsed options, or null with libpq's reason in `why`.
Options parse(const QByteArray& dsn, QString* why)
{
    char* message = nullptr;
    Options options(PQconninfoParse(dsn.constData(), &message));
    if (!options && why) {
        // libpq names the bad keyword or URL part; a malformed string may be echoed in it.
        *why = message ? redactSecrets(QString::fromUtf8(message).trimmed())
                       : QStringLiteral("not a connection string");
    }
    PQfreemem(message);
    return options;
}

// Keyword form quoting: single quotes around the value, backslash before ' and \.
void appendSetting(std::string& out, const std::string& key, const std::string& value)
{
    if (!out.empty())
        out += ' ';
    out += key;
    out += "='";
    for (char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '\'';
}

int parseSeconds(const char* text)
{
    int value = 0;
    const std::string_view view(text);
    const auto [end, ec] = std::from_chars(view.data(), view.data() + view.size(), value);
    return ec == std::errc() && end == view.data() + view.size() ? value : 0;
}

} // namespace

Status checkConnInfo(const QString& dsn)
{
    QString why;
    if (!parse(dsn.toUtf8(), &why))
        return makeError(ErrorKind::InvalidConnInfo, why);
    return {};
}

QString addressOf(const QString& dsn)
{
    const Options options = parse(dsn.toUtf8(), nullptr);
    if (!options)
        return QStringLiteral("(malformed connection string)");
    QString host = QStringLiteral("localhost");
    QString port = QStringLiteral("5432");
    for (PQconninfoOption* option = options.get(); option->keyword; ++option) {
        if (!option->val || !*option->val)
            continue;
        if (qstrcmp(option->keyword, "host") == 0 || qstrcmp(option->keyword, "hostaddr") == 0)
            host = QString::fromUtf8(option->val);
        else if (qstrcmp(option->keyword, "port") == 0)
            port = QString::fromUtf8(option->val);
    }
    return host + u':' + port;
}

Result<std::string> rewriteConnInfo(const std::string& dsn, const ConnInfoDefaults& defaults)
{
    QString why;
    const Options options = parse(QByteArray::fromStdString(dsn), &why);
    if (!options)
        return makeError(ErrorKind::InvalidConnInfo, why);

    std::string result;
    std::vector<std::string> given;
    bool knowsTimeout = false;
    for (PQconninfoOption* option = options.get(); option->keyword; ++option) {
        const std::string key = option->keyword;
        if (key == "connect_timeout")
            knowsTimeout = true;
        if (!option->val)
            continue;
        given.push_back(key);
        std::string value = option->val;
        if (key == "connect_timeout") {
            const int seconds = parseSeconds(option->val);
            // 0 or garbage means "wait forever" to libpq: exactly what must not happen here.
            if (seconds <= 0 || seconds > defaults.maxConnectTimeoutSec)
                value = std::to_string(defaults.maxConnectTimeoutSec);
        }
        appendSetting(result, key, value);
    }
    auto isGiven = [&given](const std::string& key) {
        for (const std::string& g : given) {
            if (g == key)
                return true;
        }
        return false;
    };
    auto isKnown = [&options](const std::string& key) {
        for (PQconninfoOption* option = options.get(); option->keyword; ++option) {
            if (key == option->keyword)
                return true;
        }
        return false;
    };
    if (knowsTimeout && !isGiven("connect_timeout"))
        appendSetting(result, "connect_timeout", std::to_string(defaults.maxConnectTimeoutSec));
    for (const auto& [key, value] : defaults.settings) {
        if (!isGiven(key) && isKnown(key))
            appendSetting(result, key, value);
    }
    return result;
}

} // namespace qaconsole::pg
