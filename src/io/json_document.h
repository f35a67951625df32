// A JSON reader that keeps where every value and key starts.
//
// protobuf 3.21's JSON parser reports syntax errors with a snippet but no line or column, and field
// errors with a field path but no position. This reader checks the syntax itself (RFC 8259), pointing
// at the exact character, and gives the tree that turns a field path into a position.
#ifndef CONTACTPLAN_SRC_IO_JSON_DOCUMENT_H_
#define CONTACTPLAN_SRC_IO_JSON_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace contactplan::io {

struct JsonMember;

struct JsonValue {
  enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

  Kind kind = Kind::kNull;
  size_t offset = 0;                // byte offset of the value's first character
  std::string text;                 // kString: the decoded string; kNumber, kBool: as written
  std::vector<JsonValue> items;     // kArray
  std::vector<JsonMember> members;  // kObject, in document order

  // The member with this key (the first, if repeated), or nullptr.
  const JsonMember* Find(std::string_view key) const;
};

struct JsonMember {
  std::string key;  // decoded
  size_t key_offset = 0;
  JsonValue value;
};

// Nesting deeper than this is refused, as protobuf's own parser refuses it, so a hostile input
// cannot exhaust the stack.
inline constexpr int kMaxJsonDepth = 100;

// Parses one JSON value, surrounded by optional whitespace. A UTF-8 byte order mark at the start is
// skipped. Errors are InvalidArgument "line L, column C: ..." (see text_position.h for the counting).
absl::StatusOr<JsonValue> ReadJsonDocument(std::string_view text);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_JSON_DOCUMENT_H_
