#pragma once

#include <QByteArray>
#include <QString>

namespace qaconsole::ui {

// A response body for reading: JSON indented by two spaces per level with the keys in the
// order the server wrote them (QJsonDocument would sort them), empty objects and arrays kept on
// one line; anything that is not valid JSON (the /metrics text) comes back as it is.
QString readableBody(const QByteArray& body);

} // namespace qaconsole::ui
