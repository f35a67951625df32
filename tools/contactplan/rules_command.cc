// `contactplan rules`: the rule catalogue of SPEC §5 with what each rule means.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "cli_io.h"
#include "command.h"
#include "contactplan/rule_catalogue.h"
#include "flags.h"
#include "text_layout.h"

namespace contactplan::cli {
namespace {

constexpr size_t kWidth = 100;

std::string JsonQuote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          absl::StrAppendFormat(&out, "\\u%04x", static_cast<unsigned char>(c));
        } else {
          out += c;  // UTF-8 passes through: JSON is UTF-8
        }
    }
  }
  return out + "\"";
}

std::string CatalogueText(const std::vector<const RuleInfo*>& rules) {
  std::string out;
  if (rules.size() > 1) {
    absl::StrAppend(&out, rules.size(),
                    " rules. Thresholds shown are the defaults; each is an engine option "
                    "(--options).\n\n");
  }
  for (const RuleInfo* rule : rules) {
    absl::StrAppend(&out, PadRight(rule->code, 32), Sv(rule->severity), "\n");
    absl::StrAppend(&out, "  fires when ", Wrap(rule->fires_when, kWidth, 2), "\n");
    absl::StrAppend(&out, "  ", Wrap(rule->explanation, kWidth, 2), "\n\n");
  }
  return out;
}

std::string CatalogueJson(const std::vector<const RuleInfo*>& rules) {
  std::string out = "[";
  for (size_t i = 0; i < rules.size(); ++i) {
    const RuleInfo& rule = *rules[i];
    absl::StrAppend(&out, i == 0 ? "\n" : ",\n", "  {\n    \"code\": ", JsonQuote(rule.code),
                    ",\n    \"severity\": ", JsonQuote(rule.severity),
                    ",\n    \"firesWhen\": ", JsonQuote(rule.fires_when),
                    ",\n    \"explanation\": ", JsonQuote(rule.explanation), "\n  }");
  }
  return out + "\n]\n";
}

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

  const std::string text = *format == "json" ? CatalogueJson(selected) : CatalogueText(selected);
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
