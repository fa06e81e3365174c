#pragma once

#include <QObject>
#include <QString>

namespace qaconsole::testing {

// The widget tests reach by object name; a missing one ends the test run at once, naming it,
// rather than crashing later on a null pointer.
template <typename T> T* child(QObject* parent, const char* name)
{
    auto* found = parent->findChild<T*>(QString::fromLatin1(name));
    if (!found)
        qFatal("no child %s", name);
    return found;
}

} // namespace qaconsole::testing
