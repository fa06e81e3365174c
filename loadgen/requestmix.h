#pragma once

#include "loadgen/check.h"
#include "loadgen/iddistribution.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace qaconsole::loadgen {

// The eight routes of the Q&A API (docs/api-contract.md) and a plain GET of any path.
enum class Route
{
    ListQuestions,   // GET  /qa/questions?product_id=ID&page=P&count=C
    ListAnswers,     // GET  /qa/questions/ID/answers?page=P&count=C
    AddQuestion,     // POST /qa/questions, body with product_id ID
    AddAnswer,       // POST /qa/questions/ID/answers
    QuestionHelpful, // PUT  /qa/questions/ID/helpful
    QuestionReport,  // PUT  /qa/questions/ID/report
    AnswerHelpful,   // PUT  /qa/answers/ID/helpful
    AnswerReport,    // PUT  /qa/answers/ID/report
    Get              // GET  `path` as given (no id)
};

QString routeName(Route route); // "list_questions", ..., "get": the mix file's names
std::optional<Route> parseRouteName(const QString& name);
QStringList routeNames();
QString routeMethod(Route route);
// "/qa/questions/{question_id}/answers"; `path` for Route::Get.
QString routePathTemplate(Route route);
// "product", "question", "answer", or empty for Route::Get: which ids the route takes.
QString routeIdKind(Route route);

// One weighted entry of a mix.
struct RouteSpec
{
    Route route = Route::Get;
    double weight = 1;                  // relative to the other entries, > 0
    IdDistribution ids;                 // for the route's id
    QString path = QStringLiteral("/"); // Route::Get only: path and query
    int page = 1;                       // list routes
    int count = 5;                      // list routes
    int photos = 0;                     // AddAnswer: photo URLs per answer (0..5)
    std::vector<Check> checks;          // on top of the mix's own

    QString label() const; // "GET /qa/questions/{question_id}/answers"
};

// What the requests of a run are: weighted routes. One Route::Get entry is the single-URL mode.
struct RequestMix
{
    QString name;
    std::vector<RouteSpec> routes;
    std::vector<Check> checks; // applied to every route
};

} // namespace qaconsole::loadgen
