#include "ui/etl/sourcepage.h"

#include "pg/redact.h"
#include "ui/etl/etlrunner.h"
#include "ui/etl/etltext.h"
#include "ui/etl/inspectionview.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
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
#include <QStandardPaths>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace qaconsole::ui {

namespace {

// Rows and bytes of the full dataset (scale 1.0), for the estimate next to the scale.
constexpr double kFullQuestions = 3'518'963;
constexpr double kFullAnswers = 6'879'306;
constexpr double kFullPhotos = 2'063'759;
constexpr double kFullBytes = 1.7e9;
constexpr int kBarRange = 1000;

QColor green()
{
    return toneColor(Tone::Good);
}

QColor red()
{
    return toneColor(Tone::Bad);
}

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

QString defaultGenerateFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("datasets/generated"));
}

bool holdsAnyCsv(const QString& dir)
{
    for (etl::Table table : etl::kTables) {
        if (QFileInfo::exists(QDir(dir).filePath(fileNameOf(table))))
            return true;
    }
    return false;
}

} // namespace

SourcePage::SourcePage(EtlRunner& runner, QWidget* parent)
    : QWizardPage(parent), m_runner(runner), m_folder(new QLineEdit(this)),
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
    connect(m_folder, &QLineEdit::textEdited, this, [this] {
        // What is typed has not been checked yet; Next waits until it is.
        m_loadableDir.clear();
        Q_EMIT completeChanged();
    });
    connect(m_useFiles, &QRadioButton::toggled, this, &SourcePage::updateControls);
    connect(m_generateButton, &QPushButton::clicked, this, &SourcePage::startGeneration);
    connect(m_cancel, &QPushButton::clicked, this, &SourcePage::cancelGeneration);
    connect(m_scale, &QDoubleSpinBox::valueChanged, this, &SourcePage::updateEstimate);
    connect(&m_runner, &EtlRunner::inspected, this, &SourcePage::showInspection);
    connect(&m_runner, &EtlRunner::generateProgressed, this, &SourcePage::showGenerateProgress);
    connect(&m_runner, &EtlRunner::generated, this,
            [this](quint64 request, const etl::GeneratorResult& result, bool) {
                finishGeneration(request, result);
            });

    updateEstimate();
    updateControls();
    setStatus(tr("Choose a folder, or generate data into one."),
              secondaryText(QApplication::palette(this)), false);
}

QString SourcePage::folder() const
{
    return m_loadableDir;
}

bool SourcePage::isComplete() const
{
    return !m_loadableDir.isEmpty() && !isGenerating();
}

bool SourcePage::isGenerating() const
{
    return m_generateRequest != 0;
}

void SourcePage::cancelGeneration()
{
    if (!isGenerating())
        return;
    m_runner.cancel();
    m_cancel->setEnabled(false);
    m_progressText->setText(tr("Cancelling…"));
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
    m_loadableDir.clear();
    Q_EMIT completeChanged();
    clearInspection();
    const QString dir = typedFolder();
    if (dir.isEmpty()) {
        setStatus(tr("Choose a folder, or generate data into one."),
                  secondaryText(QApplication::palette(this)), false);
        return;
    }
    setStatus(tr("Reading the start of each file…"), secondaryText(QApplication::palette(this)),
              false);
    m_inspectRequest = m_runner.inspect(dir);
}

void SourcePage::startGeneration()
{
    if (isGenerating())
        return;
    if (typedFolder().isEmpty())
        m_folder->setText(QDir::toNativeSeparators(defaultGenerateFolder()));
    const QString dir = typedFolder();
    if (holdsAnyCsv(dir) &&
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
    m_loadableDir.clear();
    m_inspectRequest = 0; // an inspection still on its way would show files about to change
    clearInspection();
    m_generateRequest = m_runner.generate(options);
    m_progress->setValue(0);
    m_progressText->setText(tr("Starting…"));
    m_cancel->setEnabled(true);
    m_progressRow->show();
    setStatus(tr("Generating data into %1…").arg(QDir::toNativeSeparators(dir)),
              secondaryText(QApplication::palette(this)), false);
    updateControls();
    Q_EMIT completeChanged();
}

void SourcePage::showInspection(quint64 request, const QString& dir,
                                const QList<etl::FileInspection>& files)
{
    if (request != m_inspectRequest)
        return;
    m_inspectRequest = 0;

    QStringList problems;
    for (const etl::FileInspection& file : files) {
        const int index = static_cast<int>(file.table);
        m_views[index]->showInspection(file);
        const bool ok = file.found && file.problem.isEmpty();
        m_tabs->setTabIcon(index, dot(ok ? green() : red()));
        if (!ok)
            problems << fileNameOf(file.table);
    }
    if (files.size() != static_cast<qsizetype>(etl::kTables.size())) {
        setStatus(tr("The folder could not be read."), red(), false);
        return;
    }
    if (!problems.isEmpty()) {
        setStatus(problems.size() == 1
                      ? tr("✗ %1 cannot be loaded: see its tab.").arg(problems.first())
                      : tr("✗ %1 cannot be loaded: see their tabs.")
                            .arg(problems.join(QStringLiteral(", "))),
                  red(), false);
        return;
    }
    const bool legacy = std::any_of(files.cbegin(), files.cend(),
                                    [](const auto& file) { return file.legacyHeader; });
    m_loadableDir = dir;
    setStatus(legacy ? tr("✓ The three files can be loaded (older export format).")
                     : tr("✓ The three files can be loaded."),
              green(), true);
    Q_EMIT completeChanged();
}

void SourcePage::showGenerateProgress(quint64 request, const etl::GeneratorProgress& progress)
{
    if (request != m_generateRequest || !m_cancel->isEnabled())
        return;
    if (progress.bytesExpected > 0) {
        const qint64 value = progress.bytesWritten * kBarRange / progress.bytesExpected;
        m_progress->setValue(static_cast<int>(qBound(qint64(0), value, qint64(kBarRange))));
    }
    m_progressText->setText(
        tr("%1 of about %2")
            .arg(bytesText(progress.bytesWritten), bytesText(progress.bytesExpected)));
}

void SourcePage::finishGeneration(quint64 request, const etl::GeneratorResult& result)
{
    if (request != m_generateRequest)
        return;
    m_generateRequest = 0;
    m_progressRow->hide();
    updateControls();
    if (result.ok()) {
        inspectFolder();
        return;
    }
    // The files were cut short: inspecting them would show good headers over missing rows.
    m_loadableDir.clear();
    setStatus(result.cancelled()
                  ? tr("✗ Generation cancelled: the files in this folder are incomplete.")
                  : tr("✗ Generation failed: %1").arg(pg::redactSecrets(result.error->text())),
              red(), false);
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
    const bool generating = isGenerating();
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

void SourcePage::updateEstimate()
{
    const double scale = m_scale->value();
    const auto rows = [scale](double full) {
        return countText(std::llround(full * scale));
    };
    m_estimate->setText(tr("≈ %1 questions, %2 answers, %3 photos (%4)")
                            .arg(rows(kFullQuestions), rows(kFullAnswers), rows(kFullPhotos),
                                 bytesText(std::llround(kFullBytes * scale))));
}

void SourcePage::setStatus(const QString& text, const QColor& color, bool loadable)
{
    m_status->setText(text);
    m_status->setProperty("loadable", loadable);
    setTextColor(m_status, color);
}

QString SourcePage::typedFolder() const
{
    const QString text = m_folder->text().trimmed();
    return text.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(text));
}

} // namespace qaconsole::ui
