// Test support: the protobuf wire format by hand, for bytes no message would serialize (fields of
// a newer schema, strings that are not UTF-8, broken structure). Field numbers come from the
// generated code (v1::Person::kNameFieldNumber), never literals. Header-only, so that the suites
// that must not link the engine (tests/reliability) can use it too.
#ifndef CONTACTPLAN_TESTS_SUPPORT_WIRE_BYTES_H_
#define CONTACTPLAN_TESTS_SUPPORT_WIRE_BYTES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace contactplan::testing {

enum WireType {
  kVarint = 0,
  kFixed64 = 1,
  kLengthDelimited = 2,
  kStartGroup = 3,
  kEndGroup = 4,
  kFixed32 = 5
};

inline std::string Varint(uint64_t value) {
  std::string bytes;
  while (value >= 0x80) {
    bytes.push_back(static_cast<char>((value & 0x7F) | 0x80));
    value >>= 7;
  }
  bytes.push_back(static_cast<char>(value));
  return bytes;
}

inline std::string Tag(uint64_t field, WireType type) { return Varint((field << 3) | type); }

inline std::string LengthDelimited(uint64_t field, std::string_view content) {
  std::string bytes = Tag(field, kLengthDelimited);
  bytes += Varint(content.size());
  bytes.append(content);  // appended, not operator+: GCC 12 warns falsely (-Wrestrict) about that
  return bytes;
}

inline std::string VarintField(uint64_t field, uint64_t value) {
  std::string bytes = Tag(field, kVarint);
  bytes += Varint(value);
  return bytes;
}

}  // namespace contactplan::testing

#endif  // CONTACTPLAN_TESTS_SUPPORT_WIRE_BYTES_H_
