#include "etl/generator/phrasebook.h"

#include "etl/generator/fastrng.h"
#include "etl/generator/outputbuffer.h"

#include <algorithm>

namespace qaconsole::etl::gen {

namespace {

// Weights are relative within a list. Plain sentences dominate; the ones that stress a loader
// (quotes, '#', emoji, SQL) are rarer, as they are in the real export.
constexpr WeightedPhrase kQuestionSentences[] = {
    {"What fabric is the lining made of?", 10},
    {"Does this run true to size?", 10},
    {"Can I put it in the washing machine?", 10},
    {"How long does the battery last?", 10},
    {"Where is this made?", 10},
    {"Is the color the same as in the photos?", 10},
    {"Can I return it if it doesn't fit?", 10},
    {"Does it come with a warranty?", 10},
    {"How heavy is it?", 10},
    {"Is this waterproof or only water resistant?", 10},
    {"Does it shrink after washing?", 10},
    {"Is the strap adjustable?", 10},
    {"Is it safe for kids under 3?", 10},
    {"Does the zipper feel sturdy?", 10},
    {"Is it dishwasher safe?", 10},
    {"Are the seams double stitched?", 10},
    {"How do I clean the suede?", 10},
    {"Does it have pockets?", 10},
    {"Is this vegan leather?", 10},
    {"Can it be worn in the rain?", 10},
    {"What's the return policy?", 10},
    {"Does it come in a wide size?", 10},
    {"Why is this cheaper here than on other sites?", 10},
    {"Where does it ship from?", 10},
    {"Does it stretch out over time?", 10},
    {"Is it see-through?", 10},
    {"How warm is it, really?", 8},
    {"Does it pill after a few washes?", 10},
    {"Is it good for hiking?", 10},
    {"Does the color fade in the sun?", 10},
    {"Can I iron it?", 10},
    {"Is it good for wide feet?", 10},
    {"Does it come gift wrapped?", 10},
    {"Is it noise cancelling?", 10},
    {"Will it fit a queen bed?", 10},
    {"Is it BPA free?", 10},
    {"Does it smell when it's new?", 10},
    {"Is the sizing European or US?", 10},
    {"Does it have UV protection?", 10},
    {"Can I wear it to the gym?", 10},
    {"How long does shipping take to Canada?", 10},
    {"Is the sole made of rubber?", 10},
    {"Does this product run big or small?", 10},
    {"Is there a matching top?", 10},
    {"What's the difference between the blue and the navy?", 10},
    {"Does it come with spare buttons?", 10},
    {"Is it machine washable or dry clean only?", 10},
    {"Will this keep its shape after a season?", 10},
    {"Is it lined?", 10},
    {"How tall is the model in the picture?", 10},
    {"I'm 5'10, 170 lbs, which size should I get?", 6},
    {"I'm allergic to dye #17, does this contain any?", 6},
    {"My feet are narrow, will these slip off?", 6},
    {"Bought it for my daughter, will it fit a size 8 foot?", 6},
    {"If I order today, will it arrive by Friday?", 6},
    {"Will this fit a 15\" laptop?", 3},
    {"The listing says \"organic cotton\", is that certified?", 2},
    {"What does \"relaxed fit\" mean here?", 2},
    {"Is item #4471 the newer version of #4470?", 3},
    {"Love the color \xF0\x9F\x98\x8D is it the same in person?", 2},
    {"Does it come in pink? \xF0\x9F\x99\x8F", 2},
    {"WHY IS THIS OUT OF STOCK AGAIN???", 2},
    {"'; DROP TABLE questions; --", 1},
    {"Robert'); DROP TABLE answers;--", 1},
    {"1' OR '1'='1", 1},
};

constexpr WeightedPhrase kQuestionOpeners[] = {
    {"Hi, ", 10},
    {"Hello! ", 8},
    {"Quick question: ", 8},
    {"Hey, ", 6},
    {"Hi there! ", 6},
    {"Sorry if this was asked already, but ", 3},
    {"Honestly curious: ", 3},
    {"Hey y'all, ", 3},
};

constexpr WeightedPhrase kQuestionTails[] = {
    {" Thanks!", 20},
    {" Thanks in advance.", 12},
    {" Thank you!", 10},
    {" :)", 6},
    {" \xF0\x9F\x98\x8D", 5},
    {" \xF0\x9F\x91\x8D\xF0\x9F\x91\x8D", 4},
    {" \xF0\x9F\x94\xA5", 3},
    {" lol", 5},
    {" #help", 3},
    {" #ootd", 2},
    {"\nThanks!", 5},
    {"\r\nThank you so much", 4},
    {"\n\nSent from my phone", 3},
    {" Asking for a friend, thanks.", 3},
    {" \"quick\" question, sorry.", 2},
    {" '; DROP TABLE questions; --", 1},
    {" \xC2\xAF\\_(\xE3\x83\x84)_/\xC2\xAF", 1},
    {" <script>alert('hi')</script>", 1},
};

constexpr WeightedPhrase kAnswerSentences[] = {
    {"Yes", 12},
    {"No", 8},
    {"Yes, it is", 4},
    {"Not really", 6},
    {"Runs small, I'd say order one size up", 8},
    {"Fits true to size", 10},
    {"I wouldn't machine wash it", 10},
    {"Only if you want to ruin it!", 8},
    {"Mine has held up for two years now", 10},
    {"Made in Portugal", 10},
    {"It ships from the warehouse in Ohio", 10},
    {"Cotton, but it feels more like linen", 8},
    {"It's recycled polyester", 10},
    {"Yes, fully waterproof, I wore it in a storm", 6},
    {"It's water resistant, not waterproof", 6},
    {"I've washed it a dozen times and it still looks new", 10},
    {"The color is a bit darker than in the photo", 10},
    {"About two pounds", 10},
    {"Perfect for hiking, comfy all day", 6},
    {"Mine shrank a little, so size up", 6},
    {"I returned mine, no questions asked", 6},
    {"It comes with a one year warranty", 10},
    {"Hand wash cold and hang to dry", 10},
    {"Not see-through at all", 10},
    {"The zipper is solid metal", 10},
    {"Seller here: yes, we ship to Canada", 4},
    {"It took about a week to arrive", 10},
    {"Rubber sole, very grippy", 6},
    {"My kids love it", 10},
    {"It pilled after a month, disappointing", 6},
    {"The strap adjusts from 30 to 52 inches", 10},
    {"DON'T BUY IT! It fell apart after a week", 6},
    {"Great quality for the price", 10},
    {"Some kind of synthetic blend, feels soft", 6},
    {"Dry clean only according to the tag", 10},
    {"It's lined with fleece, super warm", 6},
    {"No smell at all when I opened it", 10},
    {"It's a European size, so order one up", 6},
    {"I'm 6'1 and the large fits perfectly", 8},
    {"Yes! Best purchase this year", 8},
    {"Same as the photos, maybe a touch brighter", 6},
    {"Mine came gift wrapped", 10},
    {"It fits a queen bed with room to spare", 10},
    {"The tag says \"dry clean only\" but I wash it anyway", 2},
    {"It's labeled \"one size fits most\", which is generous", 2},
    {"Fits a 15\" laptop with room to spare", 2},
    {"Order #8812 arrived in 3 days", 3},
    {"Mine is model #4472", 3},
    {"Love it \xF0\x9F\x98\x8D", 3},
    {"10/10 would buy again \xF0\x9F\x91\x8D", 3},
    {"Worth every penny \xF0\x9F\x92\xAF", 2},
    {"'; DROP TABLE answers; --", 1},
    {"' OR 1=1; --", 1},
};

constexpr WeightedPhrase kAnswerOpeners[] = {
    {"Honestly, ", 8},    {"In my experience, ", 8}, {"Not sure, but ", 6}, {"Hi! ", 6},
    {"Seller here: ", 4}, {"Good question. ", 6},    {"Update: ", 3},
};

constexpr WeightedPhrase kAnswerTails[] = {
    {". Hope this helps!", 20},
    {"!", 15},
    {" :)", 8},
    {" \xF0\x9F\x91\x8D", 5},
    {" \xF0\x9F\x98\x82", 3},
    {" #worthit", 3},
    {" lol", 5},
    {"\nHope that helps.", 5},
    {"\r\nCheers", 4},
    {"\n\n-- sent from my phone", 2},
    {", just my two cents", 4},
    {" (\"true to size\" my foot)", 2},
    {" '; DROP TABLE answers; --", 1},
    {" \xC2\xAF\\_(\xE3\x83\x84)_/\xC2\xAF", 1},
};

} // namespace

PhraseBook::Pool::Pool(std::span<const WeightedPhrase> phrases)
{
    int total = 0;
    for (const WeightedPhrase& phrase : phrases) {
        Piece piece;
        for (char c : phrase.text) {
            if (c == '"')
                piece.escaped += '"';
            piece.escaped += c;
            piece.needsQuotes = piece.needsQuotes || c == '"' || c == ',' || c == '\n' || c == '\r';
            piece.lineBreaks += c == '\n' ? 1 : 0;
        }
        m_pieces.push_back(std::move(piece));
        total += phrase.weight;
    }
    // Slot j of the index goes to the phrase whose weight range holds j's share of the total.
    std::size_t piece = 0;
    int upTo = phrases[0].weight;
    for (std::size_t j = 0; j < m_index.size(); ++j) {
        const double at =
            (static_cast<double>(j) + 0.5) * total / static_cast<double>(m_index.size());
        while (at >= upTo && piece + 1 < phrases.size())
            upTo += phrases[++piece].weight;
        m_index[j] = static_cast<std::uint16_t>(piece);
    }
}

PhraseBook::PhraseBook(std::span<const WeightedPhrase> openers,
                       std::span<const WeightedPhrase> sentences,
                       std::span<const WeightedPhrase> tails, std::string_view separator)
    : m_openers(openers), m_sentences(sentences),
      m_tails(tails), m_separator{std::string(separator), false, 0}
{}

PhraseBook PhraseBook::forQuestions()
{
    return PhraseBook(kQuestionOpeners, kQuestionSentences, kQuestionTails, " ");
}

PhraseBook PhraseBook::forAnswers()
{
    // Answer sentences carry no full stop of their own (many bodies are a bare "Yes").
    return PhraseBook(kAnswerOpeners, kAnswerSentences, kAnswerTails, ". ");
}

int PhraseBook::writeBody(OutputBuffer& out, FastRng& rng) const
{
    const Piece* parts[24];
    int count = 0;
    const std::uint64_t r = rng.next();
    // Ten bits each decide the opener, the length and the tail.
    if ((r & 1023) < 120)
        parts[count++] = &m_openers.pick(rng.next());
    parts[count++] = &m_sentences.pick(rng.next());
    // Most bodies are one sentence and about a quarter two, but one in seven rambles on for four
    // to ten: the long tail that makes up the export's 1.7 GB.
    const std::uint64_t length = (r >> 10) & 1023;
    const int more = length < 150 ? 3 + static_cast<int>((r >> 40) % 7) : length < 400 ? 1 : 0;
    for (int i = 0; i < more; ++i) {
        parts[count++] = &m_separator;
        parts[count++] = &m_sentences.pick(rng.next());
    }
    if (((r >> 20) & 1023) < 200)
        parts[count++] = &m_tails.pick(rng.next());

    bool quote = false;
    int lineBreaks = 0;
    for (int i = 0; i < count; ++i) {
        quote = quote || parts[i]->needsQuotes;
        lineBreaks += parts[i]->lineBreaks;
    }
    if (quote)
        out.put('"');
    for (int i = 0; i < count; ++i)
        out.put(parts[i]->escaped);
    if (quote)
        out.put('"');
    return lineBreaks;
}

} // namespace qaconsole::etl::gen
