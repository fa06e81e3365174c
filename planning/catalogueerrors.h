#pragma once

#include "core/fielderror.h"

#include <QString>

namespace qaconsole::planning {

// Errors about one item of the price catalogue name it by its id as well as by its place in
// the file, since the place shifts when items are added: `items[3].usd: must be 0 or more
// (item "ec2.t3.micro")`.

// `message` with the item's id after it (as is when the id is empty).
QString aboutItem(const QString& message, const QString& id);
// The same for every error from `first` on.
void nameItemInErrors(core::FieldErrors& errors, qsizetype first, const QString& id);

} // namespace qaconsole::planning
