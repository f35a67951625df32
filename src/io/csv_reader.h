// An RFC 4180 reader that keeps where every cell starts, so the grid import can point at any cell.
//
// What it accepts, beyond RFC 4180's letter, and why:
//  - line breaks LF, CRLF or a lone CR (spreadsheets and editors write all three);
//  - spaces and tabs around an unquoted cell, or around the quotes of a quoted one, are dropped (files
//    written by hand put a space after each comma); a quoted cell keeps everything between its quotes
//    as written, line breaks included, with each doubled quote read as one;
//  - a UTF-8 byte order mark at the very start of the text (spreadsheets write one).
// What it rejects, each as a Diagnostic: a byte order mark anywhere else, text that is not UTF-8, a
// quote inside a cell that does not start with one, text after a closing quote, and a quote that is
// never closed (reported where it opened).
#ifndef CONTACTPLAN_SRC_IO_CSV_READER_H_
#define CONTACTPLAN_SRC_IO_CSV_READER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "io/text_position.h"

namespace contactplan::io {

struct CsvCell {
  std::string text;
  // Where the cell starts: its opening quote, else its first character other than a space or tab;
  // for an empty cell, just after the preceding comma (or the start of the line).
  TextPosition position;
  bool quoted = false;
};

// One record (one spreadsheet row; it may span several lines when a quoted cell holds line breaks).
struct CsvRecord {
  std::vector<CsvCell> cells;  // never empty: a blank line is one empty cell
  // True when every cell is empty (a blank line, or a row of commas as spreadsheets write them).
  bool IsBlank() const;
};

struct CsvText {
  std::vector<CsvRecord> records;
  std::vector<Diagnostic> errors;  // in text order; when not empty, `records` are not to be trusted
  // Errors past DiagnosticList's bounds, counted but not listed in `errors`.
  size_t omitted_errors = 0;
};

// Splits `text` into records. A line break after the last record does not start another one.
CsvText ReadCsv(std::string_view text);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_CSV_READER_H_
