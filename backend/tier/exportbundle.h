#pragma once

#include "backend/tier/bundlesecrets.h"
#include "backend/tier/hostsfile.h"
#include "backend/tier/tierspec.h"
#include "core/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace qaconsole::tier {

// One file of a deployment bundle: its path in the bundle ("backend-1/instance-1.env"), its
// content, and whether it holds a secret (then 0600, else 0644).
struct BundleFile
{
    QString path;
    QByteArray content;
    bool secret = false;
};

// Where the .deb installs the console on the backend hosts.
inline constexpr const char* kDeployedBinary = "/usr/bin/qaconsole";

// Everything a bundle is made of.
struct BundleInput
{
    TierSpec tier;
    TierHosts hosts;
    BundleSecrets secrets;
    QByteArray policyJson; // the cache policy the instances start with; empty without a cache
    QString binary = QLatin1String(kDeployedBinary);
};

// The files of the bundle (docs/tiers.md, "Exporting a tier"), in the order of its README:
// README.md, secrets.env, postgres/, redis/ (with Redis), backend-N/ per instance, balancer/
// (with nginx), prometheus/. Pure: nothing is written.
QList<BundleFile> renderBundle(const BundleInput& input);

enum class ExportErrorKind : std::uint8_t
{
    BadPolicy,  // the tier's policy file cannot be read or is not valid
    NotABundle, // the folder holds other things than an earlier bundle
    Io,         // a file or folder cannot be written
};

struct ExportSummary
{
    QStringList files;        // the bundle's paths, as written
    bool keptSecrets = false; // the passwords of an earlier bundle in the folder were kept
};

// Writes the bundle of `tier` on `hosts` into `dir`: created (0700) when missing; refused when
// it holds anything but an earlier bundle (its bundle.json lists its files). Over an earlier
// bundle, its passwords (secrets.env) are kept and the files it had that this one has not are
// removed. Every file is replaced atomically, secrets 0600 from their first byte, the rest 0644;
// bundle.json is written last. A relative policy file of the tier must already be absolute.
Result<ExportSummary, ExportErrorKind>
exportBundle(const TierSpec& tier, const TierHosts& hosts, const QString& dir,
             const QString& binary = QLatin1String(kDeployedBinary));

} // namespace qaconsole::tier
