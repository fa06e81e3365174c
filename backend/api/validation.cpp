#include "backend/api/validation.h"

#include "backend/api/jsonbody.h"
#include "backend/api/queryparams.h"
#include "backend/api/textrules.h"

#include <limits>
#include <rapidjson/document.h>

namespace qaconsole::api {

namespace {

constexpr std::int64_t kMaxId = std::numeric_limits<std::int32_t>::max();
constexpr std::int64_t kMaxCount = 100;
constexpr std::size_t kMaxPhotos = 5;
constexpr std::size_t kMaxUrlBytes = 2048;

struct TextRule
{
    const char* field;
    std::size_t minChars;
    std::size_t maxChars;
};

constexpr TextRule kBodyRule{"body", 1, 1000};
constexpr TextRule kNameRule{"name", 1, 60};
constexpr TextRule kEmailRule{"email", 3, 60};

std::string lowerAscii(std::string_view text)
{
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    }
    return out;
}

std::string_view trimAscii(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string idRuleMessage(std::string_view field)
{
    return std::string(field) + " must be an integer from 1 to 2147483647.";
}

// An optional paging parameter: absent gives `fallback`; present must be digits in 1..max.
std::optional<ApiError> pagingValue(std::string_view query, const char* field, std::int64_t max,
                                    const char* rule, std::int32_t* value)
{
    const std::optional<std::string> text = queryValue(query, field);
    if (!text)
        return std::nullopt;
    const std::optional<std::int64_t> parsed = parsePositive(*text, max);
    if (!parsed)
        return ApiError::invalid(field, std::string(field) + " must be " + rule + ".");
    *value = std::int32_t(*parsed);
    return std::nullopt;
}

// A required string field: trimmed, valid UTF-8 without NUL, with a length in code points.
std::optional<ApiError> textField(const rapidjson::Value& object, const TextRule& rule,
                                  std::string* out)
{
    const auto member = object.FindMember(rule.field);
    if (member == object.MemberEnd())
        return ApiError::invalid(rule.field, std::string(rule.field) + " is required.");
    if (!member->value.IsString())
        return ApiError::invalid(rule.field, std::string(rule.field) + " must be a string.");
    const std::string_view text = trimWhiteSpace(
        std::string_view(member->value.GetString(), member->value.GetStringLength()));
    const std::optional<std::size_t> length = utf8Length(text);
    if (!length)
        return ApiError::invalid(rule.field,
                                 std::string(rule.field) + " must be valid Unicode text.");
    // PostgreSQL text cannot hold U+0000; refusing it here keeps it a client error.
    if (text.find('\0') != std::string_view::npos)
        return ApiError::invalid(rule.field,
                                 std::string(rule.field) + " must not contain NUL characters.");
    if (*length < rule.minChars || *length > rule.maxChars)
        return ApiError::invalid(rule.field, std::string(rule.field) + " must be " +
                                                 std::to_string(rule.minChars) + " to " +
                                                 std::to_string(rule.maxChars) +
                                                 " characters long after trimming.");
    out->assign(text);
    return std::nullopt;
}

std::optional<ApiError> emailField(const rapidjson::Value& object, std::string* out)
{
    if (auto error = textField(object, kEmailRule, out))
        return error;
    if (!hasEmailShape(*out))
        return ApiError::invalid("email", "email must hold one @ with text on both sides.");
    return std::nullopt;
}

std::optional<ApiError> productIdField(const rapidjson::Value& object, std::int32_t* out)
{
    const auto member = object.FindMember("product_id");
    if (member == object.MemberEnd())
        return ApiError::invalid("product_id", "product_id is required.");
    const rapidjson::Value& value = member->value;
    std::optional<std::int64_t> id;
    if (value.IsInt() && value.GetInt() > 0)
        id = value.GetInt();
    else if (value.IsString())
        id = parsePositive(std::string_view(value.GetString(), value.GetStringLength()), kMaxId);
    if (!id)
        return ApiError::invalid("product_id", idRuleMessage("product_id"));
    *out = std::int32_t(*id);
    return std::nullopt;
}

std::optional<ApiError> photosField(const rapidjson::Value& object, std::vector<std::string>* out)
{
    const auto member = object.FindMember("photos");
    if (member == object.MemberEnd())
        return std::nullopt;
    const rapidjson::Value& photos = member->value;
    if (!photos.IsArray())
        return ApiError::invalid("photos", "photos must be an array of URLs.");
    if (photos.Size() > kMaxPhotos)
        return ApiError::invalid("photos", "photos must hold at most 5 URLs.");
    for (const rapidjson::Value& photo : photos.GetArray()) {
        if (!photo.IsString())
            return ApiError::invalid("photos", "Each of photos must be a string.");
        const std::string_view url =
            trimWhiteSpace(std::string_view(photo.GetString(), photo.GetStringLength()));
        if (url.size() > kMaxUrlBytes || !utf8Length(url) || !hasHttpUrlShape(url))
            return ApiError::invalid("photos", "Each of photos must be an http:// or https:// "
                                               "URL of at most 2048 bytes.");
        out->emplace_back(url);
    }
    return std::nullopt;
}

// Content type, then JSON syntax, then the top-level type: the 400s, in that order.
std::optional<ApiError> parseObject(std::string_view contentType, std::string_view body,
                                    rapidjson::Document* document)
{
    if (!isJsonContentType(contentType))
        return ApiError{ApiErrorKind::BadContentType,
                        "The body must be sent as Content-Type: application/json."};
    // Text that is not UTF-8 is refused here, before it could reach the database; a number too
    // big for a double is valid JSON and left to the field's rule (parseJsonBody()).
    if (!parseJsonBody(body, *document))
        return ApiError{ApiErrorKind::BadJson, "The body is not valid JSON."};
    if (!document->IsObject())
        return ApiError{ApiErrorKind::NotAnObject, "The body must be a JSON object."};
    return std::nullopt;
}

} // namespace

bool isJsonContentType(std::string_view contentType)
{
    const std::size_t semicolon = contentType.find(';');
    if (lowerAscii(trimAscii(contentType.substr(0, semicolon))) != "application/json")
        return false;
    std::string_view parameters =
        semicolon == std::string_view::npos ? std::string_view{} : contentType.substr(semicolon);
    while (!parameters.empty()) {
        parameters.remove_prefix(1); // the ';'
        const std::size_t next = parameters.find(';');
        const std::string_view parameter = trimAscii(parameters.substr(0, next));
        const std::size_t eq = parameter.find('=');
        if (eq != std::string_view::npos &&
            lowerAscii(trimAscii(parameter.substr(0, eq))) == "charset") {
            std::string_view charset = trimAscii(parameter.substr(eq + 1));
            if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"')
                charset = charset.substr(1, charset.size() - 2);
            const std::string lower = lowerAscii(charset);
            if (lower != "utf-8" && lower != "utf8")
                return false;
        }
        parameters = next == std::string_view::npos ? std::string_view{} : parameters.substr(next);
    }
    return true;
}

Validated<std::int32_t> validateId(std::string_view text, std::string_view field)
{
    const std::optional<std::int64_t> id = parsePositive(text, kMaxId);
    if (!id)
        return ApiError::invalid(std::string(field), idRuleMessage(field));
    return std::int32_t(*id);
}

Validated<store::PageRequest> validatePaging(std::string_view query)
{
    store::PageRequest page;
    if (auto error = pagingValue(query, "page", kMaxId, "an integer of at least 1", &page.page))
        return *error;
    if (auto error =
            pagingValue(query, "count", kMaxCount, "an integer from 1 to 100", &page.count))
        return *error;
    return page;
}

Validated<QuestionListQuery> validateQuestionListQuery(std::string_view query)
{
    const std::optional<std::string> productText = queryValue(query, "product_id");
    if (!productText)
        return ApiError::invalid("product_id", "product_id is required.");
    const Validated<std::int32_t> productId = validateId(*productText, "product_id");
    if (const auto* error = std::get_if<ApiError>(&productId))
        return *error;
    const Validated<store::PageRequest> page = validatePaging(query);
    if (const auto* error = std::get_if<ApiError>(&page))
        return *error;
    return QuestionListQuery{std::get<std::int32_t>(productId), std::get<store::PageRequest>(page)};
}

Validated<store::NewQuestion> validateNewQuestion(std::string_view contentType,
                                                  std::string_view body)
{
    rapidjson::Document document;
    if (auto error = parseObject(contentType, body, &document))
        return *error;
    store::NewQuestion question;
    if (auto error = textField(document, kBodyRule, &question.body))
        return *error;
    if (auto error = textField(document, kNameRule, &question.askerName))
        return *error;
    if (auto error = emailField(document, &question.askerEmail))
        return *error;
    if (auto error = productIdField(document, &question.productId))
        return *error;
    return question;
}

Validated<store::NewAnswer> validateNewAnswer(std::int32_t questionId, std::string_view contentType,
                                              std::string_view body)
{
    rapidjson::Document document;
    if (auto error = parseObject(contentType, body, &document))
        return *error;
    store::NewAnswer answer;
    answer.questionId = questionId;
    if (auto error = textField(document, kBodyRule, &answer.body))
        return *error;
    if (auto error = textField(document, kNameRule, &answer.answererName))
        return *error;
    if (auto error = emailField(document, &answer.answererEmail))
        return *error;
    if (auto error = photosField(document, &answer.photoUrls))
        return *error;
    return answer;
}

} // namespace qaconsole::api
