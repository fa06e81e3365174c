#include "ui/etl/summarypage.h"

#include "ui/etl/loadsummaryview.h"

#include <QVBoxLayout>

namespace qaconsole::ui {

SummaryPage::SummaryPage(QWidget* parent) : QWizardPage(parent), m_view(new LoadSummaryView(this))
{
    setObjectName(QStringLiteral("summaryPage"));
    setTitle(tr("Summary"));
    setSubTitle(tr("What was loaded, what was set aside, and how the loaded tables compare with "
                   "the files."));
    setFinalPage(true);
    m_view->setObjectName(QStringLiteral("summaryView"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_view, 1);
}

void SummaryPage::showOutcome(const LoadOutcome& outcome)
{
    m_view->showOutcome(outcome);
}

} // namespace qaconsole::ui
