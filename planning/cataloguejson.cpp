// The price catalogue's file format (docs/cost.md): reading, with every error naming its field
// and item, and writing.

#include "core/jsonreader.h"
#include "planning/catalogueerrors.h"
#include "planning/pricecatalogue.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace qaconsole::planning {

namespace {

const QString kFormatName = QStringLiteral("qaconsole-prices");
// More vCPUs than any instance AWS sells: a typo, not a machine.
constexpr std::int64_t kMaxVcpus = 1024;

using core::FieldErrors;
using core::JsonObjectReader;

std::optional<double> optionalNumber(JsonObjectReader& reader, const QString& key)
{
    if (const auto value = reader.takeOptional(key, QJsonValue::Double, "a number"))
        return value->toDouble();
    return std::nullopt;
}

QString optionalString(JsonObjectReader& reader, const QString& key)
{
    const auto value = reader.takeOptional(key, QJsonValue::String, "a string");
    return value ? value->toString() : QString();
}

BurstCredits readBurst(JsonObjectReader& reader)
{
    BurstCredits burst;
    std::int64_t vcpus = burst.vcpus;
    reader.integer(QStringLiteral("vcpus"), 1, kMaxVcpus, vcpus);
    burst.vcpus = int(vcpus);
    burst.baselinePerVcpu = optionalNumber(reader, QStringLiteral("baseline_per_vcpu"));
    int mode = int(burst.creditMode);
    reader.choice(QStringLiteral("credit_mode"), creditModeNames(), mode);
    burst.creditMode = CreditMode(mode);
    burst.surplusItem = optionalString(reader, QStringLiteral("surplus_item"));
    reader.rejectUnknown();
    return burst;
}

PriceItem readItem(JsonObjectReader& reader, FieldErrors& errors)
{
    PriceItem item;
    reader.string(QStringLiteral("id"), item.id);
    reader.string(QStringLiteral("name"), item.name);
    int unit = int(item.unit);
    reader.choice(QStringLiteral("unit"), priceUnitNames(), unit);
    item.unit = PriceUnit(unit);
    if (const auto usd = reader.take(QStringLiteral("usd"), QJsonValue::Double, "a number"))
        item.usd = usd->toDouble();
    reader.string(QStringLiteral("seen"), item.seen);
    reader.string(QStringLiteral("source"), item.source);
    item.notes = optionalString(reader, QStringLiteral("notes"));
    if (const auto burst =
            reader.takeOptional(QStringLiteral("burst"), QJsonValue::Object, "an object")) {
        JsonObjectReader burstReader(burst->toObject(), reader.field(QStringLiteral("burst")),
                                     errors);
        item.burst = readBurst(burstReader);
    }
    item.lcuItem = optionalString(reader, QStringLiteral("lcu_item"));
    item.freeGbPerMonth =
        optionalNumber(reader, QStringLiteral("free_gb_per_month")).value_or(item.freeGbPerMonth);
    reader.rejectUnknown();
    return item;
}

QJsonObject itemToJson(const PriceItem& item)
{
    QJsonObject object{
        {QStringLiteral("id"), item.id},
        {QStringLiteral("name"), item.name},
        {QStringLiteral("unit"), priceUnitName(item.unit)},
        {QStringLiteral("usd"), item.usd},
        {QStringLiteral("seen"), item.seen},
        {QStringLiteral("source"), item.source},
    };
    if (item.burst) {
        QJsonObject burst{{QStringLiteral("vcpus"), item.burst->vcpus},
                          {QStringLiteral("credit_mode"), creditModeName(item.burst->creditMode)}};
        if (item.burst->baselinePerVcpu)
            burst.insert(QStringLiteral("baseline_per_vcpu"), *item.burst->baselinePerVcpu);
        if (!item.burst->surplusItem.isEmpty())
            burst.insert(QStringLiteral("surplus_item"), item.burst->surplusItem);
        object.insert(QStringLiteral("burst"), burst);
    }
    if (!item.lcuItem.isEmpty())
        object.insert(QStringLiteral("lcu_item"), item.lcuItem);
    if (item.freeGbPerMonth != 0)
        object.insert(QStringLiteral("free_gb_per_month"), item.freeGbPerMonth);
    if (!item.notes.isEmpty())
        object.insert(QStringLiteral("notes"), item.notes);
    return object;
}

} // namespace

CatalogueParseResult parseCatalogueJson(const QByteArray& json)
{
    CatalogueParseResult result;
    FieldErrors& errors = result.errors;
    auto root = core::openDocument(json, kFormatName, kCatalogueFormatVersion,
                                   "the price catalogue", errors);
    if (!root)
        return result;
    PriceCatalogue catalogue;
    root->string(QStringLiteral("name"), catalogue.name);
    root->string(QStringLiteral("region"), catalogue.region);
    root->string(QStringLiteral("currency"), catalogue.currency);
    root->string(QStringLiteral("check_before_quoting"), catalogue.checkBeforeQuoting);
    if (const auto array = root->array(QStringLiteral("items"))) {
        for (int index = 0; index < array->size(); ++index) {
            auto reader = root->element(QStringLiteral("items"), *array, index);
            if (!reader)
                continue;
            const qsizetype before = errors.size();
            catalogue.items.append(readItem(*reader, errors));
            nameItemInErrors(errors, before, catalogue.items.last().id);
        }
    }
    root->rejectUnknown();
    // Rules across fields and items only make sense once every value was read.
    if (errors.isEmpty())
        errors = validateCatalogue(catalogue);
    if (errors.isEmpty())
        result.catalogue = catalogue;
    return result;
}

QByteArray catalogueToJson(const PriceCatalogue& catalogue)
{
    QJsonArray items;
    for (const PriceItem& item : catalogue.items)
        items.append(itemToJson(item));
    const QJsonObject root{
        {QStringLiteral("format"), kFormatName},
        {QStringLiteral("format_version"), kCatalogueFormatVersion},
        {QStringLiteral("name"), catalogue.name},
        {QStringLiteral("region"), catalogue.region},
        {QStringLiteral("currency"), catalogue.currency},
        {QStringLiteral("check_before_quoting"), catalogue.checkBeforeQuoting},
        {QStringLiteral("items"), items},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace qaconsole::planning
