#include "base/quoted.h"

#include "absl/strings/str_cat.h"
#include "base/utf8.h"

namespace contactplan::base {
namespace {

// Continuation bytes of a UTF-8 sequence (10xxxxxx) do not start a character.
bool StartsCharacter(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

namespace {

// Appends `text`, which is well-formed UTF-8, escaping what must not reach a message raw.
void AppendEscapedUtf8(std::string_view text, std::string& out) {
  for (size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    switch (byte) {
      case '"':
        out.append("\\\"");
        continue;
      case '\\':
        out.append("\\\\");
        continue;
      case '\n':
        out.append("\\n");
        continue;
      case '\r':
        out.append("\\r");
        continue;
      case '\t':
        out.append("\\t");
        continue;
      default:
        break;
    }
    if (byte < 0x20 || byte == 0x7F) {
      absl::StrAppend(&out, "\\x", absl::Hex(byte, absl::kZeroPad2));
    } else if (byte == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      // U+0080..U+009F, the C1 controls (U+009B starts a terminal escape sequence by itself).
      const auto control = static_cast<unsigned char>(text[++i]);
      absl::StrAppend(&out, "\\u00", absl::Hex(control, absl::kZeroPad2));
    } else {
      out.push_back(static_cast<char>(byte));
    }
  }
}

// The part of `value` a message shows: at most `max_bytes`, never ending inside a character.
std::string_view Shown(std::string_view value, size_t max_bytes) {
  if (value.size() <= max_bytes) return value;
  size_t cut = max_bytes;
  // Back up over at most three continuation bytes (a longer run is not UTF-8 anyway).
  for (int k = 0; k < 3 && cut > 0 && !StartsCharacter(value[cut]); ++k) --cut;
  return value.substr(0, cut);
}

// Escapes `shown`, which may hold bytes that are not UTF-8: each such byte becomes \xNN.
std::string EscapedText(std::string_view shown) {
  std::string out;
  out.reserve(shown.size() + 8);
  while (!shown.empty()) {
    const size_t invalid = FirstInvalidUtf8(shown);
    AppendEscapedUtf8(shown.substr(0, invalid), out);
    if (invalid == std::string_view::npos) break;
    const auto bad = static_cast<unsigned char>(shown[invalid]);
    absl::StrAppend(&out, "\\x", absl::Hex(bad, absl::kZeroPad2));
    shown.remove_prefix(invalid + 1);
  }
  return out;
}

}  // namespace

std::string Shortened(std::string_view value, size_t max_bytes) {
  std::string shortened;
  AppendShortened(&shortened, value, max_bytes);
  return shortened;
}

void AppendShortened(std::string* out, std::string_view value, size_t max_bytes) {
  if (value.size() <= max_bytes) {
    out->append(value);
    return;
  }
  out->append(Shown(value, max_bytes)).append("\u2026");
}

std::string Escaped(std::string_view value, size_t max_bytes) {
  std::string escaped = EscapedText(Shown(value, max_bytes));
  if (value.size() > max_bytes) escaped.append("\u2026");
  return escaped;
}

std::string Quoted(std::string_view value, size_t max_bytes) {
  std::string quoted = absl::StrCat("\"", EscapedText(Shown(value, max_bytes)), "\"");
  if (value.size() > max_bytes) absl::StrAppend(&quoted, "\u2026(", value.size(), " bytes)");
  return quoted;
}

}  // namespace contactplan::base
