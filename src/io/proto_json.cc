#include "io/proto_json.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"
#include "io/closest_name.h"
#include "io/json_document.h"
#include "io/text_position.h"

namespace contactplan::io {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::EnumDescriptor;
using google::protobuf::FieldDescriptor;

// Timestamp and the other well-known types have their own JSON forms, which protobuf checks.
bool HasOwnJsonForm(const Descriptor* message) {
  return message->file()->package() == "google.protobuf";
}

// The field a JSON key names: protobuf accepts the proto name and the JSON (lowerCamel) name.
const FieldDescriptor* FieldForKey(const Descriptor* message, const std::string& key) {
  if (const FieldDescriptor* field = message->FindFieldByName(key)) return field;
  for (int i = 0; i < message->field_count(); ++i) {
    if (message->field(i)->json_name() == key) return message->field(i);
  }
  return nullptr;
}

const JsonValue* MemberFor(const JsonValue& object, const FieldDescriptor* field) {
  for (const JsonMember& member : object.members) {
    if (member.key == field->name() || member.key == field->json_name()) return &member.value;
  }
  return nullptr;
}

std::string Join(const std::string& path, absl::string_view name) {
  return path.empty() ? std::string(name) : absl::StrCat(path, ".", name);
}

// What protobuf's JSON parser would reject or, worse, silently accept in a shape the schema does
// not have, checked over the whole document so every unknown name is reported at once.
class SchemaCheck {
 public:
  SchemaCheck(const LineMap& lines, std::vector<Diagnostic>& errors)
      : lines_(lines), errors_(errors) {}

  void Object(const JsonValue& object, const Descriptor* message, const std::string& path) {
    for (const JsonMember& member : object.members) {
      const FieldDescriptor* field = FieldForKey(message, member.key);
      if (field == nullptr) {
        UnknownField(member, message, path);
        continue;
      }
      Field(member.value, field, Join(path, field->name()));
    }
  }

 private:
  void Error(size_t offset, const std::string& path, absl::string_view message) {
    errors_.push_back(
        {lines_.At(offset), path.empty() ? std::string(message) : absl::StrCat(path, ": ", message)});
  }

  void UnknownField(const JsonMember& member, const Descriptor* message, const std::string& path) {
    std::vector<std::string> names;
    for (int i = 0; i < message->field_count(); ++i) names.push_back(message->field(i)->json_name());
    Error(member.key_offset, path,
          absl::StrCat("unknown field ", Quoted(member.key), DidYouMean(member.key, names), " in ",
                       message->name(), ": correct the name or remove the field (",
                       message->name(), " has ", absl::StrJoin(names, ", "), ")"));
  }

  void Field(const JsonValue& value, const FieldDescriptor* field, const std::string& path) {
    if (value.kind == JsonValue::Kind::kNull || field->is_map()) return;
    if (field->is_repeated()) {
      if (value.kind != JsonValue::Kind::kArray) {
        Error(value.offset, path,
              absl::StrCat("expected a list [...] (", field->name(), " is repeated)"));
        return;
      }
      for (size_t i = 0; i < value.items.size(); ++i) {
        Element(value.items[i], field, absl::StrCat(path, "[", i, "]"));
      }
      return;
    }
    Element(value, field, path);
  }

  void Element(const JsonValue& value, const FieldDescriptor* field, const std::string& path) {
    if (field->message_type() != nullptr && !HasOwnJsonForm(field->message_type())) {
      if (value.kind != JsonValue::Kind::kObject) {
        Error(value.offset, path,
              absl::StrCat("expected an object {...} (a ", field->message_type()->name(), ")"));
        return;
      }
      Object(value, field->message_type(), path);
    } else if (field->enum_type() != nullptr && value.kind == JsonValue::Kind::kString) {
      EnumName(value, field->enum_type(), path);
    }
  }

  void EnumName(const JsonValue& value, const EnumDescriptor* type, const std::string& path) {
    if (type->FindValueByName(value.text) != nullptr) return;
    std::vector<std::string> names;
    for (int i = 0; i < type->value_count(); ++i) names.push_back(type->value(i)->name());
    Error(value.offset, path,
          absl::StrCat("unknown ", type->name(), " ", Quoted(value.text),
                       DidYouMean(value.text, names), ": use one of ", absl::StrJoin(names, ", ")));
  }

  const LineMap& lines_;
  std::vector<Diagnostic>& errors_;
};

// The value a protobuf error path ("persons[0].nps_answers[1].score") names, or the deepest value
// on the way there that the document has.
size_t OffsetOfPath(const JsonValue& root, const Descriptor* message, std::string_view path) {
  const JsonValue* value = &root;
  for (absl::string_view step : absl::StrSplit(absl::string_view(path.data(), path.size()), '.')) {
    std::optional<size_t> index;
    const size_t bracket = step.find('[');
    if (bracket != absl::string_view::npos) {
      size_t parsed = 0;
      if (absl::SimpleAtoi(step.substr(bracket + 1, step.size() - bracket - 2), &parsed)) {
        index = parsed;
      }
      step = step.substr(0, bracket);
    }
    const FieldDescriptor* field =
        message == nullptr ? nullptr : message->FindFieldByName(std::string(step));
    if (field == nullptr || value->kind != JsonValue::Kind::kObject) break;
    const JsonValue* member = MemberFor(*value, field);
    if (member == nullptr) break;
    value = member;
    if (index.has_value() && value->kind == JsonValue::Kind::kArray && *index < value->items.size()) {
      value = &value->items[*index];
    }
    message = field->message_type();
  }
  return value->offset;
}

// Where a protobuf error without a field path points: its message is followed by a line break, the
// text around the problem (which may itself hold line breaks), a line break, and a line that marks
// the spot with '^'.
std::optional<size_t> OffsetOfSnippet(std::string_view body, std::string_view message) {
  const size_t first_break = message.find('\n');
  const size_t last_break = message.rfind('\n');
  if (first_break == std::string_view::npos || last_break == first_break) return std::nullopt;
  const std::string_view snippet = message.substr(first_break + 1, last_break - first_break - 1);
  const size_t caret = message.find('^', last_break);
  if (snippet.empty() || caret == std::string_view::npos) return std::nullopt;
  const size_t found = body.find(snippet);
  if (found == std::string_view::npos) return std::nullopt;
  return found + (caret - last_break - 1);
}

// protobuf's message, made readable: "(persons[0].id): invalid value 5 for type TYPE_STRING" becomes
// path "persons[0].id" and "invalid value 5 for type string".
std::pair<std::string, std::string> SplitProtobufError(std::string message) {
  std::string path;
  if (message.starts_with('(')) {
    const size_t close = message.find(')');
    if (close != std::string::npos) {
      path = message.substr(1, close - 1);
      message = std::string(absl::StripLeadingAsciiWhitespace(
          absl::StripPrefix(absl::string_view(message).substr(close + 1), ":")));
    }
  }
  message = message.substr(0, message.find('\n'));  // the snippet is shown by position instead
  message = absl::StrReplaceAll(message, {{"type.googleapis.com/", ""}});
  const size_t type = message.find("TYPE_");
  if (type != std::string::npos) {
    for (size_t i = type + 5; i < message.size() && absl::ascii_isupper(message[i]); ++i) {
      message[i] = absl::ascii_tolower(message[i]);
    }
    message.erase(type, 5);
  }
  return {std::move(path), std::move(message)};
}

}  // namespace

absl::Status ParseJsonMessage(std::string_view json, google::protobuf::Message* message) {
  message->Clear();
  absl::StatusOr<JsonValue> document = ReadJsonDocument(json);
  if (!document.ok()) return document.status();
  const LineMap lines(json);
  if (document->kind != JsonValue::Kind::kObject) {
    return DiagnosticsToStatus({{lines.At(document->offset),
                                 absl::StrCat("expected an object {...} holding a ",
                                              message->GetDescriptor()->name())}});
  }
  std::vector<Diagnostic> errors;
  SchemaCheck(lines, errors).Object(*document, message->GetDescriptor(), "");
  if (!errors.empty()) return DiagnosticsToStatus(std::move(errors));

  const std::string_view body =
      json.starts_with(kUtf8ByteOrderMark) ? json.substr(kUtf8ByteOrderMark.size()) : json;
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  const auto status = google::protobuf::util::JsonStringToMessage(
      google::protobuf::StringPiece(body.data(), body.size()), message, options);
  if (status.ok()) return absl::OkStatus();
  message->Clear();
  const std::string protobuf_message(status.message().data(), status.message().size());
  auto [path, text] = SplitProtobufError(protobuf_message);
  size_t offset = OffsetOfPath(*document, message->GetDescriptor(), path);
  if (path.empty()) {
    const size_t skipped = json.size() - body.size();  // the byte order mark
    offset = OffsetOfSnippet(body, protobuf_message).value_or(offset - skipped) + skipped;
  }
  return DiagnosticsToStatus(
      {{lines.At(offset), path.empty() ? text : absl::StrCat(path, ": ", text)}});
}

absl::StatusOr<std::string> WriteJsonMessage(const google::protobuf::Message& message,
                                             JsonStyle style) {
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.always_print_primitive_fields = style == JsonStyle::kEveryField;
  options.always_print_enums_as_ints = false;
  options.preserve_proto_field_names = false;
  std::string json;
  const auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
  if (!status.ok()) {
    return absl::InternalError(absl::StrCat(
        "cannot write JSON: ", std::string(status.message().data(), status.message().size())));
  }
  return json;
}

}  // namespace contactplan::io
