#include "loadgen/requestrenderer.h"

#include <algorithm>
#include <charconv>

namespace qaconsole::loadgen {

namespace {

void appendNumber(std::string& out, std::uint64_t value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, std::size_t(end - digits));
}

void appendSigned(std::string& out, std::int64_t value)
{
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out.append(digits, std::size_t(end - digits));
}

std::string paging(const RouteSpec& spec)
{
    return "page=" + std::to_string(spec.page) + "&count=" + std::to_string(spec.count);
}

} // namespace

RequestRenderer::RequestRenderer(const RequestMix& mix, const std::string& hostHeader,
                                 std::uint64_t seed)
    : m_headers("Host: " + hostHeader + "\r\nUser-Agent: qaconsole-loadtest\r\n"), m_rng(seed)
{
    double sum = 0;
    for (const RouteSpec& spec : mix.routes) {
        Prepared prepared{spec.route, {}, {}, true, IdSampler(spec.ids), spec.photos};
        const std::string end = " HTTP/1.1\r\n" + m_headers;
        switch (spec.route) {
        case Route::Get:
            prepared.hasId = false;
            prepared.head = "GET " + spec.path.toStdString() + end + "\r\n";
            break;
        case Route::ListQuestions:
            prepared.head = "GET /qa/questions?product_id=";
            prepared.tail = "&" + paging(spec) + end + "\r\n";
            break;
        case Route::ListAnswers:
            prepared.head = "GET /qa/questions/";
            prepared.tail = "/answers?" + paging(spec) + end + "\r\n";
            break;
        case Route::AddQuestion:
            prepared.head = "POST /qa/questions" + end;
            break;
        case Route::AddAnswer:
            prepared.head = "POST /qa/questions/";
            prepared.tail = "/answers" + end;
            break;
        case Route::QuestionHelpful:
        case Route::QuestionReport:
        case Route::AnswerHelpful:
        case Route::AnswerReport: {
            const bool question =
                spec.route == Route::QuestionHelpful || spec.route == Route::QuestionReport;
            const bool helpful =
                spec.route == Route::QuestionHelpful || spec.route == Route::AnswerHelpful;
            prepared.head = question ? "PUT /qa/questions/" : "PUT /qa/answers/";
            prepared.tail = (helpful ? "/helpful" : "/report") + end + "Content-Length: 0\r\n\r\n";
            break;
        }
        }
        m_routes.push_back(std::move(prepared));
        sum += spec.weight;
        m_cumulative.push_back(sum);
    }
    m_body.reserve(512);
}

std::size_t RequestRenderer::pick()
{
    if (m_cumulative.size() == 1)
        return 0;
    const double x = m_rng.unit() * m_cumulative.back();
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), x);
    return std::min<std::size_t>(std::size_t(it - m_cumulative.begin()), m_cumulative.size() - 1);
}

std::size_t RequestRenderer::appendNext(std::string& out)
{
    const std::size_t index = pick();
    Prepared& route = m_routes[index];
    if (!route.hasId) {
        out += route.head;
        return index;
    }
    const std::int64_t id = route.ids.next(m_rng);
    if (route.route == Route::AddQuestion || route.route == Route::AddAnswer) {
        appendWrite(route, id, out);
        return index;
    }
    out += route.head;
    appendSigned(out, id);
    out += route.tail;
    return index;
}

// Bodies that pass the API's validation: trimmed non-empty texts, an e-mail with one '@',
// photo URLs under 2048 bytes.
void RequestRenderer::appendWrite(const Prepared& route, std::int64_t id, std::string& out)
{
    const std::uint64_t sequence = ++m_sequence;
    m_body.clear();
    if (route.route == Route::AddQuestion) {
        m_body += R"({"body":"Load test question )";
        appendNumber(m_body, sequence);
        m_body += R"(","name":"loadtest","email":"loadtest@example.com","product_id":)";
        appendSigned(m_body, id);
        m_body += '}';
        out += route.head;
    } else {
        m_body += R"({"body":"Load test answer )";
        appendNumber(m_body, sequence);
        m_body += R"(","name":"loadtest","email":"loadtest@example.com","photos":[)";
        for (int i = 0; i < route.photos; ++i) {
            if (i > 0)
                m_body += ',';
            m_body += "\"https://example.com/loadtest/";
            appendNumber(m_body, sequence);
            m_body += '-';
            appendNumber(m_body, std::uint64_t(i + 1));
            m_body += ".jpg\"";
        }
        m_body += "]}";
        out += route.head;
        appendSigned(out, id);
        out += route.tail;
    }
    out += "Content-Type: application/json; charset=utf-8\r\nContent-Length: ";
    appendNumber(out, m_body.size());
    out += "\r\n\r\n";
    out += m_body;
}

} // namespace qaconsole::loadgen
