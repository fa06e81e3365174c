#pragma once

#include "etl/etlresult.h"
#include "ui/etl/loadoutcome.h"
#include "ui/shell/tone.h"

#include <QWidget>

#include <array>

class QLabel;
class QTableWidget;

namespace qaconsole::ui {

class ElidedLabel;
class FigureGrid;

// The outcome of one load, as the Data load page and the wizard's Summary page show it: a
// pill (Loaded, Failed, Cancelled), where from and where to, the time taken and rows per
// second, the rows read, loaded and rejected per table, every verification check with ✓ or ✗,
// and a link that opens the reject file.
//
// Child widgets are named for tests: "summaryStatusLabel", "summaryRouteLabel",
// "summaryErrorLabel", "summaryTimeLabel", "summaryRateLabel", "summaryRejectedLabel",
// "summaryChecksLabel", "verificationTable" (columns: mark, check, detail), "rejectFileLink"
// (its "path" property holds the file), and per table "<table>ReadLabel", "<table>LoadedLabel",
// "<table>RejectedLabel", "<table>InTableLabel", "<table>IdsLabel".
class LoadSummaryView : public QWidget
{
    Q_OBJECT
public:
    explicit LoadSummaryView(QWidget* parent = nullptr);

    void showOutcome(const LoadOutcome& outcome);
    // The placeholder for "no load yet".
    void clear();

    QString statusText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct TableRow
    {
        QLabel* read = nullptr;
        QLabel* loaded = nullptr;
        QLabel* rejected = nullptr;
        QLabel* inTable = nullptr;
        QLabel* ids = nullptr;
    };

    QWidget* createPlaceholder();
    QLayout* createCounts();
    void fillChecks(const QList<etl::VerificationCheck>& checks);
    void showStatus(const QString& text, Tone tone);
    void openRejectFile();
    void applyColors();

    QLabel* m_placeholderText = nullptr;
    QWidget* m_placeholder = nullptr;
    QWidget* m_body;
    QLabel* m_status;
    ElidedLabel* m_route;
    QLabel* m_error;
    FigureGrid* m_figures = nullptr;
    QLabel* m_time = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_rejectedTotal = nullptr;
    QLabel* m_finished = nullptr;
    std::array<TableRow, 3> m_rows;
    QLabel* m_checksCaption;
    QTableWidget* m_checks;
    QLabel* m_rejectLink;
    ElidedLabel* m_rejectPath;
    QList<QLabel*> m_captions;
    Tone m_statusTone = Tone::Neutral;
};

} // namespace qaconsole::ui
