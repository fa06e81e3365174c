// Where the main window opens: a first start takes 80 % of the screen, at least 1280x720 when
// the screen has room, centred; a saved frame that no longer fits (a smaller screen, a screen
// that is gone) is brought back inside the screen. Rectangles only; no display.

#include "ui/shell/windowplacement.h"

#include <QTest>

using qaconsole::ui::defaultWindowGeometry;
using qaconsole::ui::keepOnScreen;

class TestWindowPlacement : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstStartTakesMostOfALargeScreen()
    {
        const QRect screen(0, 0, 2560, 1400);
        const QRect placed = defaultWindowGeometry(screen);
        QCOMPARE(placed.size(), QSize(2048, 1120));
        QCOMPARE(placed.center(), screen.center());
    }

    void firstStartIsAtLeastComfortableWhenItFits()
    {
        // 80 % of 1440x860 would be 1152x688: too small for the pages, and the screen has room.
        const QRect screen(0, 24, 1440, 860);
        const QRect placed = defaultWindowGeometry(screen);
        QCOMPARE(placed.size(), QSize(1280, 720));
        QVERIFY(screen.contains(placed));
        QCOMPARE(placed.center(), screen.center());
    }

    void firstStartNeverExceedsASmallScreen()
    {
        const QRect screen(0, 0, 1024, 700);
        const QRect placed = defaultWindowGeometry(screen);
        QCOMPARE(placed, screen);
    }

    void aFrameOnScreenStaysWhereItIs()
    {
        const QRect screen(0, 0, 1920, 1080);
        const QRect frame(100, 80, 1400, 900);
        QCOMPARE(keepOnScreen(frame, screen), frame);
    }

    void aFrameBeyondASmallerScreenComesBack()
    {
        // Saved on a 2560x1440 screen at the bottom right; restored on 1366x768.
        const QRect screen(0, 0, 1366, 768);
        const QRect placed = keepOnScreen(QRect(1200, 600, 1300, 800), screen);
        QVERIFY(screen.contains(placed));
        QCOMPARE(placed.size(), QSize(1300, 768));
        QCOMPARE(placed.right(), screen.right());
    }

    void aFrameOnAScreenThatIsGoneComesBack()
    {
        // Saved on a second screen to the left of the primary one.
        const QRect screen(0, 0, 1920, 1080);
        const QRect placed = keepOnScreen(QRect(-1800, 100, 1600, 900), screen);
        QVERIFY(screen.contains(placed));
        QCOMPARE(placed.size(), QSize(1600, 900));
        QCOMPARE(placed.left(), 0);
    }

    void aFrameLargerThanTheScreenIsShrunkToIt()
    {
        const QRect screen(0, 30, 1280, 690);
        QCOMPARE(keepOnScreen(QRect(-50, -50, 3000, 2000), screen), screen);
    }
};

QTEST_GUILESS_MAIN(TestWindowPlacement)
#include "tst_windowplacement.moc"
