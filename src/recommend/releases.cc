#include "recommend/releases.h"

#include <algorithm>
#include <array>
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

// " effort unit" or " effort units", after the number.
const char* UnitsWord(double effort) { return effort == 1 ? " effort unit" : " effort units"; }

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
  // The seniority fit of every pair of levels and each member's level, read once: an over-covered
  // person's cells are sorted by it (95,199 cells on the 10,000 x 500 account).
  std::array<std::array<double, v1::Level_ARRAYSIZE>, v1::Level_ARRAYSIZE> fit_of{};
  for (int member = 0; member < v1::Level_ARRAYSIZE; ++member) {
    for (int person = 0; person < v1::Level_ARRAYSIZE; ++person) {
      fit_of[member][person] =
          SeniorityFit(tuning, static_cast<v1::Level>(member), static_cast<v1::Level>(person));
    }
  }
  const auto in_table = [](v1::Level level) { return level >= 0 && level < v1::Level_ARRAYSIZE; };
  const auto fit = [&](v1::Level member, v1::Level person) {
    return in_table(member) && in_table(person) ? fit_of[member][person]
                                                : SeniorityFit(tuning, member, person);
  };
  std::vector<v1::Level> member_levels;
  member_levels.reserve(index.member_count());
  for (const v1::TeamMember& member : index.plan().team_members()) {
    member_levels.push_back(member.level());
  }
  // Each member's label, written once: an account with many releases names the same members often.
  std::vector<std::string> member_labels(index.member_count());
  const auto member_label = [&](MemberIx m) -> const std::string& {
    if (member_labels[m].empty()) member_labels[m] = rules::MemberLabel(index, m);
    return member_labels[m];
  };
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
    const auto release = [&](RelationshipIx r, v1::Grade grade, double freed, std::string reason) {
      const MemberIx m = index.relationship_member(r);
      v1::Release& out = *releases->Add();
      out.set_person_id(person.id());
      out.set_team_member_id(index.member(m).id());
      out.set_grade(grade);
      out.set_effort_freed(freed);
      out.set_reason(std::move(reason));
    };
    if (static_cast<int32_t>(graded.size()) > settings.over_covered_above) {
      // Best first: highest grade, then the holder's seniority fit, then plan order (a total
      // order, so an unstable sort gives the one result).
      cells.clear();
      for (RelationshipIx r : graded) {
        cells.push_back(
            {r, index.grade(r), fit(member_levels[index.relationship_member(r)], person.level())});
      }
      std::sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) {
        if (a.grade != b.grade) return a.grade > b.grade;
        if (a.fit != b.fit) return a.fit > b.fit;
        return a.r < b.r;
      });
      // What every release of this person says first, written once for all of them.
      std::string opening;
      for (size_t k = settings.over_covered_above; k < cells.size(); ++k) {
        const RelationshipIx r = cells[k].r;
        const v1::Grade grade = cells[k].grade;
        const double freed = settings.EffortFor(grade);
        if (!releasable(r, freed)) continue;
        if (opening.empty()) {
          opening = absl::StrCat(person_label(), " has ", graded.size(),
                                 " graded relationships with us; ", settings.over_covered_above,
                                 " better placed ones keep them, so ");
        }
        release(r, grade, freed,
                absl::StrCat(opening, member_label(index.relationship_member(r)), " (",
                             rules::GradeWord(grade), ") can step back and free ", freed,
                             UnitsWord(freed)));
      }
      continue;
    }
    const v1::RelationshipLevel desired_level = person.desired_relationship_level();
    if (desired_level == v1::RELATIONSHIP_LEVEL_UNSPECIFIED ||
        person.relationship_level() <= desired_level) {
      continue;
    }
    const v1::Grade enough = GradeForLevel(desired_level);
    std::string opening;  // what every release of this person says first
    for (RelationshipIx r : graded) {
      const v1::Grade grade = index.grade(r);
      if (grade <= enough) continue;
      const double freed = settings.EffortFor(grade) - settings.EffortFor(enough);
      if (!releasable(r, freed)) continue;
      if (opening.empty()) {
        opening = absl::StrCat(person_label(), " is at ",
                               rules::RelationshipLevelWord(person.relationship_level()),
                               ", above the desired ", rules::RelationshipLevelWord(desired_level),
                               ": ");
      }
      release(r, grade, freed,
              absl::StrCat(opening, member_label(index.relationship_member(r)), " can let ",
                           rules::GradeWord(grade), " ease to ", rules::GradeWord(enough),
                           " and free ", freed, UnitsWord(freed)));
    }
  }
}

}  // namespace contactplan::recommend
