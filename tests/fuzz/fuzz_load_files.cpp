// libFuzzer harness: the load generator's files, a request mix or a scenario (the last input
// byte chooses which; the rest is the file).
//
// Checked beyond "no crash, no sanitizer report": a file is either accepted or refused with at
// least one error, and an accepted scenario written out and read back writes out the same text.

#include "loadgen/mixfile.h"
#include "loadgen/scenariofile.h"
#include "tests/fuzz/fuzzcheck.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace qaconsole;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const QByteArray json =
        QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size - 1));
    if (data[size - 1] % 2 == 0) {
        const loadgen::MixFile mix = loadgen::parseMixFile(json);
        FUZZ_CHECK(mix.ok() || !mix.errors.isEmpty());
        return 0;
    }
    const loadgen::ScenarioFile file = loadgen::parseScenarioFile(json);
    if (!file.ok())
        return 0;
    const QByteArray written = loadgen::scenarioFileJson(file.scenario);
    const loadgen::ScenarioFile again = loadgen::parseScenarioFile(written);
    FUZZ_CHECK(again.ok());
    FUZZ_CHECK(loadgen::scenarioFileJson(again.scenario) == written);
    return 0;
}
