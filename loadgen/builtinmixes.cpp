#include "loadgen/builtinmixes.h"

#include <QFileInfo>

#include <array>

namespace qaconsole::loadgen {

namespace {

struct WeightedRoute
{
    Route route;
    double weight;
};

// Mostly reads, as the storefront's shoppers browse; the weights sum to 100.
constexpr std::array kStorefront{
    WeightedRoute{Route::ListQuestions, 60},  WeightedRoute{Route::ListAnswers, 30},
    WeightedRoute{Route::AddQuestion, 2},     WeightedRoute{Route::AddAnswer, 2},
    WeightedRoute{Route::QuestionHelpful, 2}, WeightedRoute{Route::QuestionReport, 1},
    WeightedRoute{Route::AnswerHelpful, 2},   WeightedRoute{Route::AnswerReport, 1},
};

const QString kStorefrontName = QStringLiteral("storefront");

} // namespace

QStringList builtinMixNames()
{
    return {kStorefrontName};
}

RequestMix storefrontMix()
{
    RequestMix mix;
    mix.name = kStorefrontName;
    for (const WeightedRoute& entry : kStorefront) {
        RouteSpec spec;
        spec.route = entry.route;
        spec.weight = entry.weight;
        spec.ids.kind = IdDistribution::Kind::Database;
        spec.ids.sample = IdDistribution::kDefaultSample;
        mix.routes.push_back(spec);
    }
    return mix;
}

std::optional<MixFile> builtinMix(const QString& name)
{
    if (name.compare(kStorefrontName, Qt::CaseInsensitive) != 0)
        return std::nullopt;
    MixFile file;
    file.mix = storefrontMix();
    return file;
}

MixFile resolveMixArgument(const QString& value)
{
    if (QFileInfo::exists(value))
        return loadMixFile(value);
    if (std::optional<MixFile> builtin = builtinMix(value))
        return *builtin;
    // A bare word was meant as a name; anything with a folder or a suffix as a file.
    if (value.contains(u'/') || value.contains(u'\\') || value.contains(u'.'))
        return loadMixFile(value);
    MixFile unknown;
    unknown.errors << makeError(LoadErrorKind::Io,
                                QStringLiteral("neither a built-in mix (%1) nor a file")
                                    .arg(builtinMixNames().join(QStringLiteral(", "))));
    return unknown;
}

} // namespace qaconsole::loadgen
