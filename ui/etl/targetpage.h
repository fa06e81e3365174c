#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QDoubleSpinBox;
class QSpinBox;

namespace qaconsole::ui {

class BusyIndicator;
class LoadWizardController;

// The wizard's second step: which database to load into, and with how many connections to
// build the indexes. The managed database is the default (its state shown); another one is
// given by connection string, with its password in a masked field of its own (a password
// typed into the string moves there when the field is left). "Test connection" has the
// controller connect off the GUI thread; the page shows the server's version or the error,
// never the password.
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
    explicit TargetPage(LoadWizardController& controller, QWidget* parent = nullptr);

    bool isComplete() const override;

private:
    void testConnection();
    void moveTypedPassword();
    // Hands the fields to the controller.
    void targetEdited();
    // Shows the controller's target state.
    void present();

    LoadWizardController& m_controller;
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
    QDoubleSpinBox* m_maxRejects;
};

} // namespace qaconsole::ui
