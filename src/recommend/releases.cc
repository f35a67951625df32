#include "recommend/releases.h"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "base/wire_write.h"
#include "recommend/desired_grades.h"
#include "recommend/owners.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

using model::MemberIx;
using model::PersonIx;
using model::RelationshipIx;

// " effort unit" or " effort units", after the number.
std::string_view UnitsWord(double effort) {
  return effort == 1 ? " effort unit" : " effort units";
}

// Field numbers of Release and of Recommendations.releases.
static_assert(v1::Release::kPersonIdFieldNumber == 1 && v1::Release::kTeamMemberIdFieldNumber == 2 &&
              v1::Release::kGradeFieldNumber == 3 && v1::Release::kEffortFreedFieldNumber == 4 &&
              v1::Release::kReasonFieldNumber == 5);
constexpr int kReleasesField = v1::Recommendations::kReleasesFieldNumber;

}  // namespace

ReleaseRows::ReleaseRows(
    const model::Context& context,
    const google::protobuf::RepeatedPtrField<v1::KeyIntersection>& key_intersections) {
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
  for (MemberIx m = 0; m < index.member_count(); ++m) member_levels.push_back(index.member(m).level());
  ids_ = model::IdViews(index);
  // Each member's label, written once: an account with many releases names the same members often.
  member_labels_.resize(index.member_count());
  // [grade held][grade eased to]: the row's freed text, +1 (0: not written yet).
  std::array<std::array<uint8_t, v1::Grade_ARRAYSIZE>, v1::Grade_ARRAYSIZE> freed_text{};
  const auto add = [&](RelationshipIx r, v1::Grade grade, v1::Grade eased_to, double freed) {
    const MemberIx m = index.relationship_member(r);
    if (member_labels_[m].empty()) member_labels_[m] = rules::MemberLabel(index, m);
    uint8_t& text = freed_text[grade][eased_to];
    if (text == 0) {
      freed_texts_.push_back(absl::StrCat(freed));
      text = static_cast<uint8_t>(freed_texts_.size());
    }
    rows_.push_back({static_cast<uint32_t>(persons_.size() - 1), m, static_cast<uint8_t>(grade),
                     static_cast<uint8_t>(eased_to), static_cast<uint8_t>(text - 1), freed});
  };
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const std::span<const RelationshipIx> graded = index.graded_of_person(p);
    const v1::Person& person = index.person(p);
    // Whether the holder of r can step back: it frees effort and they own no key intersection with
    // the person.
    const auto releasable = [&](RelationshipIx r, double freed) {
      return freed > 0 && !working.contains({index.relationship_member(r), p});
    };
    // The person's entry, with what every release of theirs says first, made at their first release.
    bool opened = false;
    const auto open = [&](auto&&... opening) {
      if (opened) return;
      opened = true;
      persons_.push_back({p, absl::StrCat(rules::PersonLabel(index, p), opening...)});
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
      for (size_t k = settings.over_covered_above; k < cells.size(); ++k) {
        const double freed = settings.EffortFor(cells[k].grade);
        if (!releasable(cells[k].r, freed)) continue;
        open(" has ", graded.size(), " graded relationships with us; ",
             settings.over_covered_above, " better placed ones keep them, so ");
        add(cells[k].r, cells[k].grade, v1::GRADE_UNSPECIFIED, freed);
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
      const v1::Grade grade = index.grade(r);
      if (grade <= enough) continue;
      const double freed = settings.EffortFor(grade) - settings.EffortFor(enough);
      if (!releasable(r, freed)) continue;
      open(" is at ", rules::RelationshipLevelWord(person.relationship_level()), ", above the desired ",
           rules::RelationshipLevelWord(desired_level), ": ");
      add(r, grade, enough, freed);
    }
  }
  rows_.shrink_to_fit();  // held until the analysis is written: no growth slack
}

template <typename Piece>
void ReleaseRows::ReasonPieces(const Row& row, Piece&& piece) const {
  piece(std::string_view(persons_[row.person].opening));
  piece(std::string_view(member_labels_[row.member]));
  const std::string_view grade = rules::GradeWord(static_cast<v1::Grade>(row.grade));
  if (row.eased_to == v1::GRADE_UNSPECIFIED) {
    piece(std::string_view(" ("));
    piece(grade);
    piece(std::string_view(") can step back and free "));
  } else {
    piece(std::string_view(" can let "));
    piece(grade);
    piece(std::string_view(" ease to "));
    piece(std::string_view(rules::GradeWord(static_cast<v1::Grade>(row.eased_to))));
    piece(std::string_view(" and free "));
  }
  piece(std::string_view(freed_texts_[row.freed_text]));
  piece(UnitsWord(row.freed));
}

size_t ReleaseRows::ReasonSize(const Row& row) const {
  size_t size = 0;
  ReasonPieces(row, [&](std::string_view part) { size += part.size(); });
  return size;
}

size_t ReleaseRows::BodySize(const Row& row, size_t reason_size) const {
  return wire::StringSize(ids_.persons[persons_[row.person].person].size()) +
         wire::StringSize(ids_.members[row.member].size()) + wire::ScalarSize(row.grade) +
         wire::DoubleSize(row.freed) + wire::StringSize(reason_size);
}

void ReleaseRows::WriteTo(google::protobuf::RepeatedPtrField<v1::Release>* releases) const {
  releases->Reserve(releases->size() + static_cast<int>(rows_.size()));
  for (const Row& row : rows_) {
    v1::Release& out = *releases->Add();
    const std::string_view person_id = ids_.persons[persons_[row.person].person];
    const std::string_view member_id = ids_.members[row.member];
    // Assigned in place: set_x(data, size) would copy through a temporary std::string.
    out.mutable_person_id()->assign(person_id.data(), person_id.size());
    out.mutable_team_member_id()->assign(member_id.data(), member_id.size());
    out.set_grade(static_cast<v1::Grade>(row.grade));
    out.set_effort_freed(row.freed);
    std::string& reason = *out.mutable_reason();
    reason.reserve(ReasonSize(row));
    ReasonPieces(row, [&](std::string_view part) { reason.append(part); });
  }
}

size_t ReleaseRows::WireSize() const {
  size_t size = 0;
  for (const Row& row : rows_) size += wire::DelimitedSize(BodySize(row, ReasonSize(row)));
  return size;
}

uint8_t* ReleaseRows::WriteWire(uint8_t* target) const {
  for (const Row& row : rows_) {
    const size_t reason_size = ReasonSize(row);
    target = wire::WriteDelimitedHead(kReleasesField, BodySize(row, reason_size), target);
    target = wire::WriteString(1, ids_.persons[persons_[row.person].person], target);
    target = wire::WriteString(2, ids_.members[row.member], target);
    target = wire::WriteScalar(3, row.grade, target);
    target = wire::WriteDouble(4, row.freed, target);
    if (reason_size != 0) {
      target = wire::WriteDelimitedHead(5, reason_size, target);
      ReasonPieces(row, [&](std::string_view part) { target = wire::CopyText(part, target); });
    }
  }
  return target;
}

void ProposeReleases(const model::Context& context,
                     const google::protobuf::RepeatedPtrField<v1::KeyIntersection>& key_intersections,
                     google::protobuf::RepeatedPtrField<v1::Release>* releases) {
  ReleaseRows(context, key_intersections).WriteTo(releases);
}

}  // namespace contactplan::recommend
