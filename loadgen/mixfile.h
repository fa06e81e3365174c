#pragma once

#include "loadgen/loaderror.h"
#include "loadgen/requestmix.h"
#include "loadgen/threshold.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace qaconsole::loadgen {

// A mix file (JSON, described in docs/loadtest.md): the routes with their weights and id
// distributions, checks, and optionally the target URL and thresholds.
struct MixFile
{
    RequestMix mix;
    QString url; // empty when the file names none
    std::vector<Threshold> thresholds;
    LoadErrors errors; // every problem, each with the field's JSON path ("routes[1].weight")
    bool ok() const { return errors.isEmpty(); }
};

// Pure: the text in, the mix or every error found out. A JSON syntax error names its offset.
MixFile parseMixFile(const QByteArray& json);
// Reads the file first; an unreadable file is one error naming it.
MixFile loadMixFile(const QString& path);

} // namespace qaconsole::loadgen
