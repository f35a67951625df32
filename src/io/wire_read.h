// The primitives of the library's own wire readers (io/relationship_wire.h, io/person_wire.h):
// tags, varints, lengths and skipped fields read exactly as protobuf 3.21's parser reads them, or
// refused (null) where that parser would read the bytes another way or refuse them. Inline: they
// run for every field of a large plan.
#ifndef CONTACTPLAN_SRC_IO_WIRE_READ_H_
#define CONTACTPLAN_SRC_IO_WIRE_READ_H_

#include <cstdint>
#include <string_view>

#include "base/utf8.h"
#include "google/protobuf/timestamp.pb.h"
#include "model/time.h"

namespace contactplan::io::wire_read {

using google::protobuf::Timestamp;

inline constexpr uint32_t kVarint = 0;
inline constexpr uint32_t kFixed64 = 1;
inline constexpr uint32_t kLengthDelimited = 2;
inline constexpr uint32_t kFixed32 = 5;

constexpr uint32_t TagOf(int number, uint32_t wire_type) {
  return (static_cast<uint32_t>(number) << 3) | wire_type;
}

// protobuf refuses lengths this close to 2 GiB (its read limits are ints with slop bytes added).
inline constexpr uint64_t kMaxLength = INT32_MAX - 16;

inline unsigned Byte(const char* p) { return static_cast<unsigned char>(*p); }

// A tag, as protobuf reads it: at most five bytes. Null when cut off, when its field number is 0,
// and when its value needs more than 32 bits (protobuf cuts such a tag to 32 bits and reads it as
// some other field: not followed here).
inline const char* ReadTag(const char* p, const char* end, uint32_t& tag) {
  if (p < end && Byte(p) < 0x80) {
    tag = Byte(p);
    return tag >= 8 ? p + 1 : nullptr;
  }
  uint64_t value = 0;
  for (int shift = 0; shift <= 28 && p < end; shift += 7) {
    const unsigned byte = Byte(p++);
    value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) {
      if (value > UINT32_MAX || (value >> 3) == 0) return nullptr;
      tag = static_cast<uint32_t>(value);
      return p;
    }
  }
  return nullptr;
}

// A varint value, as protobuf reads it: at most ten bytes, the bits past 64 dropped. Null when cut
// off or longer.
inline const char* ReadVarint(const char* p, const char* end, uint64_t& value) {
  if (p < end && Byte(p) < 0x80) {
    value = Byte(p);
    return p + 1;
  }
  value = 0;
  for (int shift = 0; shift <= 63 && p < end; shift += 7) {
    const unsigned byte = Byte(p++);
    value |= static_cast<uint64_t>(byte & 0x7F) << shift;
    if ((byte & 0x80) == 0) return p;
  }
  return nullptr;
}

// The length of a length-delimited field, as protobuf reads it: at most five bytes and below
// kMaxLength. Returns the start of the contents and sets `field_end`; null when the length is
// refused or runs past `end`.
inline const char* ReadLength(const char* p, const char* end, const char*& field_end) {
  uint64_t length;
  if (p < end && Byte(p) < 0x80) {
    length = Byte(p++);
  } else {
    length = 0;
    for (int shift = 0;; shift += 7) {
      if (shift > 28 || p == end) return nullptr;
      const unsigned byte = Byte(p++);
      length |= static_cast<uint64_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) break;
    }
    if (length > kMaxLength) return nullptr;
  }
  if (length > static_cast<uint64_t>(end - p)) return nullptr;
  field_end = p + length;
  return p;
}

// Past a field the rows do not take (an unknown number, or a known one with another wire type):
// protobuf keeps it among the message's unknown fields. Null for groups (3, 4), for wire types that
// do not exist, and for a field cut off.
inline const char* SkipField(const char* p, const char* end, uint32_t tag) {
  switch (tag & 7) {
    case kVarint: {
      uint64_t ignored;
      return ReadVarint(p, end, ignored);
    }
    case kFixed64:
      return end - p >= 8 ? p + 8 : nullptr;
    case kLengthDelimited: {
      const char* field_end = nullptr;
      return ReadLength(p, end, field_end) != nullptr ? field_end : nullptr;
    }
    case kFixed32:
      return end - p >= 4 ? p + 4 : nullptr;
    default:
      return nullptr;
  }
}

// The fields of a message's contents [p, end), in order: `field(tag, at)` reads the field whose
// tag ends at `at` and returns where the field ends, or null when it is refused.
template <typename Field>
bool ReadFields(const char* p, const char* end, Field field) {
  while (p < end) {
    uint32_t tag;
    if ((p = ReadTag(p, end, tag)) == nullptr || (p = field(tag, p)) == nullptr) return false;
  }
  return true;
}

// The readers of one field's value, after its tag: each returns where the field ends, null when
// refused. Enums and int32 fields take the low 32 bits of the varint, as protobuf's parser does.
inline const char* ReadInt32(const char* p, const char* end, int32_t& value) {
  uint64_t read;
  p = ReadVarint(p, end, read);
  value = static_cast<int32_t>(read);
  return p;
}

inline const char* ReadInt64(const char* p, const char* end, int64_t& value) {
  uint64_t read;
  p = ReadVarint(p, end, read);
  value = static_cast<int64_t>(read);
  return p;
}

// A string field the rows keep as a view of the input. Refused when it is not UTF-8, as protobuf
// refuses a proto3 string (every occurrence is checked, a value later overwritten too).
inline const char* ReadView(const char* p, const char* end, std::string_view& view) {
  const char* field_end = nullptr;
  if ((p = ReadLength(p, end, field_end)) == nullptr) return nullptr;
  view = std::string_view(p, static_cast<size_t>(field_end - p));
  return base::IsUtf8(view) ? field_end : nullptr;
}

// A string field the rows keep only the size of; refused as ReadView.
inline const char* ReadSize(const char* p, const char* end, uint32_t& size) {
  const char* field_end = nullptr;
  if ((p = ReadLength(p, end, field_end)) == nullptr) return nullptr;
  size = static_cast<uint32_t>(field_end - p);
  return base::IsUtf8(std::string_view(p, size)) ? field_end : nullptr;
}

// A message field whose contents `contents(begin, end)` reads, returning false when refused.
template <typename Contents>
inline const char* ReadNested(const char* p, const char* end, Contents contents) {
  const char* field_end = nullptr;
  if ((p = ReadLength(p, end, field_end)) == nullptr) return nullptr;
  return contents(p, field_end) ? field_end : nullptr;
}

// A google.protobuf.Timestamp field, merged into `time` as protobuf merges a second occurrence of a
// message field into the first: each field given overwrites, and the field is present.
inline const char* ReadTime(const char* p, const char* end, model::PlanTime& time) {
  return ReadNested(p, end, [&time](const char* begin, const char* contents_end) {
    time.present = true;
    // The way protobuf writes a Timestamp, seconds then nanos, read without the field loop (three
    // times as many timestamps as relationships on a large account); whatever follows, or any
    // other order, is read by the loop, which gives the same result for these two fields.
    constexpr unsigned kSecondsTag = TagOf(Timestamp::kSecondsFieldNumber, kVarint);
    constexpr unsigned kNanosTag = TagOf(Timestamp::kNanosFieldNumber, kVarint);
    static_assert(kSecondsTag < 0x80 && kNanosTag < 0x80);  // one-byte tags
    if (begin < contents_end && Byte(begin) == kSecondsTag) {
      if ((begin = ReadInt64(begin + 1, contents_end, time.seconds)) == nullptr) return false;
      if (begin < contents_end && Byte(begin) == kNanosTag &&
          (begin = ReadInt32(begin + 1, contents_end, time.nanos)) == nullptr) {
        return false;
      }
    }
    return ReadFields(begin, contents_end, [&](uint32_t tag, const char* at) {
      switch (tag) {
        case TagOf(Timestamp::kSecondsFieldNumber, kVarint):
          return ReadInt64(at, contents_end, time.seconds);
        case TagOf(Timestamp::kNanosFieldNumber, kVarint):
          return ReadInt32(at, contents_end, time.nanos);
        default:
          return SkipField(at, contents_end, tag);
      }
    });
  });
}

}  // namespace contactplan::io::wire_read

#endif  // CONTACTPLAN_SRC_IO_WIRE_READ_H_
