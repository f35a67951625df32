#include "cli_io.h"

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string_view>
#include <system_error>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "google/protobuf/io/tokenizer.h"
#include "google/protobuf/text_format.h"
#include "interrupt_cleanup.h"
#include "text_layout.h"

namespace contactplan::cli {
namespace {

// The plan's arena (and the analysis's, which shares it) grows from 4 KiB blocks to 1 MiB ones: a
// typical plan fits in a few blocks, a large account costs one malloc per megabyte.
google::protobuf::ArenaOptions PlanArenaOptions() {
  google::protobuf::ArenaOptions options;
  options.start_block_size = 4 << 10;
  options.max_block_size = 1 << 20;
  return options;
}

constexpr char kFormatNames[] = "binary, json, text or csv";
constexpr char kExtensions[] = ".binpb, .pb, .json, .txtpb, .textproto or .csv";

std::string StatusText(const absl::Status& status) { return std::string(status.message()); }

Outcome<PlanFormat> FormatFromFlag(const Flag& flag) {
  std::optional<PlanFormat> format = PlanFormatFromName(flag.value());
  if (!format) {
    return UsageError(absl::StrCat(flag.name(), ": expected ", kFormatNames, "; got \"", flag.value(),
                                   "\""));
  }
  return *format;
}

// JSON is the one format recognisable from its first byte; a UTF-8 byte order mark is skipped.
bool LooksLikeJson(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const size_t first = bytes.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && bytes[first] == '{';
}

// limits.max_input_bytes, or its default when unset. An out-of-range value is reported by validation
// or by the engine; reading keeps to the default until then.
uint64_t MaxInputBytes(const v1::Limits& limits) {
  if (limits.has_max_input_bytes() && limits.max_input_bytes() > 0) return limits.max_input_bytes();
  return kDefaultMaxInputBytes;
}

// `size` when known (a regular file), else only that the input passed the limit (a stream).
CommandError OverInputLimit(std::string_view origin, std::optional<uintmax_t> size, uint64_t limit) {
  return InvalidInput(absl::StrCat(
      Sv(origin), ": the input is ", size ? absl::StrCat(*size, " bytes, ") : "",
      "over the limit of ", limit, " bytes (limits.max_input_bytes) and is not read: split the "
      "plan, or raise the limit in the engine options"));
}

// Reads `in` to its end, but never holds more than `limit` bytes: a larger input is refused as soon
// as it passes the limit, so an endless or huge stream costs no more memory than the limit.
Outcome<std::string> ReadAtMost(std::istream& in, std::string_view origin, uint64_t limit) {
  std::string bytes;
  char buffer[1 << 16];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    const auto n = static_cast<size_t>(in.gcount());
    if (bytes.size() + n > limit) return OverInputLimit(origin, std::nullopt, limit);
    bytes.append(buffer, n);
  }
  if (in.bad()) {
    // main() marks a closed stdin bad, so it is not mistaken for an empty plan.
    return InvalidInput(absl::StrCat(Sv(origin), origin == kStdinName
                                                     ? ": cannot read: standard input is closed"
                                                     : ": cannot read"));
  }
  return bytes;
}

// The bytes of the file at `path`, at most `limit` of them. A regular file's size is known up front,
// so one over the limit is refused before anything is read.
Outcome<std::string> ReadFileAtMost(const std::string& path, uint64_t limit) {
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    return InvalidInput(absl::StrCat(path, ": is a directory, not a file"));
  }
  if (std::filesystem::is_regular_file(path, error)) {
    const uintmax_t size = std::filesystem::file_size(path, error);
    if (!error && size > limit) return OverInputLimit(path, size, limit);
  }
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    return InvalidInput(
        absl::StrCat(path, ": cannot open: ", std::generic_category().message(errno)));
  }
  return ReadAtMost(file, path, limit);
}

// Every line of a (possibly multi-line) parse error starts with the input's name, so each line can be
// read and grepped alone.
std::string WithOrigin(std::string_view origin, const absl::Status& status) {
  std::string text;
  for (absl::string_view line : absl::StrSplit(StatusText(status), '\n')) {
    absl::StrAppend(&text, text.empty() ? "" : "\n", Sv(origin), ": ", line);
  }
  return text;
}

}  // namespace

const Flag& DeclareInputFormat(FlagSet& flags) {
  return flags.Value({"--input-format", "--from"}, "FORMAT",
                     "format of the input plan: binary, json, text or csv (default: from the file's "
                     "extension; needed for stdin unless the input is JSON)");
}

Outcome<LoadedPlan> LoadPlan(const Invocation& invocation, const std::string& path,
                             const Flag& input_format, const v1::Limits& limits) {
  const bool from_stdin = path == "-";
  std::optional<PlanFormat> format;
  if (input_format.given()) {
    Outcome<PlanFormat> named = FormatFromFlag(input_format);
    if (!named.ok()) return named.error();
    format = *named;
  } else if (!from_stdin) {
    format = PlanFormatFromPath(path);
    if (!format) {
      return UsageError(absl::StrCat("cannot tell the format of \"", path,
                                     "\" from its extension (", kExtensions,
                                     "); pass --input-format ", kFormatNames));
    }
  }

  // The size limit is checked here, where the bytes enter, before anything is parsed.
  const uint64_t max_bytes = MaxInputBytes(limits);
  Outcome<std::string> bytes = from_stdin ? ReadAtMost(invocation.in, kStdinName, max_bytes)
                                          : ReadFileAtMost(path, max_bytes);
  if (!bytes.ok()) return bytes.error();
  if (!format) {
    if (!LooksLikeJson(*bytes)) {
      return UsageError(absl::StrCat("reading a plan from stdin (-) needs --input-format ",
                                     kFormatNames, " (only JSON is recognised by itself)"));
    }
    format = PlanFormat::kJson;
  }
  const std::string origin = from_stdin ? kStdinName : path;
  auto arena = std::make_unique<google::protobuf::Arena>(PlanArenaOptions());
  v1::Plan* plan = google::protobuf::Arena::CreateMessage<v1::Plan>(arena.get());
  if (absl::Status parsed = ParsePlanInto(*bytes, *format, plan); !parsed.ok()) {
    return InvalidInput(WithOrigin(origin, parsed));
  }
  return LoadedPlan{std::move(arena), *plan, origin, *format};
}

const Flag& DeclareOptions(FlagSet& flags) {
  return flags.Value({"--options"}, "FILE",
                     "engine options (thresholds, weights, limits, disabled rules ...) as an "
                     "EngineOptions message in JSON, text format or binary, by extension");
}

Outcome<v1::EngineOptions> LoadEngineOptions(const Flag& options) {
  v1::EngineOptions parsed;
  if (!options.given()) return parsed;
  const std::string& path = options.value();
  const std::optional<PlanFormat> format = PlanFormatFromPath(path);
  if (!format || *format == PlanFormat::kCsvGrid) {
    return UsageError(absl::StrCat("--options: cannot tell the format of \"", path,
                                   "\" from its extension (.json, .txtpb, .textproto, .binpb or .pb)"));
  }
  // Options are small; the plan's default limit only keeps a wrong path (a huge file) from costing
  // memory.
  Outcome<std::string> bytes = ReadFileAtMost(path, kDefaultMaxInputBytes);
  if (!bytes.ok()) return bytes.error();

  // The library's readers, as for plans: unknown fields are errors in JSON (a misspelt option must
  // not pass silently); text and binary errors have positions, and a string that is not UTF-8 (an
  // escape such as \xff in text makes one) is refused instead of being logged by protobuf later.
  if (absl::Status status = ParseMessageInto(*bytes, *format, &parsed); !status.ok()) {
    switch (*format) {
      case PlanFormat::kJson:
        return InvalidInput(absl::StrCat(path, ": not valid EngineOptions JSON: ", StatusText(status)));
      case PlanFormat::kText: return InvalidInput(WithOrigin(path, status));
      default: return InvalidInput(absl::StrCat(path, ": ", StatusText(status)));
    }
  }
  return parsed;
}

Outcome<Engine> MakeEngine(const v1::EngineOptions& options, const Flag& options_flag) {
  absl::StatusOr<Engine> engine = Engine::Create(options);
  if (!engine.ok()) {
    return InvalidInput(absl::StrCat(options_flag.given() ? options_flag.value() : "options", ": ",
                                     StatusText(engine.status())));
  }
  return *std::move(engine);
}

CommandError InvalidPlan(std::string_view origin, const std::vector<std::string>& problems) {
  std::string message = absl::StrCat(Sv(origin), " is not a valid plan (", problems.size(),
                                     problems.size() == 1 ? " problem" : " problems", "):");
  for (const std::string& problem : problems) absl::StrAppend(&message, "\n  ", problem);
  return InvalidInput(std::move(message));
}

CommandError InvalidPlan(std::string_view origin, const std::vector<ValidationProblem>& problems) {
  std::vector<std::string> lines;
  lines.reserve(problems.size());
  for (const ValidationProblem& problem : problems) {
    lines.push_back(absl::StrCat(problem.path, ": ", problem.message));
  }
  return InvalidPlan(origin, lines);
}

namespace {

// The analysis, built on the plan's arena.
Outcome<v1::Analysis*> AnalyzePlan(const Engine& engine, const LoadedPlan& loaded,
                                   const v1::AnalysisOptions& options) {
  v1::Analysis* analysis = google::protobuf::Arena::CreateMessage<v1::Analysis>(loaded.arena.get());
  const absl::Status status = engine.AnalyzeInto(loaded.plan, options, analysis);
  if (status.ok()) return analysis;
  switch (status.code()) {
    case absl::StatusCode::kInvalidArgument: {
      // One "path: message" line per problem (Engine::Analyze's contract).
      const std::string text = StatusText(status);
      std::vector<std::string> problems = absl::StrSplit(text, '\n', absl::SkipEmpty());
      return InvalidPlan(loaded.origin, problems);
    }
    case absl::StatusCode::kResourceExhausted:
      return InvalidInput(absl::StrCat(loaded.origin, ": ", StatusText(status)));
    default:
      return CommandError{kExitSoftware,
                          absl::StrCat("internal error analysing ", loaded.origin, ": ",
                                       status.ToString())};
  }
}

}  // namespace

Outcome<AnalyzedPlan> LoadAndAnalyze(const Invocation& invocation, const std::string& path,
                                     const Flag& input_format, const Flag& options_flag,
                                     const v1::AnalysisOptions& analysis_options) {
  Outcome<v1::EngineOptions> options = LoadEngineOptions(options_flag);
  if (!options.ok()) return options.error();
  Outcome<Engine> engine = MakeEngine(*options, options_flag);
  if (!engine.ok()) return engine.error();
  if (absl::Status checked = Engine::CheckAnalysisOptions(analysis_options); !checked.ok()) {
    return InvalidInput(absl::StrCat("analysis options: ", StatusText(checked)));
  }
  Outcome<LoadedPlan> loaded = LoadPlan(invocation, path, input_format, options->limits());
  if (!loaded.ok()) return loaded.error();
  Outcome<v1::Analysis*> analysis = AnalyzePlan(*engine, *loaded, analysis_options);
  if (!analysis.ok()) return analysis.error();
  return AnalyzedPlan{*std::move(loaded), **analysis};
}

std::optional<std::string> AnalyzeFileToBytes(const std::string& path, const Flag& input_format,
                                              const Flag& options_flag,
                                              const v1::AnalysisOptions& analysis_options,
                                              PlanFormat output_format) {
  if (path == "-") return std::nullopt;  // stdin cannot be read twice
  Outcome<v1::EngineOptions> options = LoadEngineOptions(options_flag);
  if (!options.ok()) return std::nullopt;
  Outcome<Engine> engine = MakeEngine(*options, options_flag);
  if (!engine.ok()) return std::nullopt;
  std::optional<PlanFormat> format;
  if (input_format.given()) {
    Outcome<PlanFormat> named = FormatFromFlag(input_format);
    if (named.ok()) format = *named;
  } else {
    format = PlanFormatFromPath(path);
  }
  if (!format) return std::nullopt;
  Outcome<std::string> bytes = ReadFileAtMost(path, MaxInputBytes(options->limits()));
  if (!bytes.ok()) return std::nullopt;
  absl::StatusOr<std::string> written =
      engine->AnalyzeBytes(*bytes, *format, analysis_options, output_format);
  if (!written.ok()) return std::nullopt;
  return *std::move(written);
}

const Flag& DeclareOutput(FlagSet& flags) {
  return flags.Value({"--output", "-o"}, "FILE",
                     "write the result to FILE instead of stdout; the file is replaced atomically "
                     "(through a symbolic link, its target) and never written when the input is "
                     "invalid; a FIFO or device such as /dev/null is written to as it is");
}

bool WritesFile(const Flag& output) { return output.given() && output.value() != "-"; }

std::optional<CommandError> Emit(const Invocation& invocation, const Flag& output,
                                 std::string_view bytes) {
  // /dev/stdout is this process's stdout, whatever it is (a terminal, a pipe, a file opened for
  // appending): written as without -o, never reopened or replaced.
  if (WritesFile(output) && output.value() != "/dev/stdout") {
    if (absl::Status written = WriteOutputFile(output.value(), bytes, WatchTemporaryFile);
        !written.ok()) {
      // The library's message starts with the path already.
      return CommandError{kExitCannotWrite, absl::StrCat("cannot write ", StatusText(written))};
    }
    return std::nullopt;
  }
  invocation.out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  invocation.out.flush();
  if (!invocation.out) return CommandError{kExitCannotWrite, "cannot write to stdout"};
  return std::nullopt;
}

namespace {

// "binary, json or text", as a message lists the formats a command writes.
std::string ListedFormats(std::initializer_list<std::string_view> formats) {
  std::vector<absl::string_view> names;
  for (std::string_view name : formats) names.push_back(Sv(name));
  if (names.size() < 2) return absl::StrJoin(names, "|");
  return absl::StrCat(absl::StrJoin(names.begin(), names.end() - 1, ", "), " or ", names.back());
}

}  // namespace

const Flag& DeclarePlanFormat(FlagSet& flags, std::initializer_list<std::string_view> formats) {
  return flags.Value({"--to"}, "FORMAT",
                     absl::StrCat("output format: ", ListedFormats(formats),
                                  " (default: from the extension of --output; required when "
                                  "writing to stdout)"));
}

Outcome<PlanFormat> OutputPlanFormat(const Flag& to, const Flag& output,
                                     std::initializer_list<std::string_view> formats,
                                     std::optional<PlanFormat> fallback) {
  std::vector<absl::string_view> names;
  for (std::string_view name : formats) names.push_back(Sv(name));
  const std::string choices = absl::StrJoin(names, "|");
  if (to.given()) {
    std::optional<PlanFormat> format = PlanFormatFromName(to.value());
    if (!format) {
      return UsageError(
          absl::StrCat("--to: expected ", ListedFormats(formats), "; got \"", to.value(), "\""));
    }
    return *format;
  }
  if (!WritesFile(output)) {
    if (fallback) return *fallback;
    return UsageError(absl::StrCat("say which format to write: --to ", choices,
                                   ", or -o FILE with one of the extensions .binpb, .pb, .json, "
                                   ".txtpb, .textproto, .csv"));
  }
  std::optional<PlanFormat> format = PlanFormatFromPath(output.value());
  if (!format) {
    return UsageError(absl::StrCat("cannot tell the output format from \"", output.value(),
                                   "\"; pass --to ", choices));
  }
  return *format;
}

std::optional<CommandError> EmitPlan(const Invocation& invocation, const Flag& output,
                                     const v1::Plan& plan, PlanFormat format,
                                     std::string_view origin) {
  absl::StatusOr<std::string> bytes = WritePlan(plan, format);
  if (!bytes.ok()) {
    return InvalidInput(absl::StrCat("cannot write ", Sv(origin), " as ", Sv(PlanFormatName(format)),
                                     ": ", std::string(bytes.status().message())));
  }
  if (auto error = Emit(invocation, output, *bytes)) return error;
  if (format == PlanFormat::kCsvGrid) {
    if (const std::vector<std::string> losses = CsvGridLosses(plan); !losses.empty()) {
      invocation.err << "contactplan: note: the CSV grid holds only the contact map; left out: "
                     << absl::StrJoin(losses, ", ") << "\n";
    }
  }
  return std::nullopt;
}

int EmitPlanAndExit(const Invocation& invocation, const Flag& output, const v1::Plan& plan,
                    PlanFormat format, std::string_view origin) {
  if (auto error = EmitPlan(invocation, output, plan, format, origin)) {
    return Report(invocation, *error);
  }
  return kExitOk;
}

}  // namespace contactplan::cli
