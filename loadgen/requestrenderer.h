#pragma once

#include "loadgen/iddistribution.h"
#include "loadgen/requestmix.h"
#include "loadgen/rng.h"

#include <cstdint>
#include <string>
#include <vector>

namespace qaconsole::loadgen {

// Writes the bytes of the next request of a mix, drawn by weight, into a worker's send buffer.
// Everything that does not depend on the id is rendered once by the constructor; a request
// then costs an append, a number and, for writes, a small body built in a reused buffer: no
// allocation once the buffers have grown. A mix of one id-less route is one memcpy.
// One per worker (not thread-safe); `seed` makes the sequence of routes and ids reproducible.
class RequestRenderer
{
public:
    RequestRenderer(const RequestMix& mix, const std::string& hostHeader, std::uint64_t seed);

    // Appends one request to `out`; returns the index of its route in the mix.
    std::size_t appendNext(std::string& out);
    std::size_t routeCount() const { return m_routes.size(); }

private:
    struct Prepared
    {
        Route route;
        std::string head; // up to the id (or the whole request when there is no id)
        std::string tail; // after the id, up to the blank line (bodiless requests)
        bool hasId = false;
        IdSampler ids;
        int photos = 0;
    };
    std::size_t pick();
    void appendWrite(const Prepared& route, std::int64_t id, std::string& out);

    std::vector<Prepared> m_routes;
    std::vector<double> m_cumulative; // running sums of the weights
    std::string m_headers;            // "Host: ...\r\nUser-Agent: ...\r\n"
    std::string m_body;               // reused for write bodies
    Rng m_rng;
    std::uint64_t m_sequence = 0; // numbers the generated texts, so rows are told apart
};

} // namespace qaconsole::loadgen
