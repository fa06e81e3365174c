#pragma once

class QLabel;
class QString;
class QWidget;

namespace qaconsole::ui {

// A label for the sentences the Cache page writes (notes, statuses, errors): plain text, so a
// policy name or an error message is never read as markup, wrapped to the width it is given,
// and named `objectName` for tests.
QLabel* messageLabel(const QString& objectName, QWidget* parent = nullptr);

} // namespace qaconsole::ui
