#include "ui/loadtest/mixeditor.h"

#include "loadgen/builtinmixes.h"
#include "ui/loadtest/loadtesttext.h"
#include "ui/shell/numbertext.h"
#include "ui/shell/statepresentation.h"
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
using loadgen::IdSource;
using loadgen::Route;

constexpr std::array kSources{IdSource::Products, IdSource::Questions, IdSource::Answers};

// 0 reads "unknown": not typed, and not read from a database yet.
QSpinBox* idSpin(const QString& name)
{
    auto* spin = new QSpinBox;
    spin->setObjectName(name);
    spin->setRange(0, std::numeric_limits<int>::max());
    spin->setGroupSeparatorShown(true);
    spin->setSpecialValueText(MixEditor::tr("unknown"));
    spin->setValue(0);
    return spin;
}

} // namespace

MixEditor::MixEditor(QWidget* parent) : QWidget(parent)
{
    for (int i = 0; i < kRoutes; ++i)
        m_templates[std::size_t(i)].route = Route(i);
    const loadgen::RequestMix storefront = loadgen::storefrontMix();
    for (const loadgen::RouteSpec& spec : storefront.routes)
        m_templates[std::size_t(spec.route)] = spec;
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
    setMix(storefront);
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
        const IdSource source = loadgen::idSourceOf(spec.route);
        const bool list = spec.ids.kind == IdDistribution::Kind::List && !spec.ids.values.empty();
        if (spec.ids.kind != IdDistribution::Kind::Database) { // it has no range to show
            // The file's range is the user's: it no longer follows the database.
            m_followsData[std::size_t(source)] = false;
            maxSpin(source)->setValue(int(std::min<std::int64_t>(loadgen::largestId(spec.ids),
                                                                 std::numeric_limits<int>::max())));
        }
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
    m_distribution->setCurrentIndex(m_distribution->findData(int(IdDistribution::Kind::Database)));
    // Sized for a short entry, not the longest: the card shares a 1280 px window with the load
    // settings, and the open list still shows every entry whole.
    m_distribution->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_distribution->setMinimumContentsLength(14);
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
    m_exponent = new QDoubleSpinBox(panel);
    m_exponent->setObjectName(QStringLiteral("zipfExponentSpin"));
    m_exponent->setRange(0.1, 10);
    m_exponent->setSingleStep(0.1);
    m_exponent->setValue(1.0);
    m_exponent->setPrefix(tr("s = "));
    m_exponent->setToolTip(tr("Zipf exponent: rank k is drawn with probability ∝ 1/k^s."));
    m_maxSpins = {idSpin(QStringLiteral("productMaxSpin")),
                  idSpin(QStringLiteral("questionMaxSpin")),
                  idSpin(QStringLiteral("answerMaxSpin"))};
    for (QSpinBox* max : m_maxSpins)
        max->setToolTip(tr("The largest id drawn. It follows the largest id in the database until "
                           "you type one; 0 makes it follow again."));
    m_rangeNote = new QLabel(panel);
    m_rangeNote->setObjectName(QStringLiteral("idRangeNote"));
    m_rangeNote->setWordWrap(true);
    m_rangeNote->setTextFormat(Qt::PlainText);

    auto* distribution = new QHBoxLayout;
    distribution->addWidget(m_distribution, 1);
    distribution->addWidget(m_exponent);
    distribution->addWidget(m_sample);
    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(12);
    form->addRow(tr("Ids"), distribution);
    form->addRow(QString(), m_databaseNote);
    form->addRow(tr("Products up to"), maxSpin(IdSource::Products));
    form->addRow(tr("Questions up to"), maxSpin(IdSource::Questions));
    form->addRow(tr("Answers up to"), maxSpin(IdSource::Answers));
    form->addRow(QString(), m_rangeNote);

    auto* layout = new QVBoxLayout(panel);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_table);
    layout->addLayout(form);

    connect(m_distribution, &QComboBox::currentIndexChanged, this, [this] {
        distributionChanged();
        if (distributionKind() != IdDistribution::Kind::Database)
            Q_EMIT loadedIdsWanted();
    });
    for (IdSource source : kSources)
        connect(maxSpin(source), &QSpinBox::valueChanged, this, [this, source](int value) {
            // Typed: the user's. Emptied to 0 ("unknown"): the database's again.
            if (!m_settingFromData) {
                m_followsData[std::size_t(source)] = value == 0;
                if (value == 0 && m_loaded)
                    setMaxFromData(source, m_loaded->largest(source));
            }
            validate();
        });
    connect(m_sample, &QSpinBox::valueChanged, this, &MixEditor::changed);
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
    ids.min = 1;
    ids.max = maxSpin(kind == u"product"    ? IdSource::Products
                      : kind == u"question" ? IdSource::Questions
                                            : IdSource::Answers)
                  ->value();
    return ids;
}

QSpinBox* MixEditor::maxSpin(IdSource source) const
{
    return m_maxSpins[std::size_t(source)];
}

void MixEditor::setMaxFromData(IdSource source, std::int64_t value)
{
    if (!m_followsData[std::size_t(source)])
        return;
    m_settingFromData = true;
    maxSpin(source)->setValue(int(std::min<std::int64_t>(value, std::numeric_limits<int>::max())));
    m_settingFromData = false;
}

void MixEditor::setLoadedIds(const std::optional<loadgen::LoadedIds>& loaded,
                             const QString& database, const QString& why)
{
    m_loaded = loaded;
    m_loadedDatabase = database;
    m_uncheckedWhy = why;
    if (loaded)
        for (IdSource source : kSources)
            setMaxFromData(source, loaded->largest(source));
    validate();
}

bool MixEditor::usesSource(IdSource source) const
{
    for (int row = 0; row < kRoutes; ++row)
        if (m_table->item(row, 0)->checkState() == Qt::Checked &&
            loadgen::idSourceOf(Route(row)) == source)
            return true;
    return false;
}

QStringList MixEditor::rangeWarnings() const
{
    return m_rangeWarnings;
}

void MixEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        validate(); // recolours the notes
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
    for (QSpinBox* max : m_maxSpins)
        max->setEnabled(!database);
    validate();
}

// The note under the ranges: what they were checked against and, past the loaded ids, what that
// does to the run; or why they cannot be checked.
void MixEditor::checkRanges()
{
    m_rangeWarnings.clear();
    const bool fixed = !isSingleUrl() && distributionKind() != IdDistribution::Kind::Database;
    m_rangeNote->setVisible(fixed);
    const QPalette colors = QApplication::palette(this);
    setTextColor(m_databaseNote, secondaryText(colors));
    setTextColor(m_rangeNote, secondaryText(colors));
    if (!fixed)
        return;
    if (!m_loaded) {
        m_rangeNote->setText(tr("The ids cannot be checked: %1").arg(m_uncheckedWhy));
        return;
    }
    const loadgen::RequestMix current = mix();
    for (const loadgen::RouteSpec& route : current.routes)
        if (route.route != Route::Get && route.ids.max < 1)
            return; // an unknown maximum is an error of its own, shown above
    for (const loadgen::IdRangeExcess& excess : loadgen::idRangeExcesses(current, *m_loaded))
        m_rangeWarnings << rangeWarningText(excess, m_loadedDatabase);
    if (m_rangeWarnings.isEmpty()) {
        m_rangeNote->setText(tr("Every id drawn exists in %1 (products up to %2, questions up to "
                                "%3, answers up to %4).")
                                 .arg(m_loadedDatabase, countText(m_loaded->product),
                                      countText(m_loaded->question), countText(m_loaded->answer)));
        return;
    }
    m_rangeNote->setText(m_rangeWarnings.join(u'\n'));
    setTextColor(m_rangeNote, toneColor(Tone::Busy));
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
        if (distributionKind() != IdDistribution::Kind::Database)
            for (IdSource source : kSources)
                if (usesSource(source) && maxSpin(source)->value() < 1)
                    m_errors << tr("Ids: the largest %1 id is not known: type it, or start the "
                                   "database so that it is read")
                                    .arg(loadgen::idSourceNoun(source));
    }
    checkRanges();
    Q_EMIT changed();
}

} // namespace qaconsole::ui
