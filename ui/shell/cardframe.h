#pragma once

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace qaconsole::ui {

// A titled section of a page, drawn like the Services page's cards: a rounded
// panel in the palette's base colour with a hairline border, its title in bold at the top.
// Content goes into contentLayout().
class CardFrame : public QFrame
{
    Q_OBJECT
public:
    explicit CardFrame(const QString& title, QWidget* parent = nullptr);

    QVBoxLayout* contentLayout() const { return m_content; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyStyle();

    QLabel* m_title;
    QVBoxLayout* m_content;
};

} // namespace qaconsole::ui
