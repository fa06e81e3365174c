#pragma once

#include "loadgen/mixfile.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace qaconsole::loadgen {

// Mixes built into the generator, named like the cache presets: `qaconsole loadtest --mix
// storefront` runs one without a file, and the Load test page's mix editor starts from the
// storefront one. One definition serves both.
//
// "storefront": the eight Q&A routes weighted as the storefront's shoppers use them (60 listings
// of questions, 30 of answers, then the writes: 2 add_question, 2 add_answer, 2
// question_helpful, 1 question_report, 2 answer_helpful, 1 answer_report), every id drawn from
// the database the target serves (IdDistribution::Kind::Database, the default sample), so every
// request finds its row whatever the size of the loaded dataset. No url, no thresholds: those
// are the run's.
QStringList builtinMixNames();
// The mix of that name (compared without case), or nothing for a name that is not built in.
std::optional<MixFile> builtinMix(const QString& name);
RequestMix storefrontMix();

// What `--mix VALUE` means: the file when it exists, else the built-in mix of that name, else
// the file's error (a value with a folder or a suffix) or one saying it is neither.
MixFile resolveMixArgument(const QString& value);

} // namespace qaconsole::loadgen
