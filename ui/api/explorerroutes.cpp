#include "ui/api/explorerroutes.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

namespace qaconsole::ui {

namespace {

using F = ExplorerField;

bool isQueryField(ExplorerField field, const QByteArray& method)
{
    return field == F::Page || field == F::Count || (field == F::ProductId && method == "GET");
}

bool isBodyField(ExplorerField field, const QByteArray& method)
{
    return method == "POST" && field != F::QuestionId && field != F::AnswerId;
}

QString tr(const char* text)
{
    return QCoreApplication::translate("qaconsole::ui::ExplorerRoutes", text);
}

QString encoded(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value.trimmed()));
}

} // namespace

const QList<ExplorerRoute>& explorerRoutes()
{
    static const QList<ExplorerRoute> routes{
        {"GET",
         QStringLiteral("/qa/questions"),
         tr("List the questions of a product"),
         {F::ProductId, F::Page, F::Count}},
        {"GET",
         QStringLiteral("/qa/questions/:question_id/answers"),
         tr("List the answers of a question"),
         {F::QuestionId, F::Page, F::Count}},
        {"POST",
         QStringLiteral("/qa/questions"),
         tr("Ask a question"),
         {F::ProductId, F::Body, F::Name, F::Email}},
        {"POST",
         QStringLiteral("/qa/questions/:question_id/answers"),
         tr("Answer a question"),
         {F::QuestionId, F::Body, F::Name, F::Email, F::Photos}},
        {"PUT",
         QStringLiteral("/qa/questions/:question_id/helpful"),
         tr("Mark a question helpful"),
         {F::QuestionId}},
        {"PUT",
         QStringLiteral("/qa/questions/:question_id/report"),
         tr("Report a question"),
         {F::QuestionId}},
        {"PUT",
         QStringLiteral("/qa/answers/:answer_id/helpful"),
         tr("Mark an answer helpful"),
         {F::AnswerId}},
        {"PUT",
         QStringLiteral("/qa/answers/:answer_id/report"),
         tr("Report an answer"),
         {F::AnswerId}},
        {"GET", QStringLiteral("/health"), tr("Is the process serving?"), {}},
        {"GET", QStringLiteral("/ready"), tr("Does the database answer?"), {}},
        {"GET", QStringLiteral("/metrics"), tr("Prometheus metrics"), {}},
    };
    return routes;
}

QString fieldName(ExplorerField field)
{
    switch (field) {
    case F::ProductId:
        return QStringLiteral("product_id");
    case F::QuestionId:
        return QStringLiteral("question_id");
    case F::AnswerId:
        return QStringLiteral("answer_id");
    case F::Page:
        return QStringLiteral("page");
    case F::Count:
        return QStringLiteral("count");
    case F::Body:
        return QStringLiteral("body");
    case F::Name:
        return QStringLiteral("name");
    case F::Email:
        return QStringLiteral("email");
    case F::Photos:
        return QStringLiteral("photos");
    }
    return {};
}

ExplorerRequest buildExplorerRequest(const ExplorerRoute& route,
                                     const QHash<ExplorerField, QString>& values)
{
    ExplorerRequest request;
    request.method = route.method;
    QString path = route.pathTemplate;
    QStringList query;
    QJsonObject body;
    for (ExplorerField field : route.fields) {
        const QString value = values.value(field);
        const QString name = fieldName(field);
        const QString placeholder = u':' + name;
        if (path.contains(placeholder)) {
            path.replace(placeholder, encoded(value));
        } else if (isQueryField(field, route.method)) {
            if (!value.trimmed().isEmpty())
                query << name + u'=' + encoded(value);
        } else if (isBodyField(field, route.method)) {
            if (field == F::Photos) {
                QJsonArray photos;
                for (const QString& line : value.split(u'\n')) {
                    if (!line.trimmed().isEmpty())
                        photos.append(line.trimmed());
                }
                if (!photos.isEmpty())
                    body.insert(name, photos);
            } else if (field == F::ProductId) {
                bool number = false;
                const qlonglong id = value.trimmed().toLongLong(&number);
                if (number)
                    body.insert(name, id);
                else if (!value.isEmpty())
                    body.insert(name, value);
            } else if (!value.isEmpty()) {
                body.insert(name, value);
            }
        }
    }
    request.target = query.isEmpty() ? path : path + u'?' + query.join(u'&');
    if (route.method == "POST")
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return request;
}

} // namespace qaconsole::ui
