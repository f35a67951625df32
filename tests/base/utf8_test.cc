#include "base/utf8.h"

#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace contactplan::base {
namespace {

// At every length from 0 to 40, a byte outside ASCII at every position: IsUtf8 (which tests
// words, the last one overlapping) agrees with the byte-by-byte FirstInvalidUtf8, for a byte that
// breaks the text and for a well-formed two-byte sequence.
TEST(Utf8Test, IsUtf8AgreesWithTheFullCheckWhereverTheByteIs) {
  for (size_t length = 0; length <= 40; ++length) {
    const std::string ascii(length, 'a');
    EXPECT_TRUE(IsUtf8(ascii)) << length;
    for (size_t at = 0; at < length; ++at) {
      std::string broken = ascii;
      broken[at] = '\xC3';  // a lead byte whose continuation is missing
      EXPECT_FALSE(IsUtf8(broken)) << length << " at " << at;
      EXPECT_NE(FirstInvalidUtf8(broken), std::string_view::npos);
      if (at + 1 < length) {
        std::string accented = ascii;
        accented[at] = '\xC3';
        accented[at + 1] = '\xA9';  // é
        EXPECT_TRUE(IsUtf8(accented)) << length << " at " << at;
      }
    }
  }
}

}  // namespace
}  // namespace contactplan::base
