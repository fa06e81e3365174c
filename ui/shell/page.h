#pragma once

#include <QIcon>
#include <QString>
#include <QWidget>

namespace qaconsole::ui {

// One screen of the console. The main window lists its pages in the sidebar by title and icon
// and shows one at a time; beyond that a page is on its own, so a new one (ETL, API, Cache,
// Load test, Tiers) plugs in by being handed to MainWindow, without any change to the shell.
class Page : public QWidget
{
    Q_OBJECT
public:
    explicit Page(QWidget* parent = nullptr) : QWidget(parent) {}

    // Short and stable: shown in the sidebar and as the page's heading.
    virtual QString title() const = 0;
    // Shown next to the title in the sidebar; a 24x24 design that also reads at 16 px.
    virtual QIcon icon() const = 0;

    // Asked when the window is about to close. A page with work that closing would cut short
    // asks the user (modally); true lets the window close, after the page has stopped that
    // work or made sure it stops soon. False keeps the window open. The default has nothing to
    // lose and says true.
    virtual bool confirmClose() { return true; }

protected:
    // Lays the page out as the console's pages are: a PageHeader with title() and `subtitle`
    // above `content`, which scrolls vertically (never sideways) in a frameless area that lets
    // the page's background show. Called once, from the page's constructor.
    void setScrollingContent(const QString& subtitle, QWidget* content);
    // The same without the scrolling: for a page whose parts scroll on their own (tabs that
    // each scroll), where a second, outer scroll bar would only confuse.
    void setContent(const QString& subtitle, QWidget* content);

private:
    void layOut(const QString& subtitle, QWidget* body);
};

} // namespace qaconsole::ui
