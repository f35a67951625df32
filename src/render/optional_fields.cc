#include "render/optional_fields.h"

#include "google/protobuf/descriptor.h"
#include "google/protobuf/reflection.h"

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

}  // namespace

std::optional<double> Confidence(const v1::Analysis& analysis) {
  if (auto in_scores = NumberIn(analysis.scores(),
                                v1::Scores::descriptor()->FindFieldByName("confidence"))) {
    return in_scores;
  }
  return NumberIn(analysis, v1::Analysis::descriptor()->FindFieldByName("confidence"));
}

}  // namespace contactplan::render
