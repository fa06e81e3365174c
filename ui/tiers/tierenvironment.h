#pragma once

#include <QString>

namespace qaconsole::ui {

// What the Tiers controller needs to know of the console around it to run a tier as
// `qaconsole tier up` does: the executable the instances run and the settings file they read
// (with the stack's --data-dir), and the tiers file it edits. The data folder is the stack's.
struct TierEnvironment
{
    QString binary;       // the qaconsole executable
    QString settingsFile; // absolute
    QString tiersFile;

    // This executable, the default settings file and the default tiers file.
    static TierEnvironment defaults();
};

} // namespace qaconsole::ui
