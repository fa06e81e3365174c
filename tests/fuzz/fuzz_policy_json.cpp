// libFuzzer harness: a cache policy file or a policy published on the channel (the same JSON).
//
// Checked beyond "no crash, no sanitizer report": a policy is either accepted or refused with
// at least one error naming its field, an accepted policy passes validation, and writing it out
// and reading it back gives the same policy.

#include "backend/cache/cachepolicy.h"
#include "backend/cache/policyjson.h"
#include "backend/cache/policyvalidation.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace qaconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    const cache::PolicyParseResult parsed = cache::parsePolicyJson(json);
    if (!parsed.policy) {
        FUZZ_CHECK(!parsed.errors.isEmpty());
        return 0;
    }
    FUZZ_CHECK(parsed.errors.isEmpty());
    FUZZ_CHECK(cache::validatePolicy(*parsed.policy).isEmpty());
    const cache::PolicyParseResult again =
        cache::parsePolicyJson(cache::policyToJson(*parsed.policy, data[0] % 2 == 0));
    FUZZ_CHECK(again.policy && *again.policy == *parsed.policy);
    return 0;
}
