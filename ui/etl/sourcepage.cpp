#include "ui/etl/sourcepage.h"

#include "ui/etl/etltext.h"
#include "ui/etl/inspectionview.h"
#include "ui/etl/loadwizardcontroller.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace qaconsole::ui {

namespace {

constexpr int kBarRange = 1000;

QIcon dot(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1.5, 1.5, 9, 9));
    return QIcon(pixmap);
}

} // namespace

SourcePage::SourcePage(LoadWizardController& controller, QWidget* parent)
    : QWizardPage(parent), m_controller(controller), m_folder(new QLineEdit(this)),
      m_choose(new QPushButton(tr("Choose folder…"), this)),
      m_useFiles(new QRadioButton(tr("Load the CSV files in this folder"), this)),
      m_generate(new QRadioButton(tr("Generate a synthetic dataset into this folder first"), this)),
      m_scale(new QDoubleSpinBox(this)), m_seed(new QSpinBox(this)), m_estimate(new QLabel(this)),
      m_generateButton(new QPushButton(tr("Generate"), this)), m_progressRow(new QWidget(this)),
      m_progress(new QProgressBar(m_progressRow)), m_progressText(new QLabel(m_progressRow)),
      m_cancel(new QPushButton(tr("Cancel"), m_progressRow)), m_status(new QLabel(this)),
      m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("sourcePage"));
    setTitle(tr("Source"));
    setSubTitle(tr("Where questions.csv, answers.csv and answers_photos.csv come from. Nothing is "
                   "loaded before they are checked."));

    m_folder->setObjectName(QStringLiteral("sourceFolderEdit"));
    m_folder->setPlaceholderText(tr("A folder with the three CSV files"));
    m_folder->setClearButtonEnabled(true);
    m_choose->setObjectName(QStringLiteral("chooseFolderButton"));
    m_useFiles->setObjectName(QStringLiteral("useFilesRadio"));
    m_generate->setObjectName(QStringLiteral("generateRadio"));
    m_useFiles->setChecked(true);

    m_scale->setObjectName(QStringLiteral("scaleSpin"));
    m_scale->setRange(0.001, 1.0);
    m_scale->setDecimals(3);
    m_scale->setSingleStep(0.01);
    m_scale->setValue(0.01);
    m_scale->setToolTip(tr("1.0 is the full dataset: 3.5 million questions, about 1.7 GB"));
    m_seed->setObjectName(QStringLiteral("seedSpin"));
    m_seed->setRange(1, std::numeric_limits<int>::max());
    m_seed->setValue(1);
    m_seed->setToolTip(tr("The same scale and seed always give the same files"));
    m_generateButton->setObjectName(QStringLiteral("generateButton"));

    m_progress->setObjectName(QStringLiteral("generateProgressBar"));
    m_progress->setRange(0, kBarRange);
    m_progress->setTextVisible(false);
    m_progress->setFixedHeight(10);
    m_cancel->setObjectName(QStringLiteral("cancelGenerateButton"));
    auto* progressLayout = new QHBoxLayout(m_progressRow);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    progressLayout->setSpacing(10);
    progressLayout->addWidget(m_progress, 1);
    progressLayout->addWidget(m_progressText);
    progressLayout->addWidget(m_cancel);
    m_progressRow->hide();

    m_status->setObjectName(QStringLiteral("sourceStatusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    QFont strong = m_status->font();
    strong.setWeight(QFont::DemiBold);
    m_status->setFont(strong);

    m_tabs->setObjectName(QStringLiteral("inspectionTabs"));
    m_tabs->setDocumentMode(true);
    for (etl::Table table : etl::kTables) {
        auto* view = new InspectionView(table, m_tabs);
        m_views[static_cast<int>(table)] = view;
        m_tabs->addTab(view, fileNameOf(table));
    }

    auto* folderRow = new QHBoxLayout;
    folderRow->setSpacing(8);
    folderRow->addWidget(new QLabel(tr("Folder"), this));
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_choose);

    auto* generateRow = new QHBoxLayout;
    generateRow->setContentsMargins(24, 0, 0, 0);
    generateRow->setSpacing(8);
    generateRow->addWidget(new QLabel(tr("Scale"), this));
    generateRow->addWidget(m_scale);
    generateRow->addSpacing(8);
    generateRow->addWidget(new QLabel(tr("Seed"), this));
    generateRow->addWidget(m_seed);
    generateRow->addSpacing(8);
    generateRow->addWidget(m_generateButton);
    generateRow->addSpacing(8);
    generateRow->addWidget(m_estimate, 1);

    auto* progressIndent = new QHBoxLayout;
    progressIndent->setContentsMargins(24, 0, 0, 0);
    progressIndent->addWidget(m_progressRow);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addLayout(folderRow);
    layout->addSpacing(4);
    layout->addWidget(m_useFiles);
    layout->addWidget(m_generate);
    layout->addLayout(generateRow);
    layout->addLayout(progressIndent);
    layout->addSpacing(6);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);

    connect(m_choose, &QPushButton::clicked, this, &SourcePage::chooseFolder);
    connect(m_folder, &QLineEdit::returnPressed, this, &SourcePage::inspectFolder);
    // What is typed has not been checked yet; Next waits until it is.
    connect(m_folder, &QLineEdit::textEdited, &m_controller, &LoadWizardController::sourceEdited);
    connect(m_useFiles, &QRadioButton::toggled, this, &SourcePage::updateControls);
    connect(m_generateButton, &QPushButton::clicked, this, &SourcePage::startGeneration);
    connect(m_cancel, &QPushButton::clicked, &m_controller,
            &LoadWizardController::cancelGeneration);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, [this](double scale) {
        m_estimate->setText(LoadWizardController::generateEstimate(scale));
    });
    connect(&m_controller, &LoadWizardController::sourceChanged, this, &SourcePage::present);
    connect(&m_controller, &LoadWizardController::inspected, this, &SourcePage::showInspection);
    connect(&m_controller, &LoadWizardController::inspectionCleared, this,
            &SourcePage::clearInspection);

    m_estimate->setText(LoadWizardController::generateEstimate(m_scale->value()));
    present();
}

bool SourcePage::isComplete() const
{
    return m_controller.sourceComplete();
}

void SourcePage::setFolder(const QString& dir)
{
    m_folder->setText(QDir::toNativeSeparators(dir));
    inspectFolder();
}

void SourcePage::chooseFolder()
{
    const QString start = typedFolder().isEmpty() ? QDir::homePath() : typedFolder();
    const QString dir =
        QFileDialog::getExistingDirectory(this, tr("Folder with the CSV files"), start);
    if (!dir.isEmpty())
        setFolder(dir);
}

void SourcePage::inspectFolder()
{
    m_controller.inspect(typedFolder());
}

void SourcePage::startGeneration()
{
    if (m_controller.isGenerating())
        return;
    if (typedFolder().isEmpty())
        m_folder->setText(QDir::toNativeSeparators(LoadWizardController::defaultGenerateFolder()));
    const QString dir = typedFolder();
    if (LoadWizardController::holdsDatasetFiles(dir) &&
        QMessageBox::question(this, tr("Replace the files?"),
                              tr("%1 already holds CSV files of the dataset. Generating replaces "
                                 "them.")
                                  .arg(QDir::toNativeSeparators(dir)),
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) != QMessageBox::Yes)
        return;

    etl::GeneratorOptions options;
    options.outDir = dir;
    options.scale = m_scale->value();
    options.seed = static_cast<quint64>(m_seed->value());
    m_controller.generate(options);
}

void SourcePage::showInspection(const QList<etl::FileInspection>& files)
{
    for (const etl::FileInspection& file : files) {
        const int index = static_cast<int>(file.table);
        m_views[index]->showInspection(file);
        m_tabs->setTabIcon(
            index, dot(toneColor(LoadWizardController::isLoadable(file) ? Tone::Good : Tone::Bad)));
    }
}

void SourcePage::present()
{
    const WizardLine line = m_controller.sourceLine();
    m_status->setText(line.text);
    m_status->setProperty("loadable", line.ok);
    setTextColor(m_status, line.tone == Tone::Neutral ? secondaryText(QApplication::palette(this))
                                                      : toneColor(line.tone));
    const GenerationState generation = m_controller.generation();
    m_progressRow->setVisible(generation.running);
    m_progress->setValue(int(std::lround(generation.fraction * kBarRange)));
    m_progressText->setText(generation.text);
    m_cancel->setEnabled(generation.running && !generation.cancelling);
    updateControls();
    Q_EMIT completeChanged();
}

void SourcePage::clearInspection()
{
    for (InspectionView* view : m_views)
        view->clear();
    for (int index = 0; index < m_tabs->count(); ++index)
        m_tabs->setTabIcon(index, QIcon());
}

void SourcePage::updateControls()
{
    const bool generating = m_controller.isGenerating();
    const bool generateMode = m_generate->isChecked();
    m_folder->setEnabled(!generating);
    m_choose->setEnabled(!generating);
    m_useFiles->setEnabled(!generating);
    m_generate->setEnabled(!generating);
    m_scale->setEnabled(generateMode && !generating);
    m_seed->setEnabled(generateMode && !generating);
    m_generateButton->setEnabled(generateMode && !generating);
    m_estimate->setEnabled(generateMode);
}

QString SourcePage::typedFolder() const
{
    const QString text = m_folder->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

} // namespace qaconsole::ui
