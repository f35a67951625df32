#include "render/text_layout.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

// The public layout functions (include/contactplan/text_layout.h) first, then the render stage's own.
namespace contactplan::text {
namespace {

using render::Sv;

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (char c : text) width += IsContinuationByte(c) ? 0 : 1;
  return width;
}

std::string Truncate(std::string_view text, size_t width) {
  if (DisplayWidth(text) <= width) return std::string(text);
  if (width == 0) return "";
  // Keep width-1 code points, then the ellipsis.
  size_t kept = 0, end = 0;
  while (end < text.size()) {
    if (!IsContinuationByte(text[end])) {
      if (kept == width - 1) break;
      ++kept;
    }
    ++end;
  }
  return std::string(text.substr(0, end)) + "…";
}

std::string PadRight(std::string_view text, size_t width) {
  std::string out = Truncate(text, width);
  out.append(width - DisplayWidth(out), ' ');
  return out;
}

std::string PadLeft(std::string_view text, size_t width) {
  std::string cut = Truncate(text, width);
  return std::string(width - DisplayWidth(cut), ' ') + cut;
}

namespace {

// Wrap, with the first line starting at `first_column`.
std::string WrapFrom(std::string_view text, size_t width, size_t first_column, size_t indent) {
  std::string out;
  size_t column = first_column;
  bool line_empty = true;
  const std::string text_copy(text);  // Debian's absl::string_view does not take std::string_view
  for (absl::string_view word : absl::StrSplit(text_copy, ' ', absl::SkipEmpty())) {
    const size_t word_width = DisplayWidth(std::string_view(word.data(), word.size()));
    if (!line_empty && column + 1 + word_width > width) {
      out += '\n';
      out.append(indent, ' ');
      column = indent;
      line_empty = true;
    }
    if (!line_empty) {
      out += ' ';
      ++column;
    }
    out.append(word.data(), word.size());
    column += word_width;
    line_empty = false;
  }
  return out;
}

}  // namespace

std::string Wrap(std::string_view text, size_t width, size_t indent) {
  return WrapFrom(text, width, indent, indent);
}

std::string Labeled(std::string_view label, std::string_view text, size_t width, size_t indent) {
  return absl::StrCat(Sv(label), WrapFrom(text, width, DisplayWidth(label), indent));
}

std::string Count(int64_t n, std::string_view one, std::string_view many) {
  return absl::StrCat(n, " ", n == 1 ? std::string(one) : std::string(many));
}

}  // namespace contactplan::text

namespace contactplan::render {

std::string FitLines(std::string_view text, size_t width) {
  std::string out;
  out.reserve(text.size());
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    const bool newline = end != std::string_view::npos;
    if (!newline) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (DisplayWidth(line) > width) {
      out += Truncate(line, width);
    } else {
      out.append(line.data(), line.size());
    }
    if (newline) out += '\n';
    start = end + 1;
  }
  return out;
}

std::string Words(std::string_view enum_name) {
  std::string out(enum_name);
  absl::AsciiStrToLower(&out);
  for (char& c : out) {
    if (c == '_') c = ' ';
  }
  if (out.starts_with("non ")) out[3] = '-';  // "non-supporter" reads as one word
  return out;
}

}  // namespace contactplan::render
