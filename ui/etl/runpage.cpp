#include "ui/etl/runpage.h"

#include "ui/etl/loadprogressview.h"
#include "ui/etl/loadwizardcontroller.h"

#include <QVBoxLayout>
#include <QWizard>

namespace qaconsole::ui {

RunPage::RunPage(LoadWizardController& controller, QWidget* parent)
    : QWizardPage(parent), m_controller(controller), m_view(new LoadProgressView(this))
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

    connect(&m_controller, &LoadWizardController::loadStarting, this, [this] {
        m_view->start(etl::phaseTitle(etl::EtlPhase::Preparing));
        Q_EMIT completeChanged();
    });
    connect(&m_controller, &LoadWizardController::loadProgressed, m_view,
            &LoadProgressView::showLoadProgress);
    connect(&m_controller, &LoadWizardController::loadCancelling, m_view,
            &LoadProgressView::showCancelling);
    connect(&m_controller, &LoadWizardController::loadFinished, this, [this] {
        m_view->stop();
        Q_EMIT completeChanged();
    });
}

void RunPage::initializePage()
{
    m_controller.enterStep(WizardStep::Run);
}

bool RunPage::isComplete() const
{
    return m_controller.step() == WizardStep::Run && m_controller.canAdvance();
}

} // namespace qaconsole::ui
