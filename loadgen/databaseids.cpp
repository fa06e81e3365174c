#include "loadgen/databaseids.h"

#include <algorithm>
#include <map>
#include <utility>

namespace qaconsole::loadgen {

IdSource idSourceOf(Route route)
{
    const QString kind = routeIdKind(route);
    if (kind == u"product")
        return IdSource::Products;
    return kind == u"answer" ? IdSource::Answers : IdSource::Questions;
}

QString idSourceNoun(IdSource source)
{
    switch (source) {
    case IdSource::Products:
        return QStringLiteral("product");
    case IdSource::Questions:
        return QStringLiteral("question");
    case IdSource::Answers:
        return QStringLiteral("answer");
    }
    return {};
}

std::int64_t LoadedIds::largest(IdSource source) const
{
    switch (source) {
    case IdSource::Products:
        return product;
    case IdSource::Questions:
        return question;
    case IdSource::Answers:
        return answer;
    }
    return 0;
}

LoadResult<LoadedIds> readLoadedIds(IdReader& reader)
{
    LoadedIds loaded;
    for (const auto& [source, field] : {std::pair{IdSource::Products, &LoadedIds::product},
                                        std::pair{IdSource::Questions, &LoadedIds::question},
                                        std::pair{IdSource::Answers, &LoadedIds::answer}}) {
        const LoadResult<std::int64_t> largest = reader.largest(source);
        if (!largest)
            return largest.error();
        loaded.*field = largest.value();
    }
    return loaded;
}

std::vector<IdRangeExcess> idRangeExcesses(const RequestMix& mix, const LoadedIds& loaded)
{
    std::vector<IdRangeExcess> excesses;
    for (IdSource source : {IdSource::Products, IdSource::Questions, IdSource::Answers}) {
        IdRangeExcess worst{source, 0, loaded.largest(source), 0.0};
        for (const RouteSpec& route : mix.routes) {
            if (route.route == Route::Get || idSourceOf(route.route) != source ||
                route.ids.kind == IdDistribution::Kind::Database)
                continue;
            const double share = missingShare(route.ids, worst.loadedMax);
            if (share <= 0)
                continue;
            worst.missingShare = std::max(worst.missingShare, share);
            worst.rangeMax = std::max(worst.rangeMax, largestId(route.ids));
        }
        if (worst.missingShare > 0)
            excesses.push_back(worst);
    }
    return excesses;
}

bool needsDatabaseIds(const RequestMix& mix)
{
    for (const RouteSpec& route : mix.routes)
        if (route.route != Route::Get && route.ids.kind == IdDistribution::Kind::Database)
            return true;
    return false;
}

LoadResult<ResolvedIds> resolveDatabaseIds(const RequestMix& mix, IdReader& reader)
{
    // Routes that ask the same source and size share one read, so they draw from one sample.
    std::map<std::pair<IdSource, int>, std::vector<std::int64_t>> samples;
    for (const RouteSpec& route : mix.routes) {
        if (route.route == Route::Get || route.ids.kind != IdDistribution::Kind::Database)
            continue;
        const auto key = std::make_pair(idSourceOf(route.route), route.ids.sample);
        if (samples.contains(key))
            continue;
        LoadResult<std::vector<std::int64_t>> ids = reader.read(key.first, key.second);
        if (!ids)
            return ids.error();
        if (ids->empty())
            return makeError(LoadErrorKind::NothingLoaded,
                             QStringLiteral("The database has no %1 ids: load the dataset first.")
                                 .arg(idSourceNoun(key.first)));
        samples.emplace(key, std::move(ids.value()));
    }
    ResolvedIds resolved{mix, {}};
    for (RouteSpec& route : resolved.mix.routes) {
        if (route.route == Route::Get || route.ids.kind != IdDistribution::Kind::Database)
            continue;
        route.ids.values = samples.at({idSourceOf(route.route), route.ids.sample});
        route.ids.kind = IdDistribution::Kind::List;
    }
    QStringList parts;
    for (const auto& [key, ids] : samples)
        parts << QStringLiteral("%1 %2 ids")
                     .arg(QString::number(ids.size()), idSourceNoun(key.first));
    resolved.summary = parts.join(QStringLiteral(", "));
    return resolved;
}

} // namespace qaconsole::loadgen
