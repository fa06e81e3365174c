#pragma once

#include <QList>
#include <QString>

namespace qaconsole::core {

// One problem in a document a person wrote (a cache policy, a tiers file), tied to the field it
// concerns so that a message names it and an editor can mark it in place.
struct FieldError
{
    QString field;   // JSON path, e.g. "tiers[2].instances"; empty for the whole document
    QString message; // e.g. "must be a whole number from 1 to 8"

    QString text() const
    {
        return field.isEmpty() ? message : field + QStringLiteral(": ") + message;
    }
    friend bool operator==(const FieldError&, const FieldError&) = default;
};

using FieldErrors = QList<FieldError>;

} // namespace qaconsole::core
