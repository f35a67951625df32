// contactplan: the command line of the relationship planning engine. main() only dispatches: each
// subcommand lives in its own NAME_command.cc and is listed in commands.inc.
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "contactplan/version.h"
#include "text_layout.h"

namespace contactplan::cli {
namespace {

void PrintOverview(std::ostream& out) {
  out << "usage: contactplan COMMAND [flags]\n\n"
         "Plans and checks relationships with a client account: reads a plan (the client's people, "
         "who\non our team knows whom and how well, opportunities, the contact blueprint) and "
         "analyses it.\n\ncommands:\n";
  for (const Command* command : Commands()) {
    out << "  " << PadRight(command->name, 12) << Wrap(command->summary, 100, 14) << "\n";
  }
  out << "\nRun 'contactplan COMMAND --help' for a command's flags.\n"
         "Plans are read as binary (.binpb, .pb), JSON (.json), text format (.txtpb, .textproto) or\n"
         "the contact map grid (.csv); '-' reads stdin.\n"
         "Exit codes: 0 success, 1 a finding at or above --fail-on, 2 invalid input, 64 usage error,\n"
         "70 internal error, 74 the output could not be written.\n";
}

int Main(int argc, char** argv) {
  const std::vector<std::string> args(argv + (argc > 0 ? 1 : 0), argv + argc);
  if (args.empty()) {
    PrintOverview(std::cerr);
    return kExitUsage;
  }
  std::string first = args.front();
  if (first == "--version") {
    std::cout << "contactplan " << CONTACTPLAN_VERSION_STRING << " (plan schema "
              << CONTACTPLAN_SCHEMA_VERSION << ")\n";
    return kExitOk;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (first == "--help" || first == "-h" || first == "help") {
    if (first != "help" || rest.empty()) {
      PrintOverview(std::cout);
      return kExitOk;
    }
    // "contactplan help analyze" is "contactplan analyze --help".
    first = rest.front();
    rest = {"--help"};
  }
  const Command* command = FindCommand(first);
  if (command == nullptr) {
    std::cerr << "contactplan: unknown command \"" << first << "\"\n"
              << "Run 'contactplan --help' for the list of commands.\n";
    return kExitUsage;
  }
  const Invocation invocation{*command, rest, std::cin, std::cout, std::cerr};
  return command->run(invocation);
}

}  // namespace
}  // namespace contactplan::cli

int main(int argc, char** argv) { return contactplan::cli::Main(argc, argv); }
