#include "io/json_document.h"

#include <optional>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "io/text_position.h"

namespace contactplan::io {
namespace {

// Recursive descent over the text; the first error stops the scan (later errors would mostly be
// echoes of it).
class JsonScanner {
 public:
  explicit JsonScanner(std::string_view text) : text_(text), lines_(text) {}

  absl::StatusOr<JsonValue> Scan() {
    const size_t invalid = FirstInvalidUtf8(text_);
    if (invalid != std::string_view::npos) {
      return Failure(invalid, "the text is not UTF-8: save it as UTF-8");
    }
    pos_ = text_.starts_with(kUtf8ByteOrderMark) ? kUtf8ByteOrderMark.size() : 0;
    JsonValue root;
    SkipWhitespace();
    if (!ReadValue(root, 0)) return std::move(failure_);
    SkipWhitespace();
    if (pos_ < text_.size()) {
      return Failure(pos_, "text after the end of the JSON value: delete it, or put both values in a "
                           "list");
    }
    return root;
  }

 private:
  absl::Status Failure(size_t offset, std::string_view message) {
    return DiagnosticsToStatus({{lines_.At(offset), std::string(message)}});
  }
  bool Fail(size_t offset, std::string_view message) {
    failure_ = Failure(offset, message);
    return false;
  }

  void SkipWhitespace() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' ||
            text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool ReadValue(JsonValue& value, int depth) {
    value.offset = pos_;
    if (pos_ >= text_.size()) return Fail(pos_, "the JSON ends where a value should follow");
    switch (text_[pos_]) {
      case '{':
        value.kind = JsonValue::Kind::kObject;
        return ReadObject(value, depth + 1);
      case '[':
        value.kind = JsonValue::Kind::kArray;
        return ReadArray(value, depth + 1);
      case '"':
        value.kind = JsonValue::Kind::kString;
        return ReadString(value.text);
      case 't':
      case 'f':
        value.kind = JsonValue::Kind::kBool;
        return ReadLiteral(text_[pos_] == 't' ? "true" : "false", value.text);
      case 'n':
        value.kind = JsonValue::Kind::kNull;
        return ReadLiteral("null", value.text);
      default:
        value.kind = JsonValue::Kind::kNumber;
        return ReadNumber(value.text);
    }
  }

  bool CheckDepth(int depth) {
    if (depth <= kMaxJsonDepth) return true;
    return Fail(pos_, absl::StrCat("nested deeper than ", kMaxJsonDepth,
                                   " levels: a plan never needs that many"));
  }

  bool ReadObject(JsonValue& object, int depth) {
    if (!CheckDepth(depth)) return false;
    const size_t opening = pos_++;
    SkipWhitespace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return true;
    }
    while (true) {
      if (pos_ >= text_.size()) return Unclosed(opening, '}');
      if (text_[pos_] != '"') {
        return Fail(pos_, "expected a field name in double quotes (\"name\")");
      }
      JsonMember& member = object.members.emplace_back();
      member.key_offset = pos_;
      if (!ReadString(member.key)) return false;
      SkipWhitespace();
      if (pos_ >= text_.size()) return Unclosed(opening, '}');
      if (text_[pos_] != ':') return Fail(pos_, "expected ':' after the field name");
      ++pos_;
      SkipWhitespace();
      if (!ReadValue(member.value, depth)) return false;
      SkipWhitespace();
      if (pos_ >= text_.size()) return Unclosed(opening, '}');
      if (text_[pos_] == '}') {
        ++pos_;
        return true;
      }
      if (text_[pos_] != ',') return Fail(pos_, "expected ',' or '}' after the field's value");
      const size_t comma = pos_++;
      SkipWhitespace();
      if (pos_ < text_.size() && text_[pos_] == '}') {
        return Fail(comma, "a comma before '}': JSON allows no comma after the last field");
      }
    }
  }

  bool ReadArray(JsonValue& array, int depth) {
    if (!CheckDepth(depth)) return false;
    const size_t opening = pos_++;
    SkipWhitespace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return true;
    }
    while (true) {
      if (pos_ >= text_.size()) return Unclosed(opening, ']');
      if (!ReadValue(array.items.emplace_back(), depth)) return false;
      SkipWhitespace();
      if (pos_ >= text_.size()) return Unclosed(opening, ']');
      if (text_[pos_] == ']') {
        ++pos_;
        return true;
      }
      if (text_[pos_] != ',') return Fail(pos_, "expected ',' or ']' after the list item");
      const size_t comma = pos_++;
      SkipWhitespace();
      if (pos_ < text_.size() && text_[pos_] == ']') {
        return Fail(comma, "a comma before ']': JSON allows no comma after the last item");
      }
    }
  }

  bool Unclosed(size_t opening, char closing) {
    return Fail(opening, absl::StrCat("this '", std::string(1, text_[opening]),
                                      "' is never closed: add the matching '",
                                      std::string(1, closing), "'"));
  }

  bool ReadLiteral(std::string_view literal, std::string& text) {
    if (text_.substr(pos_, literal.size()) != literal) return Unexpected();
    text = std::string(literal);
    pos_ += literal.size();
    return true;
  }

  bool Unexpected() {
    return Fail(pos_, "expected a value: a string in double quotes, a number, true, false, null, "
                      "an object {...} or a list [...]");
  }

  bool ReadNumber(std::string& text) {
    const size_t start = pos_;
    const auto digits = [&] {
      const size_t first = pos_;
      while (pos_ < text_.size() && absl::ascii_isdigit(text_[pos_])) ++pos_;
      return pos_ > first;
    };
    if (pos_ < text_.size() && text_[pos_] == '-') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      pos_ = start;
      return Unexpected();
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (!digits()) return Fail(pos_, "expected a digit after the decimal point");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (!digits()) return Fail(pos_, "expected a digit in the exponent");
    }
    text = std::string(text_.substr(start, pos_ - start));
    return true;
  }

  std::optional<unsigned> ReadHex4() {
    if (pos_ + 4 > text_.size()) return std::nullopt;
    unsigned value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[pos_ + i];
      if (!absl::ascii_isxdigit(c)) return std::nullopt;
      value = value * 16 + (absl::ascii_isdigit(c) ? c - '0' : absl::ascii_tolower(c) - 'a' + 10);
    }
    pos_ += 4;
    return value;
  }

  static void AppendUtf8(unsigned code_point, std::string& out) {
    if (code_point < 0x80) {
      out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (code_point >> 6)));
      out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else if (code_point < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (code_point >> 12)));
      out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (code_point >> 18)));
      out.push_back(static_cast<char>(0x80 | ((code_point >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((code_point >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (code_point & 0x3F)));
    }
  }

  bool ReadString(std::string& out) {
    const size_t opening = pos_++;
    while (true) {
      if (pos_ >= text_.size()) {
        return Fail(opening, "this string is never closed: add the closing '\"'");
      }
      const char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return Fail(pos_, c == '\n' || c == '\r'
                              ? "a line break inside a string: close the string, or write \\n"
                              : "a control character inside a string: write it as \\u00XX");
      }
      if (c != '\\') {
        out.push_back(c);
        ++pos_;
        continue;
      }
      const size_t escape = pos_++;
      if (pos_ >= text_.size()) return Fail(opening, "this string is never closed: add the closing '\"'");
      const char kind = text_[pos_++];
      switch (kind) {
        case '"': out.push_back('"'); break;
        case '\\': out.push_back('\\'); break;
        case '/': out.push_back('/'); break;
        case 'b': out.push_back('\b'); break;
        case 'f': out.push_back('\f'); break;
        case 'n': out.push_back('\n'); break;
        case 'r': out.push_back('\r'); break;
        case 't': out.push_back('\t'); break;
        case 'u': {
          std::optional<unsigned> unit = ReadHex4();
          if (!unit.has_value()) return Fail(escape, "\\u must be followed by four hex digits");
          unsigned code_point = *unit;
          if (code_point >= 0xD800 && code_point <= 0xDBFF) {  // a surrogate pair's first half
            std::optional<unsigned> low;
            if (text_.substr(pos_, 2) == "\\u") {
              pos_ += 2;
              low = ReadHex4();
            }
            if (!low.has_value() || *low < 0xDC00 || *low > 0xDFFF) {
              return Fail(escape, "a lone surrogate: \\uD800-\\uDBFF must be followed by "
                                  "\\uDC00-\\uDFFF");
            }
            code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
          } else if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
            return Fail(escape, "a lone surrogate: \\uDC00-\\uDFFF must follow \\uD800-\\uDBFF");
          }
          AppendUtf8(code_point, out);
          break;
        }
        default:
          return Fail(escape, "an unknown escape: use \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or "
                              "\\uXXXX");
      }
    }
  }

  std::string_view text_;
  LineMap lines_;
  size_t pos_ = 0;
  absl::Status failure_;
};

}  // namespace

const JsonMember* JsonValue::Find(std::string_view key) const {
  for (const JsonMember& member : members) {
    if (member.key == key) return &member;
  }
  return nullptr;
}

absl::StatusOr<JsonValue> ReadJsonDocument(std::string_view text) {
  return JsonScanner(text).Scan();
}

}  // namespace contactplan::io
