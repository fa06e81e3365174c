#include "ui/capacity/comparesetup.h"

#include "ui/shell/theme.h"
#include "ui/shell/tonecolor.h"
#include "ui/tiers/tierstext.h"

#include <QApplication>
#include <QButtonGroup>
#include <QCheckBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace qaconsole::ui {

namespace {

QDoubleSpinBox* numberSpin(const char* name, double low, double high, int decimals,
                           const QString& suffix, QWidget* parent)
{
    auto* spin = new QDoubleSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(low, high);
    spin->setDecimals(decimals);
    spin->setSuffix(suffix);
    spin->setGroupSeparatorShown(true);
    spin->setAccelerated(true);
    return spin;
}

QSpinBox* secondsSpin(const char* name, int low, int high, QWidget* parent)
{
    auto* spin = new QSpinBox(parent);
    spin->setObjectName(QString::fromLatin1(name));
    spin->setRange(low, high);
    spin->setSuffix(QStringLiteral(" s"));
    return spin;
}

QLabel* sectionLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

CompareSetup::CompareSetup(QWidget* parent) : QWidget(parent)
{
    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("compareProblemsLabel"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setVisible(false);

    // What is compared on the left, how it is measured and for whom on the right.
    auto* what = new QVBoxLayout;
    what->setSpacing(8);
    what->addWidget(sectionLabel(tr("Tiers"), this));
    what->addWidget(createTierBox());
    what->addSpacing(4);
    what->addWidget(sectionLabel(tr("Cache policies"), this));
    what->addWidget(createPolicyBox());
    what->addStretch(1);
    auto* columns = new QHBoxLayout;
    columns->setSpacing(24);
    columns->addLayout(what, 1);
    columns->addWidget(createMeasureBox(), 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(columns);
    layout->addWidget(m_problems);
}

QWidget* CompareSetup::createTierBox()
{
    m_tierList = new QListWidget(this);
    m_tierList->setObjectName(QStringLiteral("compareTierList"));
    m_tierList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tierList->setWordWrap(true);
    m_tierList->setSpacing(2);
    m_tierList->setSelectionMode(QAbstractItemView::NoSelection);
    m_tierList->setFocusPolicy(Qt::StrongFocus);
    m_tierList->setToolTip(tr("The tiers of the tiers file (Tiers page); each is brought up in "
                              "turn, measured, and brought down"));
    connect(m_tierList, &QListWidget::itemChanged, this, &CompareSetup::emitEdited);
    return m_tierList;
}

QWidget* CompareSetup::createPolicyBox()
{
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_ownPolicy = new QRadioButton(tr("Each tier under its own policy"), box);
    m_ownPolicy->setObjectName(QStringLiteral("comparePolicyOwnRadio"));
    m_presetPolicies =
        new QRadioButton(tr("Each cached tier once under each of these presets:"), box);
    m_presetPolicies->setObjectName(QStringLiteral("comparePolicyPresetsRadio"));
    m_presetPolicies->setToolTip(tr("One capacity search per policy: what fresher data costs in "
                                    "capacity. A tier without a cache runs once."));
    auto* group = new QButtonGroup(box);
    group->addButton(m_ownPolicy);
    group->addButton(m_presetPolicies);
    layout->addWidget(m_ownPolicy);
    layout->addWidget(m_presetPolicies);
    auto* presets = new QHBoxLayout;
    presets->setContentsMargins(24, 0, 0, 0);
    presets->setSpacing(16);
    const QStringList names = comparablePolicies();
    for (int index = 0; index < names.size(); ++index) {
        auto* check = new QCheckBox(names.at(index), box);
        check->setObjectName(QStringLiteral("comparePolicyCheck%1").arg(index));
        presets->addWidget(check);
        m_policyChecks << check;
        connect(check, &QCheckBox::toggled, this, &CompareSetup::emitEdited);
    }
    presets->addStretch(1);
    layout->addLayout(presets);
    connect(m_presetPolicies, &QRadioButton::toggled, this, &CompareSetup::policiesChanged);
    return box;
}

QWidget* CompareSetup::createMeasureBox()
{
    m_requests = numberSpin("compareRequestsSpin", 0, 1e13, 0, {}, this);
    m_requests->setSingleStep(1'000'000);
    m_requests->setToolTip(tr("Requests the client expects a month: data transfer, CPU credits "
                              "and the cost per million requests follow from it"));
    m_peak = numberSpin("comparePeakSpin", 0, 1e7, 0, tr(" requests/s"), this);
    m_peak->setSingleStep(100);
    m_peak->setSpecialValueText(tr("none"));
    m_peak->setToolTip(tr("The client's busiest rate: every tier gets one more trial at it, and "
                          "headroom is capacity ÷ peak"));
    m_p99 = numberSpin("compareP99Spin", 1, 60'000, 0, tr(" ms"), this);
    m_p99->setToolTip(tr("Corrected p99 latency (from the intended send time), as the SLO's "
                         "http_req_duration p(99) threshold"));
    m_errorPercent = numberSpin("compareErrorSpin", 0.01, 100, 2, tr(" %"), this);
    m_errorPercent->setSingleStep(0.5);
    m_errorPercent->setToolTip(tr("Failed requests, as the SLO's http_req_failed rate threshold"));
    m_trial = secondsSpin("compareTrialSpin", 1, 600, this);
    m_trial->setToolTip(tr("Each scored trial at a constant arrival rate"));
    m_warmup = secondsSpin("compareWarmupSpin", 0, 120, this);
    m_warmup->setToolTip(tr("Unscored, at the trial's rate, before each trial"));
    m_tolerance = numberSpin("compareToleranceSpin", 0.5, 50, 1, tr(" %"), this);
    m_tolerance->setToolTip(tr("The search stops when the first rate that breaks the SLO is "
                               "within this of the last that met it"));
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("compareFolderEdit"));
    m_folder->setPlaceholderText(tr("a new folder in %1").arg(defaultReportsFolder()));
    m_folder->setToolTip(tr("Where report.html, report.pdf, report.json and each run's trials "
                            "go; empty: a new folder named after the date and time"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(QStringLiteral("compareFolderButton"));

    auto* box = new QWidget(this);
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(8);
    int row = 0;
    const auto pair = [&](const QString& left, QWidget* leftField, const QString& right,
                          QWidget* rightField) {
        grid->addWidget(new QLabel(left, box), row, 0);
        grid->addWidget(leftField, row, 1);
        if (rightField) {
            grid->addWidget(new QLabel(right, box), row, 2);
            grid->addWidget(rightField, row, 3);
        }
        ++row;
    };
    grid->addWidget(sectionLabel(tr("Client"), box), row++, 0, 1, 4);
    pair(tr("Requests a month"), m_requests, tr("Peak"), m_peak);
    grid->addWidget(sectionLabel(tr("SLO (each trial must hold both)"), box), row++, 0, 1, 4);
    pair(tr("p99 under"), m_p99, tr("Errors under"), m_errorPercent);
    grid->addWidget(sectionLabel(tr("Search"), box), row++, 0, 1, 4);
    pair(tr("Trial"), m_trial, tr("Warm-up"), m_warmup);
    pair(tr("Tolerance"), m_tolerance, {}, nullptr);
    grid->addWidget(sectionLabel(tr("Report folder"), box), row++, 0, 1, 4);
    grid->setRowStretch(row + 1, 1);
    auto* folderRow = new QHBoxLayout;
    folderRow->setSpacing(8);
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);
    grid->addLayout(folderRow, row++, 0, 1, 5);
    // The fields keep their natural width on a wide window; the room goes right of them.
    grid->setColumnStretch(4, 1);

    for (QDoubleSpinBox* spin : {m_requests, m_peak, m_p99, m_errorPercent, m_tolerance})
        connect(spin, &QDoubleSpinBox::valueChanged, this, &CompareSetup::emitEdited);
    for (QSpinBox* spin : {m_trial, m_warmup})
        connect(spin, &QSpinBox::valueChanged, this, &CompareSetup::emitEdited);
    connect(m_folder, &QLineEdit::textChanged, this, &CompareSetup::emitEdited);
    connect(m_browse, &QPushButton::clicked, this, &CompareSetup::browseFolder);
    return box;
}

void CompareSetup::showChoices(const QList<tier::TierSpec>& tiers, const CompareChoices& choices)
{
    m_showing = true;
    m_hidden = choices;
    while (m_tierList->count() > tiers.size())
        delete m_tierList->takeItem(m_tierList->count() - 1);
    while (m_tierList->count() < tiers.size())
        m_tierList->addItem(QString());
    for (int i = 0; i < tiers.size(); ++i) {
        const tier::TierSpec& spec = tiers.at(i);
        QListWidgetItem* item = m_tierList->item(i);
        item->setText(
            QStringLiteral("%1\n%2, %3").arg(spec.name, topologyText(spec), cacheText(spec)));
        item->setData(Qt::UserRole, spec.name);
        item->setToolTip(spec.notes);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(choices.tiers.contains(spec.name) ? Qt::Checked : Qt::Unchecked);
    }
    // Tall enough for every tier of a short list, without a scroll bar.
    const int rows = std::clamp(int(tiers.size()), 1, 6);
    const int rowHeight = m_tierList->count() > 0 ? m_tierList->sizeHintForRow(0) + 2
                                                  : 2 * m_tierList->fontMetrics().height() + 8;
    m_tierList->setFixedHeight(rows * rowHeight + 2 * m_tierList->frameWidth() + 4);
    const bool presets = !choices.policies.isEmpty();
    m_presetPolicies->setChecked(presets);
    m_ownPolicy->setChecked(!presets);
    const QStringList names = comparablePolicies();
    for (int index = 0; index < m_policyChecks.size(); ++index)
        m_policyChecks.at(index)->setChecked(choices.policies.contains(names.at(index)));
    m_requests->setValue(choices.requestsPerMonth);
    m_peak->setValue(choices.peakRps);
    m_p99->setValue(choices.sloP99Ms);
    m_errorPercent->setValue(choices.sloErrorPercent);
    m_trial->setValue(choices.trialSeconds);
    m_warmup->setValue(choices.warmupSeconds);
    m_tolerance->setValue(choices.tolerancePercent);
    if (m_folder->text().trimmed() != choices.outputFolder) // not while typing a space
        m_folder->setText(choices.outputFolder);
    policiesChanged();
    m_showing = false;
}

CompareChoices CompareSetup::choices() const
{
    CompareChoices choices = m_hidden;
    choices.tiers.clear();
    for (int i = 0; i < m_tierList->count(); ++i) {
        if (m_tierList->item(i)->checkState() == Qt::Checked)
            choices.tiers << m_tierList->item(i)->data(Qt::UserRole).toString();
    }
    choices.policies.clear();
    if (m_presetPolicies->isChecked()) {
        const QStringList names = comparablePolicies();
        for (int index = 0; index < m_policyChecks.size(); ++index) {
            if (m_policyChecks.at(index)->isChecked())
                choices.policies << names.at(index);
        }
    }
    choices.requestsPerMonth = m_requests->value();
    choices.peakRps = m_peak->value();
    choices.sloP99Ms = m_p99->value();
    choices.sloErrorPercent = m_errorPercent->value();
    choices.trialSeconds = m_trial->value();
    choices.warmupSeconds = m_warmup->value();
    choices.tolerancePercent = m_tolerance->value();
    choices.outputFolder = m_folder->text().trimmed();
    return choices;
}

void CompareSetup::setLocked(bool locked)
{
    for (QWidget* field : std::initializer_list<QWidget*>{
             m_tierList, m_ownPolicy, m_presetPolicies, m_requests, m_peak, m_p99, m_errorPercent,
             m_trial, m_warmup, m_tolerance, m_folder, m_browse})
        field->setEnabled(!locked);
    for (QCheckBox* check : m_policyChecks)
        check->setEnabled(!locked && m_presetPolicies->isChecked());
}

void CompareSetup::setProblems(const QStringList& problems)
{
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    setTextColor(m_problems, toneColor(Tone::Bad));
}

void CompareSetup::policiesChanged()
{
    const bool presets = m_presetPolicies->isChecked();
    for (QCheckBox* check : m_policyChecks)
        check->setEnabled(presets && m_presetPolicies->isEnabled());
    // Choosing to compare presets with none ticked would compare nothing new: tick the two ends.
    if (presets && !m_showing &&
        std::none_of(m_policyChecks.begin(), m_policyChecks.end(),
                     [](const QCheckBox* check) { return check->isChecked(); })) {
        m_policyChecks.first()->setChecked(true);
        m_policyChecks.last()->setChecked(true);
    }
    emitEdited();
}

void CompareSetup::browseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(
        this, tr("Report folder"),
        m_folder->text().isEmpty() ? defaultReportsFolder() : m_folder->text());
    if (!folder.isEmpty())
        m_folder->setText(folder);
}

void CompareSetup::emitEdited()
{
    if (!m_showing)
        Q_EMIT edited();
}

} // namespace qaconsole::ui
