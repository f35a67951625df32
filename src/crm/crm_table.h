// One CSV export of a CRM object (Contact.csv, contacts.csv ...): its columns found by name, every
// error naming the file, line and column.
#ifndef CONTACTPLAN_SRC_CRM_CRM_TABLE_H_
#define CONTACTPLAN_SRC_CRM_CRM_TABLE_H_

#include <string>
#include "absl/strings/string_view.h"
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_join.h"
#include "io/csv_reader.h"

namespace contactplan::crm {

// Problems of one import, across files: "Contact.csv: line 3, column 5: what is wrong: what would
// fix it".
class ImportErrors {
 public:
  void Add(std::string message) { messages_.push_back(std::move(message)); }
  bool empty() const { return messages_.empty(); }
  const std::vector<std::string>& messages() const { return messages_; }
  // InvalidArgument with every problem on its own line.
  absl::Status status() const {
    return absl::InvalidArgumentError(absl::StrJoin(messages_, "\n"));
  }

 private:
  std::vector<std::string> messages_;
};

class CrmTable {
 public:
  // Reads `dir`/`file`. A missing file is an error when `required`, else an empty table (present()
  // false). A column of `required_columns` missing from the header row is an error. Errors go to
  // `errors`; the table is empty after one.
  CrmTable(const std::string& dir, absl::string_view file, bool required,
           const std::vector<absl::string_view>& required_columns, ImportErrors& errors);

  bool present() const { return present_; }
  const std::string& file() const { return file_; }
  // Data rows, header excluded; blank rows are skipped.
  size_t rows() const { return rows_.size(); }
  bool has(absl::string_view column) const;
  // The trimmed text of `column` in data row `row`; empty when the column is absent or the row short.
  absl::string_view Text(size_t row, absl::string_view column) const;
  // "Contact.csv: line 4, column 7: " for that cell (the row's start when the column is absent).
  std::string Where(size_t row, absl::string_view column) const;

 private:
  int Column(absl::string_view column) const;

  std::string file_;
  bool present_ = false;
  io::CsvText text_;
  std::vector<std::string> header_;
  std::vector<const io::CsvRecord*> rows_;
};

}  // namespace contactplan::crm

#endif  // CONTACTPLAN_SRC_CRM_CRM_TABLE_H_
