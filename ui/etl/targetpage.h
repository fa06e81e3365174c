#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;

namespace qaconsole::ui {

class BusyIndicator;
class EtlRunner;

// The wizard's second step: which database to load into, and with how many connections to
// build the indexes. The managed database is the default (its state shown); another one is
// given by connection string, with its password in a masked field of its own (a password
// typed into the string moves there when the field is left). "Test connection" connects off
// the GUI thread and shows the server's version or the error, never the password.
//
// The last step before the load: its Next button reads "Start load".
//
// Widgets are named for tests: "managedTargetRadio", "managedStateLabel", "customTargetRadio",
// "connectionStringEdit", "passwordEdit", "testConnectionButton", "connectionResultLabel" (its
// "ok" property is true after a successful test of the current target), "jobsSpin".
class TargetPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit TargetPage(EtlRunner& runner, QWidget* parent = nullptr);

    // The managed database's URL, empty while it is not running.
    void setManagedDsn(const QString& dsn);

    // The connection string to load into, credentials included: hand it on, never show it.
    QString dsn() const;
    // "host:port" of the target, for showing.
    QString address() const;
    int jobs() const;
    bool isComplete() const override;

private:
    void testConnection();
    void showTestResult(quint64 request, bool ok, const QString& detail);
    void moveTypedPassword();
    void targetChanged();
    void showManagedState();
    void setResult(const QString& text, const QColor& color, bool ok);

    EtlRunner& m_runner;
    QString m_managedDsn;
    QRadioButton* m_managed;
    QLabel* m_managedState;
    QLabel* m_managedDetail;
    QRadioButton* m_custom;
    QLineEdit* m_connection;
    QLineEdit* m_password;
    QLabel* m_connectionError;
    QPushButton* m_test;
    BusyIndicator* m_busy;
    QLabel* m_result;
    QSpinBox* m_jobs;
    quint64 m_testRequest = 0;
};

} // namespace qaconsole::ui
