#include "render/optional_fields.h"

#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"
#include "google/protobuf/timestamp.pb.h"

namespace contactplan::render {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

// The number held by `field` of `message`: a double or float, or the `value` of a message.
std::optional<double> NumberIn(const Message& message, const FieldDescriptor* field) {
  if (field == nullptr || field->is_repeated()) return std::nullopt;
  const google::protobuf::Reflection* reflection = message.GetReflection();
  switch (field->cpp_type()) {
    case FieldDescriptor::CPPTYPE_DOUBLE: return reflection->GetDouble(message, field);
    case FieldDescriptor::CPPTYPE_FLOAT: return reflection->GetFloat(message, field);
    case FieldDescriptor::CPPTYPE_MESSAGE: {
      if (!reflection->HasField(message, field)) return std::nullopt;
      const Message& inner = reflection->GetMessage(message, field);
      return NumberIn(inner, inner.GetDescriptor()->FindFieldByName("value"));
    }
    default: return std::nullopt;
  }
}

bool LeftBy(const Message& message, const std::optional<int64_t>& now_seconds) {
  const FieldDescriptor* field = message.GetDescriptor()->FindFieldByName("left_at");
  if (field == nullptr || field->is_repeated() ||
      field->cpp_type() != FieldDescriptor::CPPTYPE_MESSAGE ||
      field->message_type() != google::protobuf::Timestamp::descriptor()) {
    return false;
  }
  const google::protobuf::Reflection* reflection = message.GetReflection();
  if (!reflection->HasField(message, field)) return false;
  const auto& left_at =
      static_cast<const google::protobuf::Timestamp&>(reflection->GetMessage(message, field));
  return !now_seconds.has_value() || left_at.seconds() <= *now_seconds;
}

}  // namespace

std::optional<double> Confidence(const v1::Analysis& analysis) {
  if (auto in_scores = NumberIn(analysis.scores(),
                                v1::Scores::descriptor()->FindFieldByName("confidence"))) {
    return in_scores;
  }
  return NumberIn(analysis, v1::Analysis::descriptor()->FindFieldByName("confidence"));
}

bool HasLeft(const v1::Person& person, const std::optional<int64_t>& now_seconds) {
  return LeftBy(person, now_seconds);
}

bool HasLeft(const v1::TeamMember& member, const std::optional<int64_t>& now_seconds) {
  return LeftBy(member, now_seconds);
}

}  // namespace contactplan::render
