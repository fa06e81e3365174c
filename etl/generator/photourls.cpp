#include "etl/generator/photourls.h"

#include "etl/generator/fastrng.h"
#include "etl/generator/outputbuffer.h"

#include <cstdint>
#include <iterator>
#include <string_view>

namespace qaconsole::etl::gen {

namespace {

constexpr std::string_view kWidths[] = {"1650", "1651", "1653", "1567", "668",  "975",
                                        "2089", "1534", "1000", "634",  "1352", "1650"};

} // namespace

void PhotoUrls::write(OutputBuffer& out, FastRng& rng)
{
    out.put(std::string_view("https://images.unsplash.com/photo-"));
    const std::uint64_t r = rng.next();
    // Upload times between 2014 and 2020, as in the export's photo ids.
    out.putUInt(1'400'000'000'000ULL + (r % 200'000'000'000ULL));
    out.put('-');
    std::uint64_t tag = rng.next();
    static constexpr char kHex[] = "0123456789abcdef";
    for (int i = 0; i < 12; ++i) {
        out.put(kHex[tag & 15]);
        tag >>= 4;
    }
    out.put(std::string_view("?ixlib=rb-1.2.1&ixid=eyJhcHBfaWQiOjEyMDd9&auto=format&fit=crop&w="));
    out.put(kWidths[(r >> 52) % std::size(kWidths)]);
    out.put(std::string_view("&q=80"));
}

} // namespace qaconsole::etl::gen
