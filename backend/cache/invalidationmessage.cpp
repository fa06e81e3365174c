#include "backend/cache/invalidationmessage.h"

#include <charconv>

namespace qaconsole::cache {

namespace {

std::string_view nextWord(std::string_view& text)
{
    const std::size_t space = text.find(' ');
    const std::string_view word = text.substr(0, space);
    text.remove_prefix(space == std::string_view::npos ? text.size() : space + 1);
    return word;
}

std::optional<DataClass> classNamed(std::string_view name)
{
    for (const auto candidate : {DataClass::Questions, DataClass::Answers}) {
        if (name == dataClassName(candidate))
            return candidate;
    }
    return std::nullopt;
}

} // namespace

std::string formatInvalidation(const InvalidationMessage& message)
{
    char sender[17];
    const auto end = std::to_chars(sender, sender + sizeof sender, message.sender, 16).ptr;
    std::string text(sender, std::size_t(end - sender));
    switch (message.scope) {
    case InvalidationMessage::Scope::Group:
        text += " group ";
        text.append(dataClassName(message.group.dataClass));
        text += ' ';
        text += std::to_string(message.group.id);
        break;
    case InvalidationMessage::Scope::Class:
        text += " class ";
        text.append(dataClassName(message.group.dataClass));
        break;
    case InvalidationMessage::Scope::All:
        text += " all";
        break;
    }
    return text;
}

std::optional<InvalidationMessage> parseInvalidation(std::string_view text)
{
    InvalidationMessage message;
    const std::string_view sender = nextWord(text);
    const auto parsed =
        std::from_chars(sender.data(), sender.data() + sender.size(), message.sender, 16);
    if (sender.empty() || parsed.ec != std::errc() || parsed.ptr != sender.data() + sender.size())
        return std::nullopt;
    const std::string_view scope = nextWord(text);
    if (scope == "all" && text.empty()) {
        message.scope = InvalidationMessage::Scope::All;
        return message;
    }
    const auto dataClass = classNamed(nextWord(text));
    if (!dataClass)
        return std::nullopt;
    message.group.dataClass = *dataClass;
    if (scope == "class" && text.empty()) {
        message.scope = InvalidationMessage::Scope::Class;
        return message;
    }
    const auto id = std::from_chars(text.data(), text.data() + text.size(), message.group.id);
    if (scope != "group" || text.empty() || id.ec != std::errc() ||
        id.ptr != text.data() + text.size())
        return std::nullopt;
    return message;
}

CacheChannels CacheChannels::forNamespace(std::string_view ns)
{
    const std::string base(ns);
    return {base + ':' + std::to_string(kCacheSchemaVersion) + ":invalidate", base + ":policy",
            base + ":policy", base + ":policy:acks"};
}

} // namespace qaconsole::cache
