#pragma once

namespace qaconsole::etl::gen {

class FastRng;
class OutputBuffer;

// Image addresses shaped like the export's: an Unsplash photo id (a 13-digit timestamp and a
// 12-digit hex tag) and the same crop parameters, with a width that varies. No quoting needed.
class PhotoUrls
{
public:
    static void write(OutputBuffer& out, FastRng& rng);
};

} // namespace qaconsole::etl::gen
