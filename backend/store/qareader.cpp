#include "backend/store/qareader.h"

namespace qaconsole::store {

void QaReader::readLists(std::span<const ListRead> reads, std::vector<StoreResult<ListPage>>& pages)
{
    pages.clear();
    for (const ListRead& read : reads) {
        ListPage page;
        if (read.of == ListRead::Of::ProductQuestions) {
            auto questions = listQuestions(read.id, read.page);
            if (!questions.ok()) {
                pages.emplace_back(questions.failure());
                continue;
            }
            page.questions = std::move(questions.value());
        } else {
            auto answers = listAnswers(read.id, read.page);
            if (!answers.ok()) {
                pages.emplace_back(answers.failure());
                continue;
            }
            page.answers = std::move(answers.value());
        }
        pages.emplace_back(std::move(page));
    }
}

} // namespace qaconsole::store
