#include "etl/generator/peoplebook.h"

#include "etl/generator/fastrng.h"
#include "etl/generator/outputbuffer.h"

#include <iterator>

namespace qaconsole::etl::gen {

namespace {

constexpr std::string_view kHandles[] = {
    "jbilas",        "mkwong",      "tallguy",     "shopaholic", "trailrunner", "coffeefiend",
    "nightowl",      "bookworm",    "marathonmom", "gearhead",   "stylequeen",  "dogdad",
    "catlady",       "sneakerhead", "beachbum",    "techie",     "hikerchick",  "bargainhunter",
    "coachk",        "momof3",      "soccerdad",   "yogalover",  "skibum",      "chefmike",
    "gymrat",        "surferdude",  "knitwit",     "plantmom",   "vinylfan",    "roadtripper",
    "lazysunday",    "rainydays",   "citygirl",    "farmboy",    "campfire",    "starwatcher",
    "momo",          "drsmith",     "annaliese",   "bigbenny",   "kjohnson",    "tpatel",
    "lmartinez",     "rnguyen",     "sgarcia",     "ewilliams",  "dkim",        "jlee",
    "mchen",         "abrown",      "o'malley",    "d'artagnan", "zoe_b",       "max-power",
    "the_real_kate", "silentbob",   "quietstorm",  "wanderlust", "bluejay",     "redfox",
};

constexpr std::string_view kFirstNames[] = {
    "james", "mary",  "robert", "patricia", "john",   "jennifer", "michael", "linda",
    "david", "susan", "maria",  "daniel",   "sarah",  "thomas",   "karen",   "lisa",
    "mark",  "nancy", "paul",   "betty",    "steven", "sandra",   "kevin",   "ashley",
    "brian", "emily", "jason",  "michelle", "ryan",   "amanda",   "jacob",   "melissa",
};

constexpr std::string_view kLastNames[] = {
    "smith",  "johnson",  "williams", "brown",  "jones",    "garcia", "miller",  "davis",
    "lopez",  "wilson",   "anderson", "taylor", "thomas",   "moore",  "jackson", "martin",
    "lee",    "thompson", "white",    "harris", "clark",    "lewis",  "walker",  "hall",
    "nguyen", "patel",    "kim",      "chen",   "robinson", "wright", "scott",   "green",
};

constexpr std::string_view kDomains[] = {
    "gmail.com",   "gmail.com",  "gmail.com", "gmail.com", "yahoo.com",      "hotmail.com",
    "outlook.com", "icloud.com", "aol.com",   "cbs.com",   "protonmail.com", "comcast.net",
};

template <std::size_t N> std::string_view pick(const std::string_view (&list)[N], FastRng& rng)
{
    return list[rng.below(static_cast<std::uint32_t>(N))];
}

} // namespace

void PeopleBook::writeName(OutputBuffer& out, FastRng& rng, bool answerer)
{
    const std::uint32_t r = rng.below(1000);
    if (answerer && r < 60) {
        out.put(std::string_view("Seller"));
        return;
    }
    out.put(pick(kHandles, rng));
    if (r >= 700)
        out.putUInt(rng.below(100));
}

void PeopleBook::writeEmail(OutputBuffer& out, FastRng& rng)
{
    const std::uint32_t r = rng.below(1000);
    if (r < 400) {
        out.put(std::string_view("first.last@gmail.com"));
        return;
    }
    out.put(pick(kFirstNames, rng));
    out.put('.');
    out.put(pick(kLastNames, rng));
    if (r >= 800)
        out.putUInt(rng.below(1000));
    out.put('@');
    out.put(pick(kDomains, rng));
}

} // namespace qaconsole::etl::gen
