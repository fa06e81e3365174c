// The report's two files from the sample comparison: the self-contained HTML (every tier,
// escaped; the SLO; the command; charts as embedded images) and the PDF (several pages; its
// text, read back with pdftotext where it is installed, holds the tier names and the answer).

#include "report/answer.h"
#include "report/emphasis.h"
#include "report/htmlreport.h"
#include "report/pdfreport.h"
#include "report/reportformat.h"
#include "samplereport.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace qaconsole::report;

namespace {

// Words separated by single spaces, so text wrapped into lines compares with a paragraph.
QString words(QString text)
{
    return text.replace(kNoBreakSpace, u' ').simplified();
}

// A tier name a user could type, which must come out as text, not markup.
const QString kAwkwardName = QStringLiteral("Tier <B> & \"Co\"");

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

qsizetype pageCount(const QByteArray& pdf)
{
    return QString::fromLatin1(pdf).count(QRegularExpression(QStringLiteral("/Type\\s*/Page[^s]")));
}

// The PDF's text as pdftotext reads it, or nothing when poppler-utils is not installed.
std::optional<QString> pdfText(const QString& path)
{
    const QString pdftotext = QStandardPaths::findExecutable(QStringLiteral("pdftotext"));
    if (pdftotext.isEmpty())
        return std::nullopt;
    QProcess process;
    process.start(pdftotext,
                  {QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return QString();
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestReportRender : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void htmlIsSelfContainedAndEscaped();
    void htmlShowsTheChangesSinceAnEarlierReport();
    void htmlWithoutTrafficOrScaling();
    void pdfHasPagesAndTheAnswer();
    void longContentFlowsAcrossPages();
    void emptyAndOddModelsStillRender();
    void unwritablePathIsAnError();
};

void TestReportRender::htmlIsSelfContainedAndEscaped()
{
    ReportModel model = test::sampleReport();
    model.tiers[1].name = kAwkwardName;
    model.tiers[2].name = kAwkwardName;
    const QString html = htmlReport(model, std::nullopt);

    QVERIFY(html.contains(QStringLiteral("Tier &lt;B&gt; &amp; &quot;Co&quot;")));
    QVERIFY(!html.contains(kAwkwardName));
    for (const QString& name : {QStringLiteral("Tier A"), QStringLiteral("Tier C")})
        QVERIFY2(html.contains(name), qPrintable(name));
    QVERIFY(html.contains(QStringLiteral("Q&amp;A backend for Acme Outdoor")));
    // The answer, the SLO as written and as read, the command that reruns it all.
    QVERIFY(html.contains(emphasisToHtml(answerParagraph(model))));
    QVERIFY(html.contains(QStringLiteral("http_req_duration p(99)&lt;50")));
    QVERIFY(html.contains(escapeHtml(targetText(50, 0.01))));
    QVERIFY(html.contains(escapeHtml(model.appendix.command)));
    QVERIFY(html.contains(QStringLiteral("least_conn;")));
    QVERIFY(html.contains(QStringLiteral("check before quoting")));
    // Capacity, cost, scaling and one policy chart, each an embedded PNG.
    const QRegularExpression image(
        QStringLiteral("<img src=\"data:image/png;base64,[A-Za-z0-9+/=]{1000,}\""));
    QCOMPARE(html.count(image), 4);
    QVERIFY(html.contains(QStringLiteral("Tier &lt;B&gt; &amp; &quot;Co&quot;: capacity by cache "
                                         "policy")));
    // Nothing to fetch: no link, script or stylesheet from elsewhere.
    QVERIFY(
        !html.contains(QRegularExpression(QStringLiteral("(src|href|url)[=(]\"?(https?:)?//"))));
    QVERIFY(!html.contains(QStringLiteral("<script")));
    QVERIFY(!html.contains(QStringLiteral("<link")));
    QVERIFY(!html.contains(QStringLiteral("Since the earlier report")));
}

void TestReportRender::htmlShowsTheChangesSinceAnEarlierReport()
{
    const QString html = htmlReport(test::sampleReport(), test::earlierSampleReport());
    QVERIFY(html.contains(QStringLiteral("Since the earlier report (1 February 2025)")));
    QVERIFY(html.contains(QStringLiteral("<span class=\"good\">better (+17")));
    QVERIFY(html.contains(QStringLiteral("<span class=\"bad\">worse (+8")));
    QVERIFY(html.contains(QStringLiteral("new in this report")));
    QVERIFY(html.contains(QStringLiteral("only in the earlier report")));
}

void TestReportRender::htmlWithoutTrafficOrScaling()
{
    ReportModel model = test::sampleReport();
    model.clientPeakRps = model.clientAverageRps = model.clientRequestsPerMonth = 0;
    model.scaling->possible = false;
    model.scaling->whyNot = QStringLiteral("Only one instance count was measured.");
    const QString html = htmlReport(model, std::nullopt);
    QVERIFY(html.contains(QStringLiteral("Requests/s for each $ a month")));
    QVERIFY(!html.contains(QStringLiteral("at your peak")));
    QVERIFY(html.contains(QStringLiteral("Only one instance count was measured.")));
    QCOMPARE(html.count(QStringLiteral("data:image/png;base64,")), 3);
}

void TestReportRender::pdfHasPagesAndTheAnswer()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("report.pdf"));
    const ReportModel model = test::sampleReport();
    const auto written = writePdfReport(model, path, test::earlierSampleReport());
    QVERIFY2(written.ok(), qPrintable(written.errorText()));
    const QByteArray pdf = readAll(path);
    QVERIFY(pdf.startsWith("%PDF-"));
    const qsizetype pages = pageCount(pdf);
    QVERIFY2(pages >= 2, qPrintable(QString::number(pages)));

    const auto read = pdfText(path);
    if (!read)
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
    const QString text = words(*read);
    for (const ReportTier& tier : model.tiers)
        QVERIFY2(text.contains(tier.name), qPrintable(tier.name));
    const QString answer = words(emphasisToPlain(answerParagraph(model)));
    QVERIFY2(text.contains(answer),
             qPrintable(answer + QStringLiteral("\n---\n") + text.left(3000)));
    QVERIFY(text.contains(QStringLiteral("Since the earlier report (1 February 2025)")));
    QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(pages)));
    QVERIFY(text.contains(QStringLiteral("least_conn;")));
    // The charts are vectors: their labels are text in the PDF, not pixels of an image.
    QVERIFY(text.contains(QStringLiteral("offered load (requests/s, logarithmic)")));
    QVERIFY(text.contains(QStringLiteral("projected, not measured")));
}

void TestReportRender::longContentFlowsAcrossPages()
{
    // A configuration of 300 lines and a tier of 80 more trials: far more than a page each.
    ReportModel model = test::sampleReport();
    QStringList lines;
    for (int line = 1; line <= 300; ++line)
        lines << QStringLiteral("    server 127.0.%1.1:%2;").arg(line).arg(41000 + line);
    model.appendix.nginxConfig = lines.join(u'\n');
    ReportTier& tier = model.tiers[3];
    for (int trial = 0; trial < 80; ++trial) {
        ReportTrial extra = tier.trials.first();
        extra.rate = 30000 + trial;
        tier.trials.append(extra);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("long.pdf"));
    QVERIFY(writePdfReport(model, path, std::nullopt).ok());
    QVERIFY(pageCount(readAll(path)) >= 10);

    const auto read = pdfText(path);
    if (!read)
        QSKIP("pdftotext (poppler-utils) is not installed: the PDF's text is not checked");
    // Nothing cut off at a page's foot: every line and every row is there, once.
    for (int line = 1; line <= 300; ++line)
        QVERIFY2(read->count(QStringLiteral("127.0.%1.1:%2;").arg(line).arg(41000 + line)) == 1,
                 qPrintable(QString::number(line)));
    for (int trial = 0; trial < 80; ++trial)
        QVERIFY2(read->count(QStringLiteral("30,%1").arg(trial, 3, 10, QLatin1Char('0'))) == 1,
                 qPrintable(QString::number(trial)));
    // The trials table goes on over a page, its header repeated there.
    QVERIFY(read->count(QStringLiteral("Achieved")) >= 5);
}

void TestReportRender::emptyAndOddModelsStillRender()
{
    ReportModel empty;
    empty.title = QStringLiteral("Nothing measured yet");
    QVERIFY(htmlReport(empty, std::nullopt).contains(QStringLiteral("No tier was measured")));
    QTemporaryDir dir;
    QVERIFY(writePdfReport(empty, dir.filePath(QStringLiteral("empty.pdf")), std::nullopt).ok());

    // Tiers with no trial, no capacity, nothing priced: dashes, not made-up figures.
    ReportModel odd = test::sampleReport();
    odd.tiers[0].trials.clear();
    odd.tiers[0].outcome = QStringLiteral("not-found");
    odd.tiers[0].capacityRps = 0;
    odd.tiers[1].outcome = QStringLiteral("below-start");
    odd.tiers[1].capacityRps = 0;
    odd.tiers[3].costLines.clear();
    odd.scaling->measured.clear();
    const QString html = htmlReport(odd, std::nullopt);
    QVERIFY(html.contains(QStringLiteral("&lt;") + QString(kNoBreakSpace) + QStringLiteral("400")));
    QVERIFY(writePdfReport(odd, dir.filePath(QStringLiteral("odd.pdf")), std::nullopt).ok());
}

void TestReportRender::unwritablePathIsAnError()
{
    const QString path = QStringLiteral("/nonexistent-folder/report.html");
    const auto html = writeHtmlReport(test::sampleReport(), path, std::nullopt);
    QVERIFY(!html.ok());
    QCOMPARE(html.error().kind, ErrorKind::Io);
    QCOMPARE(html.error().field, path);
    QVERIFY(!writePdfReport(test::sampleReport(), QStringLiteral("/nonexistent-folder/r.pdf"),
                            std::nullopt)
                 .ok());
}

QTEST_MAIN(TestReportRender)
#include "tst_reportrender.moc"
