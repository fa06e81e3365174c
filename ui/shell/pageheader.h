#pragma once

#include <QWidget>

class QLabel;

namespace qaconsole::ui {

// The heading every page starts with: its title in large type and one line on what it is for.
// Pages use it so they all start at the same place and look alike.
class PageHeader : public QWidget
{
    Q_OBJECT
public:
    PageHeader(const QString& title, const QString& subtitle, QWidget* parent = nullptr);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyColors();

    QLabel* m_title;
    QLabel* m_subtitle;
};

} // namespace qaconsole::ui
