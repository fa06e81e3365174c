#include "ui/etl/loadwizard.h"

#include "ui/etl/runpage.h"
#include "ui/etl/sourcepage.h"
#include "ui/etl/summarypage.h"
#include "ui/etl/targetpage.h"

#include <QAbstractButton>
#include <QIcon>

namespace qaconsole::ui {

LoadWizard::LoadWizard(EtlRunner& runner, const QString& managedDsn, QWidget* parent)
    : QWizard(parent), m_source(new SourcePage(runner, this)),
      m_target(new TargetPage(runner, this)),
      m_run(new RunPage(runner, *m_source, *m_target, this)), m_summary(new SummaryPage(this))
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
    m_target->setManagedDsn(managedDsn);

    connect(m_run, &RunPage::loadStarting, this, &LoadWizard::loadStarting);
    connect(m_run, &RunPage::finished, this,
            [this](const etl::EtlResult& result, const QString& sourceDir,
                   const QString& targetAddress) {
                m_summary->showResult(result, sourceDir, targetAddress);
                if (currentId() == RunPageId)
                    next();
            });
    connect(this, &QWizard::currentIdChanged, this, &LoadWizard::showButtonsFor);
    showButtonsFor(SourcePageId);
}

void LoadWizard::setManagedDsn(const QString& dsn)
{
    m_target->setManagedDsn(dsn);
}

bool LoadWizard::isLoading() const
{
    return m_run->isRunning();
}

void LoadWizard::reject()
{
    if (m_run->isRunning()) {
        m_run->cancel();
        button(QWizard::CancelButton)->setEnabled(false);
        return;
    }
    // A generation left running would keep writing files nobody asked for any more.
    m_source->cancelGeneration();
    QWizard::reject();
}

void LoadWizard::showButtonsFor(int id)
{
    switch (id) {
    case RunPageId:
        setButtonLayout({QWizard::Stretch, QWizard::CancelButton});
        button(QWizard::CancelButton)->setEnabled(true);
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
