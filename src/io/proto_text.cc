#include "io/proto_text.h"

#include <optional>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "io/closest_name.h"
#include "io/text_position.h"

namespace contactplan::io {
namespace {

// Keeps protobuf's errors with positions converted to the io stage's counting.
class TextErrors : public google::protobuf::io::ErrorCollector {
 public:
  TextErrors(std::string_view text, const LineMap& lines) : text_(text), lines_(lines) {}

  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    // protobuf reports -1 for errors that are not tied to a position (e.g. missing required
    // fields); the start of the text is the best place to point at then.
    size_t offset = line < 0 ? 0 : lines_.OffsetOfTokenizerPosition(line, column);
    // For a bad name or value protobuf points at the token after it; point at the culprit.
    if (const std::optional<std::string> culprit = QuotedCulprit(message)) {
      const size_t found = text_.substr(0, offset).rfind(*culprit);
      if (found != std::string_view::npos) offset = found;
    }
    diagnostics_.push_back({lines_.At(offset), WithSuggestion(message)});
  }

  std::vector<Diagnostic> Take() { return std::move(diagnostics_); }

 private:
  // The name or value from the input that an error is about, for the messages that quote one.
  static std::optional<std::string> QuotedCulprit(const std::string& message) {
    for (std::string_view lead : {"has no field named \"", "Unknown enumeration value of \""}) {
      const size_t start = message.find(lead);
      if (start == std::string::npos) continue;
      const size_t begin = start + lead.size();
      const size_t end = message.find('"', begin);
      if (end == std::string::npos || end == begin) continue;
      return message.substr(begin, end - begin);
    }
    return std::nullopt;
  }

  // 'Message type "contactplan.v1.Person" has no field named "nmae".' gains 'Did you mean "name"?'.
  static std::string WithSuggestion(const std::string& message) {
    constexpr std::string_view kType = "Message type \"";
    constexpr std::string_view kField = "\" has no field named \"";
    const size_t type_start = message.find(kType);
    const size_t field_start = message.find(kField);
    if (type_start == std::string::npos || field_start == std::string::npos) return message;
    const size_t name_start = type_start + kType.size();
    const std::string type = message.substr(name_start, field_start - name_start);
    const size_t unknown_start = field_start + kField.size();
    const size_t unknown_end = message.find('"', unknown_start);
    if (unknown_end == std::string::npos) return message;
    const google::protobuf::Descriptor* descriptor =
        google::protobuf::DescriptorPool::generated_pool()->FindMessageTypeByName(type);
    if (descriptor == nullptr) return message;
    std::vector<std::string> names;
    for (int i = 0; i < descriptor->field_count(); ++i) names.push_back(descriptor->field(i)->name());
    const std::optional<std::string> closest =
        ClosestName(message.substr(unknown_start, unknown_end - unknown_start), names);
    if (!closest.has_value()) return message;
    return absl::StrCat(message, " Did you mean \"", *closest, "\"?");
  }

  std::string_view text_;
  const LineMap& lines_;
  std::vector<Diagnostic> diagnostics_;
};

// proto3 strings must be UTF-8, and the binary parser refuses any that are not; text format lets
// escapes such as "\xff" make such strings, so they are looked for after parsing, and reported where
// the field stands.
void CheckStrings(const google::protobuf::Message& message,
                  const google::protobuf::TextFormat::ParseInfoTree* tree, const LineMap& lines,
                  const std::string& path, DiagnosticList& errors) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Reflection* reflection = message.GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const FieldDescriptor* field : fields) {
    const int count = field->is_repeated() ? reflection->FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      const int index = field->is_repeated() ? i : -1;
      const std::string element =
          absl::StrCat(path.empty() ? "" : absl::StrCat(path, "."), field->name(),
                       field->is_repeated() ? absl::StrCat("[", i, "]") : "");
      if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
        CheckStrings(field->is_repeated() ? reflection->GetRepeatedMessage(message, field, i)
                                          : reflection->GetMessage(message, field),
                     tree == nullptr ? nullptr : tree->GetTreeForNested(field, index), lines,
                     element, errors);
        continue;
      }
      if (field->type() != FieldDescriptor::TYPE_STRING ||
          field->file()->syntax() != google::protobuf::FileDescriptor::SYNTAX_PROTO3) {
        continue;
      }
      std::string scratch;
      const std::string& value =
          field->is_repeated() ? reflection->GetRepeatedStringReference(message, field, i, &scratch)
                               : reflection->GetStringReference(message, field, &scratch);
      if (FirstInvalidUtf8(value) == std::string_view::npos) continue;
      const google::protobuf::TextFormat::ParseLocation at =
          tree == nullptr ? google::protobuf::TextFormat::ParseLocation()
                          : tree->GetLocation(field, index);
      const size_t offset = at.line < 0 ? 0 : lines.OffsetOfTokenizerPosition(at.line, at.column);
      errors.Add(lines.At(offset),
                 absl::StrCat(element,
                              ": the string is not UTF-8 text (escapes such as \\xff make bytes, "
                              "not characters): write the characters themselves"));
    }
  }
}

}  // namespace

absl::Status ParseTextMessage(std::string_view text, google::protobuf::Message* message) {
  message->Clear();
  if (text.starts_with(kUtf8ByteOrderMark)) text.remove_prefix(kUtf8ByteOrderMark.size());
  const LineMap lines(text);
  const size_t invalid = FirstInvalidUtf8(text);
  if (invalid != std::string_view::npos) {
    return DiagnosticsToStatus({{lines.At(invalid), "the text is not UTF-8: save it as UTF-8"}});
  }
  TextErrors errors(text, lines);
  google::protobuf::TextFormat::ParseInfoTree locations;
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  parser.WriteLocationsTo(&locations);
  if (parser.ParseFromString(std::string(text), message)) {
    DiagnosticList bad_strings;  // bounded: a plan of a million "\xff" names gives a short message
    CheckStrings(*message, &locations, lines, "", bad_strings);
    if (bad_strings.empty()) return absl::OkStatus();
    message->Clear();
    return std::move(bad_strings).ToStatus();
  }
  message->Clear();
  std::vector<Diagnostic> diagnostics = errors.Take();
  if (diagnostics.empty()) {
    diagnostics.push_back({{1, 1}, absl::StrCat("not a valid text-format ",
                                                message->GetDescriptor()->name())});
  }
  return DiagnosticsToStatus(std::move(diagnostics));
}

std::string WriteTextMessage(const google::protobuf::Message& message) {
  google::protobuf::TextFormat::Printer printer;
  printer.SetUseUtf8StringEscaping(true);
  printer.SetHideUnknownFields(true);
  std::string text;
  printer.PrintToString(message, &text);
  return text;
}

}  // namespace contactplan::io
