#include "io/csv_writer.h"

namespace contactplan::io {
namespace {

bool NeedsQuotes(std::string_view cell) {
  if (cell.empty()) return false;
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  return cell.find_first_of(",\"\r\n") != std::string_view::npos || blank(cell.front()) ||
         blank(cell.back());
}

void AppendCell(std::string_view cell, std::string* out) {
  if (!NeedsQuotes(cell)) {
    out->append(cell);
    return;
  }
  out->push_back('"');
  for (char c : cell) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

void AppendCsvRecord(const std::vector<std::string>& cells, std::string* out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendCell(cells[i], out);
  }
  out->append("\r\n");
}

}  // namespace contactplan::io
