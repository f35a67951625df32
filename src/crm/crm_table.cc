#include "crm/crm_table.h"

#include <filesystem>
#include <system_error>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "io/file_bytes.h"
#include "io/text_position.h"

namespace contactplan::crm {

CrmTable::CrmTable(const std::string& dir, absl::string_view file, bool required,
                   const std::vector<absl::string_view>& required_columns, ImportErrors& errors)
    : file_(file) {
  const std::string path = (std::filesystem::path(dir) / std::string(file)).string();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    if (required) {
      errors.Add(absl::StrCat(path, ": no such file: export the ", file.substr(0, file.find('.')),
                              " object to this folder (one CSV per object, named after it)"));
    }
    return;
  }
  absl::StatusOr<std::string> bytes = io::ReadWholeFile(path);
  if (!bytes.ok()) {
    errors.Add(std::string(bytes.status().message()));
    return;
  }
  text_ = io::ReadCsv(*bytes, io::DetectDelimiter(*bytes));
  if (!text_.errors.empty()) {
    for (const io::Diagnostic& diagnostic : text_.errors) {
      errors.Add(absl::StrCat(file_, ": line ", diagnostic.position.line, ", column ",
                              diagnostic.position.column, ": ", diagnostic.message));
    }
    text_ = {};
    return;
  }
  present_ = true;
  bool header_seen = false;
  for (const io::CsvRecord& record : text_.records) {
    if (record.IsBlank()) continue;
    if (!header_seen) {
      header_seen = true;
      for (const io::CsvCell& cell : record.cells) {
        header_.emplace_back(absl::StripAsciiWhitespace(cell.text));
      }
      continue;
    }
    rows_.push_back(&record);
  }
  for (absl::string_view column : required_columns) {
    if (Column(column) >= 0) continue;
    errors.Add(absl::StrCat(file_, ": line 1: no column \"", column,
                            "\": export it (columns are named by the fields' API names, as Data "
                            "Loader and the CRM's export write them)"));
    present_ = false;
  }
  if (!present_) rows_.clear();
}

int CrmTable::Column(absl::string_view column) const {
  for (size_t c = 0; c < header_.size(); ++c) {
    if (header_[c] == column) return static_cast<int>(c);
  }
  return -1;
}

bool CrmTable::has(absl::string_view column) const { return Column(column) >= 0; }

absl::string_view CrmTable::Text(size_t row, absl::string_view column) const {
  const int c = Column(column);
  if (c < 0 || static_cast<size_t>(c) >= rows_[row]->cells.size()) return {};
  const absl::string_view text = absl::StripAsciiWhitespace(rows_[row]->cells[c].text);
  return {text.data(), text.size()};
}

std::string CrmTable::Where(size_t row, absl::string_view column) const {
  const io::CsvRecord& record = *rows_[row];
  const int c = Column(column);
  const io::TextPosition at = c >= 0 && static_cast<size_t>(c) < record.cells.size()
                                  ? record.cells[c].position
                                  : record.cells.front().position;
  return absl::StrCat(file_, ": line ", at.line, ", column ", at.column, ": ");
}

}  // namespace contactplan::crm
