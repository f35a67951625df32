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

void AppendUtf8(uint32_t code_point, std::string& out) {
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

std::string FormatDiagnostic(const Diagnostic& diagnostic) {
  return absl::StrCat(diagnostic.cell.empty() ? "" : "cell ", diagnostic.cell,
                      diagnostic.cell.empty() ? "" : ", ", "line ", diagnostic.position.line,
                      ", column ", diagnostic.position.column, ": ", diagnostic.message);
}

void DiagnosticList::Add(TextPosition position, std::string message, std::string cell) {
  if (listed_.size() >= kMaxDiagnostics || bytes_ + message.size() > kMaxDiagnosticBytes) {
    ++omitted_;
    return;
  }
  bytes_ += message.size();
  listed_.push_back({position, std::move(message), std::move(cell)});
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

}  // namespace contactplan::io
