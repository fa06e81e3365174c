#pragma once

#include "ui/api/backendstartresult.h"
#include "ui/api/explorerroutes.h"
#include "ui/shell/tone.h"

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace qaconsole::ui {

// Sends one request at a time to the running backend and shows the answer: pick a route (the
// eight of the API contract, /health, /ready, /metrics), fill in its parameters, Send, and read
// the status (coloured by class), the time it took, the headers and the body (JSON pretty-
// printed). The request goes through QNetworkAccessManager, which is asynchronous, so the GUI
// thread never waits for it; a new Send aborts one still in flight.
//
// Widgets are named for tests: "explorerRouteCombo", "explorer<Field>Edit" (ProductId,
// QuestionId, AnswerId, Page, Count, Body, Name, Email, Photos), "explorerRequestLabel",
// "explorerSendButton", "explorerStatusLabel" (with its colour in "statusColor"),
// "explorerTimeLabel", "explorerSizeLabel", "explorerBodyView", "explorerHeadersView".
class ApiExplorer : public QWidget
{
    Q_OBJECT
public:
    explicit ApiExplorer(QWidget* parent = nullptr);

    // Where requests go ("http://127.0.0.1:8080"); empty while no backend runs, which turns
    // Send off.
    void setBaseUrl(const QString& url);
    // Fills the id fields with ids from the data, leaving alone those the user typed into.
    void setExamples(const ExampleIds& examples);
    void setRoute(int index);

public Q_SLOTS:
    void send();

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* createRequestSide();
    QWidget* createResponseSide();
    void addField(ExplorerField field, const QString& label, QWidget* input);
    QString value(ExplorerField field) const;
    ExplorerRequest currentRequest() const;
    void showRoute();
    void showRequest();
    void finished(QNetworkReply* reply);
    void showStatus(const QString& text, Tone tone);
    void applyPalette();

    QNetworkAccessManager* m_network;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_clock;
    QString m_baseUrl;

    QComboBox* m_route = nullptr;
    QLabel* m_summary = nullptr;
    QFormLayout* m_form = nullptr;
    QHash<ExplorerField, QWidget*> m_inputs;
    QLabel* m_request = nullptr;
    QPushButton* m_send = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_size = nullptr;
    QTabWidget* m_tabs = nullptr;
    QPlainTextEdit* m_body = nullptr;
    QPlainTextEdit* m_headers = nullptr;
    Tone m_statusTone = Tone::Neutral;
};

} // namespace qaconsole::ui
