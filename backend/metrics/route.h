#pragma once

#include <string_view>

namespace qaconsole::metrics {

// What a request was, for counting: the eight routes of the API contract, the operational
// endpoints, and everything else.
enum class Route
{
    ListQuestions,   // GET  /qa/questions
    ListAnswers,     // GET  /qa/questions/:id/answers
    AddQuestion,     // POST /qa/questions
    AddAnswer,       // POST /qa/questions/:id/answers
    QuestionHelpful, // PUT  /qa/questions/:id/helpful
    QuestionReport,  // PUT  /qa/questions/:id/report
    AnswerHelpful,   // PUT  /qa/answers/:id/helpful
    AnswerReport,    // PUT  /qa/answers/:id/report
    Health,
    Ready,
    Metrics,
    Other, // unknown paths, bad requests the server answered itself
};

inline constexpr int kRouteCount = static_cast<int>(Route::Other) + 1;

std::string_view routeLabel(Route route); // "list_questions", ...

} // namespace qaconsole::metrics
