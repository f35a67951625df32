#include "command.h"

#include <array>
#include <ostream>

namespace contactplan::cli {

CommandError UsageError(std::string message) { return {kExitUsage, std::move(message)}; }
CommandError InvalidInput(std::string message) { return {kExitInvalidInput, std::move(message)}; }

int Report(const Invocation& invocation, const CommandError& error) {
  invocation.err << "contactplan: " << error.message << "\n";
  if (error.exit_code == kExitUsage) {
    invocation.err << "Run 'contactplan " << invocation.command.name
                   << " --help' for the flags it takes.\n";
  }
  return error.exit_code;
}

namespace {

#define CONTACTPLAN_COMMAND(Name) &k##Name##Command,
constexpr std::array kCommands = {
#include "commands.inc"
};
#undef CONTACTPLAN_COMMAND

}  // namespace

std::span<const Command* const> Commands() { return kCommands; }

const Command* FindCommand(std::string_view name) {
  for (const Command* command : kCommands) {
    if (command->name == name) return command;
  }
  return nullptr;
}

}  // namespace contactplan::cli
