#include "rules/finding_wire.h"

#include <cstdint>
#include <cstring>
#include <string_view>

#include "base/wire_write.h"
#include "contactplan/v1/analysis.pb.h"
#include "rules/rule.h"

namespace contactplan::rules {
namespace {

// Room reserved for a sentence; a longer one grows the buffer once, for every later finding too.
constexpr size_t kSentenceBytes = 255;
// Room for the longest path FindingPath spells (opportunities[N].participants[M]).
constexpr size_t kPathBytes = 63;

static_assert(v1::Finding::kCodeFieldNumber == 1 && v1::Finding::kSeverityFieldNumber == 2 &&
              v1::Finding::kPersonIdsFieldNumber == 3 && v1::Finding::kTeamMemberIdsFieldNumber == 4 &&
              v1::Finding::kOpportunityIdFieldNumber == 5 && v1::Finding::kMessageFieldNumber == 6 &&
              v1::Finding::kNumbersFieldNumber == 7 && v1::Finding::kPathFieldNumber == 8);
static_assert(v1::Measure::kNameFieldNumber == 1 && v1::Measure::kValueFieldNumber == 2);

size_t MeasureSize(const FindingNumber& number) {
  return wire::StringSize(std::strlen(number.name)) + wire::DoubleSize(number.value);
}

}  // namespace

FindingWire::FindingWire(const model::Context& context, bool include_messages, int field)
    : context_(context), include_messages_(include_messages), field_(field) {
  message_.reserve(kSentenceBytes);
  path_.reserve(kPathBytes);
}

void FindingWire::Add(const Finding& finding) {
  const model::PlanIndex& index = context_.index;
  const std::string_view code = finding.rule->info.code;
  const EagerText* text = finding.text.get();
  // The sentence, as WriteFinding chooses it: the eager one, else the deferred one composed now.
  std::string_view message;
  if (include_messages_) {
    if (text != nullptr && !text->message.empty()) {
      message = text->message;
    } else if (finding.write_message != nullptr) {
      message_.clear();
      finding.write_message(context_, finding, &message_);
      message = message_;
    }
  }
  std::string_view path;
  if (text != nullptr && !text->path.empty()) {
    path = text->path;
  } else if (finding.at.kind != FindingPath::Kind::kNone) {
    path_.clear();
    finding.at.AppendTo(&path_);
    path = path_;
  }
  const std::string_view opportunity =
      finding.opportunity != model::kNone
          ? std::string_view(index.plan().opportunities(finding.opportunity).id())
          : std::string_view();

  // Sized first (a length precedes every message), then written in field order; a repeated
  // string's elements are written even when empty, a singular field only when set.
  size_t body = wire::StringSize(code.size()) + wire::ScalarSize(finding.severity);
  for (const model::PersonIx p : finding.persons) body += wire::DelimitedSize(index.person(p).id().size());
  const std::span<const model::MemberIx> members = NamedMembers(context_, finding, &members_);
  for (const model::MemberIx m : members) body += wire::DelimitedSize(index.member(m).id().size());
  body += wire::StringSize(opportunity.size()) + wire::StringSize(message.size());
  for (const FindingNumber& number : finding.numbers) body += wire::DelimitedSize(MeasureSize(number));
  body += wire::StringSize(path.size());

  const size_t start = bytes_.size();
  bytes_.resize(start + wire::DelimitedSize(body));
  auto* at = reinterpret_cast<uint8_t*>(bytes_.data() + start);
  at = wire::WriteDelimitedHead(field_, body, at);
  at = wire::WriteString(v1::Finding::kCodeFieldNumber, code, at);
  at = wire::WriteScalar(v1::Finding::kSeverityFieldNumber, finding.severity, at);
  for (const model::PersonIx p : finding.persons) {
    const std::string& id = index.person(p).id();
    at = wire::WriteDelimitedHead(v1::Finding::kPersonIdsFieldNumber, id.size(), at);
    at = wire::CopyText(id, at);
  }
  for (const model::MemberIx m : members) {
    const std::string& id = index.member(m).id();
    at = wire::WriteDelimitedHead(v1::Finding::kTeamMemberIdsFieldNumber, id.size(), at);
    at = wire::CopyText(id, at);
  }
  at = wire::WriteString(v1::Finding::kOpportunityIdFieldNumber, opportunity, at);
  at = wire::WriteString(v1::Finding::kMessageFieldNumber, message, at);
  for (const FindingNumber& number : finding.numbers) {
    at = wire::WriteDelimitedHead(v1::Finding::kNumbersFieldNumber, MeasureSize(number), at);
    at = wire::WriteString(v1::Measure::kNameFieldNumber, number.name, at);
    at = wire::WriteDouble(v1::Measure::kValueFieldNumber, number.value, at);
  }
  wire::WriteString(v1::Finding::kPathFieldNumber, path, at);
}

}  // namespace contactplan::rules
