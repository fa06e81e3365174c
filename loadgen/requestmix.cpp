#include "loadgen/requestmix.h"

#include <array>

namespace qaconsole::loadgen {

namespace {

struct RouteInfo
{
    Route route;
    const char16_t* name;
    const char16_t* method;
    const char16_t* path;
    const char16_t* idKind;
};

constexpr std::array kRoutes{
    RouteInfo{Route::ListQuestions, u"list_questions", u"GET",
              u"/qa/questions?product_id={product_id}", u"product"},
    RouteInfo{Route::ListAnswers, u"list_answers", u"GET", u"/qa/questions/{question_id}/answers",
              u"question"},
    RouteInfo{Route::AddQuestion, u"add_question", u"POST", u"/qa/questions", u"product"},
    RouteInfo{Route::AddAnswer, u"add_answer", u"POST", u"/qa/questions/{question_id}/answers",
              u"question"},
    RouteInfo{Route::QuestionHelpful, u"question_helpful", u"PUT",
              u"/qa/questions/{question_id}/helpful", u"question"},
    RouteInfo{Route::QuestionReport, u"question_report", u"PUT",
              u"/qa/questions/{question_id}/report", u"question"},
    RouteInfo{Route::AnswerHelpful, u"answer_helpful", u"PUT", u"/qa/answers/{answer_id}/helpful",
              u"answer"},
    RouteInfo{Route::AnswerReport, u"answer_report", u"PUT", u"/qa/answers/{answer_id}/report",
              u"answer"},
    RouteInfo{Route::Get, u"get", u"GET", u"", u""},
};

const RouteInfo& info(Route route)
{
    for (const RouteInfo& entry : kRoutes)
        if (entry.route == route)
            return entry;
    return kRoutes.back();
}

} // namespace

QString routeName(Route route)
{
    return QString::fromUtf16(info(route).name);
}

std::optional<Route> parseRouteName(const QString& name)
{
    for (const RouteInfo& entry : kRoutes)
        if (name == QString::fromUtf16(entry.name))
            return entry.route;
    return std::nullopt;
}

QStringList routeNames()
{
    QStringList names;
    for (const RouteInfo& entry : kRoutes)
        names << QString::fromUtf16(entry.name);
    return names;
}

QString routeMethod(Route route)
{
    return QString::fromUtf16(info(route).method);
}

QString routePathTemplate(Route route)
{
    return QString::fromUtf16(info(route).path);
}

QString routeIdKind(Route route)
{
    return QString::fromUtf16(info(route).idKind);
}

QString RouteSpec::label() const
{
    return routeMethod(route) + u' ' + (route == Route::Get ? path : routePathTemplate(route));
}

} // namespace qaconsole::loadgen
