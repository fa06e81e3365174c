#pragma once

#include "etl/etlprogress.h"
#include "etl/etlresult.h"

#include <QWizardPage>

namespace qaconsole::ui {

class EtlRunner;
class LoadProgressView;
class SourcePage;
class TargetPage;

// The wizard's third step: the load itself. Entering the page starts it with the folder and
// target chosen on the pages before; the page shows its progress (see LoadProgressView) until
// the result arrives, then reports finished(). cancel() asks the engine to stop; the result
// then says cancelled and the old tables are as they were.
//
// The progress view is named "runProgressView" for tests.
class RunPage : public QWizardPage
{
    Q_OBJECT
public:
    RunPage(EtlRunner& runner, const SourcePage& source, const TargetPage& target,
            QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool isRunning() const { return m_request != 0; }
    void cancel();

Q_SIGNALS:
    void loadStarting(const QString& sourceDir);
    void finished(const qaconsole::etl::EtlResult& result, const QString& sourceDir,
                  const QString& targetAddress);

private:
    void showProgress(quint64 request, const etl::EtlProgress& progress);
    void finish(quint64 request, const etl::EtlResult& result);

    EtlRunner& m_runner;
    const SourcePage& m_source;
    const TargetPage& m_target;
    LoadProgressView* m_view;
    quint64 m_request = 0;
    bool m_finished = false;
    QString m_sourceDir;
    QString m_targetAddress;
};

} // namespace qaconsole::ui
