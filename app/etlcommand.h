#pragma once

#include <QStringList>

class QCommandLineParser;

namespace qaconsole::app {

class CommonOptions;

// `qaconsole etl --source DIR [--dsn ...] [--jobs N] [--rejects FILE]`: loads the dataset into
// PostgreSQL (the managed local database unless --dsn is given). `arguments` starts with "etl".
int runEtlCommand(const QStringList& arguments, const QCommandLineParser& topLevel,
                  const CommonOptions& common);

} // namespace qaconsole::app
