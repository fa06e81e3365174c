#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace qaconsole::etl::gen {

class FastRng;
class OutputBuffer;

// A phrase with a relative frequency, as written in the source.
struct WeightedPhrase
{
    std::string_view text;
    int weight;
};

// Question or answer bodies assembled from short phrases: an optional opener, one sentence or a
// few, an optional tail. The phrases carry what real bodies carry (commas, quotes, line breaks
// inside the text, apostrophes, '#', emoji, SQL-looking text) at about the rates seen in the
// storefront's export. Each phrase is escaped once, up front, so writing a body is only copying.
class PhraseBook
{
public:
    static PhraseBook forQuestions();
    static PhraseBook forAnswers();

    // Writes one body as an RFC 4180 field: quoted only when it holds a comma, a quote or a line
    // break, quotes doubled. Returns the number of line breaks ('\n') written inside it.
    int writeBody(OutputBuffer& out, FastRng& rng) const;

private:
    struct Piece
    {
        std::string escaped; // quotes doubled
        bool needsQuotes = false;
        int lineBreaks = 0;
    };
    class Pool
    {
    public:
        explicit Pool(std::span<const WeightedPhrase> phrases);
        const Piece& pick(std::uint64_t random) const { return m_pieces[m_index[random >> 54]]; }

    private:
        std::vector<Piece> m_pieces;
        std::array<std::uint16_t, 1024> m_index{}; // weighted: a piece appears weight-many times
    };

    PhraseBook(std::span<const WeightedPhrase> openers, std::span<const WeightedPhrase> sentences,
               std::span<const WeightedPhrase> tails, std::string_view separator);

    Pool m_openers;
    Pool m_sentences;
    Pool m_tails;
    Piece m_separator; // between sentences
};

} // namespace qaconsole::etl::gen
