#pragma once

#include "core/fielderror.h"

namespace qaconsole::cache {

// One problem in a policy, tied to the field it concerns (e.g. "classes.answers.ttl.redis") so
// an editor can mark it in place.
using PolicyError = core::FieldError;
using PolicyErrors = core::FieldErrors;

} // namespace qaconsole::cache
