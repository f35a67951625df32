// contactplan: the command line of the relationship planning engine. main() only dispatches: each
// subcommand lives in its own NAME_command.cc and is listed in commands.inc.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"
#include "contactplan/version.h"
#include "interrupt_cleanup.h"
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

// A standard descriptor the caller closed (`contactplan validate - <&-`) is given /dev/null, so no
// file this process opens can take its number (an output file that became fd 1 would receive
// stdout), and its stream is marked bad: reading a closed stdin is unreadable input, not an empty
// plan, and writing to a closed stdout fails with exit 74 rather than vanishing.
void GuardStandardDescriptors() {
  std::ios* const streams[] = {&std::cin, &std::cout, &std::cerr};
  for (int fd = 0; fd <= 2; ++fd) {
    if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF) continue;
    const int opened = open("/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
    if (opened >= 0 && opened != fd) close(opened);  // cannot happen: lower numbers are open
    streams[fd]->setstate(std::ios::badbit);
  }
}

// Written with write(2) from a fixed string: with memory exhausted, a stream might not manage.
void ReportOutOfMemory() {
  static constexpr char kMessage[] =
      "contactplan: out of memory: the plan needs more memory than this process may use (see "
      "ulimit -v); split the plan or lower its limits\n";
  [[maybe_unused]] const ssize_t written = write(2, kMessage, sizeof kMessage - 1);
}

int Run(int argc, char** argv) {
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

// Every subcommand's failures are exit codes; what escapes one is caught here so the process never
// aborts (exit 134) on an exception: out of memory and anything else are internal errors (70).
int Main(int argc, char** argv) {
  GuardStandardDescriptors();
  InstallInterruptCleanup();
  try {
    return Run(argc, argv);
  } catch (const std::bad_alloc&) {
    ReportOutOfMemory();
  } catch (const std::exception& error) {
    std::cerr << "contactplan: internal error: " << error.what() << "\n";
  }
  return kExitSoftware;
}

}  // namespace
}  // namespace contactplan::cli

int main(int argc, char** argv) { return contactplan::cli::Main(argc, argv); }
