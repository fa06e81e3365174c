#include "ui/loadtest/thresholdeditor.h"

#include "ui/shell/statepresentation.h"
#include "ui/shell/theme.h"

#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace qaconsole::ui {

namespace {

QColor errorColor()
{
    return toneColor(Tone::Bad);
}

} // namespace

ThresholdEditor::ThresholdEditor(QWidget* parent)
    : QWidget(parent), m_edit(new QPlainTextEdit(this)), m_errorLabel(new QLabel(this)),
      m_hint(new QLabel(this))
{
    m_edit->setObjectName(QStringLiteral("thresholdEdit"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTabChangesFocus(true);
    m_edit->setPlaceholderText(QStringLiteral("http_req_failed rate<0.01"));
    m_edit->setMinimumHeight(72);
    m_edit->setMaximumHeight(110);
    m_errorLabel->setObjectName(QStringLiteral("thresholdErrors"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->hide();
    m_hint->setWordWrap(true);
    m_hint->setText(tr("One per line, as k6 writes them: http_req_failed rate<0.01, "
                       "http_req_duration p(99)<2000 (ms, corrected), http_reqs rate>1000. "
                       "A failed threshold fails the run."));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_edit);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_hint);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &ThresholdEditor::validate);
    validate();
    setTextColor(m_hint, secondaryText(QApplication::palette(this)));
    setTextColor(m_errorLabel, errorColor());
}

std::vector<loadgen::Threshold> ThresholdEditor::thresholds() const
{
    return m_thresholds;
}

QStringList ThresholdEditor::errors() const
{
    return m_errors;
}

void ThresholdEditor::setThresholds(const std::vector<loadgen::Threshold>& thresholds)
{
    QStringList lines;
    for (const loadgen::Threshold& threshold : thresholds)
        lines << threshold.text;
    m_edit->setPlainText(lines.join(u'\n'));
}

void ThresholdEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::ApplicationPaletteChange) {
        setTextColor(m_hint, secondaryText(QApplication::palette(this)));
        validate();
    }
    QWidget::changeEvent(event);
}

void ThresholdEditor::validate()
{
    m_thresholds.clear();
    m_errors.clear();
    QStringList shown;
    QList<QTextEdit::ExtraSelection> marks;
    const QColor tint =
        blend(QApplication::palette(this).color(QPalette::Base), errorColor(), 0.18);
    for (QTextBlock block = m_edit->document()->begin(); block.isValid(); block = block.next()) {
        const QString line = block.text().trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const loadgen::LoadResult<loadgen::Threshold> parsed = loadgen::parseThreshold(line);
        if (parsed) {
            m_thresholds.push_back(parsed.value());
            continue;
        }
        const int number = block.blockNumber() + 1;
        shown << tr("Line %1: %2").arg(number).arg(parsed.error().message);
        m_errors << tr("Threshold line %1: %2").arg(number).arg(parsed.error().message);
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        mark.format.setBackground(tint);
        mark.format.setProperty(QTextFormat::FullWidthSelection, true);
        marks << mark;
    }
    m_edit->setExtraSelections(marks);
    m_errorLabel->setText(shown.join(u'\n'));
    m_errorLabel->setVisible(!shown.isEmpty());
    Q_EMIT changed();
}

} // namespace qaconsole::ui
