#pragma once

#include <QList>
#include <QString>

namespace qaconsole::cache {

// One problem in a policy, tied to the field it concerns so an editor can mark it in place.
struct PolicyError
{
    QString field;   // JSON path, e.g. "classes.answers.ttl.redis"; empty for the whole file
    QString message; // e.g. "\"5 parsecs\" is not a duration: ..."

    QString text() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
    friend bool operator==(const PolicyError&, const PolicyError&) = default;
};

using PolicyErrors = QList<PolicyError>;

} // namespace qaconsole::cache
