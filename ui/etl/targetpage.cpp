#include "ui/etl/targetpage.h"

#include "pg/passwordsplit.h"
#include "ui/etl/loadwizardcontroller.h"
#include "ui/shell/busyindicator.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QButtonGroup>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <QWizard>

#include <algorithm>

namespace qaconsole::ui {

namespace {

constexpr int kMaxJobs = 64;
constexpr int kIndent = 26;

QLabel* quietLabel(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    setTextColor(label, secondaryText(QApplication::palette(parent)));
    return label;
}

} // namespace

TargetPage::TargetPage(LoadWizardController& controller, QWidget* parent)
    : QWizardPage(parent), m_controller(controller),
      m_managed(new QRadioButton(tr("The managed database"), this)),
      m_managedState(new QLabel(this)), m_managedDetail(new QLabel(this)),
      m_custom(new QRadioButton(tr("Another database"), this)), m_connection(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_connectionError(new QLabel(this)),
      m_test(new QPushButton(tr("Test connection"), this)), m_busy(new BusyIndicator(this)),
      m_result(new QLabel(this)), m_jobs(new QSpinBox(this)), m_maxRejects(new QDoubleSpinBox(this))
{
    setObjectName(QStringLiteral("targetPage"));
    setTitle(tr("Target"));
    setSubTitle(tr("The PostgreSQL database the tables go into. Tables of an earlier load stay "
                   "until the new ones are complete and verified."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Start load"));

    auto* choice = new QButtonGroup(this);
    choice->addButton(m_managed);
    choice->addButton(m_custom);
    m_managed->setObjectName(QStringLiteral("managedTargetRadio"));
    m_custom->setObjectName(QStringLiteral("customTargetRadio"));
    m_managed->setChecked(true);
    m_managedState->setObjectName(QStringLiteral("managedStateLabel"));
    m_managedState->setAlignment(Qt::AlignCenter);
    m_managedState->setMinimumHeight(24); // tall enough for the pill's rounded ends
    m_managedDetail->setObjectName(QStringLiteral("managedDetailLabel"));

    m_connection->setObjectName(QStringLiteral("connectionStringEdit"));
    m_connection->setPlaceholderText(
        tr("postgresql://user@host:5432/dbname   or   host=… port=… dbname=… user=…"));
    m_connection->setClearButtonEnabled(true);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Optional"));
    m_connectionError->setObjectName(QStringLiteral("connectionErrorLabel"));
    m_connectionError->setTextFormat(Qt::PlainText);
    m_connectionError->setWordWrap(true);
    setTextColor(m_connectionError, toneColor(Tone::Bad));
    m_connectionError->hide();

    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_test->setMinimumWidth(140);
    m_busy->setObjectName(QStringLiteral("testConnectionBusy"));
    m_busy->hide();
    m_result->setObjectName(QStringLiteral("connectionResultLabel"));
    m_result->setTextFormat(Qt::PlainText);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setProperty("ok", false);

    m_jobs->setObjectName(QStringLiteral("jobsSpin"));
    m_jobs->setRange(1, kMaxJobs);
    m_jobs->setValue(std::min(m_controller.jobs(), kMaxJobs));
    m_maxRejects->setObjectName(QStringLiteral("maxRejectsSpin"));
    m_maxRejects->setRange(0, 100);
    m_maxRejects->setDecimals(1);
    m_maxRejects->setSingleStep(0.5);
    m_maxRejects->setSuffix(QStringLiteral(" %"));
    m_maxRejects->setValue(m_controller.maxRejectsPercent());

    auto* managedRow = new QHBoxLayout;
    managedRow->setSpacing(10);
    managedRow->addWidget(m_managed);
    managedRow->addWidget(m_managedState);
    managedRow->addStretch(1);
    auto* managedDetail = new QHBoxLayout;
    managedDetail->setContentsMargins(kIndent, 0, 0, 0);
    managedDetail->addWidget(m_managedDetail);

    auto* custom = new QGridLayout;
    custom->setContentsMargins(kIndent, 0, 0, 0);
    custom->setHorizontalSpacing(10);
    custom->setVerticalSpacing(8);
    custom->addWidget(new QLabel(tr("Connection string"), this), 0, 0);
    custom->addWidget(m_connection, 0, 1);
    custom->addWidget(new QLabel(tr("Password"), this), 1, 0);
    custom->addWidget(m_password, 1, 1);
    custom->addWidget(m_connectionError, 2, 1);
    custom->setColumnStretch(1, 1);

    auto* testRow = new QHBoxLayout;
    testRow->setSpacing(10);
    testRow->addWidget(m_test);
    testRow->addWidget(m_busy);
    testRow->addWidget(m_result, 1);

    // One grid, so both fields line up.
    auto* loadOptions = new QGridLayout;
    loadOptions->setHorizontalSpacing(10);
    loadOptions->setVerticalSpacing(8);
    loadOptions->addWidget(new QLabel(tr("Parallel jobs"), this), 0, 0);
    loadOptions->addWidget(m_jobs, 0, 1);
    loadOptions->addWidget(quietLabel(tr("connections that build keys and indexes at the same "
                                         "time; one per core by default"),
                                      this),
                           0, 2);
    loadOptions->addWidget(new QLabel(tr("Rejected rows allowed"), this), 1, 0);
    loadOptions->addWidget(m_maxRejects, 1, 1);
    loadOptions->addWidget(quietLabel(tr("of each file; with more, the load is refused and the "
                                         "tables stay as they are"),
                                      this),
                           1, 2);
    loadOptions->setColumnStretch(2, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addLayout(managedRow);
    layout->addLayout(managedDetail);
    layout->addSpacing(10);
    layout->addWidget(m_custom);
    layout->addLayout(custom);
    layout->addSpacing(14);
    layout->addLayout(testRow);
    layout->addSpacing(18);
    layout->addLayout(loadOptions);
    layout->addStretch(1);

    connect(m_managed, &QRadioButton::toggled, this, &TargetPage::targetEdited);
    connect(m_connection, &QLineEdit::textChanged, this, &TargetPage::targetEdited);
    connect(m_connection, &QLineEdit::editingFinished, this, &TargetPage::moveTypedPassword);
    connect(m_password, &QLineEdit::textChanged, this, &TargetPage::targetEdited);
    connect(m_jobs, &QSpinBox::valueChanged, &m_controller, &LoadWizardController::setJobs);
    connect(m_maxRejects, &QDoubleSpinBox::valueChanged, &m_controller,
            &LoadWizardController::setMaxRejectsPercent);
    connect(m_test, &QPushButton::clicked, this, &TargetPage::testConnection);
    connect(&m_controller, &LoadWizardController::targetChanged, this, &TargetPage::present);

    targetEdited();
}

bool TargetPage::isComplete() const
{
    return m_controller.targetComplete();
}

void TargetPage::testConnection()
{
    moveTypedPassword();
    m_controller.testConnection();
}

void TargetPage::moveTypedPassword()
{
    const pg::PasswordSplit parts = pg::splitPassword(m_connection->text());
    if (parts.password.isEmpty())
        return;
    // Blocked, so the move does not count as a change of target and drop a test result.
    const QSignalBlocker blockConnection(m_connection);
    const QSignalBlocker blockPassword(m_password);
    m_connection->setText(parts.withoutPassword);
    m_password->setText(parts.password);
    m_controller.passwordMoved(parts.withoutPassword, parts.password);
}

void TargetPage::targetEdited()
{
    m_controller.setTarget(m_managed->isChecked(), m_connection->text(), m_password->text());
}

void TargetPage::present()
{
    const bool custom = !m_controller.targetsManaged();
    m_connection->setEnabled(custom);
    m_password->setEnabled(custom);
    const QString problem = m_controller.connectionProblem();
    m_connectionError->setText(problem);
    m_connectionError->setVisible(!problem.isEmpty());

    const QPalette colors = QApplication::palette(this);
    m_managedState->setText(m_controller.managedLabel());
    m_managedState->setStyleSheet(pillStyleSheet(m_controller.managedTone(), colors));
    m_managedDetail->setText(m_controller.managedDetail());
    setTextColor(m_managedDetail, secondaryText(colors));

    const bool testing = m_controller.isTesting();
    m_busy->setVisible(testing);
    m_test->setEnabled(!testing && m_controller.targetComplete());
    const WizardLine line = m_controller.testLine();
    m_result->setText(line.text);
    m_result->setProperty("ok", line.ok);
    if (!line.text.isEmpty())
        setTextColor(m_result,
                     line.tone == Tone::Neutral ? secondaryText(colors) : toneColor(line.tone));
    Q_EMIT completeChanged();
}

} // namespace qaconsole::ui
