// The C ABI over the C++ engine. Each entry point checks its arguments before touching them, turns
// every absl::Status into a cplan_status with a malloc'd message, and catches every exception:
// nothing but a status code leaves this file.
#include "contactplan/contactplan.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "arena_block_pool.h"
#include "contactplan/engine.h"
#include "contactplan/plan_diff.h"
#include "contactplan/plan_io.h"
#include "contactplan/portfolio.h"
#include "contactplan/render.h"
#include "contactplan/rule_catalogue.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "contactplan/version.h"
#include "engine/analysis_bytes.h"
#include "engine/analyze.h"
#include "google/protobuf/arena.h"
#include "google/protobuf/message.h"
#include "io/plan_rows.h"
#include "io/proto_binary.h"
#include "io/text_position.h"
#include "options/settings.h"

// The header's compile-time version is what hosts compile against; it must be the project's.
static_assert(CPLAN_VERSION_MAJOR == CONTACTPLAN_VERSION_MAJOR &&
                  CPLAN_VERSION_MINOR == CONTACTPLAN_VERSION_MINOR &&
                  CPLAN_VERSION_PATCH == CONTACTPLAN_VERSION_PATCH,
              "capi/include/contactplan/contactplan.h CPLAN_VERSION_* must match project(VERSION)");

struct cplan_engine {
  contactplan::Engine engine;
  // The engine's options resolved (the same as inside `engine`), for the analysis this layer writes
  // itself: a binary analysis with the findings, the drift forecast and the releases spliced in as
  // bytes (analysis_bytes.h).
  contactplan::Settings settings;
  // EngineOptions.limits.max_input_bytes with its default resolved: checked here, before parsing,
  // because only this layer sees the size of the serialized input.
  uint64_t max_input_bytes;
  // Blocks for the arenas of this engine's calls, kept between calls and sized to what they need,
  // up to EngineOptions.limits.max_retained_bytes (arena_block_pool.h). The one part of an engine
  // that changes after creation; synchronized inside.
  mutable contactplan::capi::ArenaBlockPool arena_blocks;
};

namespace {

using contactplan::PlanFormat;

// Concatenates `parts` into a malloc'd NUL-terminated string: cplan_free releases it. nullptr when
// memory runs out. Never throws, so it is safe inside catch handlers.
char* MallocConcat(std::initializer_list<std::string_view> parts) noexcept {
  size_t size = 0;
  for (std::string_view part : parts) size += part.size();
  char* text = static_cast<char*>(std::malloc(size + 1));
  if (text == nullptr) return nullptr;
  char* end = text;
  for (std::string_view part : parts) {
    if (!part.empty()) std::memcpy(end, part.data(), part.size());
    end += part.size();
  }
  *end = '\0';
  return text;
}

// Reports a failure: the message (if wanted) is the concatenation of `parts`.
cplan_status Fail(char** message, cplan_status status,
                  std::initializer_list<std::string_view> parts) noexcept {
  if (message != nullptr) *message = MallocConcat(parts);
  return status;
}

// Runs the body of an entry point: clears *message, and converts any exception into a status so
// that none crosses the C boundary.
template <typename Body>
cplan_status Guarded(std::string_view function, char** message, Body&& body) noexcept {
  if (message != nullptr) *message = nullptr;
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Fail(message, CPLAN_OUT_OF_MEMORY, {function, ": out of memory"});
  } catch (const std::exception& e) {
    return Fail(message, CPLAN_INTERNAL, {function, ": internal error: ", e.what()});
  } catch (...) {
    return Fail(message, CPLAN_INTERNAL, {function, ": internal error: unknown exception"});
  }
}

// The integer a host passed for an enum parameter. A C host may pass any int, and in C++ merely
// reading an enum object whose value lies outside the enum's range is undefined behaviour, so entry
// points never copy such a parameter as the enum: they read its bytes here, and everything after
// works on the int.
template <typename Enum>
int RawValue(const Enum& value) {
  static_assert(sizeof(Enum) == sizeof(int));
  int raw;
  std::memcpy(&raw, &value, sizeof raw);
  return raw;
}

// The short name of a format value; nullptr for an unknown one. Literals: the C ABI promises
// static storage.
const char* FormatName(int format) {
  switch (format) {
    case CPLAN_FORMAT_BINARY:
      return "binary";
    case CPLAN_FORMAT_JSON:
      return "json";
    case CPLAN_FORMAT_TEXT:
      return "text";
    case CPLAN_FORMAT_CSV:
      return "csv";
    default:
      return nullptr;
  }
}

std::optional<PlanFormat> ToPlanFormat(int format) {
  switch (format) {
    case CPLAN_FORMAT_BINARY:
      return PlanFormat::kBinary;
    case CPLAN_FORMAT_JSON:
      return PlanFormat::kJson;
    case CPLAN_FORMAT_TEXT:
      return PlanFormat::kText;
    case CPLAN_FORMAT_CSV:
      return PlanFormat::kCsvGrid;
    default:
      return std::nullopt;
  }
}

cplan_format FromPlanFormat(PlanFormat format) {
  switch (format) {
    case PlanFormat::kBinary:
      return CPLAN_FORMAT_BINARY;
    case PlanFormat::kJson:
      return CPLAN_FORMAT_JSON;
    case PlanFormat::kText:
      return CPLAN_FORMAT_TEXT;
    case PlanFormat::kCsvGrid:
      return CPLAN_FORMAT_CSV;
  }
  return CPLAN_FORMAT_BINARY;  // unreachable: the switch covers the enum
}

// Joins message parts. (absl::StrCat would need absl::string_view: Debian's Abseil has its own.)
std::string Cat(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (std::string_view part : parts) text.append(part);
  return text;
}

// "4 (csv)" or "99 (unknown)", for messages about a format argument.
std::string DescribeFormat(int format) {
  const char* name = FormatName(format);
  return Cat({std::to_string(format), " (", name != nullptr ? name : "unknown", ")"});
}

// Why an argument was rejected, or nothing. Each check names the function and the parameter, so a
// host developer sees which call is wrong.
using Rejection = std::optional<std::pair<cplan_status, std::string>>;

Rejection RequireNonNull(std::string_view function, const void* pointer, std::string_view name) {
  if (pointer != nullptr) return std::nullopt;
  return std::pair(CPLAN_INVALID_ARGUMENT, Cat({function, ": ", name, " is NULL"}));
}

// A byte input: `data` may be NULL only when `optional` and empty; the length stays within the
// ABI's limit and `limit` (the engine's max_input_bytes, or the ABI limit again).
Rejection CheckInput(std::string_view function, std::string_view name, const void* data,
                     size_t size, bool optional, uint64_t limit, std::string_view limit_name) {
  if (data == nullptr && !(optional && size == 0)) {
    return std::pair(CPLAN_INVALID_ARGUMENT,
                     Cat({function, ": ", name, " is NULL",
                          size > 0 ? Cat({" but its length is ", std::to_string(size)}) : ""}));
  }
  if (size > CPLAN_MAX_INPUT_BYTES) {
    return std::pair(CPLAN_LIMIT_EXCEEDED,
                     Cat({function, ": ", name, " is ", std::to_string(size),
                          " bytes, over the 2 GiB limit of the C ABI (CPLAN_MAX_INPUT_BYTES = ",
                          std::to_string(CPLAN_MAX_INPUT_BYTES), "); split the input"}));
  }
  if (size > limit) {
    return std::pair(
        CPLAN_LIMIT_EXCEEDED,
        Cat({function, ": ", name, " is ", std::to_string(size), " bytes, over ", limit_name, " (",
             std::to_string(limit), "); raise the limit in EngineOptions if intended"}));
  }
  return std::nullopt;
}

// A format argument that must be one of `accepted`.
Rejection CheckFormat(std::string_view function, std::string_view name, int format,
                      std::initializer_list<cplan_format> accepted) {
  for (cplan_format ok : accepted) {
    if (format == static_cast<int>(ok)) return std::nullopt;
  }
  std::string names;
  for (cplan_format ok : accepted) {
    names.append(names.empty() ? "" : ", ").append(FormatName(ok));
  }
  return std::pair(CPLAN_INVALID_ARGUMENT, Cat({function, ": ", name, " ", DescribeFormat(format),
                                                " is not accepted here; use one of: ", names}));
}

constexpr std::initializer_list<cplan_format> kAnyFormat = {CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON,
                                                            CPLAN_FORMAT_TEXT, CPLAN_FORMAT_CSV};
constexpr std::initializer_list<cplan_format> kOptionFormats = {CPLAN_FORMAT_BINARY,
                                                                CPLAN_FORMAT_JSON};
constexpr std::initializer_list<cplan_format> kAnalysisFormats = {
    CPLAN_FORMAT_BINARY, CPLAN_FORMAT_JSON, CPLAN_FORMAT_TEXT};

// The first rejection among `checks`, reported; CPLAN_OK when there is none.
cplan_status FirstRejection(char** message, std::initializer_list<Rejection> checks) {
  for (const Rejection& rejection : checks) {
    if (rejection.has_value()) return Fail(message, rejection->first, {rejection->second});
  }
  return CPLAN_OK;
}

// A failed absl::Status as a cplan_status: InvalidArgument (and the other "the input is wrong"
// codes) become `input_error`, ResourceExhausted a limit, anything else a bug. `context` prefixes
// the message unless empty.
cplan_status Report(char** message, const absl::Status& status, cplan_status input_error,
                    std::string_view context) {
  cplan_status code;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kUnimplemented:
      code = input_error;
      break;
    case absl::StatusCode::kResourceExhausted:
      code = CPLAN_LIMIT_EXCEEDED;
      break;
    default:
      code = CPLAN_INTERNAL;
      break;
  }
  const std::string_view text(status.message().data(), status.message().size());
  if (context.empty()) return Fail(message, code, {text});
  return Fail(message, code, {context, ": ", text});
}

// Parses serialized options (EngineOptions or AnalysisOptions) in binary or JSON. Unknown JSON
// fields are errors: in hand-written options they are almost always typos. Both forms are checked
// before protobuf's parser sees them, as plans are: given a string that is not UTF-8, the parser
// would log to stderr, and the library never prints.
absl::Status ParseOptions(const void* data, size_t size, int format,
                          google::protobuf::Message& options) {
  options.Clear();
  if (size == 0) return absl::OkStatus();
  const std::string_view bytes(static_cast<const char*>(data), size);
  if (format == CPLAN_FORMAT_BINARY) return contactplan::io::ParseBinaryMessage(bytes, &options);
  if (const size_t invalid = contactplan::io::FirstInvalidUtf8(bytes);
      invalid != std::string_view::npos) {
    return absl::InvalidArgumentError(Cat({"not a valid JSON ", options.GetTypeName(), ": byte ",
                                           std::to_string(invalid),
                                           " is not UTF-8 text; save the options as UTF-8"}));
  }
  // The plan's JSON reader: unknown fields (almost always typos) and repeated keys are errors,
  // each with its line and column.
  const absl::Status parsed = contactplan::ParseJsonInto(
      std::string_view(static_cast<const char*>(data), size), &options);
  if (!parsed.ok()) {
    const std::string detail(parsed.message());
    return absl::InvalidArgumentError(
        Cat({"not a valid JSON ", options.GetTypeName(), ": ", detail}));
  }
  return absl::OkStatus();
}

// The arguments of every call that reads a plan: the engine, the plan bytes within the ABI's and
// the engine's size limits, and a plan format (named `format_name` in messages).
Rejection CheckPlanArguments(std::string_view function, const cplan_engine* engine,
                             const void* plan, size_t plan_len, std::string_view format_name,
                             int plan_format) {
  if (Rejection rejected = RequireNonNull(function, engine, "engine")) return rejected;
  if (Rejection rejected = CheckInput(function, "plan", plan, plan_len, /*optional=*/false,
                                      engine->max_input_bytes, "limits.max_input_bytes")) {
    return rejected;
  }
  return CheckFormat(function, format_name, plan_format, kAnyFormat);
}

// The arguments of every call that analyses a plan (cplan_analyze, cplan_render): the plan's, the
// output pointers, and optional AnalysisOptions bytes in an options format. The first rejection.
Rejection CheckAnalysisArguments(std::string_view function, const cplan_engine* engine,
                                 const void* plan, size_t plan_len, int plan_format,
                                 const void* options, size_t options_len, int options_format,
                                 const void* output, const void* output_len) {
  for (Rejection rejected :
       {CheckPlanArguments(function, engine, plan, plan_len, "plan_format", plan_format),
        RequireNonNull(function, output, "output"),
        RequireNonNull(function, output_len, "output_len"),
        CheckInput(function, "options", options, options_len, /*optional=*/true,
                   CPLAN_MAX_INPUT_BYTES, "CPLAN_MAX_INPUT_BYTES"),
        options_len == 0
            ? Rejection()
            : CheckFormat(function, "options_format", options_format, kOptionFormats)}) {
    if (rejected) return rejected;
  }
  return Rejection();
}

// Parses a plan whose arguments CheckPlanArguments accepted; CPLAN_PARSE_ERROR names the format.
cplan_status ParseArgumentPlan(const void* plan, size_t plan_len, int plan_format,
                               contactplan::v1::Plan& parsed, char** message) {
  const PlanFormat format = *ToPlanFormat(plan_format);
  if (absl::Status status = contactplan::ParsePlanInto(
          std::string_view(static_cast<const char*>(plan), plan_len), format, &parsed);
      !status.ok()) {
    return Report(message, status, CPLAN_PARSE_ERROR,
                  Cat({"plan (", contactplan::PlanFormatName(format), ")"}));
  }
  return CPLAN_OK;
}

// The same for analysis, with the relationships as rows (io/plan_rows.h): from binary bytes they
// are never built as messages, and the rows view the caller's bytes for the length of the call.
cplan_status ParseArgumentPlanRows(const void* plan, size_t plan_len, int plan_format,
                                   contactplan::v1::Plan& parsed,
                                   contactplan::model::RelationshipTable& relationships,
                                   char** message) {
  const PlanFormat format = *ToPlanFormat(plan_format);
  if (absl::Status status = contactplan::io::ParsePlanRows(
          std::string_view(static_cast<const char*>(plan), plan_len), format, &parsed,
          &relationships);
      !status.ok()) {
    return Report(message, status, CPLAN_PARSE_ERROR,
                  Cat({"plan (", contactplan::PlanFormatName(format), ")"}));
  }
  return CPLAN_OK;
}


// Validation with the engine's limits: CPLAN_INVALID_PLAN (or CPLAN_LIMIT_EXCEEDED) with every
// problem in the message.
cplan_status ValidateWithEngine(const cplan_engine& engine, const contactplan::v1::Plan& plan,
                                char** message) {
  if (absl::Status valid = engine.engine.Validate(plan); !valid.ok()) {
    return Report(message, valid, CPLAN_INVALID_PLAN, "");
  }
  return CPLAN_OK;
}

// Hands `bytes` to the caller as a malloc'd buffer with a trailing NUL that the length leaves out.
cplan_status Deliver(std::string_view function, const std::string& bytes, char** output,
                     size_t* output_len, char** message) {
  char* buffer = MallocConcat({bytes});
  if (buffer == nullptr) {
    return Fail(message, CPLAN_OUT_OF_MEMORY,
                {function, ": out of memory for ", std::to_string(bytes.size()), " output bytes"});
  }
  *output = buffer;
  *output_len = bytes.size();
  return CPLAN_OK;
}

// Hands over a binary analysis of `size` bytes, which `write` writes into the caller's buffer: no
// copy through a string, the largest output by far being written once.
template <typename Write>
cplan_status DeliverBinary(std::string_view function, size_t size, const Write& write,
                           char** output, size_t* output_len, char** message) {
  if (size > static_cast<size_t>(INT32_MAX)) {
    return Fail(message, CPLAN_LIMIT_EXCEEDED,
                {function, ": the analysis would be ", std::to_string(size),
                 " bytes, over the 2 GiB the binary format can hold; lower the engine's limits or "
                 "split the account"});
  }
  char* buffer = static_cast<char*>(std::malloc(size + 1));
  if (buffer == nullptr) {
    return Fail(message, CPLAN_OUT_OF_MEMORY,
                {function, ": out of memory for ", std::to_string(size), " output bytes"});
  }
  write(buffer);
  buffer[size] = '\0';
  *output = buffer;
  *output_len = size;
  return CPLAN_OK;
}

// Writes an analysis in the caller's format and hands it over. Binary is serialized straight into
// the caller's buffer; the other formats go through a string.
cplan_status DeliverAnalysis(std::string_view function, const contactplan::v1::Analysis& analysis,
                             int output_format, char** output, size_t* output_len,
                             char** message) {
  if (output_format != CPLAN_FORMAT_BINARY) {
    absl::StatusOr<std::string> written =
        contactplan::WriteAnalysis(analysis, *ToPlanFormat(output_format));
    if (!written.ok()) {
      return Report(message, written.status(), CPLAN_INTERNAL, "writing the analysis");
    }
    return Deliver(function, *written, output, output_len, message);
  }
  const size_t size = analysis.ByteSizeLong();
  return DeliverBinary(
      function, size,
      [&](char* buffer) { contactplan::io::WriteBinaryMessageInto(analysis, size, buffer); },
      output, output_len, message);
}

// A binary analysis whose findings, drift forecast and releases are still rows (analysis_bytes.h):
// they are never built as messages.
cplan_status DeliverBinaryAnalysis(std::string_view function,
                                   const contactplan::v1::Analysis& analysis,
                                   const contactplan::engine::AnalysisRows& rows,
                                   char** output, size_t* output_len, char** message) {
  const contactplan::engine::AnalysisWithRows bytes(analysis, rows);
  return DeliverBinary(
      function, bytes.size(), [&](char* buffer) { bytes.WriteInto(buffer); }, output, output_len,
      message);
}

// A JSON analysis written from the bytes DeliverBinaryAnalysis would hand over, into the block
// handed to the caller.
cplan_status DeliverJsonAnalysis(std::string_view function,
                                 const contactplan::v1::Analysis& analysis,
                                 const contactplan::engine::AnalysisRows& rows, char** output,
                                 size_t* output_len, char** message) {
  absl::StatusOr<contactplan::io::MallocText> written =
      contactplan::engine::AnalysisWithRows(analysis, rows).WriteJsonToBlock();
  if (!written.ok()) return Report(message, written.status(), CPLAN_INTERNAL, "writing the analysis");
  // Handed over as it is: the writer wrote it into a block from std::malloc, NUL-terminated.
  *output_len = written->size;
  *output = written->data.release();
  return CPLAN_OK;
}

void ClearOutput(char** output, size_t* output_len) {
  if (output != nullptr) *output = nullptr;
  if (output_len != nullptr) *output_len = 0;
}

// Defined with cplan_convert2 (section "Conversions that say what they lose", at the end).
cplan_status ConvertPlan(std::string_view function, const cplan_engine* engine, const void* plan,
                         size_t plan_len, int from_format, int to_format, unsigned flags,
                         char** output, size_t* output_len, char** losses, char** message);

}  // namespace

extern "C" {

const char* cplan_version(void) { return CONTACTPLAN_VERSION_STRING; }

int cplan_check_version(int major, int minor) {
  return major == CONTACTPLAN_VERSION_MAJOR && minor >= 0 && minor <= CONTACTPLAN_VERSION_MINOR ? 1
                                                                                                : 0;
}

void cplan_free(void* buffer) { std::free(buffer); }

const char* cplan_status_name(cplan_status status) {
  switch (RawValue(status)) {
    case CPLAN_OK:
      return "CPLAN_OK";
    case CPLAN_INVALID_ARGUMENT:
      return "CPLAN_INVALID_ARGUMENT";
    case CPLAN_PARSE_ERROR:
      return "CPLAN_PARSE_ERROR";
    case CPLAN_INVALID_PLAN:
      return "CPLAN_INVALID_PLAN";
    case CPLAN_INVALID_OPTIONS:
      return "CPLAN_INVALID_OPTIONS";
    case CPLAN_UNREPRESENTABLE:
      return "CPLAN_UNREPRESENTABLE";
    case CPLAN_LIMIT_EXCEEDED:
      return "CPLAN_LIMIT_EXCEEDED";
    case CPLAN_OUT_OF_MEMORY:
      return "CPLAN_OUT_OF_MEMORY";
    case CPLAN_INTERNAL:
      return "CPLAN_INTERNAL";
    case CPLAN_DIFFERENT_ACCOUNTS:
      return "CPLAN_DIFFERENT_ACCOUNTS";
    default:
      return "CPLAN_UNKNOWN_STATUS";
  }
}

const char* cplan_format_name(cplan_format format) { return FormatName(RawValue(format)); }

cplan_status cplan_format_from_path(const char* path, cplan_format* format, char** message) {
  constexpr std::string_view kFunction = "cplan_format_from_path";
  return Guarded(kFunction, message, [&]() -> cplan_status {
    if (cplan_status rejected = FirstRejection(
            message,
            {RequireNonNull(kFunction, path, "path"), RequireNonNull(kFunction, format, "format")});
        rejected != CPLAN_OK) {
      return rejected;
    }
    const std::optional<PlanFormat> known = contactplan::PlanFormatFromPath(path);
    if (!known.has_value()) {
      return Fail(message, CPLAN_INVALID_ARGUMENT,
                  {kFunction, ": ", contactplan::io::Quoted(path, contactplan::io::kEchoedPathBytes),
                   " has no known plan extension; use .binpb or .pb (binary), .json, .txtpb or "
                   ".textproto (text), .csv (grid), or name the format explicitly"});
    }
    *format = FromPlanFormat(*known);
    return CPLAN_OK;
  });
}

cplan_status cplan_engine_create(const void* options, size_t options_len,
                                 cplan_format options_format, cplan_engine** engine,
                                 char** message) {
  constexpr std::string_view kFunction = "cplan_engine_create";
  if (engine != nullptr) *engine = nullptr;
  return Guarded(kFunction, message, [&]() -> cplan_status {
    if (cplan_status rejected = FirstRejection(
            message, {RequireNonNull(kFunction, engine, "engine"),
                      CheckInput(kFunction, "options", options, options_len, /*optional=*/true,
                                 CPLAN_MAX_INPUT_BYTES, "CPLAN_MAX_INPUT_BYTES"),
                      options_len == 0 ? Rejection()
                                       : CheckFormat(kFunction, "options_format",
                                                     RawValue(options_format), kOptionFormats)});
        rejected != CPLAN_OK) {
      return rejected;
    }
    contactplan::v1::EngineOptions parsed;
    if (absl::Status status = ParseOptions(options, options_len, RawValue(options_format), parsed);
        !status.ok()) {
      return Report(message, status, CPLAN_INVALID_OPTIONS, "engine options");
    }
    absl::StatusOr<contactplan::Engine> created = contactplan::Engine::Create(parsed);
    if (!created.ok())
      return Report(message, created.status(), CPLAN_INVALID_OPTIONS, "engine options");
    // Create accepted the options, so resolving them again cannot fail.
    absl::StatusOr<contactplan::Settings> settings = contactplan::ResolveSettings(parsed);
    if (!settings.ok()) return Report(message, settings.status(), CPLAN_INTERNAL, "engine options");
    const uint64_t max_input_bytes = settings->max_input_bytes;
    const uint64_t max_retained_bytes = settings->max_retained_bytes;
    *engine = new cplan_engine{*std::move(created), *std::move(settings), max_input_bytes,
                               contactplan::capi::ArenaBlockPool(max_retained_bytes)};
    return CPLAN_OK;
  });
}

void cplan_engine_destroy(cplan_engine* engine) {
  try {
    delete engine;
  } catch (...) {
    // A destructor that throws is a bug; the engine's memory is lost but the host keeps running.
  }
}

cplan_status cplan_analyze(const cplan_engine* engine, const void* plan, size_t plan_len,
                           cplan_format plan_format, const void* options, size_t options_len,
                           cplan_format options_format, cplan_format output_format, char** output,
                           size_t* output_len, char** message) {
  constexpr std::string_view kFunction = "cplan_analyze";
  ClearOutput(output, output_len);
  return Guarded(kFunction, message, [&]() -> cplan_status {
    if (cplan_status rejected = FirstRejection(
            message,
            {CheckAnalysisArguments(kFunction, engine, plan, plan_len, RawValue(plan_format),
                                    options, options_len, RawValue(options_format), output,
                                    output_len),
             CheckFormat(kFunction, "output_format", RawValue(output_format), kAnalysisFormats)});
        rejected != CPLAN_OK) {
      return rejected;
    }
    contactplan::v1::AnalysisOptions analysis_options;
    if (absl::Status status =
            ParseOptions(options, options_len, RawValue(options_format), analysis_options);
        !status.ok()) {
      return Report(message, status, CPLAN_INVALID_OPTIONS, "analysis options");
    }
    // Options are checked before the plan is parsed: a bad option never costs a parse, and every
    // InvalidArgument the analysis returns afterwards is about the plan.
    if (absl::Status checked = contactplan::Engine::CheckAnalysisOptions(analysis_options);
        !checked.ok()) {
      return Report(message, checked, CPLAN_INVALID_OPTIONS, "analysis options");
    }
    // The plan and the analysis each live on an arena of their own: built without a malloc per
    // element and freed at once, and each freed as soon as the next step no longer needs it, so a
    // large account holds at most plan and analysis, or analysis and output, at once
    // (benchmarks/RESULTS.md, memory).
    // Each arena starts in a block lent by the engine (declared first, so returned last), as large
    // as the engine's earlier calls needed: a call like an earlier one then takes no arena memory
    // from malloc or the kernel (docs/memory.md).
    using contactplan::capi::ArenaBlockPool;
    const ArenaBlockPool::Lease plan_block = engine->arena_blocks.Borrow(ArenaBlockPool::Use::kPlan);
    const ArenaBlockPool::Lease analysis_block =
        engine->arena_blocks.Borrow(ArenaBlockPool::Use::kAnalysis);
    auto plan_arena = std::make_unique<google::protobuf::Arena>(
        contactplan::capi::ArenaBlockPool::Options(plan_block));
    auto& parsed = *google::protobuf::Arena::CreateMessage<contactplan::v1::Plan>(plan_arena.get());
    contactplan::model::RelationshipTable relationships;
    if (cplan_status status = ParseArgumentPlanRows(plan, plan_len, RawValue(plan_format), parsed,
                                                    relationships, message);
        status != CPLAN_OK) {
      return status;
    }
    google::protobuf::Arena analysis_arena(
        contactplan::capi::ArenaBlockPool::Options(analysis_block));
    auto& analysis =
        *google::protobuf::Arena::CreateMessage<contactplan::v1::Analysis>(&analysis_arena);
    // A binary or JSON analysis is written from bytes with the findings, the drift forecast and
    // the releases spliced in, never built as messages (on a large account, 100,000 forecast rows
    // and 29,000 releases: 18.6 and about 9 MB as messages); text writes messages.
    const bool binary = RawValue(output_format) == CPLAN_FORMAT_BINARY;
    const bool as_rows =
        contactplan::engine::WrittenFromRows(*ToPlanFormat(RawValue(output_format)));
    contactplan::engine::AnalysisRows rows;
    if (absl::Status analyzed = contactplan::engine::AnalyzePlan(
            engine->settings, parsed, relationships, analysis_options, &analysis,
            as_rows ? &rows : nullptr);
        !analyzed.ok()) {
      // InvalidArgument: an invalid plan; ResourceExhausted: over a limit; anything else: ours.
      return Report(message, analyzed, CPLAN_INVALID_PLAN, "");
    }
    plan_block.Learn(plan_arena->SpaceAllocated());
    analysis_block.Learn(analysis_arena.SpaceAllocated());
    // Nothing of the analysis or the recommendations' rows views the relationship rows (the rows
    // name persons and members by the plan's own ids): they go before the output is allocated.
    relationships = contactplan::model::RelationshipTable();
    // The recommendations' rows name the plan's ids: the plan stays until they are written.
    if (binary) return DeliverBinaryAnalysis(kFunction, analysis, rows, output, output_len, message);
    if (as_rows) return DeliverJsonAnalysis(kFunction, analysis, rows, output, output_len, message);
    plan_arena.reset();
    return DeliverAnalysis(kFunction, analysis, RawValue(output_format), output, output_len,
                           message);
  });
}

cplan_status cplan_validate(const cplan_engine* engine, const void* plan, size_t plan_len,
                            cplan_format plan_format, char** message) {
  constexpr std::string_view kFunction = "cplan_validate";
  return Guarded(kFunction, message, [&]() -> cplan_status {
    if (cplan_status rejected =
            FirstRejection(message, {CheckPlanArguments(kFunction, engine, plan, plan_len,
                                                        "plan_format", RawValue(plan_format))});
        rejected != CPLAN_OK) {
      return rejected;
    }
    const contactplan::capi::ArenaBlockPool::Lease block =
        engine->arena_blocks.Borrow(contactplan::capi::ArenaBlockPool::Use::kPlan);
    google::protobuf::Arena arena(contactplan::capi::ArenaBlockPool::Options(block));
    auto& parsed = *google::protobuf::Arena::CreateMessage<contactplan::v1::Plan>(&arena);
    // Read as cplan_analyze reads it: a binary plan's relationships as rows, never as messages.
    contactplan::model::RelationshipTable relationships;
    if (cplan_status status = ParseArgumentPlanRows(plan, plan_len, RawValue(plan_format), parsed,
                                                    relationships, message);
        status != CPLAN_OK) {
      return status;
    }
    block.Learn(arena.SpaceAllocated());
    if (absl::Status valid =
            contactplan::engine::ValidatePlanRows(engine->settings, parsed, relationships);
        !valid.ok()) {
      return Report(message, valid, CPLAN_INVALID_PLAN, "");
    }
    return CPLAN_OK;
  });
}

cplan_status cplan_convert(const cplan_engine* engine, const void* plan, size_t plan_len,
                           cplan_format from_format, cplan_format to_format, char** output,
                           size_t* output_len, char** message) {
  // 1.0's promise: a target that cannot hold the whole plan is CPLAN_UNREPRESENTABLE, never a
  // quietly smaller plan.
  return ConvertPlan("cplan_convert", engine, plan, plan_len, RawValue(from_format),
                     RawValue(to_format), /*flags=*/0, output, output_len, /*losses=*/nullptr,
                     message);
}

}  // extern "C"

// ---------------------------------------------------------------------------------------------------
// Conversions that say what they lose (cplan_convert2, version node cplan_1.1). cplan_convert and
// cplan_convert2 share one body: the plan is parsed and validated, what the target cannot hold is
// listed (contactplan::ConversionLosses), and the conversion is refused unless the caller allowed the
// losses.

namespace {

constexpr unsigned kKnownConvertFlags = CPLAN_CONVERT_ALLOW_LOSSES;

cplan_status ConvertPlan(std::string_view function, const cplan_engine* engine, const void* plan,
                         size_t plan_len, int from_format, int to_format, unsigned flags,
                         char** output, size_t* output_len, char** losses, char** message) {
  ClearOutput(output, output_len);
  if (losses != nullptr) *losses = nullptr;
  return Guarded(function, message, [&]() -> cplan_status {
    if (cplan_status rejected = FirstRejection(
            message, {CheckPlanArguments(function, engine, plan, plan_len, "from_format",
                                         from_format),
                      RequireNonNull(function, output, "output"),
                      RequireNonNull(function, output_len, "output_len"),
                      CheckFormat(function, "to_format", to_format, kAnyFormat)});
        rejected != CPLAN_OK) {
      return rejected;
    }
    if ((flags & ~kKnownConvertFlags) != 0) {
      return Fail(message, CPLAN_INVALID_ARGUMENT,
                  {function, ": flags ", std::to_string(flags),
                   " holds bits this version does not know: pass 0 or CPLAN_CONVERT_ALLOW_LOSSES"});
    }
    const contactplan::capi::ArenaBlockPool::Lease block =
        engine->arena_blocks.Borrow(contactplan::capi::ArenaBlockPool::Use::kPlan);
    google::protobuf::Arena arena(contactplan::capi::ArenaBlockPool::Options(block));
    auto& parsed = *google::protobuf::Arena::CreateMessage<contactplan::v1::Plan>(&arena);
    if (cplan_status status = ParseArgumentPlan(plan, plan_len, from_format, parsed, message);
        status != CPLAN_OK) {
      return status;
    }
    block.Learn(arena.SpaceAllocated());
    // The plan is validated before it is written: an invalid plan never leaves in any format.
    if (cplan_status status = ValidateWithEngine(*engine, parsed, message); status != CPLAN_OK) {
      return status;
    }
    const PlanFormat to = *ToPlanFormat(to_format);
    const std::string context = Cat({"plan (", contactplan::PlanFormatName(to), ")"});
    // What would come back changed is refused whatever the flags: it is not a loss but a different
    // plan (WritePlan's errors).
    absl::StatusOr<std::string> written = contactplan::WritePlan(parsed, to);
    if (!written.ok()) return Report(message, written.status(), CPLAN_UNREPRESENTABLE, context);
    std::string lost;
    for (const std::string& entry : contactplan::ConversionLosses(parsed, to)) {
      lost.append(lost.empty() ? "" : "\n").append(entry);
    }
    if (!lost.empty() && (flags & CPLAN_CONVERT_ALLOW_LOSSES) == 0) {
      std::string listed = lost;
      for (size_t at = listed.find('\n'); at != std::string::npos; at = listed.find('\n', at)) {
        listed.replace(at, 1, ", ");
      }
      return Fail(message, CPLAN_UNREPRESENTABLE,
                  {context, ": the ", contactplan::PlanFormatName(to),
                   " format cannot hold all of this plan; it would leave out: ", listed,
                   ". Convert to binary to keep everything, or allow these losses explicitly"});
    }
    if (!lost.empty() && losses != nullptr) {
      *losses = MallocConcat({lost});
      if (*losses == nullptr) {
        return Fail(message, CPLAN_OUT_OF_MEMORY, {function, ": out of memory for the losses"});
      }
    }
    const cplan_status delivered = Deliver(function, *written, output, output_len, message);
    if (delivered != CPLAN_OK && losses != nullptr) {
      cplan_free(*losses);
      *losses = nullptr;
    }
    return delivered;
  });
}

}  // namespace

extern "C" {

cplan_status cplan_convert2(const cplan_engine* engine, const void* plan, size_t plan_len,
                            cplan_format from_format, cplan_format to_format, unsigned flags,
                            char** output, size_t* output_len, char** losses, char** message) {
  return ConvertPlan("cplan_convert2", engine, plan, plan_len, RawValue(from_format),
                     RawValue(to_format), flags, output, output_len, losses, message);
}

}  // extern "C"

// ---- The seller's views (1.1): cplan_render and cplan_rules ---------------------------------------

namespace {

std::optional<contactplan::View> ToView(int view) {
  switch (view) {
    case CPLAN_VIEW_BRIEF: return contactplan::View::kBrief;
    case CPLAN_VIEW_REPORT: return contactplan::View::kReport;
    case CPLAN_VIEW_SVG: return contactplan::View::kSvg;
    case CPLAN_VIEW_HTML: return contactplan::View::kHtml;
    default: return std::nullopt;
  }
}

}  // namespace

extern "C" {

cplan_status cplan_render(const cplan_engine* engine, const void* plan, size_t plan_len,
                          cplan_format plan_format, const void* options, size_t options_len,
                          cplan_format options_format, cplan_view view, int width, char** output,
                          size_t* output_len, char** message) {
  constexpr std::string_view kFunction = "cplan_render";
  ClearOutput(output, output_len);
  return Guarded(kFunction, message, [&]() -> cplan_status {
    const std::optional<contactplan::View> chosen = ToView(RawValue(view));
    if (cplan_status rejected = FirstRejection(
            message,
            {CheckAnalysisArguments(kFunction, engine, plan, plan_len, RawValue(plan_format),
                                    options, options_len, RawValue(options_format), output,
                                    output_len),
             chosen ? Rejection()
                    : Rejection(std::pair(
                          CPLAN_INVALID_ARGUMENT,
                          Cat({kFunction, ": view ", std::to_string(RawValue(view)),
                               " is not a cplan_view; use CPLAN_VIEW_BRIEF, CPLAN_VIEW_REPORT, "
                               "CPLAN_VIEW_SVG or CPLAN_VIEW_HTML"}))),
             width == 0 || (width >= 60 && width <= 1000)
                 ? Rejection()
                 : Rejection(std::pair(CPLAN_INVALID_ARGUMENT,
                                       Cat({kFunction, ": width ", std::to_string(width),
                                            " is outside 60..1000 columns (0 for 100)"})))});
        rejected != CPLAN_OK) {
      return rejected;
    }
    contactplan::v1::AnalysisOptions analysis_options;
    if (absl::Status status =
            ParseOptions(options, options_len, RawValue(options_format), analysis_options);
        !status.ok()) {
      return Report(message, status, CPLAN_INVALID_OPTIONS, "analysis options");
    }
    contactplan::v1::Plan parsed;
    if (cplan_status status =
            ParseArgumentPlan(plan, plan_len, RawValue(plan_format), parsed, message);
        status != CPLAN_OK) {
      return status;
    }
    if (cplan_status status = ValidateWithEngine(*engine, parsed, message); status != CPLAN_OK) {
      return status;
    }
    absl::StatusOr<contactplan::v1::Analysis> analysis =
        engine->engine.Analyze(parsed, analysis_options);
    if (!analysis.ok()) {
      // The plan is valid, so InvalidArgument is about the analysis options.
      return Report(message, analysis.status(), CPLAN_INVALID_OPTIONS, "analysis options");
    }
    contactplan::RenderOptions render_options;
    render_options.width = width == 0 ? 100 : width;
    render_options.limits = engine->engine.options().limits();
    absl::StatusOr<std::string> rendered =
        contactplan::Render(parsed, *analysis, *chosen, render_options);
    if (!rendered.ok()) return Report(message, rendered.status(), CPLAN_INTERNAL, "rendering");
    return Deliver(kFunction, *rendered, output, output_len, message);
  });
}

cplan_status cplan_rules(char** output, size_t* output_len, cplan_format format, char** message) {
  constexpr std::string_view kFunction = "cplan_rules";
  ClearOutput(output, output_len);
  return Guarded(kFunction, message, [&]() -> cplan_status {
    if (cplan_status rejected = FirstRejection(
            message, {RequireNonNull(kFunction, output, "output"),
                      RequireNonNull(kFunction, output_len, "output_len"),
                      CheckFormat(kFunction, "format", RawValue(format), {CPLAN_FORMAT_JSON})});
        rejected != CPLAN_OK) {
      return rejected;
    }
    std::vector<const contactplan::RuleInfo*> rules;
    for (const contactplan::RuleInfo& rule : contactplan::RuleCatalogue()) rules.push_back(&rule);
    return Deliver(kFunction, contactplan::RuleCatalogueJson(rules), output, output_len, message);
  });
}

}  // extern "C"

// ---- Portfolio: many plans analysed together under the team's shared capacity
// (include/contactplan/portfolio.h, docs/portfolio.md). New in 1.1. ----

extern "C" cplan_status cplan_portfolio(const cplan_engine* engine, const void* const* plans,
                                        const size_t* plan_lens, const cplan_format* plan_formats,
                                        const char* const* plan_sources, size_t plan_count,
                                        const void* options, size_t options_len,
                                        cplan_format options_format, cplan_format output_format,
                                        char** output, size_t* output_len, char** message) {
  constexpr std::string_view kFunction = "cplan_portfolio";
  ClearOutput(output, output_len);
  return Guarded(kFunction, message, [&]() -> cplan_status {
    if (cplan_status rejected = FirstRejection(
            message,
            {RequireNonNull(kFunction, engine, "engine"),
             plan_count == 0
                 ? Rejection(std::pair(CPLAN_INVALID_ARGUMENT,
                                       Cat({kFunction, ": plan_count is 0; a portfolio needs at "
                                                       "least one plan"})))
                 : Rejection(),
             RequireNonNull(kFunction, plans, "plans"),
             RequireNonNull(kFunction, plan_lens, "plan_lens"),
             RequireNonNull(kFunction, plan_formats, "plan_formats"),
             RequireNonNull(kFunction, output, "output"),
             RequireNonNull(kFunction, output_len, "output_len"),
             CheckInput(kFunction, "options", options, options_len, /*optional=*/true,
                        CPLAN_MAX_INPUT_BYTES, "CPLAN_MAX_INPUT_BYTES"),
             options_len == 0 ? Rejection()
                              : CheckFormat(kFunction, "options_format", RawValue(options_format),
                                            kOptionFormats),
             CheckFormat(kFunction, "output_format", RawValue(output_format), kAnalysisFormats)});
        rejected != CPLAN_OK) {
      return rejected;
    }
    // A NULL pointer or an unknown format in the arrays is the host's bug and fails the call; a
    // plan that does not parse or is too large is that plan's problem, reported in the portfolio.
    std::vector<contactplan::PortfolioPlan> inputs;
    inputs.reserve(plan_count);
    for (size_t i = 0; i < plan_count; ++i) {
      const std::string index = std::to_string(i);
      const std::string name = plan_sources != nullptr && plan_sources[i] != nullptr
                                   ? std::string(plan_sources[i])
                                   : Cat({"plans[", index, "]"});
      const int format = RawValue(plan_formats[i]);
      if (Rejection rejected = CheckFormat(kFunction, Cat({"plan_formats[", index, "]"}), format,
                                           kAnyFormat)) {
        return Fail(message, rejected->first, {rejected->second});
      }
      if (plans[i] == nullptr && plan_lens[i] > 0) {
        return Fail(message, CPLAN_INVALID_ARGUMENT,
                    {kFunction, ": plans[", index, "] is NULL but its length is ",
                     std::to_string(plan_lens[i])});
      }
      if (Rejection too_large = CheckInput(kFunction, name, plans[i] == nullptr ? "" : plans[i],
                                           plan_lens[i], /*optional=*/true,
                                           engine->max_input_bytes, "limits.max_input_bytes")) {
        inputs.push_back({name, absl::ResourceExhaustedError(too_large->second)});
        continue;
      }
      const PlanFormat plan_format = *ToPlanFormat(format);
      absl::StatusOr<contactplan::v1::Plan> parsed = contactplan::ParsePlan(
          std::string_view(static_cast<const char*>(plans[i]), plan_lens[i]), plan_format);
      if (!parsed.ok()) {
        const std::string detail(parsed.status().message());
        parsed = absl::InvalidArgumentError(
            Cat({name, " (", contactplan::PlanFormatName(plan_format), "): ", detail}));
      }
      inputs.push_back({name, std::move(parsed)});
    }
    contactplan::v1::AnalysisOptions analysis_options;
    if (absl::Status status =
            ParseOptions(options, options_len, RawValue(options_format), analysis_options);
        !status.ok()) {
      return Report(message, status, CPLAN_INVALID_OPTIONS, "analysis options");
    }
    absl::StatusOr<contactplan::v1::Portfolio> portfolio =
        contactplan::BuildPortfolio(engine->engine, inputs, analysis_options);
    if (!portfolio.ok()) {
      // The plans' problems are inside the portfolio; what fails the whole call is the options.
      return Report(message, portfolio.status(), CPLAN_INVALID_OPTIONS, "analysis options");
    }
    absl::StatusOr<std::string> written =
        contactplan::WritePortfolio(*portfolio, *ToPlanFormat(RawValue(output_format)));
    if (!written.ok()) {
      return Report(message, written.status(), CPLAN_INTERNAL, "writing the portfolio");
    }
    return Deliver(kFunction, *written, output, output_len, message);
  });
}

// ---- What changed between two plans of one account (include/contactplan/plan_diff.h,
// docs/diff.md). New in 1.2. ----

namespace {

// Parses one side of a diff; its errors say which plan ("OLD plan (json): ...").
cplan_status ParseDiffPlan(std::string_view which, const void* plan, size_t plan_len,
                           int plan_format, contactplan::v1::Plan& parsed, char** message) {
  const PlanFormat format = *ToPlanFormat(plan_format);
  if (absl::Status status = contactplan::ParsePlanInto(
          std::string_view(static_cast<const char*>(plan), plan_len), format, &parsed);
      !status.ok()) {
    return Report(message, status, CPLAN_PARSE_ERROR,
                  Cat({which, " plan (", contactplan::PlanFormatName(format), ")"}));
  }
  return CPLAN_OK;
}

}  // namespace

extern "C" cplan_status cplan_diff(const cplan_engine* engine, const void* old_plan,
                                   size_t old_len, cplan_format old_format, const void* new_plan,
                                   size_t new_len, cplan_format new_format, const void* options,
                                   size_t options_len, cplan_format options_format,
                                   unsigned flags, cplan_format output_format, char** output,
                                   size_t* output_len, char** message) {
  constexpr std::string_view kFunction = "cplan_diff";
  ClearOutput(output, output_len);
  return Guarded(kFunction, message, [&]() -> cplan_status {
    if (cplan_status rejected = FirstRejection(
            message,
            {RequireNonNull(kFunction, engine, "engine"),
             engine == nullptr ? Rejection()
                               : CheckInput(kFunction, "old_plan", old_plan, old_len,
                                            /*optional=*/false, engine->max_input_bytes,
                                            "limits.max_input_bytes"),
             CheckFormat(kFunction, "old_format", RawValue(old_format), kAnyFormat),
             engine == nullptr ? Rejection()
                               : CheckInput(kFunction, "new_plan", new_plan, new_len,
                                            /*optional=*/false, engine->max_input_bytes,
                                            "limits.max_input_bytes"),
             CheckFormat(kFunction, "new_format", RawValue(new_format), kAnyFormat),
             CheckInput(kFunction, "options", options, options_len, /*optional=*/true,
                        CPLAN_MAX_INPUT_BYTES, "CPLAN_MAX_INPUT_BYTES"),
             options_len == 0 ? Rejection()
                              : CheckFormat(kFunction, "options_format", RawValue(options_format),
                                            kOptionFormats),
             (flags & ~CPLAN_DIFF_FORCE) == 0
                 ? Rejection()
                 : Rejection(std::pair(CPLAN_INVALID_ARGUMENT,
                                       Cat({kFunction, ": flags ", std::to_string(flags),
                                            " holds bits other than CPLAN_DIFF_FORCE"}))),
             CheckFormat(kFunction, "output_format", RawValue(output_format), kAnalysisFormats),
             RequireNonNull(kFunction, output, "output"),
             RequireNonNull(kFunction, output_len, "output_len")});
        rejected != CPLAN_OK) {
      return rejected;
    }
    contactplan::DiffOptions diff_options;
    diff_options.force = (flags & CPLAN_DIFF_FORCE) != 0;
    if (absl::Status status =
            ParseOptions(options, options_len, RawValue(options_format), diff_options.analysis);
        !status.ok()) {
      return Report(message, status, CPLAN_INVALID_OPTIONS, "analysis options");
    }
    if (absl::Status status = contactplan::Engine::CheckAnalysisOptions(diff_options.analysis);
        !status.ok()) {
      return Report(message, status, CPLAN_INVALID_OPTIONS, "analysis options");
    }
    contactplan::v1::Plan parsed_old, parsed_new;
    if (cplan_status status =
            ParseDiffPlan("OLD", old_plan, old_len, RawValue(old_format), parsed_old, message);
        status != CPLAN_OK) {
      return status;
    }
    if (cplan_status status =
            ParseDiffPlan("NEW", new_plan, new_len, RawValue(new_format), parsed_new, message);
        status != CPLAN_OK) {
      return status;
    }
    absl::StatusOr<contactplan::v1::PlanDiff> diff =
        contactplan::DiffPlans(engine->engine, parsed_old, parsed_new, diff_options);
    if (!diff.ok()) {
      // The options were checked above: what is left is an invalid plan or different accounts.
      if (diff.status().code() == absl::StatusCode::kFailedPrecondition) {
        const std::string text(diff.status().message());
        return Fail(message, CPLAN_DIFFERENT_ACCOUNTS,
                    {text, "; pass CPLAN_DIFF_FORCE in flags to compare them anyway"});
      }
      return Report(message, diff.status(), CPLAN_INVALID_PLAN, "");
    }
    absl::StatusOr<std::string> written =
        contactplan::WritePlanDiff(*diff, *ToPlanFormat(RawValue(output_format)));
    if (!written.ok()) return Report(message, written.status(), CPLAN_INTERNAL, "writing the diff");
    return Deliver(kFunction, *written, output, output_len, message);
  });
}
