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

class InspectionView;
class LoadWizardController;

// The wizard's first step: where the three CSV files come from. Either a folder that holds
// them, or data generated into a folder (scale and seed, with progress and Cancel). Whichever
// it is, the controller inspects the folder off the GUI thread; each file is shown in a tab (see
// InspectionView), and Next is offered once the controller finds all three loadable.
//
// Widgets are named for tests: "sourceFolderEdit" (Return inspects the folder typed),
// "chooseFolderButton", "useFilesRadio", "generateRadio", "scaleSpin", "seedSpin",
// "generateButton", "generateProgressBar", "cancelGenerateButton", "sourceStatusLabel"
// (its "loadable" property is true once the files can be loaded), "inspectionTabs".
class SourcePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit SourcePage(LoadWizardController& controller, QWidget* parent = nullptr);

    bool isComplete() const override;
    // Shows `dir` in the folder field and inspects it.
    void setFolder(const QString& dir);

private:
    void chooseFolder();
    void inspectFolder();
    void startGeneration();
    void showInspection(const QList<etl::FileInspection>& files);
    void clearInspection();
    // Shows the controller's source line and generation.
    void present();
    void updateControls();
    QString typedFolder() const;

    LoadWizardController& m_controller;
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
};

} // namespace qaconsole::ui
