#pragma once

#include <QFrame>

class QListWidget;

namespace qaconsole::ui {

// The column on the left of the main window: the application's name, then one row per page
// (icon and title). Exactly one row is current at any time once a row exists.
class NavigationSidebar : public QFrame
{
    Q_OBJECT
public:
    explicit NavigationSidebar(QWidget* parent = nullptr);

    // Appends a row; the first row added becomes the current one.
    void addEntry(const QIcon& icon, const QString& title);
    int currentIndex() const;
    void setCurrentIndex(int index);

Q_SIGNALS:
    void currentIndexChanged(int index);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyStyle();

    QListWidget* m_list;
};

} // namespace qaconsole::ui
