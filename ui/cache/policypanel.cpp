#include "ui/cache/policypanel.h"

#include "backend/cache/policytext.h"
#include "ui/cache/cachecontroller.h"
#include "ui/cache/messagelabel.h"
#include "ui/cache/policyeditor.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QBoxLayout>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

constexpr int kErrorsShown = 3;
const QString kFileFilter = QStringLiteral("Cache policies (*.json);;All files (*)");

QString presetHint(cache::PolicyPreset preset)
{
    switch (preset) {
    case cache::PolicyPreset::FreshnessFirst:
        return PolicyPanel::tr("Every write shows at once; short TTLs, fewer hits");
    case cache::PolicyPreset::Balanced:
        return PolicyPanel::tr("The default: new content and reports at once, votes may lag "
                               "up to a day");
    case cache::PolicyPreset::ThroughputFirst:
        break;
    }
    return PolicyPanel::tr("Most hits: only reports act at once, the rest waits for the TTL");
}

} // namespace

PolicyPanel::PolicyPanel(CacheController& controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_shownBaseline(controller.baseline()),
      m_editor(new PolicyEditor(this))
{
    m_description = messageLabel(QStringLiteral("cachePolicyDescription"), this);
    m_description->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_description->setMargin(10);
    m_description->setToolTip(tr("What the policy means for the storefront's clients"));

    m_errors = messageLabel(QStringLiteral("cachePolicyErrors"), this);

    // What the policy means sits beside the table when there is room (the table needs far less
    // than a usual window's width), under it otherwise.
    auto* meaning = new QWidget(this);
    auto* meaningLayout = new QVBoxLayout(meaning);
    meaningLayout->setContentsMargins(0, 0, 0, 0);
    meaningLayout->setSpacing(8);
    auto* meaningCaption = new QLabel(tr("What it means for the storefront"), meaning);
    meaningCaption->setObjectName(QStringLiteral("cachePolicyMeaningCaption"));
    QFont captionFont = meaningCaption->font();
    captionFont.setBold(true);
    meaningCaption->setFont(captionFont);
    meaningLayout->addWidget(meaningCaption);
    meaningLayout->addWidget(m_description);
    meaningLayout->addWidget(m_errors);
    meaningLayout->addStretch(1);

    m_body = new QBoxLayout(QBoxLayout::LeftToRight);
    m_body->setSpacing(24);
    m_body->addWidget(m_editor, 0, Qt::AlignTop);
    m_body->addWidget(meaning, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(createPresetRow());
    layout->addSpacing(4);
    layout->addLayout(m_body);
    layout->addSpacing(4);
    layout->addWidget(createButtonRow());

    connect(m_editor, &PolicyEditor::edited, this, &PolicyPanel::edited);
    connect(&m_controller, &CacheController::baselineChanged, this, &PolicyPanel::followBaseline);
    connect(&m_controller, &CacheController::policyShown, m_editor, &PolicyEditor::setPolicy);
    connect(&m_controller, &CacheController::changed, this, &PolicyPanel::present);
    m_editor->setPolicy(m_controller.baseline());
    applyPalette();
}

void PolicyPanel::resizeEvent(QResizeEvent* event)
{
    const bool sideBySide = width() >= m_editor->sizeHint().width() + kMeaningMinWidth + 24;
    m_body->setDirection(sideBySide ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    QWidget::resizeEvent(event);
}

void PolicyPanel::followBaseline(const cache::CachePolicy& policy)
{
    // The controller's baseline is the new one already: what the editor holds is compared with
    // the one before, which the editor shows unless the user changed it.
    const std::optional<cache::CachePolicy> held = m_editor->reading().policy;
    if (held && held->classes == m_shownBaseline.classes)
        m_editor->setPolicy(policy); // edited() presents
    else
        present();
    m_shownBaseline = policy;
}

std::optional<cache::CachePolicy> PolicyPanel::editedPolicy() const
{
    std::optional<cache::CachePolicy> policy = m_editor->reading().policy;
    if (policy)
        policy->name = m_controller.nameFor(*policy);
    return policy;
}

bool PolicyPanel::modified() const
{
    return m_controller.isModified(m_editor->reading().policy);
}

void PolicyPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

QWidget* PolicyPanel::createPresetRow()
{
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    m_presetCaption = new QLabel(tr("Start from a preset:"), row);
    layout->addWidget(m_presetCaption);
    layout->addSpacing(4);
    for (int index = 0; index < cache::kPresetCount; ++index) {
        const auto preset = cache::PolicyPreset(index);
        auto* button = new QPushButton(cache::presetName(preset), row);
        button->setObjectName(QStringLiteral("cachePresetButton%1").arg(index));
        button->setCheckable(true);
        button->setToolTip(presetHint(preset));
        button->setMinimumWidth(130);
        connect(button, &QPushButton::clicked, this,
                [this, preset] { m_editor->setPolicy(cache::presetPolicy(preset)); });
        m_presets.append(button);
        layout->addWidget(button);
    }
    layout->addStretch(1);
    return row;
}

QWidget* PolicyPanel::createButtonRow()
{
    auto* row = new QWidget(this);
    m_load = new QPushButton(tr("Load…"), row);
    m_load->setObjectName(QStringLiteral("cacheLoadButton"));
    m_load->setToolTip(tr("Read a policy file into the editor; nothing is applied yet"));
    m_save = new QPushButton(tr("Save…"), row);
    m_save->setObjectName(QStringLiteral("cacheSaveButton"));
    m_save->setToolTip(tr("Write the editor's policy to a file"));
    m_revert = new QPushButton(tr("Revert"), row);
    m_revert->setObjectName(QStringLiteral("cacheRevertButton"));
    m_revert->setToolTip(tr("Back to the policy in force"));
    m_apply = new QPushButton(tr("Apply"), row);
    m_apply->setObjectName(QStringLiteral("cacheApplyButton"));
    m_apply->setDefault(true);
    m_apply->setToolTip(tr("Put the policy in force on every running backend instance"));
    for (QPushButton* button : {m_load, m_save, m_revert, m_apply})
        button->setMinimumWidth(92);

    m_status = messageLabel(QStringLiteral("cachePolicyStatus"), row);

    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(m_load);
    layout->addWidget(m_save);
    layout->addSpacing(12);
    layout->addWidget(m_status, 1);
    layout->addSpacing(12);
    layout->addWidget(m_revert);
    layout->addWidget(m_apply);

    connect(m_load, &QPushButton::clicked, this, &PolicyPanel::loadFile);
    connect(m_save, &QPushButton::clicked, this, &PolicyPanel::saveFile);
    connect(m_revert, &QPushButton::clicked, &m_controller, &CacheController::revert);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (const auto policy = editedPolicy())
            m_controller.apply(*policy);
    });
    return row;
}

void PolicyPanel::edited()
{
    const DraftReading& reading = m_editor->reading();
    if (reading.policy) {
        m_description->setText(cache::describePolicy(*reading.policy));
        m_errors->clear();
    } else {
        m_description->setText(tr("Fix the values marked in red to see what this policy means "
                                  "for the storefront."));
        QStringList lines;
        for (const cache::PolicyError& error :
             reading.errors.first(std::min<qsizetype>(kErrorsShown, reading.errors.size())))
            lines.append(u"• " + error.text());
        if (reading.errors.size() > kErrorsShown)
            lines.append(tr("… and %n more", nullptr, int(reading.errors.size() - kErrorsShown)));
        m_errors->setText(lines.join(u'\n'));
    }
    m_errors->setVisible(!reading.policy);
    present();
}

void PolicyPanel::loadFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Load a cache policy"), QString(), kFileFilter);
    if (path.isEmpty())
        return;
    const cache::PolicyErrors errors = m_controller.loadPolicyFile(path);
    if (errors.isEmpty())
        return;
    QStringList lines;
    for (const cache::PolicyError& error : errors)
        lines.append(error.text());
    QMessageBox box(QMessageBox::Warning, tr("Load a cache policy"),
                    tr("%1 is not a policy the console can use; nothing was changed.")
                        .arg(QDir::toNativeSeparators(path)),
                    QMessageBox::Ok, this);
    box.setDetailedText(lines.join(u'\n'));
    box.setInformativeText(lines.value(0));
    box.exec();
}

void PolicyPanel::saveFile()
{
    const std::optional<cache::CachePolicy> policy = editedPolicy();
    if (!policy)
        return;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save the cache policy"), QStringLiteral("cache-policy.json"), kFileFilter);
    if (path.isEmpty())
        return;
    const cache::PolicyErrors errors = m_controller.savePolicyFile(path, *policy);
    if (!errors.isEmpty())
        QMessageBox::warning(this, tr("Save the cache policy"),
                             tr("Could not write %1: %2")
                                 .arg(QDir::toNativeSeparators(path), errors.first().message));
}

void PolicyPanel::present()
{
    const DraftReading& reading = m_editor->reading();
    const bool valid = reading.policy.has_value();
    for (int index = 0; index < m_presets.size(); ++index) {
        m_presets[index]->setChecked(valid &&
                                     reading.policy->classes ==
                                         cache::presetPolicy(cache::PolicyPreset(index)).classes);
    }
    const std::optional<cache::CachePolicy>& edited = reading.policy;
    m_save->setEnabled(valid);
    m_revert->setEnabled(m_controller.canRevert(edited));
    m_apply->setEnabled(m_controller.canApply(edited));
    m_apply->setToolTip(m_controller.applyHint(edited));
    // Always laid out, empty or not, so the buttons keep their places.
    const Notice status = m_controller.policyStatus();
    m_status->setText(status.text);
    m_status->setToolTip(status.details);
    applyPalette();
}

void PolicyPanel::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    setTextColor(m_presetCaption, secondaryText(colors));
    setTextColor(m_errors, toneColor(Tone::Bad));
    const Tone tone = m_controller.policyStatus().tone;
    setTextColor(m_status, tone == Tone::Neutral ? secondaryText(colors) : toneColor(tone));
    // The plain-language line sits on a faint tint of the highlight, like a note.
    const QColor tint =
        blend(colors.color(QPalette::Base), colors.color(QPalette::Highlight), 0.07);
    m_description->setStyleSheet(
        QStringLiteral("QLabel { background: %1; border-radius: 6px; }").arg(tint.name()));
}

} // namespace qaconsole::ui
