// Writing RFC 4180 records that csv_reader reads back exactly as they were given.
#ifndef CONTACTPLAN_SRC_IO_CSV_WRITER_H_
#define CONTACTPLAN_SRC_IO_CSV_WRITER_H_

#include <string>
#include <string_view>
#include <vector>

namespace contactplan::io {

// Appends one record: the cells joined by commas, ended by CRLF (RFC 4180's line break, and what
// spreadsheets expect). A cell is put in quotes (each quote inside doubled) only when it needs them
// to read back as written: it holds a comma, a quote or a line break, or starts or ends with a space
// or a tab (the reader drops those around an unquoted cell).
void AppendCsvRecord(const std::vector<std::string>& cells, std::string* out);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_CSV_WRITER_H_
