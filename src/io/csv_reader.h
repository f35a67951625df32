// An RFC 4180 reader that keeps where every cell starts, so the grid import can point at any cell.
//
// What it accepts, beyond RFC 4180's letter, and why:
//  - line breaks LF, CRLF or a lone CR (spreadsheets and editors write all three);
//  - spaces and tabs around an unquoted cell, or around the quotes of a quoted one, are dropped (files
//    written by hand put a space after each comma); a quoted cell keeps everything between its quotes
//    as written, line breaks included, with each doubled quote read as one;
//  - a UTF-8 byte order mark at the very start of the text (spreadsheets write one).
//  - a delimiter other than the comma: ReadCsv takes it, and DetectDelimiter finds it from row 1
//    (European spreadsheets write ';', and "Text (tab delimited)" a tab).
// What it rejects, each as a Diagnostic (with its cell reference, such as "C5"): a byte order mark anywhere else, text that is not UTF-8, a
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
  int row = 1;     // 1-based record number: the spreadsheet's row (a record may span several lines)
  int column = 0;  // 0-based position in its record: column A is 0
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

// Splits `text` into records at `delimiter` (',', ';' or '\t'). A line break after the last record
// does not start another one. With a tab as delimiter, tabs around cells are delimiters, not padding.
CsvText ReadCsv(std::string_view text, char delimiter = ',');

// The delimiter row 1 uses: of ',', ';' and '\t', the one found most often outside quotes in the
// first record (a byte order mark skipped); the comma on a tie or when there is none. Spreadsheets
// write one delimiter throughout, and row 1 (a list of names) rarely holds the others unquoted.
char DetectDelimiter(std::string_view text);

// "A" for column 0, "Z" for 25, "AA" for 26 ..., as spreadsheets name columns.
std::string ColumnLetters(int column);
// "C5": the reference of the cell at `column` (0-based) in `row` (1-based).
std::string CellReference(int row, int column);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_CSV_READER_H_
