#include "backend/stack/logtail.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using qaconsole::stack::LogTail;

namespace {

void writeFile(const QString& path, const QByteArray& data, QIODevice::OpenMode mode)
{
    QFile file(path);
    QVERIFY2(file.open(mode), qPrintable(file.errorString()));
    QCOMPARE(file.write(data), data.size());
}

void append(const QString& path, const QByteArray& data)
{
    writeFile(path, data, QIODevice::WriteOnly | QIODevice::Append);
}

void replace(const QString& path, const QByteArray& data)
{
    writeFile(path, data, QIODevice::WriteOnly | QIODevice::Truncate);
}

QByteArray numberedLines(int count)
{
    QByteArray text;
    for (int i = 1; i <= count; ++i)
        text += "line " + QByteArray::number(i) + " of the server log\n";
    return text;
}

// Reads until the tail has nothing more, as a poller would over several ticks.
QString drain(LogTail& tail)
{
    QString all;
    for (int i = 0; i < 10000; ++i) {
        const QString chunk = tail.read();
        if (chunk.isEmpty())
            break;
        all += chunk;
    }
    return all;
}

} // namespace

class TestLogTail : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("server.log"));
        QFile::remove(m_path);
    }

    void missingFileReadsNothingUntilItAppears()
    {
        LogTail tail(m_path);
        QCOMPARE(tail.path(), m_path);
        QVERIFY(tail.read().isEmpty());
        QVERIFY(tail.read().isEmpty());

        append(m_path, "ready to accept connections\n");
        QCOMPARE(tail.read(), QStringLiteral("ready to accept connections\n"));
    }

    void returnsOnlyWhatWasAppended()
    {
        append(m_path, "first\n");
        LogTail tail(m_path);
        QCOMPARE(tail.read(), QStringLiteral("first\n"));
        QVERIFY(tail.read().isEmpty());

        append(m_path, "second\nthird");
        QCOMPARE(tail.read(), QStringLiteral("second\nthird"));
        append(m_path, " continued\n");
        QCOMPARE(tail.read(), QStringLiteral(" continued\n"));
        QVERIFY(tail.read().isEmpty());
    }

    void backlogStartsAtALineBoundary()
    {
        const QByteArray text = numberedLines(200);
        append(m_path, text);
        LogTail tail(m_path, 100);

        const QString first = tail.read();
        QVERIFY(!first.isEmpty());
        QVERIFY(first.size() <= 100);
        QVERIFY2(first.startsWith(QStringLiteral("line ")), qPrintable(first));
        QVERIFY(QString::fromUtf8(text).endsWith(first));
        QVERIFY(first.endsWith(QStringLiteral("line 200 of the server log\n")));
        QVERIFY(tail.read().isEmpty());
    }

    void backlogKeepsALineThatStartsExactlyAtItsEdge()
    {
        append(m_path, "0123456789\nabcdefghi\n");
        LogTail tail(m_path, 10); // the backlog begins right after the first newline
        QCOMPARE(tail.read(), QStringLiteral("abcdefghi\n"));
    }

    void smallFileIsReadWhole()
    {
        append(m_path, "short\nlog\n");
        LogTail tail(m_path, 4096);
        QCOMPARE(tail.read(), QStringLiteral("short\nlog\n"));
    }

    void truncationRestartsFromTheBeginning()
    {
        append(m_path, numberedLines(20));
        LogTail tail(m_path);
        QVERIFY(!tail.read().isEmpty());

        replace(m_path, "after rotation\n");
        QCOMPARE(tail.read(), QStringLiteral("after rotation\n"));
        append(m_path, "more\n");
        QCOMPARE(tail.read(), QStringLiteral("more\n"));
    }

    void replacedFileIsFollowed()
    {
        append(m_path, numberedLines(20));
        LogTail tail(m_path);
        QVERIFY(!tail.read().isEmpty());

        const QString fresh = m_dir.filePath(QStringLiteral("fresh.log"));
        append(fresh, "new server instance\n");
        QVERIFY(QFile::remove(m_path));
        QVERIFY(QFile::rename(fresh, m_path));
        QCOMPARE(tail.read(), QStringLiteral("new server instance\n"));
    }

    void deletedFileComingBackLargerIsReadFromItsStart()
    {
        append(m_path, "old\n");
        LogTail tail(m_path);
        QCOMPARE(tail.read(), QStringLiteral("old\n"));

        QVERIFY(QFile::remove(m_path));
        QVERIFY(tail.read().isEmpty());
        append(m_path, "a much longer first line of the new file\n");
        QCOMPARE(tail.read(), QStringLiteral("a much longer first line of the new file\n"));
    }

    void chunksAreCapped()
    {
        const QByteArray text = numberedLines(50);
        append(m_path, text);
        LogTail tail(m_path, text.size(), 64);

        QString all;
        int reads = 0;
        for (QString chunk = tail.read(); !chunk.isEmpty(); chunk = tail.read()) {
            QVERIFY(chunk.size() <= 64);
            all += chunk;
            ++reads;
        }
        QCOMPARE(all, QString::fromUtf8(text));
        QVERIFY(reads >= text.size() / 64);
    }

    void multiByteCharactersAreNeverSplit()
    {
        // Two-, three- and four-byte characters, so every chunk boundary lands somewhere odd.
        const QString line = QStringLiteral("é – 日本語 \U0001F600 naïve\n");
        QString expected;
        for (int i = 0; i < 30; ++i)
            expected += line;
        append(m_path, expected.toUtf8());

        for (const qint64 cap : {5, 7, 11, 13}) {
            LogTail tail(m_path, 1 << 20, cap);
            const QString all = drain(tail);
            QCOMPARE(all, expected);
            QVERIFY(!all.contains(QChar::ReplacementCharacter));
        }
    }

    void halfWrittenCharacterWaitsForItsRest()
    {
        const QByteArray euro = QStringLiteral("€").toUtf8();
        QCOMPARE(euro.size(), 3);
        append(m_path, "price: " + euro.left(1));
        LogTail tail(m_path);
        QCOMPARE(tail.read(), QStringLiteral("price: "));
        append(m_path, euro.mid(1) + "\n");
        QCOMPARE(tail.read(), QStringLiteral("€\n"));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_GUILESS_MAIN(TestLogTail)
#include "tst_logtail.moc"
