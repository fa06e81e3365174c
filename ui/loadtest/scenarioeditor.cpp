#include "ui/loadtest/scenarioeditor.h"

#include "loadgen/builtinmixes.h"
#include "loadgen/databaseids.h"
#include "loadgen/scenariofile.h"
#include "ui/loadtest/loadtesttext.h"
#include "ui/loadtest/mixeditor.h"
#include "ui/loadtest/stageseditor.h"
#include "ui/loadtest/thresholdeditor.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QUrl>
#include <QVBoxLayout>

#include <cmath>

namespace qaconsole::ui {

namespace {

using loadgen::LoadModel;

constexpr int kEmbeddedTarget = 0;
constexpr int kOtherTarget = 1;
constexpr int kTierTarget = 2; // while a tier is up
const QString kFileFilter = QStringLiteral("Scenario files (*.json)");

// The acceptance goal of the storefront: 1,000 rps of its mix, under 1% failures, p99 under 2 s,
// with ids that exist in whatever dataset is loaded.
loadgen::Scenario defaultScenario()
{
    loadgen::Scenario scenario;
    scenario.mix = loadgen::storefrontMix();
    scenario.model = LoadModel::ConstantArrivalRate;
    scenario.rate = 1000;
    scenario.connections = 64;
    scenario.durationMs = 30'000;
    scenario.stages = {{30'000, 500}, {60'000, 1000}, {30'000, 0}};
    for (const char16_t* text : {u"http_req_failed rate<0.01", u"http_req_duration p(99)<2000"})
        scenario.thresholds.push_back(loadgen::parseThreshold(QString::fromUtf16(text)).value());
    return scenario;
}

QString origin(const QString& url)
{
    return QUrl(url.trimmed())
        .adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
        .toString();
}

QString scenarioFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("loadtests"));
}

} // namespace

ScenarioEditor::ScenarioEditor(QWidget* parent) : QWidget(parent)
{
    m_stages = new StagesEditor;
    m_stagesCard = new CardFrame(tr("Stages"));
    m_stagesCard->setObjectName(QStringLiteral("stagesCard"));
    m_stagesCard->contentLayout()->addWidget(m_stages, 1);
    m_mix = new MixEditor;
    auto* mixCard = new CardFrame(tr("Requests"));
    mixCard->contentLayout()->addWidget(m_mix, 1);
    m_thresholds = new ThresholdEditor;
    auto* thresholdCard = new CardFrame(tr("Thresholds"));
    thresholdCard->contentLayout()->addWidget(m_thresholds, 1);

    auto* left = new QVBoxLayout;
    left->setSpacing(16);
    left->addWidget(createTargetCard());
    left->addWidget(createLoadCard());
    left->addWidget(m_stagesCard, 1);
    auto* right = new QVBoxLayout;
    right->setSpacing(16);
    right->addWidget(mixCard);
    right->addWidget(thresholdCard, 1);
    auto* columns = new QHBoxLayout;
    columns->setSpacing(16);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 12, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(createFileBar());
    layout->addLayout(columns, 1);

    connect(m_stages, &StagesEditor::changed, this, &ScenarioEditor::refresh);
    connect(m_mix, &MixEditor::changed, this, &ScenarioEditor::refresh);
    connect(m_thresholds, &ThresholdEditor::changed, this, &ScenarioEditor::refresh);
    connect(m_mix, &MixEditor::loadedIdsWanted, this, &ScenarioEditor::loadedIdsWanted);
    setScenario(defaultScenario());
    updateIdCheck();
    applyPalette();
}

loadgen::Scenario ScenarioEditor::scenario() const
{
    loadgen::Scenario scenario = m_base;
    scenario.model = LoadModel(m_model->currentIndex());
    const bool open = loadgen::isOpenModel(scenario.model);
    const bool ramping = loadgen::isRampingModel(scenario.model);
    scenario.mix = m_mix->mix();
    scenario.url = m_mix->isSingleUrl() ? origin(targetUrl()) + m_mix->singlePath() : targetUrl();
    scenario.connections = m_connections->value();
    scenario.rate = scenario.model == LoadModel::ConstantArrivalRate ? m_rate->value() : 0;
    scenario.startTarget = ramping ? m_startTarget->value() : 0;
    scenario.stages = ramping ? m_stages->stages() : std::vector<loadgen::Stage>{};
    scenario.durationMs = ramping ? 0 : std::int64_t(m_duration->value()) * 1000;
    scenario.threads = m_threads->value();
    scenario.policy = open ? loadgen::ConnectionPolicy(m_policy->currentIndex())
                           : loadgen::ConnectionPolicy::Queue;
    scenario.thresholds = m_thresholds->thresholds();
    return scenario;
}

void ScenarioEditor::setScenario(const loadgen::Scenario& scenario)
{
    m_base = scenario;
    // A file names the embedded backend by its URL of the time; the default names port 8080.
    const bool embedded = m_embeddedUrl.isEmpty()
                              ? m_target->currentIndex() == kEmbeddedTarget &&
                                    origin(scenario.url) == origin(loadgen::Scenario{}.url)
                              : origin(scenario.url) == origin(m_embeddedUrl);
    const bool tier =
        !embedded && !m_tierUrl.isEmpty() && origin(scenario.url) == origin(m_tierUrl);
    m_target->setCurrentIndex(embedded ? kEmbeddedTarget : tier ? kTierTarget : kOtherTarget);
    if (!embedded)
        m_url->setText(scenario.mix.routes.empty() ? origin(scenario.url) : scenario.url);
    if (scenario.mix.routes.empty())
        m_mix->setSingleUrl(loadgen::parseTargetUrl(scenario.url).pathAndQuery);
    else
        m_mix->setMix(scenario.mix);
    m_model->setCurrentIndex(int(scenario.model));
    m_connections->setValue(scenario.connections);
    if (scenario.rate > 0)
        m_rate->setValue(scenario.rate);
    m_startTarget->setValue(scenario.startTarget);
    if (scenario.durationMs > 0)
        m_duration->setValue(int(std::max<std::int64_t>(1, (scenario.durationMs + 999) / 1000)));
    m_threads->setValue(scenario.threads);
    m_policy->setCurrentIndex(int(scenario.policy));
    if (!scenario.stages.empty() || loadgen::isRampingModel(scenario.model))
        m_stages->setStages(scenario.stages);
    m_thresholds->setThresholds(scenario.thresholds);
    modelChanged();
}

QStringList ScenarioEditor::problems() const
{
    return m_problems;
}

void ScenarioEditor::setEmbeddedUrl(const QString& url)
{
    m_embeddedUrl = url;
    refresh();
}

void ScenarioEditor::setTierTarget(const QString& name, const QString& url)
{
    const bool chosen = m_target->currentIndex() == kTierTarget;
    m_tierName = name;
    if (url.isEmpty()) {
        if (chosen) {
            m_url->setText(m_tierUrl);
            m_target->setCurrentIndex(kOtherTarget);
        }
        m_tierUrl.clear();
        if (m_target->count() > kTierTarget)
            m_target->removeItem(kTierTarget);
        return;
    }
    m_tierUrl = url;
    const QString text = tr("Tier: %1 (%2)").arg(name, url);
    if (m_target->count() > kTierTarget)
        m_target->setItemText(kTierTarget, text);
    else
        m_target->addItem(text);
    refresh();
}

void ScenarioEditor::setLoadedIds(const std::optional<loadgen::LoadedIds>& loaded,
                                  const QString& error)
{
    m_loaded = loaded;
    m_loadedError = error;
    updateIdCheck();
}

QStringList ScenarioEditor::warnings() const
{
    return m_mix->rangeWarnings();
}

bool ScenarioEditor::targetsEmbeddedBackend() const
{
    return m_target->currentIndex() == kEmbeddedTarget;
}

// The embedded backend serves the managed database; another server may serve another, so its
// ranges are checked against the managed one only as the best guess there is.
void ScenarioEditor::updateIdCheck()
{
    const bool embedded = targetsEmbeddedBackend();
    if (m_loaded)
        m_mix->setLoadedIds(m_loaded, embedded ? tr("the database") : tr("the managed database"),
                            {});
    else if (!m_loadedError.isEmpty())
        m_mix->setLoadedIds(std::nullopt, {}, m_loadedError);
    else
        m_mix->setLoadedIds(std::nullopt, {},
                            embedded ? tr("the database is not running.")
                                     : tr("the target is not the embedded backend and no "
                                          "database is reachable."));
}

void ScenarioEditor::setDatabaseAvailable(bool available)
{
    m_databaseAvailable = available;
    refresh();
}

loadgen::LoadStatus ScenarioEditor::openFile(const QString& path)
{
    const loadgen::ScenarioFile file = loadgen::loadScenarioFile(path);
    if (!file.ok()) // the first problem's kind: an unreadable file is the only problem there is
        return makeError(file.errors.front().kind, loadgen::errorTexts(file.errors).join(u'\n'));
    setScenario(file.scenario);
    m_fileLabel->setText(QDir::toNativeSeparators(path));
    return {};
}

loadgen::LoadStatus ScenarioEditor::saveFile(const QString& path)
{
    const loadgen::LoadStatus saved = loadgen::saveScenarioFile(path, scenario());
    if (saved)
        m_fileLabel->setText(QDir::toNativeSeparators(path));
    return saved;
}

void ScenarioEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

QWidget* ScenarioEditor::createFileBar()
{
    auto* bar = new QWidget;
    auto* open = new QPushButton(tr("Open…"), bar);
    open->setObjectName(QStringLiteral("openScenarioButton"));
    auto* save = new QPushButton(tr("Save…"), bar);
    save->setObjectName(QStringLiteral("saveScenarioButton"));
    m_fileLabel = new QLabel(tr("Not saved to a file"), bar);
    m_fileLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problemLabel = new QLabel(bar);
    m_problemLabel->setObjectName(QStringLiteral("scenarioProblems"));
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);

    auto* row = new QHBoxLayout;
    row->setSpacing(8);
    row->addWidget(open);
    row->addWidget(save);
    row->addSpacing(6);
    row->addWidget(m_fileLabel, 1);
    auto* layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(row);
    layout->addWidget(m_problemLabel);

    connect(open, &QPushButton::clicked, this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open scenario"), scenarioFolder(), kFileFilter);
        if (path.isEmpty())
            return;
        if (const loadgen::LoadStatus opened = openFile(path); !opened)
            QMessageBox::warning(this, tr("Open scenario"),
                                 tr("%1 is not a scenario the console can run:\n\n%2")
                                     .arg(QDir::toNativeSeparators(path), opened.error().text()));
    });
    connect(save, &QPushButton::clicked, this, [this] {
        QDir().mkpath(scenarioFolder());
        QString path = QFileDialog::getSaveFileName(
            this, tr("Save scenario"),
            QDir(scenarioFolder()).filePath(QStringLiteral("scenario.json")), kFileFilter);
        if (path.isEmpty())
            return;
        if (QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".json");
        if (const loadgen::LoadStatus saved = saveFile(path); !saved)
            QMessageBox::warning(this, tr("Save scenario"), saved.error().text());
    });
    return bar;
}

CardFrame* ScenarioEditor::createTargetCard()
{
    auto* card = new CardFrame(tr("Target"));
    m_target = new QComboBox(card);
    m_target->setObjectName(QStringLiteral("targetCombo"));
    m_target->addItem(tr("The embedded backend"));
    m_target->addItem(tr("Another server"));
    m_url = new QLineEdit(card);
    m_url->setObjectName(QStringLiteral("targetUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("http://127.0.0.1:8080"));
    m_url->setToolTip(tr("Any http:// server: a tier behind nginx, a backend started with "
                         "qaconsole serve, or another host. The mix uses its scheme, host and "
                         "port; a single URL adds its path."));
    m_targetNote = new QLabel(card);
    m_targetNote->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_target);
    row->addWidget(m_url, 1);
    card->contentLayout()->addLayout(row);
    card->contentLayout()->addWidget(m_targetNote);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ScenarioEditor::refresh);
    connect(m_target, &QComboBox::currentIndexChanged, this, &ScenarioEditor::updateIdCheck);
    connect(m_url, &QLineEdit::textChanged, this, &ScenarioEditor::refresh);
    return card;
}

CardFrame* ScenarioEditor::createLoadCard()
{
    auto* card = new CardFrame(tr("Load"));
    m_model = new QComboBox(card);
    m_model->setObjectName(QStringLiteral("modelCombo"));
    for (LoadModel model : {LoadModel::ConstantVus, LoadModel::RampingVus,
                            LoadModel::ConstantArrivalRate, LoadModel::RampingArrivalRate})
        m_model->addItem(modelTitle(model)); // in LoadModel order, which scenario() relies on
    m_modelNote = new QLabel(card);
    m_modelNote->setWordWrap(true);

    m_connections = new QSpinBox(card);
    m_connections->setObjectName(QStringLiteral("connectionsSpin"));
    m_connections->setRange(1, 100000);
    m_connections->setGroupSeparatorShown(true);
    m_rate = new QDoubleSpinBox(card);
    m_rate->setObjectName(QStringLiteral("rateSpin"));
    m_rate->setRange(0.1, 10'000'000);
    m_rate->setDecimals(1);
    m_rate->setGroupSeparatorShown(true);
    m_rate->setSuffix(tr(" requests/s"));
    m_startTarget = new QDoubleSpinBox(card);
    m_startTarget->setObjectName(QStringLiteral("startTargetSpin"));
    m_startTarget->setRange(0, 10'000'000);
    m_startTarget->setDecimals(0);
    m_duration = new QSpinBox(card);
    m_duration->setObjectName(QStringLiteral("durationSpin"));
    m_duration->setRange(1, 24 * 3600);
    m_duration->setSuffix(tr(" s"));
    m_threads = new QSpinBox(card);
    m_threads->setObjectName(QStringLiteral("threadsSpin"));
    m_threads->setRange(1, 256);
    m_threads->setToolTip(tr("Worker threads of the generator; each owns its connections."));
    m_policy = new QComboBox(card);
    m_policy->setObjectName(QStringLiteral("policyCombo"));
    // In ConnectionPolicy order.
    m_policy->addItem(tr("Queue it (its wait counts in its latency)"));
    m_policy->addItem(tr("Drop it (counted as dropped)"));
    m_policy->addItem(tr("Open another connection"));

    m_loadForm = new QFormLayout;
    m_loadForm->setHorizontalSpacing(12);
    m_loadForm->setVerticalSpacing(8);
    m_loadForm->addRow(tr("Model"), m_model);
    m_loadForm->addRow(QString(), m_modelNote);
    m_loadForm->addRow(tr("Connections"), m_connections);
    m_loadForm->addRow(tr("Rate"), m_rate);
    m_loadForm->addRow(tr("Start at"), m_startTarget);
    m_loadForm->addRow(tr("Duration"), m_duration);
    m_loadForm->addRow(tr("Threads"), m_threads);
    m_loadForm->addRow(tr("No free connection"), m_policy);
    card->contentLayout()->addLayout(m_loadForm);

    connect(m_model, &QComboBox::currentIndexChanged, this, &ScenarioEditor::modelChanged);
    connect(m_connections, &QSpinBox::valueChanged, this, &ScenarioEditor::refresh);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &ScenarioEditor::refresh);
    connect(m_startTarget, &QDoubleSpinBox::valueChanged, this, &ScenarioEditor::refresh);
    connect(m_duration, &QSpinBox::valueChanged, this, &ScenarioEditor::refresh);
    connect(m_threads, &QSpinBox::valueChanged, this, &ScenarioEditor::refresh);
    connect(m_policy, &QComboBox::currentIndexChanged, this, &ScenarioEditor::refresh);
    return card;
}

QString ScenarioEditor::targetUrl() const
{
    if (m_target->currentIndex() == kEmbeddedTarget)
        return m_embeddedUrl.isEmpty() ? QStringLiteral("http://127.0.0.1:8080") : m_embeddedUrl;
    if (m_target->currentIndex() == kTierTarget)
        return m_tierUrl;
    return m_url->text().trimmed();
}

void ScenarioEditor::modelChanged()
{
    const auto model = LoadModel(m_model->currentIndex());
    const bool open = loadgen::isOpenModel(model);
    const bool ramping = loadgen::isRampingModel(model);
    m_modelNote->setText(modelAliases(model));
    m_connections->setToolTip(open ? tr("Opened at the start; requests wait for a free one.")
                                   : tr("Each sends its next request when its answer arrives."));
    m_loadForm->setRowVisible(m_rate, model == LoadModel::ConstantArrivalRate);
    m_loadForm->setRowVisible(m_startTarget, ramping);
    m_loadForm->setRowVisible(m_duration, !ramping);
    m_loadForm->setRowVisible(m_policy, open);
    m_startTarget->setSuffix(open ? tr(" requests/s") : tr(" connections"));
    m_stagesCard->setEnabled(ramping);
    refresh();
}

void ScenarioEditor::refresh()
{
    const auto model = LoadModel(m_model->currentIndex());
    const bool open = loadgen::isOpenModel(model);
    m_stages->setStart(m_startTarget->value(), open ? tr("requests/s") : tr("connections"));

    const bool embedded = m_target->currentIndex() == kEmbeddedTarget;
    const bool tier = m_target->currentIndex() == kTierTarget;
    m_url->setVisible(!embedded && !tier);
    m_targetNote->setText(
        embedded
            ? (m_embeddedUrl.isEmpty() ? tr("The embedded backend is not running: start it "
                                            "on the API page, or choose another server.")
                                       : tr("The API this console runs, at %1.").arg(m_embeddedUrl))
        : tier ? tr("The tier \"%1\" that is up (Tiers page), at %2.").arg(m_tierName, m_tierUrl)
               : tr("Any http:// server; a tier's nginx, for instance."));

    m_problems.clear();
    if (embedded && m_embeddedUrl.isEmpty())
        m_problems << tr("Target: the embedded backend is not running");
    m_problems << m_mix->errors();
    if (loadgen::isRampingModel(model))
        m_problems << m_stages->errors();
    m_problems << m_thresholds->errors();
    const loadgen::Scenario current = scenario();
    if (!m_databaseAvailable && loadgen::needsDatabaseIds(current.mix))
        m_problems << tr("Ids: the database is not running, so no ids can be read from it; "
                         "start it on the Services page or choose another distribution");
    // The engine's own checks, each once: what the editors already said is not repeated. The
    // database's ids are read when the run starts.
    for (const loadgen::LoadError& problem :
         current.validate(loadgen::Scenario::DatabaseIds::ReadAtStart))
        if (!(problem.field == u"stages" && !m_stages->errors().isEmpty()))
            m_problems << problem.text();
    m_problemLabel->setText(m_problems.isEmpty()
                                ? QString()
                                : tr("Cannot start yet:") + u"\n• " + m_problems.join(u"\n• "));
    m_problemLabel->setVisible(!m_problems.isEmpty());
    Q_EMIT changed();
}

void ScenarioEditor::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    for (QLabel* quiet : {m_targetNote, m_modelNote, m_fileLabel})
        setTextColor(quiet, secondaryText(colors));
    setTextColor(m_problemLabel, toneColor(Tone::Bad));
}

} // namespace qaconsole::ui
