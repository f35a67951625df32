#include "options/tuning.h"

#include <cmath>
#include <string>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/text_format.h"

namespace contactplan {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

v1::Tuning ParseDefaults() {
  v1::Tuning tuning;
  const std::string text = absl::StrCat(tuning_defaults::kScores, tuning_defaults::kRecommend,
                                        tuning_defaults::kTactics, tuning_defaults::kActivity);
  // The text is a constant of this library; tuning_test proves it parses and sets every field, so a
  // failure here cannot reach a user. No error reporter: the library never prints.
  google::protobuf::TextFormat::Parser parser;
  parser.RecordErrorsTo(nullptr);
  if (!parser.ParseFromString(text, &tuning)) tuning.Clear();
  return tuning;
}

// Every number set in `message` (and its sub-messages) must be finite and not negative.
absl::Status CheckNumbers(const Message& message, const std::string& path) {
  const Reflection* reflection = message.GetReflection();
  const auto* descriptor = message.GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor* field = descriptor->field(i);
    if (field->is_repeated() || !reflection->HasField(message, field)) continue;
    const std::string at = absl::StrCat(path, ".", field->name());
    double value = 0;
    switch (field->cpp_type()) {
      case FieldDescriptor::CPPTYPE_MESSAGE:
        if (absl::Status status = CheckNumbers(reflection->GetMessage(message, field), at);
            !status.ok()) {
          return status;
        }
        continue;
      case FieldDescriptor::CPPTYPE_DOUBLE: value = reflection->GetDouble(message, field); break;
      case FieldDescriptor::CPPTYPE_FLOAT: value = reflection->GetFloat(message, field); break;
      case FieldDescriptor::CPPTYPE_INT32: value = reflection->GetInt32(message, field); break;
      case FieldDescriptor::CPPTYPE_INT64: value = static_cast<double>(reflection->GetInt64(message, field)); break;
      default: continue;  // bools, enums, unsigned integers: every value is allowed
    }
    if (!std::isfinite(value) || value < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat(at, ": must be a finite number, not negative, got ", value));
    }
  }
  return absl::OkStatus();
}

}  // namespace

const v1::Tuning& DefaultTuning() {
  static const v1::Tuning* const defaults = new v1::Tuning(ParseDefaults());
  return *defaults;
}

absl::StatusOr<v1::Tuning> ResolveTuning(const v1::Tuning& given) {
  if (absl::Status status = CheckNumbers(given, "tuning"); !status.ok()) return status;
  v1::Tuning tuning = DefaultTuning();
  tuning.MergeFrom(given);  // only the fields `given` sets (every scalar has presence)
  return tuning;
}

}  // namespace contactplan
