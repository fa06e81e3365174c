#include "ui/etl/runpage.h"

#include "ui/etl/etlrunner.h"
#include "ui/etl/loadprogressview.h"
#include "ui/etl/sourcepage.h"
#include "ui/etl/targetpage.h"

#include <QVBoxLayout>
#include <QWizard>

namespace qaconsole::ui {

RunPage::RunPage(EtlRunner& runner, const SourcePage& source, const TargetPage& target,
                 QWidget* parent)
    : QWizardPage(parent), m_runner(runner), m_source(source), m_target(target),
      m_view(new LoadProgressView(this))
{
    setObjectName(QStringLiteral("runPage"));
    setTitle(tr("Load"));
    setSubTitle(tr("Bad rows go to the reject file. The old tables stay until the new ones are "
                   "complete and verified."));
    // Nothing to go back to once the load has started.
    setCommitPage(true);
    setButtonText(QWizard::CancelButton, tr("Cancel load"));

    m_view->setObjectName(QStringLiteral("runProgressView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_view);
    layout->addStretch(1);

    connect(&m_runner, &EtlRunner::loadProgressed, this, &RunPage::showProgress);
    connect(&m_runner, &EtlRunner::loaded, this, &RunPage::finish);
}

void RunPage::initializePage()
{
    if (isRunning())
        return;
    etl::EtlOptions options;
    options.sourceDir = m_source.folder();
    options.dsn = m_target.dsn();
    options.jobs = m_target.jobs();
    m_sourceDir = options.sourceDir;
    m_targetAddress = m_target.address();
    m_finished = false;
    m_view->start(etl::phaseTitle(etl::EtlPhase::Preparing));
    Q_EMIT loadStarting(options.sourceDir);
    m_request = m_runner.load(options);
    Q_EMIT completeChanged();
}

bool RunPage::isComplete() const
{
    return m_finished;
}

void RunPage::cancel()
{
    if (!isRunning())
        return;
    m_runner.cancel();
    m_view->showCancelling();
}

void RunPage::showProgress(quint64 request, const etl::EtlProgress& progress)
{
    if (request == m_request)
        m_view->showLoadProgress(progress);
}

void RunPage::finish(quint64 request, const etl::EtlResult& result)
{
    if (request != m_request)
        return;
    m_request = 0;
    m_finished = true;
    m_view->stop();
    Q_EMIT completeChanged();
    Q_EMIT finished(result, m_sourceDir, m_targetAddress);
}

} // namespace qaconsole::ui
