// A small, conventional flag parser for the subcommands: `--flag value`, `--flag=value`, short
// aliases (`-o value`), switches, `--` to end the flags, `-` as a positional argument (stdin), and
// -h/--help on every subcommand. Each subcommand declares its flags, so its --help is generated from
// the same declarations the parser uses.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_FLAGS_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_FLAGS_H_

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"

namespace contactplan::cli {

class Flag {
 public:
  // True when the flag appeared on the command line.
  bool given() const { return value_.has_value(); }
  // The value given (the last one when repeated); empty for a switch or a flag not given.
  const std::string& value() const;
  // The primary (long) name, e.g. "--format", for messages.
  const std::string& name() const { return names_.front(); }

 private:
  friend class FlagSet;
  std::vector<std::string> names_;  // "--output", "-o"
  std::string value_name_;          // "FILE"; empty for a switch
  std::string help_;
  std::optional<std::string> value_;
};

class FlagSet {
 public:
  FlagSet();
  FlagSet(const FlagSet&) = delete;
  FlagSet& operator=(const FlagSet&) = delete;

  // Declares a flag that takes a value, e.g. Value({"--output", "-o"}, "FILE", "write to FILE").
  // The returned reference stays valid as long as the set.
  const Flag& Value(std::initializer_list<std::string_view> names, std::string_view value_name,
                    std::string_view help);
  // Declares a flag without a value.
  const Flag& Switch(std::initializer_list<std::string_view> names, std::string_view help);

  // Parses the invocation's arguments. Returns nullopt when the command should go on, otherwise the
  // exit code to stop with: 0 after printing the help (-h/--help), 64 after printing a usage error
  // (unknown flag, missing value, too few or too many positional arguments).
  std::optional<int> Parse(const Invocation& invocation, size_t min_positional,
                           size_t max_positional);

  std::span<const std::string> positional() const { return positional_; }

  // The full help of the command: usage line, summary, details and the flag table.
  std::string Help(const Command& command) const;

 private:
  Flag& Declare(std::initializer_list<std::string_view> names, std::string_view value_name,
                std::string_view help);
  Flag* Find(std::string_view name);
  std::optional<CommandError> ParseArgs(std::span<const std::string> args);
  std::string Suggest(std::string_view unknown) const;

  std::vector<std::unique_ptr<Flag>> flags_;
  const Flag* help_ = nullptr;
  std::vector<std::string> positional_;
};

// The value of `flag` when it is one of `choices` (compared case-insensitively; returned as spelled
// in `choices`), `fallback` when the flag was not given, a usage error naming the choices otherwise.
Outcome<std::string> Choice(const Flag& flag, std::initializer_list<std::string_view> choices,
                            std::string_view fallback);

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_FLAGS_H_
