#pragma once

#include "etl/etlprogress.h"

#include <QWizardPage>

namespace qaconsole::ui {

class LoadProgressView;
class LoadWizardController;

// The wizard's third step: the load itself. Entering the page has the controller start it with
// the folder and target chosen on the pages before; the page shows its progress (see
// LoadProgressView) until the controller reports the outcome. Cancel (the wizard's) asks the
// engine to stop; the outcome then says cancelled and the old tables are as they were.
//
// The progress view is named "runProgressView" for tests.
class RunPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit RunPage(LoadWizardController& controller, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

private:
    LoadWizardController& m_controller;
    LoadProgressView* m_view;
};

} // namespace qaconsole::ui
