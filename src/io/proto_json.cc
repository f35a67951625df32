#include "io/proto_json.h"

#include "io/json_reader.h"

namespace contactplan::io {

absl::Status ParseJsonMessage(std::string_view json, google::protobuf::Message* message) {
  return ReadJsonMessage(json, message);
}

absl::StatusOr<std::string> WriteJsonMessage(const google::protobuf::Message& message,
                                             JsonStyle style, size_t max_bytes) {
  return WriteJson(message, style, max_bytes);
}

}  // namespace contactplan::io
