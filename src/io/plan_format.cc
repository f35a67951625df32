// Format names and file extensions (README.md, The command line: the CLI picks a format by extension or by name).
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "contactplan/plan_io.h"

namespace contactplan {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  absl::AsciiStrToLower(&lower);
  return lower;
}

}  // namespace

std::string_view PlanFormatName(PlanFormat format) {
  switch (format) {
    case PlanFormat::kBinary: return "binary";
    case PlanFormat::kJson: return "json";
    case PlanFormat::kText: return "text";
    case PlanFormat::kCsvGrid: return "csv";
  }
  return "";
}

std::optional<PlanFormat> PlanFormatFromName(std::string_view name) {
  const std::string lower = Lower(name);
  for (PlanFormat format :
       {PlanFormat::kBinary, PlanFormat::kJson, PlanFormat::kText, PlanFormat::kCsvGrid}) {
    if (lower == PlanFormatName(format)) return format;
  }
  return std::nullopt;
}

std::optional<PlanFormat> PlanFormatFromPath(std::string_view path) {
  // The extension of the last path component only: "data.v2/plan" has none.
  const size_t slash = path.find_last_of('/');
  const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = file.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return std::nullopt;  // ".json" is a hidden file
  const std::string extension = Lower(file.substr(dot + 1));
  if (extension == "binpb" || extension == "pb") return PlanFormat::kBinary;
  if (extension == "json") return PlanFormat::kJson;
  if (extension == "txtpb" || extension == "textproto") return PlanFormat::kText;
  if (extension == "csv") return PlanFormat::kCsvGrid;
  return std::nullopt;
}

}  // namespace contactplan
