#include "ui/tiers/tierspage.h"

#include "ui/api/apitext.h"
#include "ui/shell/busyindicator.h"
#include "ui/shell/cardframe.h"
#include "ui/shell/figuregrid.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/statusbanner.h"
#include "ui/shell/theme.h"
#include "ui/tiers/tiereditor.h"
#include "ui/tiers/tierschart.h"
#include "ui/tiers/tierscontroller.h"
#include "ui/tiers/tierstext.h"
#include "ui/tiers/topologyview.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

const QString noValue = QStringLiteral("—");

QString percentText(const std::optional<double>& percent)
{
    return percent ? QStringLiteral("%1 %").arg(*percent, 0, 'f', 0) : noValue;
}

TopologyBox serviceBox(const QString& title, const std::optional<stack::ServiceStatus>& status)
{
    if (!status)
        return {title, unknownStatePresentation().label, Tone::Neutral, {}};
    const StatePresentation state = statePresentation(status->state);
    return {title, state.label, state.tone, {status->address}};
}

} // namespace

TiersPage::TiersPage(TiersController& controller, QWidget* parent)
    : Page(parent), m_controller(controller)
{
    setObjectName(QStringLiteral("tiersPage"));

    auto* top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(createListCard(), 2);
    top->addWidget(createEditorCard(), 3);

    auto* cards = new QWidget;
    cards->setAutoFillBackground(false);
    auto* layout = new QVBoxLayout(cards);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addLayout(top);
    layout->addWidget(createRunCard(), 1);
    setScrollingContent(tr("Runs a tier on this machine (instances behind nginx, sharing Redis and "
                           "PostgreSQL), shows each part live, and breaks it on purpose."),
                        cards);

    connect(&m_controller, &TiersController::listChanged, this, &TiersPage::showList);
    connect(&m_controller, &TiersController::runChanged, this, &TiersPage::showRun);
    connect(&m_controller, &TiersController::sampled, this, &TiersPage::showFigures);
    applyPalette();
    showList();
    m_list->setCurrentRow(0);
    showRun();
}

TiersPage::~TiersPage() = default;

QString TiersPage::title() const
{
    return tr("Tiers");
}

QIcon TiersPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/tiers.svg"));
}

void TiersPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    Page::changeEvent(event);
}

QWidget* TiersPage::createListCard()
{
    auto* card = new CardFrame(tr("Tiers"));
    card->setObjectName(QStringLiteral("tierListCard"));
    m_list = new QListWidget(card);
    m_list->setObjectName(QStringLiteral("tierList"));
    m_list->setMinimumHeight(150);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setWordWrap(true);
    m_list->setSpacing(3);
    auto* add = new QPushButton(tr("Add"), card);
    add->setObjectName(QStringLiteral("tierAddButton"));
    m_duplicate = new QPushButton(tr("Duplicate"), card);
    m_duplicate->setObjectName(QStringLiteral("tierDuplicateButton"));
    m_delete = new QPushButton(tr("Delete…"), card);
    m_delete->setObjectName(QStringLiteral("tierDeleteButton"));
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(add);
    buttons->addWidget(m_duplicate);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    card->contentLayout()->addWidget(m_list, 1);
    card->contentLayout()->addLayout(buttons);

    connect(m_list, &QListWidget::currentRowChanged, this, &TiersPage::showSelected);
    connect(add, &QPushButton::clicked, this,
            [this] { m_list->setCurrentRow(m_controller.addTier()); });
    connect(m_duplicate, &QPushButton::clicked, this,
            [this] { m_list->setCurrentRow(m_controller.duplicateTier(currentIndex())); });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        const int index = currentIndex();
        if (index < 0)
            return;
        const QString name = m_controller.list().tiers().at(index).name;
        if (QMessageBox::question(
                this, tr("Delete a tier"),
                tr("Delete \"%1\" from the list? Save writes the file.").arg(name),
                QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
            return;
        m_controller.removeTier(index);
        m_list->setCurrentRow(std::min(index, m_list->count() - 1));
    });
    return card;
}

QWidget* TiersPage::createEditorCard()
{
    auto* card = new CardFrame(tr("Tier"));
    card->setObjectName(QStringLiteral("tierEditorCard"));
    m_editor = new TierEditor(card);
    m_save = new QPushButton(tr("Save"), card);
    m_save->setObjectName(QStringLiteral("tierSaveButton"));
    m_revert = new QPushButton(tr("Revert"), card);
    m_revert->setObjectName(QStringLiteral("tierRevertButton"));
    m_revert->setToolTip(tr("Read the tiers file again; changes not saved are lost"));
    m_fileLabel = new QLabel(card);
    m_fileLabel->setObjectName(QStringLiteral("tierFileLabel"));
    m_fileLabel->setWordWrap(true);
    m_fileLabel->setTextFormat(Qt::PlainText);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_fileLabel, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    card->contentLayout()->addWidget(m_editor);
    card->contentLayout()->addStretch(1);
    card->contentLayout()->addLayout(buttons);

    connect(m_editor, &TierEditor::edited, this,
            [this] { m_controller.changeTier(currentIndex(), m_editor->spec()); });
    connect(m_save, &QPushButton::clicked, this, [this] { m_controller.save(); });
    connect(m_revert, &QPushButton::clicked, this, [this] {
        const int index = currentIndex();
        m_controller.reload();
        m_list->setCurrentRow(std::min(index, m_list->count() - 1));
    });
    return card;
}

QWidget* TiersPage::createRunCard()
{
    auto* card = new CardFrame(tr("Running"));
    card->setObjectName(QStringLiteral("tierRunCard"));
    m_runCard = card;
    m_runState = new QLabel(card);
    m_runState->setObjectName(QStringLiteral("tierRunStateLabel"));
    m_runState->setTextFormat(Qt::PlainText);
    m_busy = new BusyIndicator(card);
    m_up = new QPushButton(QIcon(QStringLiteral(":/icons/start.svg")), tr("Up"), card);
    m_up->setObjectName(QStringLiteral("tierUpButton"));
    m_down = new QPushButton(QIcon(QStringLiteral(":/icons/stop.svg")), tr("Down"), card);
    m_down->setObjectName(QStringLiteral("tierDownButton"));
    m_down->setToolTip(tr("Stops nginx, then the instances; PostgreSQL and Redis keep running"));
    auto* header = new QHBoxLayout;
    header->setSpacing(8);
    header->addWidget(m_runState);
    header->addWidget(m_busy);
    header->addStretch(1);
    header->addWidget(m_up);
    header->addWidget(m_down);

    m_notice = new StatusBanner(QStringLiteral("tierNotice"), card);
    m_totals = new FigureGrid(card, {.large = true, .selectable = true});
    m_requestRate = m_totals->addFigure(tr("Requests/s"), QStringLiteral("tierRequestRateLabel"));
    m_errorRate = m_totals->addFigure(tr("5xx errors/s"), QStringLiteral("tierErrorRateLabel"));
    m_p99 = m_totals->addFigure(tr("p99 latency"), QStringLiteral("tierP99Label"));
    m_hitRatio = m_totals->addFigure(tr("Cache hit ratio"), QStringLiteral("tierHitRatioLabel"));
    m_connections =
        m_totals->addFigure(tr("nginx connections"), QStringLiteral("tierConnectionsLabel"));
    m_topology = new TopologyView(card);
    m_chart = new TiersChart(card);

    QVBoxLayout* content = card->contentLayout();
    content->setSpacing(12);
    content->addLayout(header);
    content->addWidget(m_notice);
    content->addLayout(m_totals);
    content->addSpacing(4);
    content->addWidget(m_topology);
    content->addSpacing(4);
    content->addWidget(m_chart, 1);
    content->addWidget(createFaultRow());

    connect(m_up, &QPushButton::clicked, this, [this] { m_controller.bringUp(currentIndex()); });
    connect(m_down, &QPushButton::clicked, this, [this] { m_controller.bringDown(); });
    return card;
}

QWidget* TiersPage::createFaultRow()
{
    auto* row = new QWidget;
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(8);
    auto* caption = new QLabel(tr("Faults"), row);
    caption->setObjectName(QStringLiteral("tierFaultCaption"));
    m_killInstance = new QSpinBox(row);
    m_killInstance->setObjectName(QStringLiteral("tierKillSpin"));
    m_killInstance->setPrefix(tr("instance "));
    m_killInstance->setRange(1, 1);
    m_kill = new QPushButton(tr("Kill…"), row);
    m_kill->setObjectName(QStringLiteral("tierKillButton"));
    m_kill->setToolTip(tr("SIGKILL: nginx routes around it, the tier's watcher restarts it"));
    m_stopRedis = new QPushButton(tr("Stop Redis…"), row);
    m_stopRedis->setObjectName(QStringLiteral("tierStopRedisButton"));
    m_stopRedis->setToolTip(tr("The instances read from PostgreSQL until Redis is started again "
                               "(Services page)"));
    m_restartPostgres = new QPushButton(tr("Restart PostgreSQL…"), row);
    m_restartPostgres->setObjectName(QStringLiteral("tierRestartPostgresButton"));
    m_restartPostgres->setToolTip(tr("Requests fail while it restarts; the instances reconnect"));
    layout->addWidget(caption);
    layout->addSpacing(4);
    layout->addWidget(m_killInstance);
    layout->addWidget(m_kill);
    layout->addSpacing(12);
    layout->addWidget(m_stopRedis);
    layout->addWidget(m_restartPostgres);
    layout->addStretch(1);
    connect(m_kill, &QPushButton::clicked, this,
            [this] { confirmFault(int(tier::TierFault::KillInstance)); });
    connect(m_stopRedis, &QPushButton::clicked, this,
            [this] { confirmFault(int(tier::TierFault::StopRedis)); });
    connect(m_restartPostgres, &QPushButton::clicked, this,
            [this] { confirmFault(int(tier::TierFault::RestartPostgres)); });
    return row;
}

int TiersPage::currentIndex() const
{
    return m_list->currentRow();
}

void TiersPage::showList()
{
    const QList<tier::TierSpec>& tiers = m_controller.list().tiers();
    const int current = currentIndex();
    const QSignalBlocker blocker(m_list);
    while (m_list->count() > tiers.size())
        delete m_list->takeItem(m_list->count() - 1);
    while (m_list->count() < tiers.size())
        m_list->addItem(QString());
    for (int i = 0; i < tiers.size(); ++i) {
        const tier::TierSpec& spec = tiers.at(i);
        const bool up = m_controller.isUp() && m_controller.status().tierName == spec.name;
        m_list->item(i)->setText(QStringLiteral("%1%2\n%3, %4")
                                     .arg(spec.name, up ? tr("  (up)") : QString(),
                                          topologyText(spec), cacheText(spec)));
        m_list->item(i)->setToolTip(spec.notes);
    }
    m_list->setCurrentRow(std::min(current, int(m_list->count()) - 1));
    const TierList& list = m_controller.list();
    QStringList fileProblems; // those of no tier: the file itself, or writing it
    for (const core::FieldError& error : list.errors()) {
        if (!error.field.startsWith(QStringLiteral("tiers[")))
            fileProblems << error.text();
    }
    m_fileLabel->setText(!fileProblems.isEmpty() ? fileProblems.join(u'\n')
                         : list.isModified()     ? tr("Not saved yet: %1").arg(list.path())
                                                 : list.path());
    setTextColor(m_fileLabel, !fileProblems.isEmpty() ? toneColor(Tone::Bad)
                                                      : secondaryText(QApplication::palette(this)));
    m_save->setEnabled(list.isModified());
    m_revert->setEnabled(list.isModified() || !fileProblems.isEmpty());
    m_editor->setErrors(list.errorsOf(currentIndex()));
    showRun();
}

void TiersPage::showSelected()
{
    const int index = currentIndex();
    const bool chosen = index >= 0 && index < m_controller.list().tiers().size();
    m_editor->setEnabled(chosen);
    m_duplicate->setEnabled(chosen);
    m_delete->setEnabled(chosen);
    if (chosen)
        m_editor->setSpec(m_controller.list().tiers().at(index));
    m_editor->setErrors(m_controller.list().errorsOf(index));
    showRun();
}

void TiersPage::revealRunCard()
{
    for (QWidget* parent = m_runCard->parentWidget(); parent; parent = parent->parentWidget()) {
        if (auto* area = qobject_cast<QScrollArea*>(parent)) {
            area->ensureWidgetVisible(m_runCard, 0, 0);
            return;
        }
    }
}

void TiersPage::showRun()
{
    const TiersController& c = m_controller;
    const int index = currentIndex();
    m_up->setEnabled(c.canBringUp(index));
    m_up->setToolTip(c.upHint(index));
    m_down->setEnabled(c.canBringDown());
    m_busy->setVisible(c.isBusy());
    const tier::TierStatus& status = c.status();
    Tone tone = Tone::Neutral;
    QString state = tr("No tier is up");
    if (c.isBusy()) {
        tone = Tone::Busy;
        state = activityText(c.activity());
    } else if (c.isUp()) {
        tone = status.allRunning() ? Tone::Good : Tone::Bad;
        state = status.allRunning() ? tr("\"%1\" is up at %2").arg(status.tierName, status.url)
                                    : tr("\"%1\" is up, not all running").arg(status.tierName);
    }
    m_runState->setText(state);
    m_runState->setStyleSheet(pillStyleSheet(tone, QApplication::palette(this)));
    const Notice notice = c.notice();
    m_notice->showStatus(notice.tone, notice.text);
    m_notice->setToolTip(notice.details);
    const int instances = c.runningSpec() ? c.runningSpec()->instances : 1;
    m_killInstance->setRange(1, instances);
    const bool faults = c.canInjectFaults();
    m_killInstance->setEnabled(faults);
    m_kill->setEnabled(faults);
    const bool redis = c.runningSpec() && c.runningSpec()->cache == tier::TierCache::MemoryAndRedis;
    m_stopRedis->setEnabled(faults && redis);
    m_restartPostgres->setEnabled(faults);
    if (!c.isUp()) {
        for (QLabel* value : {m_requestRate, m_errorRate, m_p99, m_hitRatio, m_connections})
            value->setText(noValue);
    }
    if (status.tierName != m_chartTier) {
        m_chartTier = status.tierName;
        m_chart->reset();
        // A tier came up (or was found up): show its diagram, which on a small screen starts
        // below the list and the editor.
        if (!m_chartTier.isEmpty())
            revealRunCard();
    }
    showTopology();
}

void TiersPage::showFigures(qint64 atMs)
{
    const std::optional<tier::TierFigures>& figures = m_controller.figures();
    if (!figures)
        return;
    m_requestRate->setText(perSecondText(figures->total.requestsPerSecond));
    m_errorRate->setText(perSecondText(figures->total.errorsPerSecond));
    setTextColor(m_errorRate, figures->total.errorsPerSecond > 0
                                  ? toneColor(Tone::Bad)
                                  : QApplication::palette(this).color(QPalette::WindowText));
    m_p99->setText(figures->total.p99Ms ? latencyText(*figures->total.p99Ms) : noValue);
    m_hitRatio->setText(percentText(figures->hitRatioPercent));
    m_connections->setText(figures->nginxConnections ? QString::number(*figures->nginxConnections)
                                                     : noValue);
    m_chart->addSample(atMs, figures->total.requestsPerSecond, figures->total.errorsPerSecond);
    showTopology();
}

void TiersPage::showTopology()
{
    const TiersController& c = m_controller;
    const int index = currentIndex();
    // The tier that is up, else the one chosen, as it would run.
    std::optional<tier::TierSpec> spec = c.runningSpec();
    if (!c.isUp() && index >= 0 && index < c.list().tiers().size())
        spec = c.list().tiers().at(index);
    if (!spec)
        spec = tier::TierSpec{};
    const std::optional<tier::TierFigures>& figures = c.figures();

    Topology topology;
    const auto processOf = [&c](const QString& name) -> const tier::TierProcess* {
        for (const tier::TierProcess& process : c.status().processes) {
            if (process.name == name)
                return &process;
        }
        return nullptr;
    };
    const auto processBox = [&](const QString& name, const QString& title) {
        TopologyBox box{title, tr("stopped"), Tone::Neutral, {}};
        if (const tier::TierProcess* process = c.isUp() ? processOf(name) : nullptr) {
            box.state = tier::processStateName(process->status.state);
            box.tone = processTone(process->status.state);
            box.lines << (process->status.address.isEmpty() ? noValue : process->status.address);
        }
        return box;
    };
    if (spec->balancer == tier::TierBalancer::Nginx) {
        TopologyBox nginx = processBox(QStringLiteral("nginx"), QStringLiteral("nginx"));
        if (figures && figures->nginxRequestsPerSecond)
            nginx.lines << tr("%1 req/s").arg(perSecondText(*figures->nginxRequestsPerSecond));
        if (figures && figures->nginxConnections)
            nginx.lines << (*figures->nginxConnections == 1
                                ? tr("1 connection")
                                : tr("%1 connections").arg(*figures->nginxConnections));
        topology.balancer = nginx;
    }
    for (int i = 1; i <= spec->instances; ++i) {
        const QString name = QStringLiteral("instance-%1").arg(i);
        TopologyBox box = processBox(name, tr("Instance %1").arg(i));
        for (const tier::InstanceFigures& own :
             figures ? figures->instances : QList<tier::InstanceFigures>{}) {
            if (own.name != name || !own.measured)
                continue;
            box.lines << tr("%1 req/s · %2 err/s")
                             .arg(perSecondText(own.http.requestsPerSecond),
                                  perSecondText(own.http.errorsPerSecond));
            box.lines << tr("p99 %1 · hits %2")
                             .arg(own.http.p99Ms ? latencyText(*own.http.p99Ms) : noValue,
                                  percentText(own.hitRatioPercent));
        }
        topology.instances.append(box);
    }
    if (spec->cache == tier::TierCache::MemoryAndRedis)
        topology.redis = serviceBox(QStringLiteral("Redis"), m_redis);
    topology.postgres = serviceBox(QStringLiteral("PostgreSQL"), m_postgres);
    m_topology->setTopology(topology);
}

void TiersPage::setServiceStatus(const stack::ServiceStatus& status)
{
    (status.kind == stack::ServiceKind::Postgres ? m_postgres : m_redis) = status;
    showTopology();
}

void TiersPage::confirmFault(int which)
{
    const auto fault = tier::TierFault(which);
    const int instance = m_killInstance->value();
    QString question;
    switch (fault) {
    case tier::TierFault::KillInstance:
        question = tr("Kill instance %1 with SIGKILL? nginx sends its requests to the others "
                      "until the watcher has restarted it.")
                       .arg(instance);
        break;
    case tier::TierFault::StopRedis:
        question = tr("Stop Redis? The instances read from PostgreSQL until it is started again "
                      "on the Services page.");
        break;
    case tier::TierFault::RestartPostgres:
        question = tr("Restart PostgreSQL? Requests fail while it restarts; the instances "
                      "reconnect. Other work on the database (a data load) fails too.");
        break;
    }
    if (QMessageBox::question(this, faultText(fault, instance), question,
                              QMessageBox::Yes | QMessageBox::Cancel,
                              QMessageBox::Cancel) == QMessageBox::Yes)
        m_controller.injectFault(fault, instance);
}

void TiersPage::applyPalette()
{
    m_totals->applyPalette(QApplication::palette(this));
    m_topology->update();
}

} // namespace qaconsole::ui
