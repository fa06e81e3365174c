#include "ui/loadtest/mixeditor.h"

#include "ui/shell/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <limits>

namespace qaconsole::ui {

namespace {

using loadgen::IdDistribution;
using loadgen::Route;

// The storefront's weights: mostly reads, as its shoppers browse (docs/loadtest.md's example).
constexpr std::array<double, 8> kDefaultWeights{60, 30, 2, 2, 2, 1, 2, 1};
// The full dataset's id ranges (docs/dataset.md).
constexpr int kProductMax = 1'000'011;
constexpr int kQuestionMax = 3'518'963;
constexpr int kAnswerMax = 6'879'306;

QSpinBox* idSpin(const QString& name, int value)
{
    auto* spin = new QSpinBox;
    spin->setObjectName(name);
    spin->setRange(1, std::numeric_limits<int>::max());
    spin->setGroupSeparatorShown(true);
    spin->setValue(value);
    return spin;
}

} // namespace

MixEditor::MixEditor(QWidget* parent) : QWidget(parent)
{
    for (int i = 0; i < kRoutes; ++i) {
        m_templates[std::size_t(i)].route = Route(i);
        m_templates[std::size_t(i)].weight = kDefaultWeights[std::size_t(i)];
    }
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("mixModeCombo"));
    m_mode->addItem(tr("Storefront mix: the eight Q&A routes"));
    m_mode->addItem(tr("Single URL: every request GETs one path"));
    m_panels = new QStackedWidget(this);
    m_panels->addWidget(createMixPanel());
    m_panels->addWidget(createSinglePanel());

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_mode);
    layout->addWidget(m_panels, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_panels->setCurrentIndex(index);
        validate();
    });
    validate();
}

bool MixEditor::isSingleUrl() const
{
    return m_mode->currentIndex() == 1;
}

loadgen::RequestMix MixEditor::mix() const
{
    loadgen::RequestMix mix;
    if (isSingleUrl())
        return mix;
    mix.name = m_name.isEmpty() ? QStringLiteral("storefront") : m_name;
    mix.checks = m_checks;
    for (int row = 0; row < kRoutes; ++row) {
        const QTableWidgetItem* route = m_table->item(row, 0);
        const QTableWidgetItem* weight = m_table->item(row, 1);
        if (route->checkState() != Qt::Checked)
            continue;
        loadgen::RouteSpec spec = m_templates[std::size_t(row)];
        spec.weight = weight->text().toDouble();
        // The editor shows the highest ids only; a lowest one from a file is kept.
        const std::int64_t min = spec.ids.min;
        spec.ids = idsFor(loadgen::routeIdKind(spec.route));
        if (min > 1 && min <= spec.ids.max)
            spec.ids.min = min;
        mix.routes.push_back(spec);
    }
    return mix;
}

QString MixEditor::singlePath() const
{
    const QString path = m_path->text().trimmed();
    return path.isEmpty() ? QStringLiteral("/") : path;
}

QStringList MixEditor::errors() const
{
    return m_errors;
}

void MixEditor::setMix(const loadgen::RequestMix& mix)
{
    m_name = mix.name;
    m_checks = mix.checks;
    const QSignalBlocker blocker(m_table);
    for (int row = 0; row < kRoutes; ++row)
        m_table->item(row, 0)->setCheckState(Qt::Unchecked);
    bool idsShown = false;
    for (const loadgen::RouteSpec& spec : mix.routes) {
        if (spec.route == Route::Get)
            continue; // a plain GET inside a mix has no row here; the mix keeps the Q&A routes
        const int row = int(spec.route);
        m_templates[std::size_t(row)] = spec;
        m_table->item(row, 0)->setCheckState(Qt::Checked);
        m_table->item(row, 1)->setText(QString::number(spec.weight));
        const QString kind = loadgen::routeIdKind(spec.route);
        QSpinBox* max = kind == u"product"    ? m_productMax
                        : kind == u"question" ? m_questionMax
                                              : m_answerMax;
        const bool list = spec.ids.kind == IdDistribution::Kind::List && !spec.ids.values.empty();
        if (spec.ids.kind != IdDistribution::Kind::Database) // it has no range to show
            max->setValue(
                int(list ? *std::max_element(spec.ids.values.begin(), spec.ids.values.end())
                         : spec.ids.max));
        if (!idsShown && !list) {
            idsShown = true;
            if (const int index = m_distribution->findData(int(spec.ids.kind)); index >= 0)
                m_distribution->setCurrentIndex(index);
            m_exponent->setValue(spec.ids.exponent);
            m_sample->setValue(spec.ids.sample);
        }
    }
    m_mode->setCurrentIndex(0);
    validate();
}

void MixEditor::setSingleUrl(const QString& path)
{
    m_path->setText(path);
    m_mode->setCurrentIndex(1);
    validate();
}

QWidget* MixEditor::createMixPanel()
{
    auto* panel = new QWidget;
    m_table = new QTableWidget(kRoutes, 2, panel);
    m_table->setObjectName(QStringLiteral("mixTable"));
    m_table->setHorizontalHeaderLabels({tr("Route"), tr("Weight")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(24);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setMinimumHeight(24 * kRoutes + m_table->horizontalHeader()->sizeHint().height() + 4);
    for (int row = 0; row < kRoutes; ++row) {
        const loadgen::RouteSpec& spec = m_templates[std::size_t(row)];
        auto* route = new QTableWidgetItem(spec.label());
        route->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        route->setCheckState(Qt::Checked);
        route->setToolTip(
            tr("%1: ids of %2s")
                .arg(loadgen::routeName(spec.route), loadgen::routeIdKind(spec.route)));
        m_table->setItem(row, 0, route);
        auto* weight = new QTableWidgetItem(QString::number(spec.weight));
        weight->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_table->setItem(row, 1, weight);
    }
    connect(m_table, &QTableWidget::itemChanged, this, &MixEditor::validate);

    m_distribution = new QComboBox(panel);
    m_distribution->setObjectName(QStringLiteral("idDistributionCombo"));
    // A list of ids has no entry: it comes from a file, and setMix() shows its largest id.
    m_distribution->addItem(tr("Uniform over the whole range"), int(IdDistribution::Kind::Uniform));
    m_distribution->addItem(tr("Last 10% of the range (the newest rows)"),
                            int(IdDistribution::Kind::Last10));
    m_distribution->addItem(tr("Zipf: a few ids very often"), int(IdDistribution::Kind::Zipf));
    m_distribution->addItem(tr("Ids read from the database"), int(IdDistribution::Kind::Database));
    m_distribution->setCurrentIndex(m_distribution->findData(int(IdDistribution::Kind::Last10)));
    m_sample = new QSpinBox(panel);
    m_sample->setObjectName(QStringLiteral("databaseSampleSpin"));
    m_sample->setRange(1, IdDistribution::kMaxSample);
    m_sample->setGroupSeparatorShown(true);
    m_sample->setValue(IdDistribution::kDefaultSample);
    m_sample->setPrefix(tr("up to "));
    m_sample->setSuffix(tr(" each"));
    m_sample->setToolTip(tr("How many product, question and answer ids are read (each)."));
    m_databaseNote = new QLabel(panel);
    m_databaseNote->setObjectName(QStringLiteral("databaseIdsNote"));
    m_databaseNote->setWordWrap(true);
    m_databaseNote->setText(tr("Read when the run starts: random products with questions, "
                               "questions and answers of the database. Every id exists."));
    setTextColor(m_databaseNote, secondaryText(QApplication::palette(this)));
    m_exponent = new QDoubleSpinBox(panel);
    m_exponent->setObjectName(QStringLiteral("zipfExponentSpin"));
    m_exponent->setRange(0.1, 10);
    m_exponent->setSingleStep(0.1);
    m_exponent->setValue(1.0);
    m_exponent->setPrefix(tr("s = "));
    m_exponent->setToolTip(tr("Zipf exponent: rank k is drawn with probability ∝ 1/k^s."));
    m_productMax = idSpin(QStringLiteral("productMaxSpin"), kProductMax);
    m_questionMax = idSpin(QStringLiteral("questionMaxSpin"), kQuestionMax);
    m_answerMax = idSpin(QStringLiteral("answerMaxSpin"), kAnswerMax);

    auto* distribution = new QHBoxLayout;
    distribution->addWidget(m_distribution, 1);
    distribution->addWidget(m_exponent);
    distribution->addWidget(m_sample);
    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(12);
    form->addRow(tr("Ids"), distribution);
    form->addRow(QString(), m_databaseNote);
    form->addRow(tr("Products up to"), m_productMax);
    form->addRow(tr("Questions up to"), m_questionMax);
    form->addRow(tr("Answers up to"), m_answerMax);

    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_table);
    layout->addLayout(form);

    connect(m_distribution, &QComboBox::currentIndexChanged, this, &MixEditor::distributionChanged);
    for (QSpinBox* spin : {m_productMax, m_questionMax, m_answerMax, m_sample})
        connect(spin, &QSpinBox::valueChanged, this, &MixEditor::changed);
    distributionChanged();
    connect(m_exponent, &QDoubleSpinBox::valueChanged, this, &MixEditor::changed);
    return panel;
}

QWidget* MixEditor::createSinglePanel()
{
    auto* panel = new QWidget;
    m_path = new QLineEdit(QStringLiteral("/"), panel);
    m_path->setObjectName(QStringLiteral("singlePathEdit"));
    m_path->setPlaceholderText(QStringLiteral("/qa/questions?product_id=1"));
    auto* note = new QLabel(tr("Every request is a GET of this path on the target: for any HTTP "
                               "server, not only the Q&A API."),
                            panel);
    note->setWordWrap(true);
    auto* form = new QFormLayout(panel);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Path"), m_path);
    form->addRow(note);
    connect(m_path, &QLineEdit::textChanged, this, &MixEditor::validate);
    return panel;
}

loadgen::IdDistribution MixEditor::idsFor(const QString& kind) const
{
    IdDistribution ids;
    ids.kind = distributionKind();
    ids.exponent = m_exponent->value();
    ids.sample = m_sample->value();
    const QSpinBox* max = kind == u"product"    ? m_productMax
                          : kind == u"question" ? m_questionMax
                                                : m_answerMax;
    ids.min = 1;
    ids.max = max->value();
    return ids;
}

void MixEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        setTextColor(m_databaseNote, secondaryText(QApplication::palette(this)));
    QWidget::changeEvent(event);
}

IdDistribution::Kind MixEditor::distributionKind() const
{
    return IdDistribution::Kind(m_distribution->currentData().toInt());
}

// Only what the chosen distribution takes is shown; the ranges stay, greyed, for a switch back.
void MixEditor::distributionChanged()
{
    const IdDistribution::Kind kind = distributionKind();
    const bool database = kind == IdDistribution::Kind::Database;
    m_exponent->setVisible(kind == IdDistribution::Kind::Zipf);
    m_sample->setVisible(database);
    m_databaseNote->setVisible(database);
    for (QSpinBox* max : {m_productMax, m_questionMax, m_answerMax})
        max->setEnabled(!database);
    validate();
}

void MixEditor::validate()
{
    m_errors.clear();
    if (isSingleUrl()) {
        const QString path = singlePath();
        if (!path.startsWith(u'/') || path.contains(u' '))
            m_errors << tr("Path: must start with / and have no spaces");
    } else {
        int enabled = 0;
        for (int row = 0; row < kRoutes; ++row) {
            if (m_table->item(row, 0)->checkState() != Qt::Checked)
                continue;
            ++enabled;
            bool number = false;
            const double weight = m_table->item(row, 1)->text().toDouble(&number);
            if (!number || !(weight > 0))
                m_errors << tr("Mix: the weight of %1 must be a number above 0")
                                .arg(loadgen::routeName(Route(row)));
        }
        if (enabled == 0)
            m_errors << tr("Mix: tick at least one route");
    }
    Q_EMIT changed();
}

} // namespace qaconsole::ui
