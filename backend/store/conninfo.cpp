#include "backend/store/conninfo.h"

#include <charconv>
#include <libpq-fe.h>
#include <memory>

namespace qaconsole::store {

namespace {

struct OptionsDeleter
{
    void operator()(PQconninfoOption* options) const { PQconninfoFree(options); }
};

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

bool rewriteConnInfo(const std::string& dsn, const ConnInfoDefaults& defaults, std::string* out,
                     std::string* error)
{
    char* message = nullptr;
    std::unique_ptr<PQconninfoOption, OptionsDeleter> options(
        PQconninfoParse(dsn.c_str(), &message));
    if (!options) {
        // libpq names the bad keyword or URI part, never a password value.
        if (error)
            *error = message ? message : "the connection string does not parse";
        PQfreemem(message);
        while (error && !error->empty() && (error->back() == '\n' || error->back() == ' '))
            error->pop_back();
        return false;
    }

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
    *out = std::move(result);
    return true;
}

} // namespace qaconsole::store
