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
  explicit TextErrors(const LineMap& lines) : lines_(lines) {}

  void AddError(int line, google::protobuf::io::ColumnNumber column,
                const std::string& message) override {
    // protobuf reports -1 for errors that are not tied to a position (e.g. missing required
    // fields); the start of the text is the best place to point at then.
    const size_t offset = line < 0 ? 0 : lines_.OffsetOfTokenizerPosition(line, column);
    diagnostics_.push_back({lines_.At(offset), WithSuggestion(message)});
  }

  std::vector<Diagnostic> Take() { return std::move(diagnostics_); }

 private:
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

  const LineMap& lines_;
  std::vector<Diagnostic> diagnostics_;
};

}  // namespace

absl::Status ParseTextMessage(std::string_view text, google::protobuf::Message* message) {
  message->Clear();
  if (text.starts_with(kUtf8ByteOrderMark)) text.remove_prefix(kUtf8ByteOrderMark.size());
  const LineMap lines(text);
  const size_t invalid = FirstInvalidUtf8(text);
  if (invalid != std::string_view::npos) {
    return DiagnosticsToStatus({{lines.At(invalid), "the text is not UTF-8: save it as UTF-8"}});
  }
  TextErrors errors(lines);
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(&errors);
  if (parser.ParseFromString(std::string(text), message)) return absl::OkStatus();
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
