// libFuzzer harness: connection strings and Redis URLs, which people paste into the console and
// which its messages and logs quote. The first input byte chooses the parser; the rest is the
// text.
//
// Checked beyond "no crash, no sanitizer report", the promise that matters: a password never
// survives masking. libpq's own parser (PQconninfoParse: the same one a connection would use)
// says what the password of a connection string is; when it is long enough not to occur by
// chance in the rest of the text, neither the masked text nor the form's password-free part may
// contain it, and putting the password back gives libpq the same password. A Redis URL that
// parses writes back a URL that parses to the same endpoint, and masking that URL hides its
// password.

#include "backend/endpoint/redisendpoint.h"
#include "pg/conninfo.h"
#include "pg/passwordsplit.h"
#include "pg/redact.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <libpq-fe.h>
#include <optional>
#include <string>

using namespace qaconsole;

namespace {

// The password libpq reads from `dsn`; nothing when libpq cannot parse it or it has none.
std::optional<std::string> libpqPassword(const std::string& dsn)
{
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &error);
    PQfreemem(error);
    if (!options)
        return std::nullopt;
    std::optional<std::string> password;
    for (PQconninfoOption* option = options; option->keyword; ++option) {
        if (std::string(option->keyword) == "password" && option->val && *option->val)
            password = option->val;
    }
    PQconninfoFree(options);
    return password;
}

// Long enough not to occur by chance, and not found anywhere but in the password's own value:
// then finding it again after masking means it leaked. (A host may hold the same text.)
bool distinctive(const std::string& secret, const std::string& text)
{
    if (secret.size() < 6)
        return false;
    const std::size_t at = text.find(secret);
    if (at == std::string::npos)
        return true; // escaped in the text: no copy of it is there to leak
    if (text.find(secret, at + 1) != std::string::npos)
        return false;
    std::string changed = text;
    changed.replace(at, secret.size(), std::string(secret.size(), secret[0] == 'Z' ? 'Y' : 'Z'));
    return libpqPassword(changed) != secret; // the copy was the password, not another value
}

void connectionString(const std::string& raw)
{
    // The console trims what people type or paste (a URL's trailing newline would otherwise end
    // up in a ?password=), so the properties hold for trimmed text.
    const QString text = QString::fromStdString(raw).trimmed();
    const std::string dsn = text.toStdString();
    if (raw.find('\0') != std::string::npos || QString::fromStdString(raw).toStdString() != raw)
        return; // a C string cannot carry a NUL, and text from the console is valid UTF-8
    (void)pg::checkConnInfo(text);
    (void)pg::addressOf(text);
    (void)pg::rewriteConnInfo(dsn, {});
    const std::optional<std::string> password = libpqPassword(dsn);
    if (!password || !distinctive(*password, dsn))
        return;
    const QString secret = QString::fromStdString(*password);
    if (secret.toStdString() != *password)
        return; // percent-escapes that decode to bytes no text field can hold
    FUZZ_CHECK(!pg::redactSecrets(text).contains(secret));
    const pg::PasswordSplit split = pg::splitPassword(text);
    FUZZ_CHECK(!split.withoutPassword.contains(secret));
    FUZZ_CHECK(split.password == secret);
    if (split.withoutPassword.isEmpty())
        return; // withPassword() leaves an empty string empty: the form then has no connection
    const std::optional<std::string> back =
        libpqPassword(pg::withPassword(split.withoutPassword, split.password).toStdString());
    FUZZ_CHECK(back && *back == *password);
}

void redisUrl(const std::string& url)
{
    const QString text = QString::fromStdString(url);
    const auto parsed = endpoint::parseRedisUrl(text);
    if (!parsed)
        return;
    const endpoint::RedisEndpoint& first = parsed.value();
    const auto again = endpoint::parseRedisUrl(first.toUrl());
    FUZZ_CHECK(again);
    FUZZ_CHECK(again.value().host == first.host && again.value().port == first.port &&
               again.value().username == first.username &&
               again.value().password == first.password &&
               again.value().database == first.database);
    if (first.password.size() >= 6 && text.count(first.password) == 1)
        FUZZ_CHECK(!pg::redactSecrets(text).contains(first.password));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 2 == 0)
        connectionString(text);
    else
        redisUrl(text);
    return 0;
}
