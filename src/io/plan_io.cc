// The public entry points of plan I/O: each format's reader and writer behind one switch.
#include "contactplan/plan_io.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "io/grid_export.h"
#include "io/grid_import.h"
#include "io/output_size.h"
#include "io/proto_binary.h"
#include "io/proto_json.h"
#include "io/proto_text.h"
#include "io/unknown_fields.h"

namespace contactplan {
namespace {

// Binary and text output checked against the size a message can have before anything is written
// (text is never shorter than binary), and text once more after: nothing is returned half written.
absl::StatusOr<std::string> WriteChecked(const google::protobuf::Message& message,
                                         PlanFormat format) {
  const size_t binary_size = message.ByteSizeLong();
  if (absl::Status fits = io::CheckOutputSize(binary_size, io::kMaxOutputBytes,
                                              format == PlanFormat::kBinary ? "binary" : "text");
      !fits.ok()) {
    return fits;
  }
  if (format == PlanFormat::kBinary) return io::WriteBinaryMessage(message);
  std::string text = io::WriteTextMessage(message);
  if (absl::Status fits = io::CheckOutputSize(text.size(), io::kMaxOutputBytes, "text");
      !fits.ok()) {
    return fits;
  }
  return text;
}

}  // namespace

absl::StatusOr<v1::Plan> ParsePlan(std::string_view bytes, PlanFormat format) {
  if (format == PlanFormat::kCsvGrid) return io::ImportGrid(bytes);
  v1::Plan plan;
  if (absl::Status status = ParsePlanInto(bytes, format, &plan); !status.ok()) return status;
  return plan;
}

absl::Status ParsePlanInto(std::string_view bytes, PlanFormat format, v1::Plan* plan) {
  plan->Clear();
  absl::Status status;
  switch (format) {
    case PlanFormat::kBinary:
      status = io::ParseBinaryMessage(bytes, plan);
      break;
    case PlanFormat::kJson:
      status = io::ParseJsonMessage(bytes, plan);
      break;
    case PlanFormat::kText:
      status = io::ParseTextMessage(bytes, plan);
      break;
    case PlanFormat::kCsvGrid: {
      absl::StatusOr<v1::Plan> imported = io::ImportGrid(bytes);
      if (imported.ok()) {
        *plan = *std::move(imported);  // a copy when *plan is on an arena: grids are small
      } else {
        status = imported.status();
      }
      break;
    }
  }
  if (!status.ok()) plan->Clear();
  return status;
}

absl::StatusOr<std::string> WritePlan(const v1::Plan& plan, PlanFormat format) {
  switch (format) {
    case PlanFormat::kBinary:
      return WriteChecked(plan, format);
    case PlanFormat::kJson:
      return io::WriteJsonMessage(plan, io::JsonStyle::kOmitDefaults);
    case PlanFormat::kText:
      return WriteChecked(plan, format);
    case PlanFormat::kCsvGrid:
      return io::ExportGrid(plan);
  }
  return absl::InvalidArgumentError("unknown plan format");
}

std::vector<std::string> CsvGridLosses(const v1::Plan& plan) {
  return io::GridExportLosses(plan);
}

std::vector<std::string> ConversionLosses(const v1::Plan& plan, PlanFormat format) {
  switch (format) {
    case PlanFormat::kBinary:
      return {};
    case PlanFormat::kJson:
    case PlanFormat::kText:
      // Both write fields by name, and a field this build does not know has none to write.
      if (const int messages = io::MessagesWithUnknownFields(plan); messages > 0) {
        return {absl::StrCat("fields unknown to this version (", messages, ")")};
      }
      return {};
    case PlanFormat::kCsvGrid:
      return io::GridExportLosses(plan);
  }
  return {};
}

absl::StatusOr<std::string> WriteAnalysis(const v1::Analysis& analysis, PlanFormat format) {
  switch (format) {
    case PlanFormat::kBinary:
      return WriteChecked(analysis, format);
    case PlanFormat::kJson:
      return io::WriteJsonMessage(analysis, io::JsonStyle::kEveryField);
    case PlanFormat::kText:
      return WriteChecked(analysis, format);
    case PlanFormat::kCsvGrid:
      return absl::InvalidArgumentError(
          "an analysis has no CSV form (the grid holds plans only): write binary, json or text");
  }
  return absl::InvalidArgumentError("unknown analysis format");
}

absl::Status ParseJsonInto(std::string_view json, google::protobuf::Message* message) {
  return io::ParseJsonMessage(json, message);
}

absl::Status ParseMessageInto(std::string_view bytes, PlanFormat format,
                              google::protobuf::Message* message) {
  absl::Status status;
  switch (format) {
    case PlanFormat::kJson: return io::ParseJsonMessage(bytes, message);
    case PlanFormat::kBinary: status = io::ParseBinaryMessage(bytes, message); break;
    case PlanFormat::kText: status = io::ParseTextMessage(bytes, message); break;
    case PlanFormat::kCsvGrid:
      status = absl::InvalidArgumentError(absl::StrCat(
          message->GetDescriptor()->name(),
          " has no CSV form (the grid holds plans only): give it as binary, json or text"));
      break;
  }
  // The readers stop at the first error with part of the message filled in: nothing half read is
  // handed back.
  if (!status.ok()) message->Clear();
  return status;
}

}  // namespace contactplan
