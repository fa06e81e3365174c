#include "loadgen/loadmodel.h"

#include <array>
#include <utility>

namespace qaconsole::loadgen {

namespace {

struct NamedModel
{
    const char16_t* name;
    LoadModel model;
};

// k6's executor names first, then loader.io's test types mapped onto the same models.
constexpr std::array kNames{
    NamedModel{u"constant-vus", LoadModel::ConstantVus},
    NamedModel{u"ramping-vus", LoadModel::RampingVus},
    NamedModel{u"constant-arrival-rate", LoadModel::ConstantArrivalRate},
    NamedModel{u"ramping-arrival-rate", LoadModel::RampingArrivalRate},
    NamedModel{u"clients-per-test", LoadModel::ConstantVus},
    NamedModel{u"maintain-client-load", LoadModel::RampingVus},
    NamedModel{u"clients-per-second", LoadModel::ConstantArrivalRate},
};

} // namespace

bool isOpenModel(LoadModel model)
{
    return model == LoadModel::ConstantArrivalRate || model == LoadModel::RampingArrivalRate;
}

bool isRampingModel(LoadModel model)
{
    return model == LoadModel::RampingVus || model == LoadModel::RampingArrivalRate;
}

QString modelName(LoadModel model)
{
    for (const NamedModel& named : kNames)
        if (named.model == model)
            return QString::fromUtf16(named.name);
    return {};
}

std::optional<LoadModel> parseLoadModel(const QString& name)
{
    // loader.io writes its types with spaces; both spellings are accepted.
    const QString key = name.trimmed().toLower().replace(u' ', u'-');
    for (const NamedModel& named : kNames)
        if (key == QString::fromUtf16(named.name))
            return named.model;
    return std::nullopt;
}

QStringList loadModelNames()
{
    QStringList names;
    for (const NamedModel& named : kNames)
        names << QString::fromUtf16(named.name);
    return names;
}

} // namespace qaconsole::loadgen
