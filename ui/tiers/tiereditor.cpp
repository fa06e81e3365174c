#include "ui/tiers/tiereditor.h"

#include "backend/cache/cachepolicy.h"
#include "ui/shell/theme.h"
#include "ui/shell/tonecolor.h"

#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>

namespace qaconsole::ui {

namespace {

// The policy combo's last entry: a file instead of a preset.
int policyFileIndex()
{
    return cache::kPresetCount;
}

} // namespace

TierEditor::TierEditor(QWidget* parent) : QWidget(parent)
{
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("tierNameEdit"));
    m_name->setMaxLength(80);
    m_instances = new QSpinBox(this);
    m_instances->setObjectName(QStringLiteral("tierInstancesSpin"));
    m_instances->setRange(1, tier::kMaxTierInstances);
    m_threads = new QSpinBox(this);
    m_threads->setObjectName(QStringLiteral("tierThreadsSpin"));
    m_threads->setRange(1, tier::kMaxTierThreads);
    m_threads->setToolTip(tr("Worker threads of each instance"));
    m_cache = new QComboBox(this);
    m_cache->setObjectName(QStringLiteral("tierCacheCombo"));
    m_cache->addItems({tr("Off"), tr("In-process memory only"), tr("Memory + Redis (shared)")});
    m_policy = new QComboBox(this);
    m_policy->setObjectName(QStringLiteral("tierPolicyCombo"));
    for (int preset = 0; preset < cache::kPresetCount; ++preset)
        m_policy->addItem(cache::presetName(cache::PolicyPreset(preset)));
    m_policy->addItem(tr("A policy file…"));
    m_policyFile = new QLineEdit(this);
    m_policyFile->setObjectName(QStringLiteral("tierPolicyFileEdit"));
    m_policyFile->setPlaceholderText(tr("policy.json (relative to the tiers file)"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_policyFileRow = new QWidget(this);
    auto* fileRow = new QHBoxLayout(m_policyFileRow);
    fileRow->setContentsMargins(0, 0, 0, 0);
    fileRow->addWidget(m_policyFile, 1);
    fileRow->addWidget(m_browse);
    m_balancer = new QComboBox(this);
    m_balancer->setObjectName(QStringLiteral("tierBalancerCombo"));
    m_balancer->addItems({tr("None (one instance)"), tr("nginx")});
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("tierNotesEdit"));
    m_notes->setPlaceholderText(tr("What this tier is, for the client"));
    m_notes->setFixedHeight(m_notes->fontMetrics().lineSpacing() * 3 + 12);
    m_notes->setTabChangesFocus(true);
    m_errors = new QLabel(this);
    m_errors->setObjectName(QStringLiteral("tierErrorsLabel"));
    m_errors->setWordWrap(true);
    m_errors->setTextFormat(Qt::PlainText);
    m_errors->setVisible(false);

    m_form = new QFormLayout(this);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(8);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("Name"), m_name);
    auto* sizes = new QHBoxLayout;
    sizes->setSpacing(8);
    sizes->addWidget(m_instances);
    sizes->addSpacing(12);
    sizes->addWidget(new QLabel(tr("Threads each"), this));
    sizes->addWidget(m_threads);
    sizes->addStretch(1);
    m_form->addRow(tr("Instances"), sizes);
    m_form->addRow(tr("Cache"), m_cache);
    m_form->addRow(tr("Policy"), m_policy);
    m_form->addRow(QString(), m_policyFileRow);
    m_form->addRow(tr("Balancer"), m_balancer);
    m_form->addRow(tr("Notes"), m_notes);
    m_form->addRow(m_errors);

    const auto changed = [this] {
        if (!m_showing)
            Q_EMIT edited();
    };
    connect(m_name, &QLineEdit::textChanged, this, changed);
    connect(m_instances, &QSpinBox::valueChanged, this, changed);
    connect(m_threads, &QSpinBox::valueChanged, this, changed);
    connect(m_cache, &QComboBox::currentIndexChanged, this, &TierEditor::cacheChanged);
    connect(m_cache, &QComboBox::currentIndexChanged, this, changed);
    connect(m_policy, &QComboBox::currentIndexChanged, this, &TierEditor::cacheChanged);
    connect(m_policy, &QComboBox::currentIndexChanged, this, changed);
    connect(m_policyFile, &QLineEdit::textChanged, this, changed);
    connect(m_balancer, &QComboBox::currentIndexChanged, this, changed);
    connect(m_notes, &QPlainTextEdit::textChanged, this, changed);
    connect(m_browse, &QPushButton::clicked, this, &TierEditor::browsePolicyFile);
    cacheChanged();
}

void TierEditor::setSpec(const tier::TierSpec& spec)
{
    m_showing = true;
    m_name->setText(spec.name);
    m_instances->setValue(spec.instances);
    m_threads->setValue(spec.threads);
    m_cache->setCurrentIndex(int(spec.cache));
    int policy = spec.policyFile.isEmpty() ? 1 : policyFileIndex(); // Balanced by default
    for (int preset = 0; preset < cache::kPresetCount; ++preset) {
        if (cache::presetName(cache::PolicyPreset(preset)) == spec.policyPreset)
            policy = preset;
    }
    m_policy->setCurrentIndex(policy);
    m_policyFile->setText(spec.policyFile);
    m_balancer->setCurrentIndex(int(spec.balancer));
    if (m_notes->toPlainText() != spec.notes)
        m_notes->setPlainText(spec.notes);
    cacheChanged();
    m_showing = false;
}

tier::TierSpec TierEditor::spec() const
{
    tier::TierSpec spec;
    spec.name = m_name->text();
    spec.instances = m_instances->value();
    spec.threads = m_threads->value();
    spec.cache = tier::TierCache(m_cache->currentIndex());
    if (spec.cache != tier::TierCache::Off) {
        if (m_policy->currentIndex() == policyFileIndex())
            spec.policyFile = m_policyFile->text().trimmed();
        else
            spec.policyPreset = m_policy->currentText();
    }
    spec.balancer = tier::TierBalancer(m_balancer->currentIndex());
    spec.notes = m_notes->toPlainText();
    return spec;
}

void TierEditor::setErrors(const QList<core::FieldError>& errors)
{
    const QPalette colors = QApplication::palette(this);
    const struct
    {
        const char* field;
        QWidget* widget;
    } fields[] = {{"name", m_name},         {"instances", m_instances},
                  {"threads", m_instances}, {"cache", m_cache},
                  {"policy", m_policy},     {"policy_file", m_policyFileRow},
                  {"balancer", m_balancer}, {"notes", m_notes}};
    QStringList lines;
    for (const auto& field : fields) {
        bool wrong = false;
        for (const core::FieldError& error : errors)
            wrong = wrong || error.field == QLatin1String(field.field);
        if (QWidget* label = m_form->labelForField(field.widget))
            setTextColor(label, wrong ? toneColor(Tone::Bad) : colors.color(QPalette::WindowText));
    }
    for (const core::FieldError& error : errors)
        lines << error.text();
    m_errors->setText(lines.join(u'\n'));
    setTextColor(m_errors, toneColor(Tone::Bad));
    m_errors->setVisible(!lines.isEmpty());
}

void TierEditor::cacheChanged()
{
    const bool cached = m_cache->currentIndex() != int(tier::TierCache::Off);
    m_policy->setEnabled(cached);
    m_form->setRowVisible(m_policyFileRow, cached && m_policy->currentIndex() == policyFileIndex());
}

void TierEditor::browsePolicyFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Cache policy file"), QString(),
                                                      tr("Cache policies (*.json)"));
    if (!path.isEmpty())
        m_policyFile->setText(path);
}

} // namespace qaconsole::ui
