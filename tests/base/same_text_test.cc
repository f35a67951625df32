#include "base/same_text.h"

#include <string>

#include "gtest/gtest.h"

namespace contactplan::base {
namespace {

// Texts of 0-40 bytes against themselves and against a copy changed at each position: SameText
// agrees with ==, whichever word (or the memcmp) holds the difference.
TEST(SameTextTest, AgreesWithEqualityAtEveryLengthAndPosition) {
  for (size_t length = 0; length <= 40; ++length) {
    std::string text;
    for (size_t i = 0; i < length; ++i) text.push_back(static_cast<char>('a' + i % 26));
    const std::string copy = text;
    EXPECT_TRUE(SameText(text, copy)) << length;
    for (size_t at = 0; at < length; ++at) {
      std::string changed = text;
      changed[at] = '#';
      EXPECT_FALSE(SameText(text, changed)) << length << " at " << at;
    }
    EXPECT_FALSE(SameText(text, text + "x")) << length;
  }
  EXPECT_TRUE(SameText("", ""));
}

}  // namespace
}  // namespace contactplan::base
