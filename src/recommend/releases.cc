#include "recommend/releases.h"

#include <algorithm>
#include <string>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "recommend/desired_grades.h"
#include "recommend/owners.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

std::string Units(double effort) {
  return absl::StrCat(effort, effort == 1 ? " effort unit" : " effort units");
}

}  // namespace

void ProposeReleases(const model::Context& context,
                     const google::protobuf::RepeatedPtrField<v1::KeyIntersection>& key_intersections,
                     google::protobuf::RepeatedPtrField<v1::Release>* releases) {
  const model::PlanIndex& index = context.index;
  const Settings& settings = context.settings;
  const v1::RecommendTuning& tuning = settings.tuning.recommend();
  // (member, person) pairs the key intersections work on: never released.
  absl::flat_hash_set<std::pair<MemberIx, PersonIx>> working;
  for (const v1::KeyIntersection& key : key_intersections) {
    working.insert({index.FindMember(key.team_member_id()), index.FindPerson(key.person_id())});
  }
  struct Cell {
    RelationshipIx r;
    v1::Grade grade;
    double fit;
  };
  std::vector<Cell> cells;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const std::span<const RelationshipIx> graded = index.graded_of_person(p);
    const v1::Person& person = index.person(p);
    // The person's label, written once for all their releases (an over-covered person has many).
    std::string label;
    const auto person_label = [&]() -> const std::string& {
      if (label.empty()) label = rules::PersonLabel(index, p);
      return label;
    };
    // Whether the holder of r can step back: it frees effort and they own no key intersection with
    // the person. Asked before the reason is written.
    const auto releasable = [&](RelationshipIx r, double freed) {
      return freed > 0 && !working.contains({index.relationship_member(r), p});
    };
    const auto release = [&](RelationshipIx r, double freed, std::string reason) {
      const MemberIx m = index.relationship_member(r);
      v1::Release& out = *releases->Add();
      out.set_person_id(person.id());
      out.set_team_member_id(index.member(m).id());
      out.set_grade(index.grade(r));
      out.set_effort_freed(freed);
      out.set_reason(std::move(reason));
    };
    if (static_cast<int32_t>(graded.size()) > settings.over_covered_above) {
      // Best first: highest grade, then the holder's seniority fit, then plan order (a total
      // order, so an unstable sort gives the one result).
      cells.clear();
      for (RelationshipIx r : graded) {
        cells.push_back({r, index.grade(r),
                         SeniorityFit(tuning, index.member(index.relationship_member(r)).level(),
                                      person.level())});
      }
      std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
        if (a.grade != b.grade) return a.grade > b.grade;
        if (a.fit != b.fit) return a.fit > b.fit;
        return a.r < b.r;
      });
      for (size_t k = settings.over_covered_above; k < cells.size(); ++k) {
        const RelationshipIx r = cells[k].r;
        if (!releasable(r, settings.EffortFor(index.grade(r)))) continue;
        release(r, settings.EffortFor(index.grade(r)),
                absl::StrCat(person_label(), " has ", graded.size(),
                             " graded relationships with us; ", settings.over_covered_above,
                             " better placed ones keep them, so ",
                             rules::MemberLabel(index, index.relationship_member(r)), " (",
                             rules::GradeWord(index.grade(r)), ") can step back and free ",
                             Units(settings.EffortFor(index.grade(r)))));
      }
      continue;
    }
    const v1::RelationshipLevel desired_level = person.desired_relationship_level();
    if (desired_level == v1::RELATIONSHIP_LEVEL_UNSPECIFIED ||
        person.relationship_level() <= desired_level) {
      continue;
    }
    const v1::Grade enough = GradeForLevel(desired_level);
    for (RelationshipIx r : graded) {
      if (index.grade(r) <= enough) continue;
      const double freed = settings.EffortFor(index.grade(r)) - settings.EffortFor(enough);
      if (!releasable(r, freed)) continue;
      release(r, freed,
              absl::StrCat(person_label(), " is at ",
                           rules::RelationshipLevelWord(person.relationship_level()),
                           ", above the desired ", rules::RelationshipLevelWord(desired_level),
                           ": ", rules::MemberLabel(index, index.relationship_member(r)),
                           " can let ", rules::GradeWord(index.grade(r)), " ease to ",
                           rules::GradeWord(enough), " and free ", Units(freed)));
    }
  }
}

}  // namespace contactplan::recommend
