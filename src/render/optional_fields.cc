#include "render/optional_fields.h"

#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"
#include "google/protobuf/timestamp.pb.h"

namespace contactplan::render {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;

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
  if (!analysis.scores().has_confidence()) return std::nullopt;
  return analysis.scores().confidence().value();
}

bool HasLeft(const v1::Person& person, const std::optional<int64_t>& now_seconds) {
  return LeftBy(person, now_seconds);
}

bool HasLeft(const v1::TeamMember& member, const std::optional<int64_t>& now_seconds) {
  return LeftBy(member, now_seconds);
}

}  // namespace contactplan::render
