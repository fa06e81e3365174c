#pragma once

#include <cstdint>
#include <string_view>

namespace qaconsole::etl::gen {

class FastRng;
class OutputBuffer;

// Screen names and email addresses like the export's: short handles ("jbilas"), sometimes with
// digits, and emails that are mostly the placeholder "first.last@gmail.com" the storefront's
// seed data used, otherwise first.last at a common provider. None needs CSV quoting.
class PeopleBook
{
public:
    // `answerer`: an answer is sometimes signed "Seller".
    static void writeName(OutputBuffer& out, FastRng& rng, bool answerer);
    static void writeEmail(OutputBuffer& out, FastRng& rng);
};

} // namespace qaconsole::etl::gen
