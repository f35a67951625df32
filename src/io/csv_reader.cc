#include "io/csv_reader.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"

namespace contactplan::io {
namespace {

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

// Reads records cell by cell. Positions are kept as byte offsets while reading and turned into
// line/column by the LineMap, so every reader of the io stage counts columns the same way.
class CsvScanner {
 public:
  CsvScanner(std::string_view text, char delimiter)
      : text_(text), delimiter_(delimiter), lines_(text), cells_(lines_), error_positions_(lines_) {}

  CsvText Scan() {
    CheckEncoding();
    if (errors_.empty()) {  // else not UTF-8: cells would be garbage
      pos_ = text_.starts_with(kUtf8ByteOrderMark) ? kUtf8ByteOrderMark.size() : 0;
      while (pos_ < text_.size()) result_.records.push_back(ReadRecord());
    }
    result_.omitted_errors = errors_.omitted();
    result_.errors = errors_.TakeListed();
    return std::move(result_);
  }

 private:
  // Problems in a cell name it; encoding problems are found before any cell is read.
  void Error(size_t offset, std::string message, bool in_cell = true) {
    // Past the list's bounds the position is not needed: only the count is kept.
    if (errors_.listed().size() >= kMaxDiagnostics) {
      errors_.Add({}, std::string());
      return;
    }
    errors_.Add(error_positions_.At(offset), std::move(message),
                in_cell ? CellReference(row_, column_) : std::string());
  }

  // Spaces around cells are padding; so are tabs, unless they separate cells.
  bool IsBlankChar(char c) const { return c == ' ' || (c == '\t' && delimiter_ != '\t'); }

  // A file saved in another encoding is reported once, where it first goes wrong; a byte order mark
  // past the start usually means two files were joined, and each one is reported.
  void CheckEncoding() {
    const size_t invalid = FirstInvalidUtf8(text_);
    if (invalid != std::string_view::npos) {
      Error(invalid, "the file is not UTF-8 text: save it as \"CSV UTF-8\"", /*in_cell=*/false);
      return;
    }
    size_t bom = text_.find(kUtf8ByteOrderMark, 1);
    while (bom != std::string_view::npos) {
      Error(bom,
            "a byte order mark (U+FEFF) inside the file: delete it; only the very start of a file "
            "may hold one (were two files joined?)",
            /*in_cell=*/false);
      bom = text_.find(kUtf8ByteOrderMark, bom + 1);
    }
  }

  CsvRecord ReadRecord() {
    CsvRecord record;
    row_ = static_cast<int>(result_.records.size()) + 1;
    while (true) {
      column_ = static_cast<int>(record.cells.size());
      record.cells.push_back(ReadCell());
      record.cells.back().row = row_;
      record.cells.back().column = column_;
      if (pos_ >= text_.size()) break;
      const char c = text_[pos_++];
      if (c == delimiter_) continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;  // CRLF
      break;
    }
    return record;
  }

  // Reads one cell and leaves pos_ on the comma, line break or end of text after it.
  CsvCell ReadCell() {
    const size_t start = pos_;
    SkipBlanks();
    CsvCell cell;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      cell.position = cells_.At(pos_);
      cell.quoted = true;
      cell.text = ReadQuoted();
      return cell;
    }
    const size_t first = pos_;
    bool quote_reported = false;  // one error per cell is enough to find it
    while (pos_ < text_.size() && text_[pos_] != delimiter_ && !IsLineBreak(text_[pos_])) {
      if (text_[pos_] == '"' && !quote_reported) {
        quote_reported = true;
        Error(pos_,
              "a quote inside a cell that does not start with one: put the whole cell in quotes "
              "and write each quote inside it twice (\"\")");
      }
      ++pos_;
    }
    size_t end = pos_;
    while (end > first && IsBlankChar(text_[end - 1])) --end;
    cell.text = std::string(text_.substr(first, end - first));
    cell.position = cells_.At(cell.text.empty() ? start : first);
    return cell;
  }

  std::string ReadQuoted() {
    const size_t opening = pos_++;
    std::string text;
    while (true) {
      const size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        Error(opening,
              "this quote opens a cell that is never closed: add the closing quote (\") at the "
              "cell's end, and write each quote inside the cell twice (\"\")");
        text.append(text_.substr(pos_));
        pos_ = text_.size();
        return text;
      }
      text.append(text_.substr(pos_, quote - pos_));
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {  // a doubled quote stands for one
        text.push_back('"');
        ++pos_;
        continue;
      }
      break;
    }
    SkipBlanks();
    if (pos_ < text_.size() && text_[pos_] != delimiter_ && !IsLineBreak(text_[pos_])) {
      Error(pos_,
            "text after the closing quote of a cell: put the whole cell in quotes and write each "
            "quote inside it twice (\"\")");
      // Resynchronise at the next comma or line break so one mistake gives one error.
      while (pos_ < text_.size() && text_[pos_] != delimiter_ && !IsLineBreak(text_[pos_])) ++pos_;
    }
    return text;
  }

  void SkipBlanks() {
    while (pos_ < text_.size() && IsBlankChar(text_[pos_])) ++pos_;
  }

  std::string_view text_;
  char delimiter_;
  LineMap lines_;
  ForwardPositions cells_;  // cells come in text order
  // Errors come in text order too: positioning the last of a thousand errors near the end of a
  // 32 MB line must not count that line's characters a thousand times.
  ForwardPositions error_positions_;
  size_t pos_ = 0;
  DiagnosticList errors_;
  int row_ = 1;     // of the record being read
  int column_ = 0;  // of the cell being read
  CsvText result_;
};

}  // namespace

bool CsvRecord::IsBlank() const {
  return std::all_of(cells.begin(), cells.end(), [](const CsvCell& c) { return c.text.empty(); });
}

CsvText ReadCsv(std::string_view text, char delimiter) {
  return CsvScanner(text, delimiter).Scan();
}

char DetectDelimiter(std::string_view text) {
  constexpr std::array<char, 3> kDelimiters = {',', ';', '\t'};  // preferred first on a tie
  std::array<int, 3> counts = {};
  bool quoted = false;
  for (size_t i = text.starts_with(kUtf8ByteOrderMark) ? kUtf8ByteOrderMark.size() : 0;
       i < text.size(); ++i) {
    const char c = text[i];
    if (c == '"') quoted = !quoted;  // a doubled quote toggles twice: still inside
    if (quoted) continue;
    if (IsLineBreak(c)) break;
    for (size_t d = 0; d < kDelimiters.size(); ++d) counts[d] += c == kDelimiters[d];
  }
  size_t best = 0;
  for (size_t d = 1; d < kDelimiters.size(); ++d) {
    if (counts[d] > counts[best]) best = d;
  }
  return kDelimiters[best];
}

std::string ColumnLetters(int column) {
  std::string letters;
  for (int n = column + 1; n > 0; n = (n - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return letters;
}

std::string CellReference(int row, int column) { return absl::StrCat(ColumnLetters(column), row); }

}  // namespace contactplan::io
