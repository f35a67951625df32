// `contactplan rules`: the rule catalogue of docs/rules.md with what each rule means.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/render.h"
#include "contactplan/rule_catalogue.h"
#include "flags.h"

namespace contactplan::cli {
namespace {

int RunRules(const Invocation& invocation) {
  FlagSet flags;
  const Flag& format_flag = flags.Value({"--format"}, "FORMAT", "text (default) or json");
  const Flag& output = DeclareOutput(flags);
  if (auto stop = flags.Parse(invocation, 0, SIZE_MAX)) return *stop;
  Outcome<std::string> format = Choice(format_flag, {"text", "json"}, "text");
  if (!format.ok()) return Report(invocation, format.error());

  std::vector<const RuleInfo*> selected;
  if (flags.positional().empty()) {
    for (const RuleInfo& rule : RuleCatalogue()) selected.push_back(&rule);
  } else {
    absl::flat_hash_map<std::string, const RuleInfo*> by_code;
    for (const RuleInfo& rule : RuleCatalogue()) by_code.emplace(std::string(rule.code), &rule);
    for (const std::string& wanted : flags.positional()) {
      auto match = by_code.find(absl::AsciiStrToUpper(wanted));
      if (match == by_code.end()) {
        return Report(invocation, UsageError(absl::StrCat("no rule \"", wanted,
                                                          "\"; 'contactplan rules' lists them all")));
      }
      selected.push_back(match->second);
    }
  }

  const std::string text = *format == "json" ? RuleCatalogueJson(selected)
                                             : RuleCatalogueText(selected, 100);
  if (auto error = Emit(invocation, output, text)) return Report(invocation, *error);
  return kExitOk;
}

}  // namespace

extern const Command kRulesCommand = {
    .name = "rules",
    .synopsis = "[CODE...] [flags]",
    .summary = "List the rule catalogue: each finding's code, severity, when it fires and why it "
               "matters.",
    .details = "With CODE arguments, only those rules (case-insensitive).\n",
    .run = &RunRules,
};

}  // namespace contactplan::cli
