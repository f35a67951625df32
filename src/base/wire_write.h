// Protobuf's binary wire format written by hand, for the parts of a binary analysis the library
// writes from rows rather than from messages (docs/memory.md): the drift forecast and the releases.
// Each helper writes exactly what protobuf 3.21's serializer writes for a proto3 field of that kind
// (absent when it holds its default), so the bytes match protobuf's own; the tests of each writer
// compare them with protobuf's serialization of the same messages.
//
// Field numbers here are below 16, so every tag is one byte.
#ifndef CONTACTPLAN_SRC_BASE_WIRE_WRITE_H_
#define CONTACTPLAN_SRC_BASE_WIRE_WRITE_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace contactplan::wire {

// Wire types (the low three bits of a tag).
inline constexpr int kVarint = 0;
inline constexpr int kFixed64 = 1;
inline constexpr int kLengthDelimited = 2;

// A one-byte tag: field number << 3 | wire type.
constexpr uint8_t Tag(int number, int wire_type) {
  return static_cast<uint8_t>(number << 3 | wire_type);
}

// Bytes of a varint holding `value`.
inline size_t VarintSize(uint64_t value) {
  size_t size = 1;
  while (value >= 0x80) {
    value >>= 7;
    ++size;
  }
  return size;
}

inline uint8_t* WriteVarint(uint64_t value, uint8_t* target) {
  while (value >= 0x80) {
    *target++ = static_cast<uint8_t>(value | 0x80);
    value >>= 7;
  }
  *target++ = static_cast<uint8_t>(value);
  return target;
}

// An int32 or enum field: absent when 0, else its tag and varint (negative values sign-extended to
// 64 bits, ten bytes, as protobuf writes them).
inline size_t ScalarSize(int32_t value) {
  return value == 0 ? 0 : 1 + VarintSize(static_cast<uint64_t>(static_cast<int64_t>(value)));
}
inline uint8_t* WriteScalar(int number, int32_t value, uint8_t* target) {
  if (value == 0) return target;
  *target++ = Tag(number, kVarint);
  return WriteVarint(static_cast<uint64_t>(static_cast<int64_t>(value)), target);
}

// Copies `text` to `target` and returns the end of the copy. The ids the rows name are mostly 4 to
// 16 bytes: those are copied as two words that may overlap, inline, without a call to memcpy
// (hundreds of thousands of ids on a large account). Reads and writes stay within the text and
// within [target, target + size).
inline uint8_t* CopyText(std::string_view text, uint8_t* target) {
  const size_t size = text.size();
  const char* from = text.data();
  if (size >= 8 && size <= 16) {
    uint64_t head, tail;
    std::memcpy(&head, from, 8);
    std::memcpy(&tail, from + size - 8, 8);
    std::memcpy(target, &head, 8);
    std::memcpy(target + size - 8, &tail, 8);
  } else if (size >= 4 && size < 8) {
    uint32_t head, tail;
    std::memcpy(&head, from, 4);
    std::memcpy(&tail, from + size - 4, 4);
    std::memcpy(target, &head, 4);
    std::memcpy(target + size - 4, &tail, 4);
  } else {
    std::memcpy(target, from, size);
  }
  return target + size;
}

// A string field: absent when empty.
inline size_t StringSize(size_t length) {
  return length == 0 ? 0 : 1 + VarintSize(length) + length;
}
inline uint8_t* WriteString(int number, std::string_view text, uint8_t* target) {
  if (text.empty()) return target;
  *target++ = Tag(number, kLengthDelimited);
  target = WriteVarint(text.size(), target);
  return CopyText(text, target);
}

// A double field: absent when its bits are all zero (0.0, not -0.0), as protobuf 3.21 decides; else
// its tag and the eight bytes, little-endian (this platform's order).
inline bool DoublePresent(double value) {
  uint64_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits != 0;
}
inline size_t DoubleSize(double value) { return DoublePresent(value) ? 1 + 8 : 0; }
inline uint8_t* WriteDouble(int number, double value, uint8_t* target) {
  if (!DoublePresent(value)) return target;
  *target++ = Tag(number, kFixed64);
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
  std::memcpy(target, &value, 8);
  return target + 8;
}

// A length-delimited field's tag and length, before `length` bytes of its body.
inline size_t DelimitedSize(size_t length) { return 1 + VarintSize(length) + length; }
inline uint8_t* WriteDelimitedHead(int number, size_t length, uint8_t* target) {
  *target++ = Tag(number, kLengthDelimited);
  return WriteVarint(length, target);
}

}  // namespace contactplan::wire

#endif  // CONTACTPLAN_SRC_BASE_WIRE_WRITE_H_
