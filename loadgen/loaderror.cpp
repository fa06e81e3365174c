#include "loadgen/loaderror.h"

namespace qaconsole::loadgen {

QStringList errorTexts(const LoadErrors& errors)
{
    QStringList texts;
    texts.reserve(errors.size());
    for (const LoadError& error : errors)
        texts << error.text();
    return texts;
}

} // namespace qaconsole::loadgen
