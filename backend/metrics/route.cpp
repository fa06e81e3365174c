#include "backend/metrics/route.h"

namespace qaconsole::metrics {

std::string_view routeLabel(Route route)
{
    switch (route) {
    case Route::ListQuestions:
        return "list_questions";
    case Route::ListAnswers:
        return "list_answers";
    case Route::AddQuestion:
        return "add_question";
    case Route::AddAnswer:
        return "add_answer";
    case Route::QuestionHelpful:
        return "question_helpful";
    case Route::QuestionReport:
        return "question_report";
    case Route::AnswerHelpful:
        return "answer_helpful";
    case Route::AnswerReport:
        return "answer_report";
    case Route::Health:
        return "health";
    case Route::Ready:
        return "ready";
    case Route::Metrics:
        return "metrics";
    case Route::Other:
        return "other";
    }
    return "other";
}

} // namespace qaconsole::metrics
