#include "io/wire_check.h"

#include <cstdint>

#include "absl/strings/str_cat.h"
#include "io/text_position.h"
#include "io/wire_schema.h"

namespace contactplan::io {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

// protobuf's default recursion limit: deeper input is refused by the parser as well.
constexpr int kMaxDepth = 100;

// Where the walk is: one frame per enclosing field, innermost last. The dotted path
// ("persons.level", "field 99") is only spelled out when something fails: building a path string
// per field cost more than the parse itself when every parse ran this walk (benchmarks/RESULTS.md).
struct FieldFrame {
  const FieldFrame* parent;
  const FieldDescriptor* field;  // null for a field the schema does not know
  uint64_t number;
};

std::string PathOf(const FieldFrame* frame) {
  if (frame == nullptr) return "";
  const std::string parent = PathOf(frame->parent);
  const std::string name =
      frame->field != nullptr ? frame->field->name() : absl::StrCat("field ", frame->number);
  return parent.empty() ? name : absl::StrCat(parent, ".", name);
}

// protobuf's parser says only "failed". This walks the wire format the way the parser does and
// says where and why it breaks, in terms of the schema's fields.
class WireCheck {
 public:
  explicit WireCheck(std::string_view bytes) : bytes_(bytes) {}

  // The first problem, or nullopt when the bytes are well-formed.
  std::optional<std::string> Check(const Descriptor* message) {
    if (Message(0, bytes_.size(), &WireSchema::For(message), nullptr, 0)) return std::nullopt;
    return problem_;
  }

 private:
  using Path = const FieldFrame*;

  bool Fail(size_t at, Path frame, absl::string_view why) {
    const std::string path = PathOf(frame);
    problem_ = absl::StrCat("byte ", at, path.empty() ? "" : absl::StrCat(", in ", path), ": ", why);
    return false;
  }

  std::optional<uint64_t> Varint(size_t& pos, size_t end) {
    uint64_t value = 0;
    for (int shift = 0; shift < 64 && pos < end; shift += 7) {
      const auto byte = static_cast<unsigned char>(bytes_[pos++]);
      value |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) return value;
    }
    return std::nullopt;
  }

  // Checks fields in [pos, end) until `end`, or until the end-group tag of `group` when non-zero.
  bool Message(size_t pos, size_t end, const WireSchema* message, Path path, int depth,
               uint32_t group = 0) {
    if (depth > kMaxDepth) return Fail(pos, path, "nested too deeply");
    while (pos < end) {
      const size_t start = pos;
      const std::optional<uint64_t> tag = Varint(pos, end);
      if (!tag.has_value()) return Fail(start, path, "a field tag is cut off");
      const uint64_t number = *tag >> 3;
      const int wire_type = static_cast<int>(*tag & 7);
      if (number == 0 || number > FieldDescriptor::kMaxNumber) {
        return Fail(start, path, absl::StrCat("field number ", number, " is out of range"));
      }
      const WireSchema::Field* field = message == nullptr ? nullptr : message->Find(number);
      const FieldFrame frame{path, field == nullptr ? nullptr : field->descriptor, number};
      const Path field_path = &frame;
      switch (wire_type) {
        case 0:
          if (!Varint(pos, end).has_value()) return Fail(start, field_path, "a number is cut off");
          break;
        case 1:
        case 5: {
          const size_t width = wire_type == 1 ? 8 : 4;
          if (end - pos < width) return Fail(start, field_path, "a fixed-width number is cut off");
          pos += width;
          break;
        }
        case 2: {
          const std::optional<uint64_t> length = Varint(pos, end);
          if (!length.has_value()) return Fail(start, field_path, "a length is cut off");
          if (*length > end - pos) {
            return Fail(start, field_path,
                        absl::StrCat("a length of ", *length, " bytes runs past the end (",
                                     end - pos, " left)"));
          }
          if (!LengthDelimited(pos, pos + *length, field, field_path, depth)) return false;
          pos += *length;
          break;
        }
        case 3: {
          // A group: the same walk up to its end tag; unknown groups are kept as unknown fields.
          const size_t after = GroupEnd(pos, end, field_path, depth, static_cast<uint32_t>(number));
          if (after == kFailed) return false;
          pos = after;
          break;
        }
        case 4:
          if (group == number) {
            group_end_ = pos;
            return true;
          }
          return Fail(start, field_path, "a group ends that never started");
        default:
          return Fail(start, field_path, absl::StrCat("wire type ", wire_type, " does not exist"));
      }
    }
    if (group != 0) return Fail(end, path, "a group never ends");
    return true;
  }

  static constexpr size_t kFailed = static_cast<size_t>(-1);

  size_t GroupEnd(size_t pos, size_t end, Path path, int depth, uint32_t number) {
    group_end_ = kFailed;
    if (!Message(pos, end, nullptr, path, depth + 1, number)) return kFailed;
    return group_end_;
  }

  // Sub-messages are walked in turn; proto3 strings must be UTF-8, which the parser enforces.
  bool LengthDelimited(size_t pos, size_t end, const WireSchema::Field* field, Path path,
                       int depth) {
    if (field == nullptr) return true;
    if (field->message != nullptr) return Message(pos, end, field->message, path, depth + 1);
    if (field->utf8) {
      const size_t invalid = FirstInvalidUtf8(bytes_.substr(pos, end - pos));
      if (invalid != std::string_view::npos) {
        return Fail(pos + invalid, path, "a string that is not UTF-8");
      }
    }
    return true;
  }

  std::string_view bytes_;
  std::string problem_;
  size_t group_end_ = kFailed;
};

}  // namespace

std::optional<std::string> FindWireProblem(std::string_view bytes, const Descriptor* type) {
  return WireCheck(bytes).Check(type);
}

}  // namespace contactplan::io
