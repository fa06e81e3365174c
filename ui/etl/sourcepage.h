#pragma once

#include "etl/datasetinspector.h"
#include "etl/generator/datasetgenerator.h"

#include <QWizardPage>

#include <array>

class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTabWidget;

namespace qaconsole::ui {

class EtlRunner;
class InspectionView;

// The wizard's first step: where the three CSV files come from. Either a folder that holds
// them, or data generated into a folder (scale and seed, with progress and Cancel). Whichever
// it is, the folder is inspected off the GUI thread and each file shown in a tab (see
// InspectionView); Next is offered once all three can be loaded.
//
// Widgets are named for tests: "sourceFolderEdit" (Return inspects the folder typed),
// "chooseFolderButton", "useFilesRadio", "generateRadio", "scaleSpin", "seedSpin",
// "generateButton", "generateProgressBar", "cancelGenerateButton", "sourceStatusLabel"
// (its "loadable" property is true once the files can be loaded), "inspectionTabs".
class SourcePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SourcePage(EtlRunner& runner, QWidget* parent = nullptr);

    // The folder whose three files were inspected and found loadable; empty until then.
    QString folder() const;
    bool isComplete() const override;
    bool isGenerating() const;
    // Stops a running generation; the files it was writing are then incomplete.
    void cancelGeneration();
    // Shows `dir` in the folder field and inspects it.
    void setFolder(const QString& dir);

private:
    void chooseFolder();
    void inspectFolder();
    void startGeneration();
    void showInspection(quint64 request, const QString& dir,
                        const QList<etl::FileInspection>& files);
    void showGenerateProgress(quint64 request, const etl::GeneratorProgress& progress);
    void finishGeneration(quint64 request, const etl::GeneratorResult& result);
    void clearInspection();
    void updateControls();
    void updateEstimate();
    void setStatus(const QString& text, const QColor& color, bool loadable);
    QString typedFolder() const;

    EtlRunner& m_runner;
    QLineEdit* m_folder;
    QPushButton* m_choose;
    QRadioButton* m_useFiles;
    QRadioButton* m_generate;
    QDoubleSpinBox* m_scale;
    QSpinBox* m_seed;
    QLabel* m_estimate;
    QPushButton* m_generateButton;
    QWidget* m_progressRow;
    QProgressBar* m_progress;
    QLabel* m_progressText;
    QPushButton* m_cancel;
    QLabel* m_status;
    QTabWidget* m_tabs;
    std::array<InspectionView*, 3> m_views{};
    quint64 m_inspectRequest = 0;
    quint64 m_generateRequest = 0;
    QString m_loadableDir; // set once an inspection found the three files loadable
};

} // namespace qaconsole::ui
