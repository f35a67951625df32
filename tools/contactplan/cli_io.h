// Input and output shared by the subcommands: reading a plan from a path or stdin in any format,
// reading engine options, running the engine with errors turned into exit codes, and writing the
// result to stdout or atomically to a file.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_CLI_IO_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_CLI_IO_H_

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "contactplan/engine.h"
#include "contactplan/plan_io.h"
#include "contactplan/validation.h"
#include "contactplan/v1/analysis.pb.h"
#include "contactplan/v1/options.pb.h"
#include "contactplan/v1/plan.pb.h"
#include "flags.h"
#include "google/protobuf/arena.h"

namespace contactplan::cli {

// What messages call standard input.
inline constexpr char kStdinName[] = "<stdin>";

// A plan read from a file or stdin. The plan lives on `arena` (as the C ABI parses it: no malloc
// per element, freed at once); the analysis of an AnalyzedPlan is built on the same arena. Movable;
// `plan` stays valid as long as the LoadedPlan (the arena is never moved, only its owner).
struct LoadedPlan {
  std::unique_ptr<google::protobuf::Arena> arena;
  v1::Plan& plan;
  std::string origin;  // the path, or "<stdin>"
  PlanFormat format;
};

// Declares --input-format (alias --from) on `flags`.
const Flag& DeclareInputFormat(FlagSet& flags);

// Reads the plan at `path` ("-" is stdin). The format comes from `input_format` when given, else from
// the file's extension; stdin without the flag is read as JSON when its first non-blank character is
// '{' and is otherwise a usage error, because binary and text format cannot be told apart safely.
// At most `limits.max_input_bytes` (default 256 MiB) are read: a larger input is refused before it is
// parsed, and never held in memory whole.
// Errors: usage (64) for an unknown or missing format, invalid input (2) for an unreadable file, an
// input over the limit or a parse error, whose message names the file and the line and column.
Outcome<LoadedPlan> LoadPlan(const Invocation& invocation, const std::string& path,
                             const Flag& input_format, const v1::Limits& limits = {});

// Declares --options FILE.
const Flag& DeclareOptions(FlagSet& flags);

// The EngineOptions in the --options file (format from its extension: .json, .txtpb/.textproto,
// .binpb/.pb); empty options when the flag is not given. Errors name the file (and the line and
// column for text format).
Outcome<v1::EngineOptions> LoadEngineOptions(const Flag& options);

// The engine for `options` (read from `options_flag` by LoadEngineOptions); an option out of range
// is invalid input (2) naming the --options file.
Outcome<Engine> MakeEngine(const v1::EngineOptions& options, const Flag& options_flag);

// "<origin> is not a valid plan (N problems):" followed by one indented "path: message" line each.
CommandError InvalidPlan(std::string_view origin, const std::vector<std::string>& problems);
CommandError InvalidPlan(std::string_view origin, const std::vector<ValidationProblem>& problems);

struct AnalyzedPlan {
  LoadedPlan loaded;
  v1::Analysis& analysis;  // on loaded.arena
};

// The analysis of the plan file at `path` written in `output_format` (binary or JSON) by
// Engine::AnalyzeBytes, bytes in and bytes out as the C ABI works; nullopt when anything on the way
// fails (options, reading, parsing, validation, writing) or the plan is read from stdin, and the
// caller then takes the ordinary path (LoadAndAnalyze), which reports the failure with its
// messages. Only a success is answered here, so no message differs between the two paths.
std::optional<std::string> AnalyzeFileToBytes(const std::string& path, const Flag& input_format,
                                              const Flag& options_flag,
                                              const v1::AnalysisOptions& analysis_options,
                                              PlanFormat output_format);

// Reads the engine options (--options), builds the engine, checks `analysis_options`, reads the plan
// at `path` (as LoadPlan) and analyses it on the plan's arena, the path the C ABI takes. An
// out-of-range option, an invalid plan or one over the limits is invalid input (2); options are
// checked before the plan is read; anything else the engine reports is an internal error (70).
Outcome<AnalyzedPlan> LoadAndAnalyze(const Invocation& invocation, const std::string& path,
                                     const Flag& input_format, const Flag& options_flag,
                                     const v1::AnalysisOptions& analysis_options);

// Declares -o/--output FILE.
const Flag& DeclareOutput(FlagSet& flags);

// Writes `bytes` to the --output file atomically (never half a file), or to stdout when the flag is
// absent or "-". A write failure is exit code 74 naming the file.
std::optional<CommandError> Emit(const Invocation& invocation, const Flag& output,
                                 std::string_view bytes);

// True when --output names a file (not absent, not "-").
bool WritesFile(const Flag& output);

// Declares --to FORMAT for a command that writes a plan in one of `formats` ({"binary", "json",
// "text"}) and has no default format: without -o FILE, --to is required.
const Flag& DeclarePlanFormat(FlagSet& flags, std::initializer_list<std::string_view> formats);

// The plan format a command writes: --to when given, else the extension of -o FILE, else
// `fallback`; without a fallback, a usage error asking for one. `formats` are the names the
// command writes, as its messages list them ({"binary", "json", "text"}); a known format outside
// them (csv for a command that cannot write it) is returned for the command to refuse in its words.
Outcome<PlanFormat> OutputPlanFormat(const Flag& to, const Flag& output,
                                     std::initializer_list<std::string_view> formats,
                                     std::optional<PlanFormat> fallback);

// Writes `plan` (named `origin` in messages) in `format` to the --output file or stdout, as Emit
// does. A plan the format cannot write is invalid input (2) naming why. After a CSV grid, a note on
// stderr lists what the grid left out (CsvGridLosses): not an error, the grid was asked for by name.
std::optional<CommandError> EmitPlan(const Invocation& invocation, const Flag& output,
                                     const v1::Plan& plan, PlanFormat format,
                                     std::string_view origin);

// EmitPlan as a command's last step: its exit code, kExitOk or the error's once Report has printed
// it.
int EmitPlanAndExit(const Invocation& invocation, const Flag& output, const v1::Plan& plan,
                    PlanFormat format, std::string_view origin);

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_CLI_IO_H_
