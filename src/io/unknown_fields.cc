#include "io/unknown_fields.h"

#include <vector>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/unknown_field_set.h"

namespace contactplan::io {

int MessagesWithUnknownFields(const google::protobuf::Message& message) {
  const google::protobuf::Reflection* reflection = message.GetReflection();
  int count = reflection->GetUnknownFields(message).empty() ? 0 : 1;
  std::vector<const google::protobuf::FieldDescriptor*> fields;
  reflection->ListFields(message, &fields);
  for (const google::protobuf::FieldDescriptor* field : fields) {
    if (field->cpp_type() != google::protobuf::FieldDescriptor::CPPTYPE_MESSAGE) continue;
    if (field->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(message, field); ++i) {
        count += MessagesWithUnknownFields(reflection->GetRepeatedMessage(message, field, i));
      }
    } else {
      count += MessagesWithUnknownFields(reflection->GetMessage(message, field));
    }
  }
  return count;
}

}  // namespace contactplan::io
