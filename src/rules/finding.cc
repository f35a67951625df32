#include "rules/finding.h"

#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/numbers.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

// Room reserved for a deferred sentence; a longer one grows once.
constexpr size_t kSentenceBytes = 255;

}  // namespace

std::string FindingPath::Spelled() const {
  std::string path;
  AppendTo(&path);
  return path;
}

void FindingPath::AppendTo(std::string* out) const {
  // Written straight into a buffer: a finding's path is spelled for every finding kept, and a
  // StrCat of three pieces costs a heap block for any path longer than 15 bytes.
  char text[96];  // at most 40 bytes before the last number, which may take 32 (kFastToBufferSize)
  char* end = text;
  const auto put = [&end](std::string_view piece) {
    std::memcpy(end, piece.data(), piece.size());
    end += piece.size();
  };
  const auto index = [&end](int32_t i) { end = absl::numbers_internal::FastIntToBuffer(i, end); };
  switch (kind) {
    case Kind::kNone: return;
    case Kind::kPerson: put("persons["); index(at[0]); break;
    case Kind::kRelationship: put("relationships["); index(at[0]); break;
    case Kind::kOpportunity: put("opportunities["); index(at[0]); break;
    case Kind::kParticipant:
      put("opportunities["); index(at[0]); put("].participants["); index(at[1]);
      break;
    case Kind::kBlueprint: put("blueprint["); index(at[0]); break;
    case Kind::kTactic:
      put("blueprint["); index(at[0]); put("].tactics["); index(at[1]);
      break;
  }
  put("]");
  out->append(text, static_cast<size_t>(end - text));
}

double Finding::number(std::string_view name) const {
  for (const FindingNumber& n : numbers) {
    if (std::string_view(n.name) == name) return n.value;
  }
  return 0;
}

bool Finding::has_number(std::string_view name) const {
  for (const FindingNumber& n : numbers) {
    if (std::string_view(n.name) == name) return true;
  }
  return false;
}

void WriteFinding(const model::Context& context, Finding& finding, bool include_message,
                  v1::Finding* out) {
  const model::PlanIndex& index = context.index;
  // Text fields are assigned in place: set_code(data, size) and set_name(const char*) would build
  // a std::string to copy from, a second heap block for every code or name longer than 15 bytes.
  const std::string_view code = finding.rule->info.code;
  out->mutable_code()->assign(code.data(), code.size());
  out->set_severity(finding.severity);
  for (model::PersonIx p : finding.persons) out->add_person_ids(index.person(p).id());
  std::vector<model::MemberIx> scratch;
  for (model::MemberIx m : NamedMembers(context, finding, &scratch)) {
    out->add_team_member_ids(index.member(m).id());
  }
  if (finding.opportunity != model::kNone) {
    out->set_opportunity_id(index.plan().opportunities(finding.opportunity).id());
  }
  EagerText* text = finding.text.get();
  if (include_message) {
    if ((text == nullptr || text->message.empty()) && finding.write_message != nullptr) {
      // Composed straight into the message field (on the analysis' arena, if it has one), in one
      // heap block: nearly every sentence is 130 to 255 bytes, and a writer that appends in
      // several steps would otherwise take a new block at each doubling.
      std::string* message = out->mutable_message();
      message->reserve(kSentenceBytes);
      finding.write_message(context, finding, message);
    } else if (text != nullptr) {
      out->set_message(std::move(text->message));
    } else {
      out->set_message(std::string());
    }
  }
  for (const FindingNumber& number : finding.numbers) {
    v1::Measure* measure = out->add_numbers();
    measure->mutable_name()->assign(number.name);
    measure->set_value(number.value);
  }
  if (text != nullptr && !text->path.empty()) {
    out->set_path(std::move(text->path));
  } else if (finding.at.kind != FindingPath::Kind::kNone) {
    out->set_path(finding.at.Spelled());
  }
}

}  // namespace contactplan::rules
