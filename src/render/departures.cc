#include "render/departures.h"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "render/plan_labels.h"

namespace contactplan::render {

std::string DeparturesText(const model::PlanIndex& index) {
  std::vector<std::string> left, leaving;
  for (model::PersonIx p = 0; p < index.person_count(); ++p) {
    const v1::Person& person = index.person(p);
    if (!person.has_left_at()) continue;
    std::string entry = absl::StrCat(PersonLabel(person), " (");
    if (!index.has_left(p)) absl::StrAppend(&entry, "on ");
    absl::StrAppend(&entry, FormatTime(person.left_at()));
    if (const model::PersonIx s = index.successor(p); s != model::kNone && s != p) {
      absl::StrAppend(&entry, ", successor ", PersonLabel(index.person(s)));
    }
    absl::StrAppend(&entry, index.has_left(p) ? ")" : ", not yet left)");
    (index.has_left(p) ? left : leaving).push_back(std::move(entry));
  }
  for (model::MemberIx m = 0; m < index.member_count(); ++m) {
    const v1::TeamMember& member = index.member(m);
    if (!member.has_left_at()) continue;
    const bool gone = index.member_has_left(m);
    (gone ? left : leaving)
        .push_back(absl::StrCat(MemberLabel(member), " (our team, ", gone ? "" : "on ",
                                FormatTime(member.left_at()), gone ? ")" : ", not yet left)"));
  }
  std::vector<std::string> parts;
  if (!left.empty()) parts.push_back(absl::StrCat("Left: ", absl::StrJoin(left, "; ")));
  if (!leaving.empty()) parts.push_back(absl::StrCat("Leaving: ", absl::StrJoin(leaving, "; ")));
  return absl::StrJoin(parts, " · ");
}

}  // namespace contactplan::render
