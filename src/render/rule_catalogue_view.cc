// The rule catalogue for people and for programs: `contactplan rules` and cplan_rules.
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "contactplan/render.h"
#include "render/text_layout.h"

namespace contactplan {
namespace {

// A JSON string literal; UTF-8 passes through (JSON is UTF-8), control characters are escaped.
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
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string RuleCatalogueText(std::span<const RuleInfo* const> rules, int width) {
  using render::Sv;
  const size_t columns = static_cast<size_t>(width < 60 ? 60 : width);
  std::string out;
  if (rules.size() > 1) {
    absl::StrAppend(&out,
                    render::Wrap(absl::StrCat(rules.size(),
                                              " rules. Thresholds shown are the defaults; each is "
                                              "an engine option (--options)."),
                                 columns, 0),
                    "\n\n");
  }
  for (const RuleInfo* rule : rules) {
    absl::StrAppend(&out, render::PadRight(rule->code, 32), Sv(rule->severity), "\n");
    absl::StrAppend(&out, "  fires when ", render::Wrap(rule->fires_when, columns, 2), "\n");
    absl::StrAppend(&out, "  ", render::Wrap(rule->explanation, columns, 2), "\n\n");
  }
  return out;
}

std::string RuleCatalogueJson(std::span<const RuleInfo* const> rules) {
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

}  // namespace contactplan
