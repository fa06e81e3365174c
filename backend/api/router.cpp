#include "backend/api/router.h"

#include <array>

namespace qaconsole::api {

namespace {

using metrics::Route;

// Splits "/a/b/c" into at most four segments; false for more, or for an empty segment.
bool splitPath(std::string_view path, std::array<std::string_view, 4>& segments, int* count)
{
    *count = 0;
    if (path.empty() || path.front() != '/')
        return false;
    path.remove_prefix(1);
    while (!path.empty()) {
        if (*count == int(segments.size()))
            return false;
        const std::size_t slash = path.find('/');
        const std::string_view segment = path.substr(0, slash);
        if (segment.empty())
            return false;
        segments[std::size_t((*count)++)] = segment;
        if (slash == std::string_view::npos)
            break;
        path.remove_prefix(slash + 1);
        if (path.empty())
            return false; // "a/b/": an empty last segment
    }
    return true;
}

RouteMatch found(Route route, std::string_view allow, std::string_view id = {})
{
    return {RouteMatch::Outcome::Found, route, id, allow};
}

RouteMatch wrongMethod(std::string_view allow)
{
    return {RouteMatch::Outcome::MethodNotAllowed, Route::Other, {}, allow};
}

} // namespace

RouteMatch matchRoute(std::string_view method, std::string_view path)
{
    if (path.size() > 1 && path.back() == '/')
        path.remove_suffix(1);
    std::array<std::string_view, 4> s;
    int n = 0;
    if (!splitPath(path, s, &n) || n == 0)
        return {};

    const bool get = method == "GET";
    const bool post = method == "POST";
    const bool put = method == "PUT";

    if (n == 1 && (s[0] == "health" || s[0] == "ready" || s[0] == "metrics")) {
        if (!get)
            return wrongMethod("GET");
        return found(s[0] == "health"  ? Route::Health
                     : s[0] == "ready" ? Route::Ready
                                       : Route::Metrics,
                     "GET");
    }
    if (s[0] != "qa" || n < 2)
        return {};

    if (s[1] == "questions") {
        if (n == 2) {
            if (get)
                return found(Route::ListQuestions, "GET, POST");
            if (post)
                return found(Route::AddQuestion, "GET, POST");
            return wrongMethod("GET, POST");
        }
        if (n == 4 && s[3] == "answers") {
            if (get)
                return found(Route::ListAnswers, "GET, POST", s[2]);
            if (post)
                return found(Route::AddAnswer, "GET, POST", s[2]);
            return wrongMethod("GET, POST");
        }
    }
    if ((s[1] == "questions" || s[1] == "answers") && n == 4 &&
        (s[3] == "helpful" || s[3] == "report")) {
        if (!put)
            return wrongMethod("PUT");
        const bool question = s[1] == "questions";
        const bool helpful = s[3] == "helpful";
        const Route route = question ? (helpful ? Route::QuestionHelpful : Route::QuestionReport)
                                     : (helpful ? Route::AnswerHelpful : Route::AnswerReport);
        return found(route, "PUT", s[2]);
    }
    return {};
}

} // namespace qaconsole::api
