// libFuzzer harness: a message on the cache's invalidation channel. Any local process that can
// reach Redis can publish one, so every instance parses what it hears.
//
// Checked beyond "no crash, no sanitizer report": a message that parses is written back in a
// form that parses to the same message.

#include "backend/cache/invalidationmessage.h"
#include "tests/fuzz/fuzzcheck.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

using namespace qaconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::optional<cache::InvalidationMessage> message = cache::parseInvalidation(text);
    if (!message)
        return 0;
    const std::string written = cache::formatInvalidation(*message);
    const std::optional<cache::InvalidationMessage> again = cache::parseInvalidation(written);
    FUZZ_CHECK(again && *again == *message);
    const std::optional<std::uint64_t> sender =
        cache::parseInstanceId(cache::instanceIdText(message->sender));
    FUZZ_CHECK(sender && *sender == message->sender);
    return 0;
}
