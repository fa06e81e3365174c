#include "tests/support/sampleload.h"

#include "etl/etlloader.h"
#include "tests/support/samplefixture.h"
#include "tests/support/stackfixture.h"

#include <QTemporaryDir>

namespace qaconsole::testing {

QString loadSampleFixture(const QString& dsn)
{
    QTemporaryDir dir;
    if (!dir.isValid() || !copySampleFixture(dir.path()))
        return QStringLiteral("could not copy the sample into a temporary folder");
    etl::EtlOptions options;
    options.sourceDir = dir.path();
    options.dsn = dsn;
    const etl::EtlResult result = etl::EtlLoader(options).run();
    return result.ok() ? QString()
                       : QStringLiteral("loading the sample failed: ") + result.errorText();
}

QString startStackWithSample(StackFixture& stack)
{
    const supervise::Status started = stack.start();
    if (!started)
        return started.errorText();
    return loadSampleFixture(stack.stack().postgresDsn());
}

} // namespace qaconsole::testing
