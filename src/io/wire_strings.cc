#include "io/wire_strings.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "base/utf8.h"
#include "google/protobuf/descriptor.h"

namespace contactplan::io {
namespace {

// protobuf's recursion limit, which the full wire check applies the same way (proto_binary.cc).
constexpr int kMaxDepth = 100;
constexpr uint64_t kMaxFieldNumber = google::protobuf::FieldDescriptor::kMaxNumber;
constexpr uint64_t kHighBits = 0x8080808080808080u;

// A varint of at most ten bytes, read as the full wire check reads it; null when cut off or longer.
const char* ReadVarint(const char* p, const char* end, uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64 && p < end; shift += 7) {
    const auto byte = static_cast<unsigned char>(*p++);
    value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return p;
  }
  return nullptr;
}

// Past a varint whose value does not matter (a number field); null as ReadVarint.
const char* SkipVarint(const char* p, const char* end) {
  const char* const limit = end - p > 10 ? p + 10 : end;
  while (p < limit) {
    if ((static_cast<unsigned char>(*p++) & 0x80) == 0) return p;
  }
  return nullptr;
}

class StringScan {
 public:
  explicit StringScan(std::string_view bytes) : begin_(bytes.data()) {}

  // The fields in [p, end) of a message of type `schema`, `depth` levels below the top.
  bool Message(const char* p, const char* end, const WireSchema& schema, int depth) const {
    if (depth > kMaxDepth) return false;
    while (p < end) {
      // Tags, lengths and numbers below 128 take one byte: nearly every one a plan holds. A
      // one-byte tag's field number is below 16, so only 0 is out of range.
      uint64_t tag = static_cast<unsigned char>(*p);
      if (tag >= 8 && tag < 0x80) {
        ++p;
      } else if ((p = ReadVarint(p, end, tag)) == nullptr || (tag >> 3) == 0 ||
                 (tag >> 3) > kMaxFieldNumber) {
        return false;
      }
      const unsigned wire_type = tag & 7;
      if (wire_type == 0) {
        if (p < end && static_cast<unsigned char>(*p) < 0x80) {
          ++p;
        } else if ((p = SkipVarint(p, end)) == nullptr) {
          return false;
        }
      } else if (wire_type == 2) {
        if (p == end) return false;
        uint64_t length = static_cast<unsigned char>(*p);
        if (length < 0x80) {
          ++p;
        } else if ((p = ReadVarint(p, end, length)) == nullptr) {
          return false;
        }
        if (length > static_cast<uint64_t>(end - p)) return false;
        const char* const field_end = p + length;
        // Only here is the schema asked: what the parser does with the other wire types does not
        // depend on the field.
        if (const WireSchema::Field* field = schema.Find(tag >> 3); field != nullptr) {
          if (field->utf8) {
            if (!Utf8(p, field_end)) return false;
          } else if (field->message != nullptr) {
            if (!SubMessage(p, field_end, *field->message, depth + 1)) return false;
          }
        }
        p = field_end;
      } else if (wire_type == 1 || wire_type == 5) {
        const size_t width = wire_type == 1 ? 8 : 4;
        if (static_cast<size_t>(end - p) < width) return false;
        p += width;
      } else {  // groups (3, 4), which plans never hold, and wire types that do not exist
        return false;
      }
    }
    return true;
  }

 private:
  // A sub-message `depth` levels below the top. A type without strings gives the parser nothing
  // to log, but it cannot simply be stepped over: the full check refuses a tag of five bytes whose
  // value needs more than 32 bits, and the parser reads it cut to 32 bits, as some other field.
  // Stepping over is exact when no such tag can be in the bytes (TruncatedTagsImpossible); a type
  // without strings is otherwise walked like any other.
  bool SubMessage(const char* p, const char* end, const WireSchema& schema, int depth) const {
    if (schema.holds_strings() || !TruncatedTagsImpossible(p, end)) {
      return Message(p, end, schema, depth);
    }
    return depth <= kMaxDepth;
  }

  // True when no five bytes in [p, end) are four with the high bit set and then one in 0x10-0x7f:
  // the only varints of five bytes whose value is 2^32 or more. False also when it cannot tell
  // (an input of fewer than eight bytes). Eight bytes are tested at a time, in windows four bytes
  // apart; a window may reach into the bytes before p, which can only make it say false.
  bool TruncatedTagsImpossible(const char* p, const char* end) const {
    if constexpr (std::endian::native != std::endian::little) return false;
    if (end - begin_ < 8) return false;
    const auto window_clean = [](const char* at) {
      uint64_t word;
      std::memcpy(&word, at, 8);
      const uint64_t high = word & kHighBits;
      // Bit 7 of byte i: bytes i to i+3 all have the high bit set.
      const uint64_t runs = high & (high >> 8) & (high >> 16) & (high >> 24);
      // Bit 7 of byte i: byte i is in 0x10-0x7f (bits 4-6 not all clear, bit 7 clear).
      const uint64_t large = ((word & 0x7070707070707070u) + 0x7070707070707070u) & ~word & kHighBits;
      return (runs & (large >> 32)) == 0;
    };
    for (const char* at = p; at + 8 <= end; at += 4) {
      if (!window_clean(at)) return false;
    }
    return window_clean(end - 8);
  }

  // Whether [p, end) is UTF-8. Most strings of a plan are short ASCII ids and names: eight bytes
  // are tested at once, the last eight overlapping the ones before (or the bytes ahead of the
  // string, masked off), so that the call to the full check is only made for other text.
  bool Utf8(const char* p, const char* end) const {
    if constexpr (std::endian::native == std::endian::little) {
      const size_t size = static_cast<size_t>(end - p);
      if (size == 0) return true;
      uint64_t word;
      if (size < 8) {
        if (end - begin_ >= 8) {
          std::memcpy(&word, end - 8, 8);
          if ((word & (kHighBits << (8 * (8 - size)))) == 0) return true;
        }
      } else {
        uint64_t any = 0;
        for (const char* at = p; at + 8 <= end; at += 8) {
          std::memcpy(&word, at, 8);
          any |= word;
        }
        std::memcpy(&word, end - 8, 8);
        if (((any | word) & kHighBits) == 0) return true;
      }
    }
    return base::FirstInvalidUtf8(std::string_view(p, static_cast<size_t>(end - p))) ==
           std::string_view::npos;
  }

  const char* begin_;  // the whole input: a short string's test may read the bytes before it
};

}  // namespace

bool WireStringsAreUtf8(std::string_view bytes, const WireSchema& schema) {
  return StringScan(bytes).Message(bytes.data(), bytes.data() + bytes.size(), schema, 0);
}

}  // namespace contactplan::io
