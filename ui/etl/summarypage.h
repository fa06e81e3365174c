#pragma once

#include "ui/etl/loadoutcome.h"

#include <QWizardPage>

namespace qaconsole::ui {

class LoadSummaryView;

// The wizard's last step: what the load did (see LoadSummaryView, named "summaryView").
class SummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SummaryPage(QWidget* parent = nullptr);

    void showOutcome(const LoadOutcome& outcome);
    LoadSummaryView* view() const { return m_view; }

private:
    LoadSummaryView* m_view;
};

} // namespace qaconsole::ui
