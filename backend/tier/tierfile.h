#pragma once

#include "backend/tier/tierspec.h"
#include "core/fielderror.h"

#include <QByteArray>

#include <optional>

namespace qaconsole::tier {

// The file format's version ("format_version"); docs/tiers.md describes the format.
inline constexpr int kTiersFormatVersion = 1;

// The tiers, or every error found (then none: a half-read file is never used).
struct TiersParseResult
{
    std::optional<QList<TierSpec>> tiers;
    core::FieldErrors errors;
};

// Reads the tiers file format. Unknown and missing fields, values of the wrong type and the
// rules of validateTiers() are all reported, each naming its field ("tiers[2].instances").
// `baseDir` is the folder relative policy files are read from (the tiers file's own).
TiersParseResult parseTiersJson(const QByteArray& json, const QString& baseDir);
// The file at `path`; a file that does not exist gives the built-in tiers, with no error.
TiersParseResult loadTiersFile(const QString& path);

// The rules across fields and tiers: names present and distinct; several instances need nginx
// in front and, with a cache, Redis behind (an in-process cache alone cannot hear another
// instance's invalidations); a cache needs exactly one policy, a known preset or a valid policy
// file; no policy without a cache.
core::FieldErrors validateTiers(const QList<TierSpec>& tiers, const QString& baseDir);

// The same format, indented for people.
QByteArray tiersToJson(const QList<TierSpec>& tiers);

// Where the console keeps its tiers: tiers.json in the application's configuration folder.
QString defaultTiersPath();

} // namespace qaconsole::tier
