#include "view_output.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "text_layout.h"

namespace contactplan::cli {
namespace {

constexpr int kMinWidth = 60;
constexpr int kMaxWidth = 1000;
constexpr int kFallbackWidth = 100;

int Clamped(int64_t columns) {
  return static_cast<int>(columns < kMinWidth ? kMinWidth : columns > kMaxWidth ? kMaxWidth : columns);
}

}  // namespace

const Flag& DeclareWidth(FlagSet& flags) {
  return flags.Value({"--width"}, "N",
                     "lay text out for N columns (60 to 1000); default COLUMNS, else the "
                     "terminal's width, else 100");
}

Outcome<int> ViewWidth(const Flag& width) {
  if (width.given()) {
    int64_t columns = 0;
    if (!absl::SimpleAtoi(width.value(), &columns) || columns < kMinWidth || columns > kMaxWidth) {
      return UsageError(absl::StrCat("--width must be a number of columns from ", kMinWidth, " to ",
                                     kMaxWidth, ", got \"", width.value(), "\""));
    }
    return static_cast<int>(columns);
  }
  // The shell sets COLUMNS for programs that want it; an unset, empty or malformed one is ignored.
  if (const char* env = std::getenv("COLUMNS"); env != nullptr) {
    int64_t columns = 0;
    if (absl::SimpleAtoi(env, &columns) && columns > 0) return Clamped(columns);
  }
  winsize size{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) {
    return Clamped(size.ws_col);
  }
  return kFallbackWidth;
}

Outcome<RenderOptions> ViewOptions(const AnalyzedPlan& analyzed, int width,
                                   const Flag& options_flag) {
  RenderOptions options;
  options.width = width;
  options.origin = analyzed.loaded.origin;
  if (options_flag.given()) {
    // Already read once by LoadAndAnalyze, so it parses; the limits decide what is valid.
    Outcome<v1::EngineOptions> engine_options = LoadEngineOptions(options_flag);
    if (!engine_options.ok()) return engine_options.error();
    options.limits = engine_options->limits();
  }
  return options;
}

Outcome<std::string> RenderView(const AnalyzedPlan& analyzed, View view, int width,
                                const Flag& options_flag) {
  Outcome<RenderOptions> options = ViewOptions(analyzed, width, options_flag);
  if (!options.ok()) return options.error();
  absl::StatusOr<std::string> text = Render(analyzed.loaded.plan, analyzed.analysis, view, *options);
  if (!text.ok()) {
    return CommandError{kExitSoftware, absl::StrCat("internal error rendering the ", Sv(ViewName(view)),
                                                    ": ", text.status().ToString())};
  }
  return *std::move(text);
}

}  // namespace contactplan::cli
