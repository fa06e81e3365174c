// libFuzzer harness: the bytes a client sends, through the request parser, the router, the
// request validation and the error renderer, as a worker handles them. The first input byte
// chooses how the rest is cut into reads, so requests split at every offset are tried too.
//
// Checked beyond "no crash, no sanitizer report": an error status is one the contract names,
// a request stays within the parser's limits, validated values keep their rules, and every
// error body is valid JSON.

#include "backend/api/apierror.h"
#include "backend/api/errorresponse.h"
#include "backend/api/router.h"
#include "backend/api/validation.h"
#include "backend/http/httprequest.h"
#include "backend/http/httpresponse.h"
#include "backend/http/requestparser.h"
#include "tests/fuzz/fuzzcheck.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <rapidjson/document.h>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

using namespace qaconsole;

namespace {

void checkErrorBody(const api::ApiError& error)
{
    http::HttpResponse response;
    api::writeError(error, response);
    rapidjson::Document json;
    json.Parse(response.body.data(), response.body.size());
    FUZZ_CHECK(!json.HasParseError() && json.IsObject());
    const int status = response.status;
    FUZZ_CHECK(status == 400 || status == 404 || status == 405 || status == 409 || status == 422 ||
               status == 500 || status == 503);
}

template <typename T> void checkValidated(const api::Validated<T>& result)
{
    if (const auto* error = std::get_if<api::ApiError>(&result))
        checkErrorBody(*error);
}

void checkPage(const api::Validated<store::PageRequest>& result)
{
    checkValidated(result);
    if (const auto* page = std::get_if<store::PageRequest>(&result))
        FUZZ_CHECK(page->page >= 1 && page->count >= 1 && page->count <= 100);
}

void handle(const http::HttpRequest& request)
{
    const api::RouteMatch match = api::matchRoute(request.method, request.path);
    if (match.outcome != api::RouteMatch::Outcome::Found)
        return;
    using metrics::Route;
    const std::string_view contentType = request.header("content-type");
    switch (match.route) {
    case Route::ListQuestions: {
        const auto query = api::validateQuestionListQuery(request.query);
        checkValidated(query);
        if (const auto* ok = std::get_if<api::QuestionListQuery>(&query))
            FUZZ_CHECK(ok->productId >= 1);
        break;
    }
    case Route::ListAnswers:
        checkValidated(api::validateId(match.idSegment, "question_id"));
        checkPage(api::validatePaging(request.query));
        break;
    case Route::AddQuestion:
        checkValidated(api::validateNewQuestion(contentType, request.body));
        break;
    case Route::AddAnswer: {
        const auto id = api::validateId(match.idSegment, "question_id");
        checkValidated(id);
        checkValidated(api::validateNewAnswer(1, contentType, request.body));
        break;
    }
    case Route::QuestionHelpful:
    case Route::QuestionReport:
    case Route::AnswerHelpful:
    case Route::AnswerReport: {
        const auto id = api::validateId(match.idSegment, "question_id");
        checkValidated(id);
        if (const auto* value = std::get_if<std::int32_t>(&id))
            FUZZ_CHECK(*value >= 1);
        break;
    }
    default:
        break;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t chunk = 1 + data[0] % 64; // read sizes of 1..64 bytes
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);

    http::ParserLimits limits;
    limits.maxRequestLineBytes = 512; // small limits so the fuzzer reaches them
    limits.maxHeaderBytes = 1024;
    limits.maxHeaderCount = 8;
    limits.maxBodyBytes = 2048;
    http::RequestParser parser(limits);
    http::HttpRequest request;
    std::vector<http::HttpHeader> headers;
    std::size_t offset = 0;
    while (true) {
        const http::RequestParser::Step step = parser.next();
        if (step == http::RequestParser::Step::Error) {
            const http::RequestError& error = parser.error();
            FUZZ_CHECK(error.isError() && error.status >= 400 && error.status < 600);
            FUZZ_CHECK(!error.code.empty());
            break;
        }
        if (step == http::RequestParser::Step::Request) {
            parser.fill(request, headers);
            FUZZ_CHECK(!request.method.empty());
            FUZZ_CHECK(request.body.size() <= limits.maxBodyBytes);
            FUZZ_CHECK(headers.size() <= limits.maxHeaderCount);
            handle(request);
            (void)parser.takeContinue();
            continue;
        }
        if (offset >= input.size())
            break; // NeedMore with nothing left to give
        const std::span<char> space = parser.readSpace();
        FUZZ_CHECK(!space.empty());
        const std::size_t take = std::min({chunk, space.size(), input.size() - offset});
        std::memcpy(space.data(), input.data() + offset, take);
        parser.commit(take);
        offset += take;
    }
    return 0;
}
