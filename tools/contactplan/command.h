// The subcommand interface of the `contactplan` command line: what a subcommand is, how it is run,
// the exit codes every subcommand shares, and the registry main() dispatches through.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_COMMAND_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_COMMAND_H_

#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace contactplan::cli {

// Exit codes (README.md, The command line; plus the two sysexits codes for failures that are nobody's input).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;       // a finding at or above --fail-on
inline constexpr int kExitInvalidInput = 2;   // unreadable file, parse error, invalid plan or options
inline constexpr int kExitUsage = 64;         // unknown subcommand or flag, missing or bad argument
inline constexpr int kExitSoftware = 70;      // an internal error of the engine (a bug)
inline constexpr int kExitCannotWrite = 74;   // the output could not be written

struct Command;

// One run of a subcommand. Streams are injected so the output always goes through one place.
struct Invocation {
  const Command& command;
  std::span<const std::string> args;  // the arguments after the subcommand's name
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
};

struct Command {
  std::string_view name;      // "analyze"
  std::string_view synopsis;  // "PLAN [flags]": what follows the name on the usage line
  std::string_view summary;   // one line for `contactplan --help`
  std::string_view details;   // paragraphs for `contactplan NAME --help`, before the flag table
  int (*run)(const Invocation& invocation);
};

// What stops a command early: the exit code and the message for stderr (printed after
// "contactplan: "; a usage error also gets a hint pointing at --help).
struct CommandError {
  int exit_code;
  std::string message;
};

CommandError UsageError(std::string message);
CommandError InvalidInput(std::string message);

// Prints `error` to the invocation's stderr and returns its exit code.
int Report(const Invocation& invocation, const CommandError& error);

// A value, or the error that stops the command.
template <typename T>
class Outcome {
 public:
  Outcome(T value) : state_(std::move(value)) {}                 // NOLINT: implicit on purpose
  Outcome(CommandError error) : state_(std::move(error)) {}      // NOLINT: implicit on purpose
  bool ok() const { return std::holds_alternative<T>(state_); }
  const CommandError& error() const { return std::get<CommandError>(state_); }
  T& operator*() & { return std::get<T>(state_); }
  const T& operator*() const& { return std::get<T>(state_); }
  // `*std::move(outcome)` moves the value out: plans and analyses are too big to copy by accident.
  T&& operator*() && { return std::get<T>(std::move(state_)); }
  T* operator->() { return &std::get<T>(state_); }
  const T* operator->() const { return &std::get<T>(state_); }

 private:
  std::variant<T, CommandError> state_;
};

// The registry (commands.inc). Each kXCommand is defined in x_command.cc.
#define CONTACTPLAN_COMMAND(Name) extern const Command k##Name##Command;
#include "commands.inc"
#undef CONTACTPLAN_COMMAND

// Every subcommand, in registry order.
std::span<const Command* const> Commands();
// The subcommand called `name`, or null.
const Command* FindCommand(std::string_view name);

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_COMMAND_H_
