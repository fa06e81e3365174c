#include "ui/api/apiexplorer.h"

#include "ui/api/apitext.h"
#include "ui/api/jsontext.h"
#include "ui/shell/numbertext.h"
#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

using F = ExplorerField;

constexpr int kTransferTimeoutMs = 15'000;

QString partName(ExplorerField field)
{
    static const QHash<ExplorerField, QString> names{
        {F::ProductId, QStringLiteral("ProductId")}, {F::QuestionId, QStringLiteral("QuestionId")},
        {F::AnswerId, QStringLiteral("AnswerId")},   {F::Page, QStringLiteral("Page")},
        {F::Count, QStringLiteral("Count")},         {F::Body, QStringLiteral("Body")},
        {F::Name, QStringLiteral("Name")},           {F::Email, QStringLiteral("Email")},
        {F::Photos, QStringLiteral("Photos")},
    };
    return QStringLiteral("explorer") + names.value(field) + QStringLiteral("Edit");
}

QLineEdit* lineEdit(const QString& text, const QString& placeholder)
{
    auto* edit = new QLineEdit(text);
    edit->setPlaceholderText(placeholder);
    edit->setClearButtonEnabled(true);
    return edit;
}

// 2xx good, 4xx a caution, 5xx bad, anything else neutral.
Tone statusTone(int status)
{
    if (status >= 200 && status < 300)
        return Tone::Good;
    if (status >= 400 && status < 500)
        return Tone::Busy;
    if (status >= 500)
        return Tone::Bad;
    return Tone::Neutral;
}

QPlainTextEdit* codeView(const QString& placeholder)
{
    auto* view = new QPlainTextEdit;
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setPlaceholderText(placeholder);
    view->setFrameShape(QFrame::NoFrame);
    return view;
}

} // namespace

ApiExplorer::ApiExplorer(QWidget* parent)
    : QWidget(parent), m_network(new QNetworkAccessManager(this))
{
    // The backend is local or named by address: a system proxy would only get in the way.
    m_network->setProxy(QNetworkProxy::NoProxy);
    m_network->setTransferTimeout(kTransferTimeoutMs);
    connect(m_network, &QNetworkAccessManager::finished, this, &ApiExplorer::finished);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(24);
    layout->addWidget(createRequestSide(), 2);
    layout->addWidget(createResponseSide(), 3);

    applyPalette();
    showRoute();
    setBaseUrl(QString());
}

void ApiExplorer::setBaseUrl(const QString& url)
{
    m_baseUrl = url;
    m_send->setEnabled(!url.isEmpty());
    m_send->setToolTip(url.isEmpty() ? tr("Start the API to send requests") : QString());
    showRequest();
}

void ApiExplorer::setExamples(const ExampleIds& examples)
{
    const QList<std::pair<ExplorerField, QString>> ids{{F::ProductId, examples.productId},
                                                       {F::QuestionId, examples.questionId},
                                                       {F::AnswerId, examples.answerId}};
    for (const auto& [field, id] : ids) {
        auto* edit = qobject_cast<QLineEdit*>(m_inputs.value(field));
        if (edit && !id.isEmpty() && !edit->isModified())
            edit->setText(id);
    }
    showRequest();
}

void ApiExplorer::setRoute(int index)
{
    m_route->setCurrentIndex(index);
}

void ApiExplorer::send()
{
    if (m_baseUrl.isEmpty())
        return;
    if (m_reply) {
        // Cleared first: abort() reports finished() at once, and that answer is not wanted.
        QNetworkReply* previous = m_reply;
        m_reply = nullptr;
        previous->abort();
    }
    const ExplorerRequest request = currentRequest();
    QNetworkRequest network(QUrl(m_baseUrl + request.target));
    if (!request.body.isEmpty())
        network.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json; charset=utf-8"));
    m_clock.start();
    m_reply = m_network->sendCustomRequest(network, request.method, request.body);
    showStatus(tr("Sending…"), Tone::Neutral);
    m_time->clear();
    m_size->clear();
}

void ApiExplorer::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

QWidget* ApiExplorer::createRequestSide()
{
    auto* side = new QWidget;
    m_route = new QComboBox(side);
    m_route->setObjectName(QStringLiteral("explorerRouteCombo"));
    for (const ExplorerRoute& route : explorerRoutes())
        m_route->addItem(QString::fromLatin1(route.method) + u' ' + route.pathTemplate);
    connect(m_route, &QComboBox::currentIndexChanged, this, &ApiExplorer::showRoute);

    m_summary = new QLabel(side);
    m_summary->setWordWrap(true);

    m_form = new QFormLayout;
    m_form->setContentsMargins(0, 4, 0, 0);
    m_form->setHorizontalSpacing(12);
    m_form->setVerticalSpacing(8);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    addField(F::ProductId, QStringLiteral("product_id"), lineEdit(QStringLiteral("1"), {}));
    addField(F::QuestionId, QStringLiteral("question_id"), lineEdit(QStringLiteral("1"), {}));
    addField(F::AnswerId, QStringLiteral("answer_id"), lineEdit(QStringLiteral("1"), {}));
    addField(F::Page, QStringLiteral("page"), lineEdit({}, tr("1 when empty")));
    addField(F::Count, QStringLiteral("count"), lineEdit({}, tr("5 when empty")));
    addField(F::Body, QStringLiteral("body"),
             lineEdit(tr("Does it run true to size?"), tr("1 to 1000 characters")));
    addField(F::Name, QStringLiteral("name"), lineEdit(QStringLiteral("qaconsole"), {}));
    addField(F::Email, QStringLiteral("email"),
             lineEdit(QStringLiteral("qaconsole@example.com"), {}));
    auto* photos = new QPlainTextEdit;
    photos->setPlaceholderText(tr("Up to 5 photo URLs, one per line"));
    photos->setTabChangesFocus(true);
    photos->setFixedHeight(photos->fontMetrics().lineSpacing() * 3 + 14);
    connect(photos, &QPlainTextEdit::textChanged, this, &ApiExplorer::showRequest);
    addField(F::Photos, QStringLiteral("photos"), photos);

    m_request = new QLabel(side);
    m_request->setObjectName(QStringLiteral("explorerRequestLabel"));
    m_request->setTextFormat(Qt::PlainText);
    m_request->setWordWrap(true);
    m_request->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_request->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Long targets wrap inside the column instead of widening the page.
    m_request->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_send = new QPushButton(QIcon(QStringLiteral(":/icons/send.svg")), tr("Send"), side);
    m_send->setObjectName(QStringLiteral("explorerSendButton"));
    m_send->setMinimumWidth(92);
    m_send->setDefault(true);
    connect(m_send, &QPushButton::clicked, this, &ApiExplorer::send);
    auto* routeRow = new QHBoxLayout;
    routeRow->setSpacing(10);
    routeRow->addWidget(m_route, 1);
    routeRow->addWidget(m_send);

    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(routeRow);
    layout->addWidget(m_summary);
    layout->addLayout(m_form);
    layout->addSpacing(4);
    layout->addWidget(m_request);
    layout->addStretch(1);
    return side;
}

QWidget* ApiExplorer::createResponseSide()
{
    auto* side = new QWidget;
    m_status = new QLabel(side);
    m_status->setObjectName(QStringLiteral("explorerStatusLabel"));
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setMinimumHeight(24);
    m_time = new QLabel(side);
    m_time->setObjectName(QStringLiteral("explorerTimeLabel"));
    m_size = new QLabel(side);
    m_size->setObjectName(QStringLiteral("explorerSizeLabel"));

    auto* statusRow = new QHBoxLayout;
    statusRow->setSpacing(14);
    statusRow->addWidget(m_status);
    statusRow->addWidget(m_time);
    statusRow->addWidget(m_size);
    statusRow->addStretch(1);

    m_body = codeView(tr("The response body shows here."));
    m_body->setObjectName(QStringLiteral("explorerBodyView"));
    m_headers = codeView(tr("The response headers show here."));
    m_headers->setObjectName(QStringLiteral("explorerHeadersView"));
    m_tabs = new QTabWidget(side);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->setMinimumHeight(300);

    auto* layout = new QVBoxLayout(side);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(statusRow);
    layout->addWidget(m_tabs, 1);
    showStatus(tr("No request yet"), Tone::Neutral);
    return side;
}

void ApiExplorer::addField(ExplorerField field, const QString& label, QWidget* input)
{
    input->setObjectName(partName(field));
    m_inputs.insert(field, input);
    if (auto* edit = qobject_cast<QLineEdit*>(input)) {
        connect(edit, &QLineEdit::textChanged, this, &ApiExplorer::showRequest);
        connect(edit, &QLineEdit::returnPressed, this, &ApiExplorer::send);
    }
    auto* caption = new QLabel(label);
    caption->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_form->addRow(caption, input);
}

QString ApiExplorer::value(ExplorerField field) const
{
    QWidget* input = m_inputs.value(field);
    if (auto* edit = qobject_cast<QLineEdit*>(input))
        return edit->text();
    if (auto* text = qobject_cast<QPlainTextEdit*>(input))
        return text->toPlainText();
    return {};
}

ExplorerRequest ApiExplorer::currentRequest() const
{
    const ExplorerRoute& route = explorerRoutes().at(std::max(0, m_route->currentIndex()));
    QHash<ExplorerField, QString> values;
    for (ExplorerField field : route.fields)
        values.insert(field, value(field));
    return buildExplorerRequest(route, values);
}

void ApiExplorer::showRoute()
{
    const ExplorerRoute& route = explorerRoutes().at(std::max(0, m_route->currentIndex()));
    m_summary->setText(route.summary);
    for (auto it = m_inputs.cbegin(); it != m_inputs.cend(); ++it)
        m_form->setRowVisible(it.value(), route.fields.contains(it.key()));
    showRequest();
}

void ApiExplorer::showRequest()
{
    const ExplorerRequest request = currentRequest();
    // The body is what the form shows; the line says where it goes.
    m_request->setText(QString::fromLatin1(request.method) + u' ' + request.target);
}

void ApiExplorer::finished(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return; // aborted by a newer Send
    m_reply = nullptr;
    const double elapsedMs = double(m_clock.nsecsElapsed()) / 1e6;
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (!status.isValid()) {
        showStatus(tr("No response"), Tone::Bad);
        m_time->setText(latencyText(elapsedMs));
        m_size->clear();
        m_body->setPlainText(reply->errorString());
        m_headers->clear();
        return;
    }
    const int code = status.toInt();
    const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
    showStatus(QStringLiteral("%1 %2").arg(code).arg(reason).trimmed(), statusTone(code));
    m_time->setText(latencyText(elapsedMs));
    const QByteArray body = reply->readAll();
    m_size->setText(bytesText(body.size()));

    QStringList headers;
    for (const auto& [name, headerValue] : reply->rawHeaderPairs())
        headers << QString::fromLatin1(name) + QStringLiteral(": ") +
                       QString::fromLatin1(headerValue);
    m_headers->setPlainText(headers.join(u'\n'));
    m_body->setPlainText(body.isEmpty() ? QString() : readableBody(body));
    m_body->setPlaceholderText(tr("No body."));
}

void ApiExplorer::showStatus(const QString& text, Tone tone)
{
    m_statusTone = tone;
    m_status->setText(text);
    m_status->setProperty("statusColor", toneColor(tone));
    m_status->setStyleSheet(pillStyleSheet(tone, QApplication::palette(this)));
}

void ApiExplorer::applyPalette()
{
    const QPalette colors = QApplication::palette(this);
    const QColor quiet = secondaryText(colors);
    setTextColor(m_summary, quiet);
    setTextColor(m_time, quiet);
    setTextColor(m_size, quiet);
    setTextColor(m_request, quiet);
    // The code views sit a shade off the card's white, like the Services page's logs.
    for (QPlainTextEdit* view : {m_body, m_headers}) {
        QPalette viewColors = view->palette();
        viewColors.setColor(QPalette::Base, blend(colors.color(QPalette::Base),
                                                  colors.color(QPalette::Text), 0.03));
        view->setPalette(viewColors);
    }
    m_status->setStyleSheet(pillStyleSheet(m_statusTone, QApplication::palette(this)));
}

} // namespace qaconsole::ui
