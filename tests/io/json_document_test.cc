#include "io/json_document.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace contactplan::io {
namespace {

using Kind = JsonValue::Kind;

TEST(JsonDocumentTest, KeepsOffsetsOfKeysAndValues) {
  const std::string text = R"({"a": [1, -2.5e3, true, null], "b": {"c": "x\u00e9\ud83d\ude00"}})";
  const absl::StatusOr<JsonValue> root = ReadJsonDocument(text);
  ASSERT_TRUE(root.ok()) << root.status();
  ASSERT_EQ(root->kind, Kind::kObject);
  ASSERT_EQ(root->members.size(), 2u);
  EXPECT_EQ(root->members[0].key, "a");
  EXPECT_EQ(root->members[0].key_offset, 1u);
  const JsonValue& a = root->members[0].value;
  ASSERT_EQ(a.kind, Kind::kArray);
  ASSERT_EQ(a.items.size(), 4u);
  EXPECT_EQ(a.items[1].text, "-2.5e3");
  EXPECT_EQ(a.items[1].offset, text.find("-2.5"));
  EXPECT_EQ(a.items[2].kind, Kind::kBool);
  EXPECT_EQ(a.items[3].kind, Kind::kNull);
  const JsonMember* c = root->members[1].value.Find("c");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->value.text, "xé😀");
  EXPECT_EQ(root->Find("missing"), nullptr);
}

TEST(JsonDocumentTest, RejectsWhatRfc8259Rejects) {
  const auto error = [](std::string_view text) {
    return std::string(ReadJsonDocument(text).status().message());
  };
  EXPECT_EQ(error(""), "line 1, column 1: the JSON ends where a value should follow");
  EXPECT_EQ(error("{'a': 1}"), "line 1, column 2: expected a field name in double quotes (\"name\")");
  EXPECT_EQ(error("[01]"), "line 1, column 3: expected ',' or ']' after the list item");
  EXPECT_EQ(error("[1.]"), "line 1, column 4: expected a digit after the decimal point");
  EXPECT_EQ(error("[tru]"), "line 1, column 2: expected a value: a string in double quotes, a "
                            "number, true, false, null, an object {...} or a list [...]");
  EXPECT_EQ(error("[\"\\x\"]"), "line 1, column 3: an unknown escape: use \\\", \\\\, \\/, \\b, "
                                "\\f, \\n, \\r, \\t or \\uXXXX");
  EXPECT_EQ(error("[\"\\ud800\"]"), "line 1, column 3: a lone surrogate: \\uD800-\\uDBFF must be "
                                    "followed by \\uDC00-\\uDFFF");
  EXPECT_EQ(error("[1,]"), "line 1, column 3: a comma before ']': JSON allows no comma after the "
                           "last item");
  EXPECT_EQ(error("\n\n  [\"open"), "line 3, column 4: this string is never closed: add the "
                                    "closing '\"'");
  EXPECT_EQ(error("[\"\xFF\"]"), "line 1, column 3: the text is not UTF-8: save it as UTF-8");
}

TEST(JsonDocumentTest, RefusesDeepNesting) {
  const std::string deep = std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  EXPECT_THAT(std::string(ReadJsonDocument(deep).status().message()),
              ::testing::HasSubstr("nested deeper than 100 levels"));
  const std::string fine = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(ReadJsonDocument(fine).ok());
}

}  // namespace
}  // namespace contactplan::io
