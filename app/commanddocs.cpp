#include "app/commanddocs.h"

#include "app/commandline.h"

namespace qaconsole::app {

CommandDocs documentedCommandLines()
{
    const CommonOptions common(CommonOptions::Defaults::Documented);
    CommandDocs docs{topLevelCommandLine(TopLevelOptions(), common), {}};
    for (const CommandSpec& command : commandSpecs())
        docs.commands.append({command.name, command.commandLine(common)});
    return docs;
}

int runDocsCommand(const QStringList& arguments)
{
    const QString what = arguments.value(0);
    if (what == u"help-man" && arguments.size() == 1) {
        printOut(manPage(documentedCommandLines(), QStringLiteral(QACONSOLE_VERSION)).chopped(1));
        return ExitOk;
    }
    if (what == u"help-completion" && arguments.size() == 2 && arguments.at(1) == u"bash") {
        printOut(bashCompletion(documentedCommandLines()).chopped(1));
        return ExitOk;
    }
    return usageError(QStringLiteral("usage: qaconsole help-man | help-completion bash"));
}

} // namespace qaconsole::app
