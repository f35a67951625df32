#include "flags.h"

#include <algorithm>
#include <ostream>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "text_layout.h"

namespace contactplan::cli {
namespace {

constexpr size_t kHelpWidth = 100;
constexpr size_t kFlagColumn = 28;

// Edit distance, for "did you mean" on a mistyped flag. Flag names are short, so the quadratic
// table is nothing.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

const std::string& Flag::value() const {
  static const std::string* const kEmpty = new std::string();
  return value_ ? *value_ : *kEmpty;
}

FlagSet::FlagSet() { help_ = &Switch({"--help", "-h"}, "show this help and exit"); }

Flag& FlagSet::Declare(std::initializer_list<std::string_view> names, std::string_view value_name,
                       std::string_view help) {
  auto flag = std::make_unique<Flag>();
  for (std::string_view name : names) flag->names_.emplace_back(name);
  flag->value_name_ = std::string(value_name);
  flag->help_ = std::string(help);
  flags_.push_back(std::move(flag));
  return *flags_.back();
}

const Flag& FlagSet::Value(std::initializer_list<std::string_view> names,
                           std::string_view value_name, std::string_view help) {
  return Declare(names, value_name, help);
}

const Flag& FlagSet::Switch(std::initializer_list<std::string_view> names, std::string_view help) {
  return Declare(names, "", help);
}

Flag* FlagSet::Find(std::string_view name) {
  for (const auto& flag : flags_) {
    if (std::find(flag->names_.begin(), flag->names_.end(), name) != flag->names_.end()) {
      return flag.get();
    }
  }
  return nullptr;
}

std::string FlagSet::Suggest(std::string_view unknown) const {
  const Flag* best = nullptr;
  size_t best_distance = 3;  // further than 2 edits is not a typo
  for (const auto& flag : flags_) {
    const size_t distance = EditDistance(unknown, flag->name());
    if (distance < best_distance) {
      best = flag.get();
      best_distance = distance;
    }
  }
  return best == nullptr ? "" : absl::StrCat(" (did you mean ", best->name(), "?)");
}

std::optional<CommandError> FlagSet::ParseArgs(std::span<const std::string> args) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") {
      positional_.insert(positional_.end(), args.begin() + i + 1, args.end());
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {  // includes "-", which names stdin
      positional_.push_back(arg);
      continue;
    }
    const size_t equals = arg.find('=');
    const bool is_long = arg.starts_with("--");
    const std::string name = (is_long && equals != std::string::npos) ? arg.substr(0, equals) : arg;
    Flag* flag = Find(name);
    if (flag == nullptr) {
      return UsageError(absl::StrCat("unknown flag ", name, Suggest(name)));
    }
    if (flag->value_name_.empty()) {
      if (name != arg) return UsageError(absl::StrCat(name, " takes no value"));
      flag->value_ = "";
    } else if (name != arg) {
      flag->value_ = arg.substr(equals + 1);
    } else if (i + 1 < args.size()) {
      // The next argument is the value even when it starts with '-': "-o -" means stdout.
      flag->value_ = args[++i];
    } else {
      return UsageError(absl::StrCat(name, " needs a value (", flag->value_name_, ")"));
    }
  }
  return std::nullopt;
}

std::optional<int> FlagSet::Parse(const Invocation& invocation, size_t min_positional,
                                  size_t max_positional) {
  std::optional<CommandError> error = ParseArgs(invocation.args);
  // Help wins over every other problem: someone asking for it is about to fix the command line.
  if (help_->given()) {
    invocation.out << Help(invocation.command);
    return kExitOk;
  }
  if (!error && positional_.size() < min_positional) {
    error = UsageError(absl::StrCat("missing argument: usage: contactplan ", Sv(invocation.command.name),
                                    " ", Sv(invocation.command.synopsis)));
  }
  if (!error && positional_.size() > max_positional) {
    error = UsageError(absl::StrCat("unexpected argument \"", positional_[max_positional], "\""));
  }
  if (error) return Report(invocation, *error);
  return std::nullopt;
}

std::string FlagSet::Help(const Command& command) const {
  std::string out = absl::StrCat("usage: contactplan ", Sv(command.name), " ", Sv(command.synopsis), "\n\n",
                                 Wrap(command.summary, kHelpWidth, 0), "\n");
  if (!command.details.empty()) absl::StrAppend(&out, "\n", Sv(command.details));
  absl::StrAppend(&out, "\nflags:\n");
  // The help switch was declared first; it reads best last.
  std::vector<const Flag*> ordered;
  for (const auto& flag : flags_) {
    if (flag.get() != help_) ordered.push_back(flag.get());
  }
  ordered.push_back(help_);
  for (const Flag* flag : ordered) {
    // Short aliases first, as in "-o, --output FILE"; long names in the order declared.
    std::vector<std::string> names;
    for (const std::string& name : flag->names_) {
      if (!name.starts_with("--")) names.push_back(name);
    }
    for (const std::string& name : flag->names_) {
      if (name.starts_with("--")) names.push_back(name);
    }
    std::string left = absl::StrCat("  ", absl::StrJoin(names, ", "));
    if (!flag->value_name_.empty()) absl::StrAppend(&left, " ", flag->value_name_);
    if (DisplayWidth(left) + 2 > kFlagColumn) {
      absl::StrAppend(&out, left, "\n", std::string(kFlagColumn, ' '));
    } else {
      absl::StrAppend(&out, PadRight(left, kFlagColumn));
    }
    absl::StrAppend(&out, Wrap(flag->help_, kHelpWidth, kFlagColumn), "\n");
  }
  return out;
}

Outcome<std::string> Choice(const Flag& flag, std::initializer_list<std::string_view> choices,
                            std::string_view fallback) {
  if (!flag.given()) return std::string(fallback);
  for (std::string_view choice : choices) {
    if (absl::EqualsIgnoreCase(flag.value(), std::string(choice))) return std::string(choice);
  }
  std::vector<std::string> names(choices.begin(), choices.end());
  return UsageError(absl::StrCat(flag.name(), ": expected ", absl::StrJoin(names, ", "), "; got \"",
                                 flag.value(), "\""));
}

}  // namespace contactplan::cli
