#include "ui/etl/targetpage.h"

#include "pg/conninfo.h"
#include "pg/passwordsplit.h"
#include "ui/etl/etlrunner.h"
#include "ui/shell/busyindicator.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>
#include <QWizard>

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

TargetPage::TargetPage(EtlRunner& runner, QWidget* parent)
    : QWizardPage(parent), m_runner(runner),
      m_managed(new QRadioButton(tr("The managed database"), this)),
      m_managedState(new QLabel(this)), m_managedDetail(new QLabel(this)),
      m_custom(new QRadioButton(tr("Another database"), this)), m_connection(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_connectionError(new QLabel(this)),
      m_test(new QPushButton(tr("Test connection"), this)), m_busy(new BusyIndicator(this)),
      m_result(new QLabel(this)), m_jobs(new QSpinBox(this))
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
    m_jobs->setValue(qBound(1, QThread::idealThreadCount(), kMaxJobs));

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

    auto* jobsRow = new QHBoxLayout;
    jobsRow->setSpacing(10);
    jobsRow->addWidget(new QLabel(tr("Parallel jobs"), this));
    jobsRow->addWidget(m_jobs);
    jobsRow->addWidget(quietLabel(tr("connections that build keys and indexes at the same time; "
                                     "one per core by default"),
                                  this),
                       1);

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
    layout->addLayout(jobsRow);
    layout->addStretch(1);

    connect(m_managed, &QRadioButton::toggled, this, &TargetPage::targetChanged);
    connect(m_connection, &QLineEdit::textChanged, this, &TargetPage::targetChanged);
    connect(m_connection, &QLineEdit::editingFinished, this, &TargetPage::moveTypedPassword);
    connect(m_password, &QLineEdit::textChanged, this, &TargetPage::targetChanged);
    connect(m_test, &QPushButton::clicked, this, &TargetPage::testConnection);
    connect(&m_runner, &EtlRunner::connectionTested, this, &TargetPage::showTestResult);

    showManagedState();
    targetChanged();
}

void TargetPage::setManagedDsn(const QString& dsn)
{
    if (dsn == m_managedDsn)
        return;
    m_managedDsn = dsn;
    showManagedState();
    if (m_managed->isChecked())
        targetChanged();
}

QString TargetPage::dsn() const
{
    if (m_managed->isChecked())
        return m_managedDsn;
    return pg::withPassword(m_connection->text(), m_password->text());
}

QString TargetPage::address() const
{
    const QString target = dsn();
    return target.isEmpty() ? QString() : pg::addressOf(target);
}

int TargetPage::jobs() const
{
    return m_jobs->value();
}

bool TargetPage::isComplete() const
{
    if (m_managed->isChecked())
        return !m_managedDsn.isEmpty();
    const QString typed = m_connection->text().trimmed();
    return !typed.isEmpty() && pg::checkConnInfo(typed).ok();
}

void TargetPage::testConnection()
{
    moveTypedPassword();
    const QString target = dsn();
    if (target.isEmpty())
        return;
    m_testRequest = m_runner.testConnection(target);
    m_busy->show();
    m_test->setEnabled(false);
    setResult(tr("Connecting to %1…").arg(address()), secondaryText(QApplication::palette(this)),
              false);
}

void TargetPage::showTestResult(quint64 request, bool ok, const QString& detail)
{
    if (request != m_testRequest)
        return;
    m_testRequest = 0;
    m_busy->hide();
    m_test->setEnabled(isComplete());
    if (ok)
        setResult(tr("✓ Connected: %1").arg(detail), toneColor(Tone::Good), true);
    else
        setResult(tr("✗ %1").arg(detail), toneColor(Tone::Bad), false);
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
}

void TargetPage::targetChanged()
{
    const bool custom = m_custom->isChecked();
    m_connection->setEnabled(custom);
    m_password->setEnabled(custom);

    const QString typed = m_connection->text().trimmed();
    const pg::Status parsed = custom && !typed.isEmpty() ? pg::checkConnInfo(typed) : pg::Status();
    const QString parseError = parsed ? QString() : parsed.error().message;
    m_connectionError->setText(parseError);
    m_connectionError->setVisible(!parseError.isEmpty());

    // A result is about the target it was taken for; a late one for another is ignored.
    m_testRequest = 0;
    m_busy->hide();
    m_test->setEnabled(isComplete());
    setResult(QString(), QColor(), false);
    Q_EMIT completeChanged();
}

void TargetPage::showManagedState()
{
    const bool running = !m_managedDsn.isEmpty();
    m_managedState->setText(running ? tr("ready") : tr("not running"));
    m_managedState->setStyleSheet(
        pillStyleSheet(running ? Tone::Good : Tone::Neutral, QApplication::palette(this)));
    m_managedDetail->setText(
        running ? tr("PostgreSQL at %1, run by this console").arg(pg::addressOf(m_managedDsn))
                : tr("Start PostgreSQL on the Services page to load into it."));
    setTextColor(m_managedDetail, secondaryText(QApplication::palette(this)));
}

void TargetPage::setResult(const QString& text, const QColor& color, bool ok)
{
    m_result->setText(text);
    m_result->setProperty("ok", ok);
    if (color.isValid())
        setTextColor(m_result, color);
}

} // namespace qaconsole::ui
