#pragma once

#include "core/fielderror.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace qaconsole::planning {

// The file format's version ("format_version"); docs/cost.md describes the format.
inline constexpr int kCatalogueFormatVersion = 1;

// What one unit of an item is: an hour of a running instance or service, a GB sent, a million
// requests, an hour of one load balancer capacity unit, an hour of one vCPU above a baseline.
enum class PriceUnit : std::uint8_t
{
    Hour,
    Gb,
    MillionRequests,
    LcuHour,
    VcpuHour
};

// How a burstable instance pays for CPU above its baseline: standard throttles it to the
// baseline once the credits it earned are spent; unlimited keeps bursting and bills the surplus.
enum class CreditMode : std::uint8_t
{
    Standard,
    Unlimited
};

QStringList priceUnitNames(); // "hour", "gb", "million-requests", "lcu-hour", "vcpu-hour"
QString priceUnitName(PriceUnit unit);
QStringList creditModeNames(); // "standard", "unlimited"
QString creditModeName(CreditMode mode);

// The CPU credits of a burstable instance (AWS's T classes).
struct BurstCredits
{
    int vcpus = 1;
    // The share of each vCPU it may use all the time without spending credits (t3.micro: 0.1).
    // Nothing when not known: its credits are then not modelled.
    std::optional<double> baselinePerVcpu;
    // The mode the price assumes.
    CreditMode creditMode = CreditMode::Standard;
    // The item (unit vcpu-hour) that prices the surplus in unlimited mode; empty if none.
    QString surplusItem;

    friend bool operator==(const BurstCredits&, const BurstCredits&) = default;
};

// One price, with where and when it was read.
struct PriceItem
{
    QString id;   // stable key roles refer to, e.g. "ec2.t3.micro"
    QString name; // for the client, e.g. "EC2 t3.micro (2 vCPU, 1 GiB)"
    PriceUnit unit = PriceUnit::Hour;
    double usd = 0;                    // per unit, 0 or more
    QString seen;                      // when the price was read: "2026-12" (or "2026-12-03")
    QString source;                    // the public price page it was read from (http or https)
    QString notes;                     // free text: what the price includes or assumes
    std::optional<BurstCredits> burst; // hour items only: a burstable instance
    QString lcuItem;           // hour items only: the item (unit lcu-hour) its capacity units cost
    double freeGbPerMonth = 0; // gb items only: what each month sends for free

    friend bool operator==(const PriceItem&, const PriceItem&) = default;
};

struct PriceCatalogue
{
    QString name;   // e.g. "AWS us-east-1, on-demand"
    QString region; // e.g. "us-east-1"
    QString currency = QStringLiteral("USD");
    // Shown wherever prices are: they change, and were read on the items' `seen` dates.
    QString checkBeforeQuoting;
    QList<PriceItem> items;

    // The item with that id, or null.
    const PriceItem* find(const QString& id) const;

    friend bool operator==(const PriceCatalogue&, const PriceCatalogue&) = default;
};

// A catalogue, or every error found (then none: a half-read catalogue is never used).
struct CatalogueParseResult
{
    std::optional<PriceCatalogue> catalogue;
    core::FieldErrors errors;
};

enum class CatalogueErrorKind : std::uint8_t
{
    Invalid,    // the catalogue breaks a rule of validateCatalogue()
    Unwritable, // the file could not be written
};

// Reads the catalogue format. Unknown and missing fields, values of the wrong type and the
// rules of validateCatalogue() are all reported, each naming its field ("items[3].usd") and,
// for an item, its id.
CatalogueParseResult parseCatalogueJson(const QByteArray& json);
// The file at `path`; one that does not exist or cannot be read is an error.
CatalogueParseResult loadCatalogue(const QString& path);

// The rules across fields and items: ids present and distinct, names, dates and sources given,
// prices 0 or more, credits and capacity units only on hourly items and free GB only on GB
// items, and every item referred to present with the right unit.
core::FieldErrors validateCatalogue(const PriceCatalogue& catalogue);

// The same format, indented for people.
QByteArray catalogueToJson(const PriceCatalogue& catalogue);
// Writes the file whole or not at all (a crash mid-write leaves the old one); refuses a
// catalogue that validateCatalogue() does not pass.
Status<CatalogueErrorKind> saveCatalogue(const QString& path, const PriceCatalogue& catalogue);

// The catalogue shipped with the console (AWS us-east-1 on-demand, read in December 2026).
PriceCatalogue builtInCatalogue();
// The user's editable copy: prices.json in the application's configuration folder.
QString catalogueFile();
// The user's copy when it exists (with its errors, if any), otherwise the built-in one.
CatalogueParseResult currentCatalogue();

} // namespace qaconsole::planning
