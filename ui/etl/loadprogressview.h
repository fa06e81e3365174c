#pragma once

#include "etl/etlprogress.h"
#include "etl/generator/datasetgenerator.h"

#include <QElapsedTimer>
#include <QWidget>

#include <array>

class QLabel;
class QProgressBar;
class QTimer;

namespace qaconsole::ui {

class BusyIndicator;
class FigureGrid;

// A load in progress, as the Data load page and the wizard's Run page show it: the phase and
// the step running now, one bar per file (bytes read of its size) with its rows and rejects,
// then the elapsed time, the rows per second, the rejects so far and the time left.
//
// Rows per second and the time left are measured here, from the rows and bytes read since the
// Loading phase began; the time left covers the files only, not the index builds after them.
//
// Child widgets are named for tests: "phaseLabel", "stepLabel", "elapsedLabel", "rateLabel",
// "rejectedLabel", "etaLabel", and per table "<table>ProgressBar", "<table>BytesLabel",
// "<table>RowsLabel", "<table>RejectedLabel" (e.g. "answers_photosProgressBar").
class LoadProgressView : public QWidget
{
    Q_OBJECT
public:
    explicit LoadProgressView(QWidget* parent = nullptr);

    // Clears everything, shows `phase` and starts the elapsed clock.
    void start(const QString& phase);
    void showLoadProgress(const etl::EtlProgress& progress);
    // Dataset generation (before a load): one bar for all files, no per-file rows.
    void showGenerateProgress(const etl::GeneratorProgress& progress);
    // A cancel was asked for; the phase says so until the result arrives.
    void showCancelling();
    // Stops the elapsed clock and the busy indicator; the figures stay as they were.
    void stop();

    QString phaseText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    struct FileRow
    {
        QLabel* name = nullptr;
        QProgressBar* bar = nullptr;
        QLabel* bytes = nullptr;
        QLabel* rows = nullptr;
        QLabel* rejected = nullptr;
    };

    void setFileRowsVisible(bool visible);
    void updateElapsed();
    void applyColors();

    BusyIndicator* m_busy;
    QLabel* m_phase;
    QLabel* m_step;
    std::array<FileRow, 3> m_files;
    QProgressBar* m_generateBar;
    QLabel* m_generateBytes;
    FigureGrid* m_figures = nullptr;
    QLabel* m_elapsed = nullptr;
    QLabel* m_rate = nullptr;
    QLabel* m_rejected = nullptr;
    QLabel* m_eta = nullptr;
    QTimer* m_tick;
    QElapsedTimer m_clock;
    QElapsedTimer m_loadingClock; // started at the first progress of the Loading phase
    qint64 m_loadingMs = -1;      // how long the Loading phase took, once it is over
    bool m_cancelling = false;
};

} // namespace qaconsole::ui
