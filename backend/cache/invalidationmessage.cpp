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

std::string instanceIdText(std::uint64_t id)
{
    char digits[17];
    const auto end = std::to_chars(digits, digits + sizeof digits, id, 16).ptr;
    return std::string(digits, std::size_t(end - digits));
}

std::optional<std::uint64_t> parseInstanceId(std::string_view text)
{
    std::uint64_t id = 0;
    const auto parsed = std::from_chars(text.data(), text.data() + text.size(), id, 16);
    if (text.empty() || parsed.ec != std::errc() || parsed.ptr != text.data() + text.size())
        return std::nullopt;
    return id;
}

std::string formatInvalidation(const InvalidationMessage& message)
{
    std::string text = instanceIdText(message.sender);
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
    case InvalidationMessage::Scope::Beat:
        text += " beat ";
        text += std::to_string(message.beat);
        text += ' ';
        text += std::to_string(message.leaseMs);
        return text;
    }
    if (!message.ackKey.empty()) {
        text += " ack ";
        text += message.ackKey;
    }
    return text;
}

std::optional<InvalidationMessage> parseInvalidation(std::string_view text)
{
    InvalidationMessage message;
    if (const std::size_t ack = text.find(" ack "); ack != std::string_view::npos) {
        message.ackKey.assign(text.substr(ack + 5));
        text = text.substr(0, ack);
        if (message.ackKey.empty() || message.ackKey.find(' ') != std::string::npos)
            return std::nullopt;
    }
    const auto sender = parseInstanceId(nextWord(text));
    if (!sender)
        return std::nullopt;
    message.sender = *sender;
    const std::string_view scope = nextWord(text);
    if (scope == "all" && text.empty()) {
        message.scope = InvalidationMessage::Scope::All;
        return message;
    }
    if (scope == "beat") {
        const std::string_view sequence = nextWord(text);
        const auto beat =
            std::from_chars(sequence.data(), sequence.data() + sequence.size(), message.beat);
        const auto lease = std::from_chars(text.data(), text.data() + text.size(), message.leaseMs);
        if (sequence.empty() || text.empty() || !message.ackKey.empty() || beat.ec != std::errc() ||
            beat.ptr != sequence.data() + sequence.size() || lease.ec != std::errc() ||
            lease.ptr != text.data() + text.size() || message.leaseMs <= 0)
            return std::nullopt;
        message.scope = InvalidationMessage::Scope::Beat;
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
            base + ":policy", base + ":instance:", base + ":ack:"};
}

} // namespace qaconsole::cache
