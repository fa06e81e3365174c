// libFuzzer harness: the short texts people type: a threshold ("http_req_duration p(99)<50"),
// load stages ("30s:100, 1m:200"), and a cache duration ("5 min"). The first input byte
// chooses which; the rest is the text, as UTF-8.
//
// Checked beyond "no crash, no sanitizer report": an accepted threshold reads back the same
// from the text it keeps, and an accepted duration reads back the same from its own formatting.

#include "backend/cache/duration.h"
#include "loadgen/stages.h"
#include "loadgen/threshold.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace qaconsole;

namespace {

void threshold(const QString& text)
{
    const auto parsed = loadgen::parseThreshold(text);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().message.isEmpty());
        return;
    }
    const loadgen::Threshold& first = parsed.value();
    const auto again = loadgen::parseThreshold(first.text);
    FUZZ_CHECK(again);
    FUZZ_CHECK(again.value().metric == first.metric && again.value().op == first.op &&
               again.value().aggregate == first.aggregate && again.value().value == first.value &&
               again.value().percentile == first.percentile);
}

void stages(const QString& text)
{
    const auto parsed = loadgen::parseStages(text);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().message.isEmpty());
        return;
    }
    for (const loadgen::Stage& stage : parsed.value())
        FUZZ_CHECK(stage.durationMs >= 0);
    (void)loadgen::totalDurationMs(parsed.value());
}

void duration(const QString& text)
{
    const auto parsed = cache::parseDuration(text);
    if (!parsed)
        return;
    const std::int64_t ms = parsed.value();
    FUZZ_CHECK(ms >= 0 && ms <= cache::kMaxDurationMs);
    const auto again = cache::parseDuration(cache::formatDuration(ms));
    FUZZ_CHECK(again && again.value() == ms);
    FUZZ_CHECK(!cache::describeDuration(ms).isEmpty());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char*>(data) + 1, qsizetype(size - 1));
    switch (data[0] % 3) {
    case 0:
        threshold(text);
        break;
    case 1:
        stages(text);
        break;
    default:
        duration(text);
        break;
    }
    return 0;
}
