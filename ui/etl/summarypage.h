#pragma once

#include "etl/etlresult.h"

#include <QWizardPage>

namespace qaconsole::ui {

class LoadSummaryView;

// The wizard's last step: what the load did (see LoadSummaryView, named "summaryView").
class SummaryPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SummaryPage(QWidget* parent = nullptr);

    void showResult(const etl::EtlResult& result, const QString& sourceDir,
                    const QString& targetAddress);
    LoadSummaryView* view() const { return m_view; }

private:
    LoadSummaryView* m_view;
};

} // namespace qaconsole::ui
