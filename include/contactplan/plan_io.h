// Reading and writing plans (and analyses) in every format the product exchanges.
#ifndef CONTACTPLAN_PLAN_IO_H_
#define CONTACTPLAN_PLAN_IO_H_

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/plan.pb.h"

namespace contactplan {

enum class PlanFormat {
  kBinary,   // protobuf wire format (canonical); .binpb or .pb
  kJson,     // protobuf JSON mapping; .json
  kText,     // protobuf text format; .txtpb or .textproto
  kCsvGrid,  // the contact map grid of SPEC §7; .csv
};

// "binary", "json", "text" or "csv".
std::string_view PlanFormatName(PlanFormat format);
// Parses a name as PlanFormatName gives it (case-insensitive); nullopt when unknown.
std::optional<PlanFormat> PlanFormatFromName(std::string_view name);
// The format a path's extension names; nullopt when the extension is not one of the above.
std::optional<PlanFormat> PlanFormatFromPath(std::string_view path);

// Parses a plan. Errors are InvalidArgument and say where: "line 4, column 7: ..." for text, JSON and
// CSV, the byte offset or field for binary. Unknown fields in binary input are kept (and written back
// by WritePlan in binary). Thread-safe.
absl::StatusOr<v1::Plan> ParsePlan(std::string_view bytes, PlanFormat format);

// Serializes a plan. Binary output is deterministic. The CSV grid holds only what SPEC §7 lists;
// writing a plan with more (e.g. several opportunities) to CSV is an error naming what would be lost.
absl::StatusOr<std::string> WritePlan(const v1::Plan& plan, PlanFormat format);

// Reads a file (format from the extension unless given); errors start with the path.
absl::StatusOr<v1::Plan> ReadPlanFile(const std::string& path,
                                      std::optional<PlanFormat> format = std::nullopt);

// Writes bytes to `path` atomically: a temporary file beside it, renamed on success, so a failure
// never leaves a half-written file.
absl::Status WriteFileAtomically(const std::string& path, std::string_view bytes);

// Serializes an analysis: binary (deterministic), JSON (protobuf JSON mapping with lowerCamel names,
// every field printed, including zeros and empty lists, indented) or text format.
absl::StatusOr<std::string> WriteAnalysis(const v1::Analysis& analysis, PlanFormat format);

}  // namespace contactplan

#endif  // CONTACTPLAN_PLAN_IO_H_
