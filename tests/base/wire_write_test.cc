#include "base/wire_write.h"

#include <cstdint>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace contactplan::wire {
namespace {

// Each length from 0 to 40 (the word copies cover 4-16): exactly the text is written, nothing
// before or after it is touched, and the returned end is right after it.
TEST(WireWriteTest, CopyTextWritesExactlyTheText) {
  for (size_t length = 0; length <= 40; ++length) {
    std::string text;
    for (size_t i = 0; i < length; ++i) text.push_back(static_cast<char>('a' + i % 26));
    std::vector<uint8_t> buffer(length + 16, 0xEE);
    uint8_t* const start = buffer.data() + 8;
    uint8_t* const end = CopyText(text, start);
    ASSERT_EQ(end, start + length) << length;
    EXPECT_EQ(std::string(reinterpret_cast<const char*>(start), length), text) << length;
    for (size_t i = 0; i < 8; ++i) EXPECT_EQ(buffer[i], 0xEE) << length;
    for (size_t i = 8 + length; i < buffer.size(); ++i) EXPECT_EQ(buffer[i], 0xEE) << length;
  }
}

TEST(WireWriteTest, WriteStringIsTagLengthAndText) {
  uint8_t buffer[32];
  uint8_t* const end = WriteString(2, "person-17", buffer);
  ASSERT_EQ(end - buffer, 11);
  EXPECT_EQ(buffer[0], 0x12);  // field 2, length-delimited
  EXPECT_EQ(buffer[1], 9);
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(buffer + 2), 9), "person-17");
  EXPECT_EQ(WriteString(2, "", buffer), buffer);  // proto3: an empty string is not written
}

}  // namespace
}  // namespace contactplan::wire
