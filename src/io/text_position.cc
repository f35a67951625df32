#include "io/text_position.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace contactplan::io {
namespace {

// Continuation bytes of a UTF-8 sequence (10xxxxxx) do not start a character.
bool StartsCharacter(char byte) { return (static_cast<unsigned char>(byte) & 0xC0) != 0x80; }

}  // namespace

LineMap::LineMap(std::string_view text)
    : text_(text), first_offset_(text.starts_with(kUtf8ByteOrderMark) ? kUtf8ByteOrderMark.size() : 0) {
  line_starts_.push_back(first_offset_);
  for (size_t i = first_offset_; i < text_.size(); ++i) {
    if (text_[i] == '\n') {
      line_starts_.push_back(i + 1);
    } else if (text_[i] == '\r') {
      // CRLF is one line break; a lone CR (classic Mac files) is one too.
      if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
      line_starts_.push_back(i + 1);
    }
  }
}

TextPosition LineMap::At(size_t offset) const {
  offset = std::clamp(offset, first_offset_, text_.size());
  // The last line starting at or before `offset`.
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const size_t line_index = static_cast<size_t>(next - line_starts_.begin()) - 1;
  const size_t start = line_starts_[line_index];
  const std::string_view before = text_.substr(start, offset - start);
  const auto characters = std::count_if(before.begin(), before.end(), StartsCharacter);
  return {static_cast<int>(line_index) + 1, static_cast<int>(characters) + 1};
}

size_t LineMap::LineEnd(size_t offset) const {
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return next == line_starts_.end() ? text_.size() : *next;
}

TextPosition ForwardPositions::At(size_t offset) {
  if (!started_ || offset < offset_ || offset >= line_end_) {
    started_ = true;
    offset_ = offset;
    line_end_ = lines_.LineEnd(offset);
    position_ = lines_.At(offset);
    return position_;
  }
  const std::string_view between = lines_.text_.substr(offset_, offset - offset_);
  position_.column += static_cast<int>(std::count_if(between.begin(), between.end(), StartsCharacter));
  offset_ = offset;
  return position_;
}

size_t LineMap::OffsetOfTokenizerPosition(int line, int column) const {
  size_t offset = 0;
  for (int l = 0; l < line && offset < text_.size(); ++l) {
    const size_t newline = text_.find('\n', offset);
    if (newline == std::string_view::npos) return text_.size();
    offset = newline + 1;
  }
  int tokenizer_column = 0;
  while (offset < text_.size() && text_[offset] != '\n' && tokenizer_column < column) {
    tokenizer_column = text_[offset] == '\t' ? tokenizer_column + 8 - tokenizer_column % 8
                                             : tokenizer_column + 1;
    ++offset;
  }
  return offset;
}

size_t FirstInvalidUtf8(std::string_view text) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  size_t i = 0;
  while (i < text.size()) {
    // Most text is ASCII: skip it eight bytes at a time.
    uint64_t eight;
    while (i + sizeof eight <= text.size() &&
           (std::memcpy(&eight, text.data() + i, sizeof eight), (eight & 0x8080808080808080u) == 0)) {
      i += sizeof eight;
    }
    if (i >= text.size()) break;
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // Length of the sequence and the range its second byte must fall in (RFC 3629, table 3-7 of
    // the Unicode standard): this rules out overlong forms, surrogates and values past U+10FFFF.
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;
      if (lead == 0xED) high = 0x9F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;
      if (lead == 0xF4) high = 0x8F;
    } else {
      return i;
    }
    if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  return absl::StrCat("line ", diagnostic.position.line, ", column ", diagnostic.position.column,
                      ": ", diagnostic.message);
}

void DiagnosticList::Add(TextPosition position, std::string message) {
  if (listed_.size() >= kMaxDiagnostics || bytes_ + message.size() > kMaxDiagnosticBytes) {
    ++omitted_;
    return;
  }
  bytes_ += message.size();
  listed_.push_back({position, std::move(message)});
}

absl::Status DiagnosticList::ToStatus() && {
  return DiagnosticsToStatus(std::move(listed_), omitted_);
}

absl::Status DiagnosticsToStatus(std::vector<Diagnostic> diagnostics, size_t omitted) {
  if (diagnostics.empty() && omitted == 0) return absl::OkStatus();
  std::stable_sort(diagnostics.begin(), diagnostics.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.position < b.position; });
  if (diagnostics.size() > kMaxDiagnostics) {
    omitted += diagnostics.size() - kMaxDiagnostics;
    diagnostics.resize(kMaxDiagnostics);
  }
  std::string text = absl::StrJoin(
      diagnostics, "\n",
      [](std::string* out, const Diagnostic& d) { absl::StrAppend(out, FormatDiagnostic(d)); });
  if (omitted > 0) {
    absl::StrAppend(&text, text.empty() ? "" : "\n", MoreProblemsLine(omitted, diagnostics.size()));
  }
  return absl::InvalidArgumentError(text);
}

std::string MoreProblemsLine(size_t omitted, size_t listed) {
  return absl::StrCat("... and ", omitted, " more ", omitted == 1 ? "problem" : "problems",
                      " (the first ", listed, " are listed)");
}

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
  if (value.size() <= max_bytes) return std::string(value);
  return std::string(Shown(value, max_bytes)).append("\u2026");
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

}  // namespace contactplan::io
