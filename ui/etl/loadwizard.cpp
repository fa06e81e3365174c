#include "ui/etl/loadwizard.h"

#include "ui/etl/loadwizardcontroller.h"
#include "ui/etl/runpage.h"
#include "ui/etl/sourcepage.h"
#include "ui/etl/summarypage.h"
#include "ui/etl/targetpage.h"

#include <QAbstractButton>
#include <QIcon>

namespace qaconsole::ui {

LoadWizard::LoadWizard(EtlController& etl, QWidget* parent)
    : QWizard(parent), m_controller(new LoadWizardController(etl, this)),
      m_source(new SourcePage(*m_controller, this)), m_target(new TargetPage(*m_controller, this)),
      m_run(new RunPage(*m_controller, this)), m_summary(new SummaryPage(this))
{
    setObjectName(QStringLiteral("loadWizard"));
    setWindowTitle(tr("Load wizard"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPixmap(
        QWizard::LogoPixmap,
        QIcon(QStringLiteral(":/icons/dataload.svg")).pixmap(QSize(40, 40), devicePixelRatio()));
    resize(940, 700);

    setPage(SourcePageId, m_source);
    setPage(TargetPageId, m_target);
    setPage(RunPageId, m_run);
    setPage(SummaryPageId, m_summary);

    connect(m_controller, &LoadWizardController::loadFinished, this,
            [this](const LoadOutcome& outcome) {
                m_summary->showOutcome(outcome);
                if (currentId() == RunPageId)
                    next();
            });
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id >= 0)
            m_controller->enterStep(WizardStep(id));
        showButtonsFor(id);
    });
    showButtonsFor(SourcePageId);
}

bool LoadWizard::isLoading() const
{
    return m_controller->isLoading();
}

void LoadWizard::reject()
{
    if (!m_controller->cancel()) {
        button(QWizard::CancelButton)->setEnabled(false);
        return;
    }
    QWizard::reject();
}

void LoadWizard::showButtonsFor(int id)
{
    switch (id) {
    case RunPageId:
        setButtonLayout({QWizard::Stretch, QWizard::CancelButton});
        button(QWizard::CancelButton)->setEnabled(m_controller->canCancel());
        break;
    case SummaryPageId:
        setButtonLayout({QWizard::Stretch, QWizard::FinishButton});
        break;
    default:
        setButtonLayout({QWizard::Stretch, QWizard::BackButton, QWizard::NextButton,
                         QWizard::CommitButton, QWizard::CancelButton});
        break;
    }
}

} // namespace qaconsole::ui
