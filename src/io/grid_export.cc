#include "io/grid_export.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "io/csv_writer.h"
#include "io/grid_vocabulary.h"
#include "io/text_position.h"
#include "io/unknown_fields.h"
#include "model/time.h"

namespace contactplan::io {
namespace {

// The column of the first person (A and B are the label columns).
constexpr size_t kPersonColumn = 2;

// The opportunity the grid's @buying_role, @preference and @desired_preference rows stand for: the
// open one an import creates (id "opportunity"), else the plan's only open opportunity whatever its
// id (a plan from a CRM names it by the CRM's id). With several open ones and none of them the
// grid's own, the grid cannot tell which one its rows belong to, so it holds none.
// Its position in plan.opportunities, or -1.
int GridOpportunity(const v1::Plan& plan) {
  int only_open = -1;
  int open = 0;
  for (int o = 0; o < plan.opportunities_size(); ++o) {
    const v1::Opportunity& opportunity = plan.opportunities(o);
    if (opportunity.closed()) continue;
    if (opportunity.id() == kGridOpportunityId) return o;
    only_open = o;
    ++open;
  }
  return open == 1 ? only_open : -1;
}

bool HasParticipantValues(const v1::Participant& participant) {
  return participant.buying_role() != 0 || participant.preference() != 0 ||
         participant.desired_preference() != 0;
}

// The answer that counts (the latest by answered_at, undated ones oldest, the later one in the list on
// ties), as the plan index picks it.
// Its position in person.nps_answers, or -1 when there is none.
int LatestNps(const v1::Person& person) {
  int latest = -1;
  const auto when = [&](int a) {
    return model::ToTime(person.nps_answers(a).has_answered_at(),
                         person.nps_answers(a).answered_at()).value_or(absl::InfinitePast());
  };
  for (int a = 0; a < person.nps_answers_size(); ++a) {
    if (latest < 0 || !(when(a) < when(latest))) latest = a;
  }
  return latest;
}

std::string Path(absl::string_view field, int index, absl::string_view member = {}) {
  return absl::StrCat(field, "[", index, "]", member.empty() ? "" : ".", member);
}

// Builds the grid's cells, collecting every problem before giving up, so one export run shows them
// all.
class GridExport {
 public:
  explicit GridExport(const v1::Plan& plan) : plan_(plan) {}

  absl::StatusOr<std::string> Run() {
    if (plan_.persons().empty()) {
      // Import reads a row 1 of fewer than three cells as "not a grid" (a one-word file, a wrong
      // delimiter), so a grid without person columns would not read back.
      Error("persons",
            "a grid needs at least one person column, and the plan has no person: add one, or keep "
            "the plan in a protobuf format");
      return Errors();
    }
    IndexNames(plan_.team_members(), "team_members", "team member", members_);
    IndexNames(plan_.persons(), "persons", "person", persons_);
    std::vector<std::vector<std::string>> grades = Grades();
    std::vector<std::vector<std::string>> attribute_rows = AttributeRows();
    if (!errors_.empty()) return Errors();

    std::string csv;
    std::vector<std::string> header = {std::string(kTeamMemberLabel), std::string(kLevelLabel)};
    for (const v1::Person& person : plan_.persons()) header.push_back(person.name());
    AppendCsvRecord(header, &csv);
    for (const std::vector<std::string>& row : attribute_rows) AppendCsvRecord(row, &csv);
    for (int m = 0; m < plan_.team_members_size(); ++m) {
      const v1::TeamMember& member = plan_.team_members(m);
      std::vector<std::string> row = {member.name(),
                                      Word(LevelWords(), member.level(),
                                           Path("team_members", m, "level"))};
      for (std::string& grade : grades[m]) row.push_back(std::move(grade));
      AppendCsvRecord(row, &csv);
    }
    if (!errors_.empty()) return Errors();
    return csv;
  }

 private:
  void Error(std::string path, absl::string_view message) {
    errors_.push_back(absl::StrCat(path, ": ", message));
  }

  // The problems in field order (team_members, persons, relationships, opportunities, each by
  // position), whatever order the checks ran in; problems of one element keep their order.
  absl::Status Errors() {
    const auto key = [](const std::string& error) {
      const size_t bracket = error.find('[');
      const size_t close = error.find(']');
      const google::protobuf::FieldDescriptor* field =
          v1::Plan::descriptor()->FindFieldByName(error.substr(0, bracket));
      int index = 0;
      if (bracket != std::string::npos && close != std::string::npos) {
        (void)absl::SimpleAtoi(absl::string_view(error).substr(bracket + 1, close - bracket - 1),
                               &index);
      }
      return std::make_pair(field != nullptr ? field->number() : 0, index);
    };
    std::stable_sort(errors_.begin(), errors_.end(),
                     [&](const std::string& a, const std::string& b) { return key(a) < key(b); });
    if (errors_.size() > kMaxDiagnostics) {  // bounded as every list of problems is
      const size_t omitted = errors_.size() - kMaxDiagnostics;
      errors_.resize(kMaxDiagnostics);
      errors_.push_back(MoreProblemsLine(omitted, kMaxDiagnostics));
    }
    return absl::InvalidArgumentError(absl::StrJoin(errors_, "\n"));
  }

  // Names become the grid's row and column heads and, on import, the ids: each must give back its
  // own id, and no two may give the same one, or references would silently change.
  template <typename Entities>
  void IndexNames(const Entities& entities, absl::string_view field, absl::string_view kind,
                  absl::flat_hash_map<std::string, int>& by_id) {
    absl::flat_hash_map<std::string, int> by_derived_id;
    for (int i = 0; i < entities.size(); ++i) {
      const auto& entity = entities[i];
      by_id.emplace(entity.id(), i);
      std::string id = IdFromName(entity.name());
      if constexpr (std::is_same_v<std::decay_t<decltype(entity)>, v1::Person>) {
        // Import gives a person whose name leaves no id the id of its column.
        if (id.empty() && !entity.name().empty()) {
          id = FallbackPersonId(static_cast<int>(kPersonColumn) + i);
        }
      }
      CheckText(entity.name(), Path(field, i, "name"));
      if (id.empty()) {
        Error(Path(field, i, "name"),
              absl::StrCat("the ", kind, " name ", Quoted(entity.name()),
                           " has no letter or digit for the grid to derive an id from: "
                           "give the ", kind, " a name with one"));
        continue;
      }
      if (id != entity.id()) {
        Error(Path(field, i, "id"),
              absl::StrCat(Quoted(entity.id()), " would come back from the grid as ", Quoted(id),
                           ", the id it derives from the name ", Quoted(entity.name()),
                           ": change the id to ", Quoted(id),
                           " (and every reference to it), or keep the plan in a protobuf format"));
      }
      const auto [first, inserted] = by_derived_id.emplace(id, i);
      if (!inserted) {
        Error(Path(field, i, "name"),
              absl::StrCat(Quoted(entity.name()), " gives the id ", Quoted(id), ", as the name of ",
                           Path(field, first->second), " does: make the names differ in a letter "
                           "or digit"));
      }
      if constexpr (std::is_same_v<std::decay_t<decltype(entity)>, v1::TeamMember>) {
        if (entity.name().starts_with('@')) {
          Error(Path(field, i, "name"),
                absl::StrCat(Quoted(entity.name()),
                             " starts with \"@\", which would make its row an attribute row: "
                             "rename the team member"));
        }
      }
    }
  }

  // The grid can hold any text but a byte order mark, which import rejects past the file's start.
  void CheckText(std::string_view text, std::string path) {
    if (text.find(kUtf8ByteOrderMark) != std::string_view::npos) {
      Error(std::move(path),
            "holds a byte order mark (U+FEFF), which a grid cannot hold: delete it");
    }
  }

  // The word for an enum value; empty for unset. A number the enum does not define is an error: its
  // cell could not be read back.
  std::string Word(const GridVocabulary& words, int value, std::string path) {
    if (value == 0) return "";
    std::optional<std::string> word = words.Write(value);
    if (!word.has_value()) {
      Error(std::move(path), absl::StrCat(value, " is not a ", words.kind(),
                                          " the grid can write: set a known ", words.kind(),
                                          " or clear it"));
      return "";
    }
    return *std::move(word);
  }

  // grades[m][p]: the cell of team member m and person p.
  std::vector<std::vector<std::string>> Grades() {
    std::vector<std::vector<std::string>> grades(
        plan_.team_members_size(), std::vector<std::string>(plan_.persons_size()));
    std::vector<std::vector<int>> source(plan_.team_members_size(),
                                         std::vector<int>(plan_.persons_size(), -1));
    for (int r = 0; r < plan_.relationships_size(); ++r) {
      const v1::Relationship& relationship = plan_.relationships(r);
      if (relationship.grade() == 0) continue;  // blank cell: the grid shows nothing
      const std::optional<int> m = Find(members_, relationship.team_member_id(),
                                        Path("relationships", r, "team_member_id"), "team member");
      const std::optional<int> p = Find(persons_, relationship.person_id(),
                                        Path("relationships", r, "person_id"), "person");
      if (!m.has_value() || !p.has_value()) continue;
      if (source[*m][*p] >= 0) {
        Error(Path("relationships", r),
              absl::StrCat("a second grade for team member ", Quoted(relationship.team_member_id()),
                           " and person ", Quoted(relationship.person_id()), " (the first is ",
                           Path("relationships", source[*m][*p]),
                           "): a grid cell holds one grade; keep one of them"));
        continue;
      }
      source[*m][*p] = r;
      grades[*m][*p] = Word(GradeWords(), relationship.grade(), Path("relationships", r, "grade"));
    }
    return grades;
  }

  std::optional<int> Find(const absl::flat_hash_map<std::string, int>& by_id,
                          const std::string& id, std::string path, absl::string_view kind) {
    const auto it = by_id.find(id);
    if (it != by_id.end()) return it->second;
    Error(std::move(path), absl::StrCat("no ", kind, " ", Quoted(id),
                                        ", so the grid has no place for it: fix the reference"));
    return std::nullopt;
  }

  // The attribute rows that at least one person has a value for, in kGridAttributes order.
  std::vector<std::vector<std::string>> AttributeRows() {
    const int persons = plan_.persons_size();
    const std::vector<Part> participants = Participants();
    std::vector<std::vector<std::string>> rows;
    for (GridAttribute attribute : kGridAttributes) {
      std::vector<std::string> row = {std::string(GridAttributeName(attribute)), ""};
      bool any = false;
      for (int p = 0; p < persons; ++p) {
        row.push_back(Value(attribute, p, participants[p]));
        any = any || !row.back().empty();
      }
      if (any) rows.push_back(std::move(row));
    }
    return rows;
  }

  // A person's part in the grid's opportunity, with its field path for messages.
  struct Part {
    const v1::Participant* participant = nullptr;
    std::string path;  // "opportunities[o].participants[i]"
  };

  // By person: their part in the grid's opportunity, if any.
  std::vector<Part> Participants() {
    std::vector<Part> by_person(plan_.persons_size());
    const int o = GridOpportunity(plan_);
    if (o < 0) return by_person;
    const v1::Opportunity* opportunity = &plan_.opportunities(o);
    for (int i = 0; i < opportunity->participants_size(); ++i) {
      const v1::Participant& participant = opportunity->participants(i);
      std::string path = absl::StrCat(Path("opportunities", o), ".", Path("participants", i));
      const std::optional<int> p =
          Find(persons_, participant.person_id(), absl::StrCat(path, ".person_id"), "person");
      if (!p.has_value()) continue;
      if (by_person[*p].participant != nullptr) {
        Error(path, absl::StrCat("person ", Quoted(participant.person_id()), " takes part again (",
                                 by_person[*p].path,
                                 " is the first), and the grid has one cell per person: keep one "
                                 "participant entry"));
        continue;
      }
      by_person[*p] = {&participant, std::move(path)};
    }
    return by_person;
  }

  std::string Value(GridAttribute attribute, int p, const Part& part) {
    const v1::Person& person = plan_.persons(p);
    const auto path = [p](absl::string_view field) { return Path("persons", p, field); };
    switch (attribute) {
      case GridAttribute::kTitle:
        CheckText(person.title(), path("title"));
        return person.title();
      case GridAttribute::kDepartment:
        CheckText(person.department(), path("department"));
        return person.department();
      case GridAttribute::kLevel:
        return Word(LevelWords(), person.level(), path("level"));
      case GridAttribute::kRoles:
        return Roles(p);
      case GridAttribute::kKey:
        return person.key() ? WriteYesNo(true) : "";
      case GridAttribute::kReportsTo:
        return ReportsTo(p);
      case GridAttribute::kRelationship:
        return Word(RelationshipLevelWords(), person.relationship_level(),
                    path("relationship_level"));
      case GridAttribute::kDesiredRelationship:
        return Word(RelationshipLevelWords(), person.desired_relationship_level(),
                    path("desired_relationship_level"));
      case GridAttribute::kRelationshipType:
        return Word(RelationshipTypeWords(), person.relationship_type(),
                    path("relationship_type"));
      case GridAttribute::kNps:
        return Nps(p);
      case GridAttribute::kBuyingRole:
        return PartWord(BuyingRoleWords(), part, &v1::Participant::buying_role, "buying_role");
      case GridAttribute::kPreference:
        return PartWord(PreferenceWords(), part, &v1::Participant::preference, "preference");
      case GridAttribute::kDesiredPreference:
        return PartWord(PreferenceWords(), part, &v1::Participant::desired_preference,
                        "desired_preference");
    }
    return "";
  }

  template <typename Getter>
  std::string PartWord(const GridVocabulary& words, const Part& part, Getter get,
                       absl::string_view field) {
    if (part.participant == nullptr) return "";
    return Word(words, (part.participant->*get)(), absl::StrCat(part.path, ".", field));
  }

  std::string Roles(int p) {
    const v1::Person& person = plan_.persons(p);
    std::vector<std::string> words;
    for (int i = 0; i < person.buyer_roles_size(); ++i) {
      const int role = person.buyer_roles(i);
      const std::string path = absl::StrCat(Path("persons", p), ".", Path("buyer_roles", i));
      if (role == 0) {
        Error(path, "an unspecified role cannot be written to a grid: remove it");
        continue;
      }
      const auto earlier = person.buyer_roles().begin() + i;
      if (std::find(person.buyer_roles().begin(), earlier, role) != earlier) {
        Error(path, "the role is listed twice: list each role once");
        continue;
      }
      words.push_back(Word(BuyerRoleWords(), role, path));
    }
    return absl::StrJoin(words, kRoleSeparator);
  }

  std::string ReportsTo(int p) {
    const v1::Person& person = plan_.persons(p);
    if (person.reports_to_id().empty()) return "";
    const std::string path = Path("persons", p, "reports_to_id");
    const std::optional<int> manager = Find(persons_, person.reports_to_id(), path, "person");
    if (!manager.has_value()) return "";
    if (*manager == p) {
      Error(path, "a person cannot report to themselves: name their manager, or clear it");
      return "";
    }
    return plan_.persons(*manager).name();
  }

  std::string Nps(int p) {
    const int answer = LatestNps(plan_.persons(p));
    if (answer < 0) return "";
    const v1::NpsAnswer* latest = &plan_.persons(p).nps_answers(answer);
    if (latest->score() < 0 || latest->score() > kMaxNpsScore) {
      Error(absl::StrCat(Path("persons", p), ".", Path("nps_answers", answer), ".score"),
            absl::StrCat(latest->score(), " is not an NPS answer from 0 to 10: correct it"));
      return "";
    }
    return absl::StrCat(latest->score());
  }

  const v1::Plan& plan_;
  absl::flat_hash_map<std::string, int> members_;  // id -> position
  absl::flat_hash_map<std::string, int> persons_;
  std::vector<std::string> errors_;
};

// "what (count)" entries, only for what is actually there.
class LossList {
 public:
  void Add(absl::string_view what, int count) {
    if (count > 0) entries_.push_back(absl::StrCat(what, " (", count, ")"));
  }
  template <typename Range, typename Predicate>
  void Count(absl::string_view what, const Range& range, Predicate lost) {
    Add(what, static_cast<int>(std::count_if(range.begin(), range.end(), lost)));
  }
  std::vector<std::string> Take() { return std::move(entries_); }

 private:
  std::vector<std::string> entries_;
};

}  // namespace

absl::StatusOr<std::string> ExportGrid(const v1::Plan& plan) { return GridExport(plan).Run(); }

std::vector<std::string> GridExportLosses(const v1::Plan& plan) {
  LossList lost;
  lost.Add("schema_version", plan.schema_version() != 0);
  lost.Add("as_of", plan.has_as_of());
  lost.Add("account", plan.has_account());
  const auto& members = plan.team_members();
  lost.Count("team_members[].title", members, [](const auto& m) { return !m.title().empty(); });
  lost.Count("team_members[].capacity", members, [](const auto& m) { return m.has_capacity(); });
  lost.Count("team_members[].email", members, [](const auto& m) { return !m.email().empty(); });
  const auto& persons = plan.persons();
  lost.Count("persons[].notes", persons, [](const auto& p) { return !p.notes().empty(); });
  int influences = 0, older_answers = 0, answer_dates = 0;
  for (const v1::Person& person : persons) {
    influences += person.influences_size();
    if (person.nps_answers_size() == 0) continue;
    older_answers += person.nps_answers_size() - 1;
    answer_dates += person.nps_answers(LatestNps(person)).has_answered_at();
  }
  lost.Add("persons[].influences", influences);
  lost.Add("persons[].nps_answers other than the latest", older_answers);
  lost.Add("persons[].nps_answers[].answered_at", answer_dates);
  const auto& relationships = plan.relationships();
  lost.Count("relationships without a grade", relationships,
             [](const auto& r) { return r.grade() == 0; });
  lost.Count("relationships[].assessed_at", relationships,
             [](const auto& r) { return r.has_assessed_at(); });
  lost.Count("relationships[].last_contact_at", relationships,
             [](const auto& r) { return r.has_last_contact_at(); });
  lost.Count("relationships[].history", relationships,
             [](const auto& r) { return r.history_size() > 0; });
  lost.Count("relationships[].desired_grade", relationships,
             [](const auto& r) { return r.desired_grade() != 0; });
  lost.Count("relationships[].notes", relationships,
             [](const auto& r) { return !r.notes().empty(); });
  const int kept_at = GridOpportunity(plan);
  const v1::Opportunity* kept = kept_at < 0 ? nullptr : &plan.opportunities(kept_at);
  lost.Add("opportunities other than the open one the grid holds",
           plan.opportunities_size() - (kept != nullptr ? 1 : 0));
  if (kept != nullptr) {
    const std::string of = absl::StrCat("opportunities[\"", kept->id(), "\"].");
    // Import names the grid's opportunity "opportunity", whatever it was called before.
    lost.Add(absl::StrCat(of, "id (comes back as \"", kGridOpportunityId, "\")"),
             kept->id() != kGridOpportunityId);
    lost.Add(absl::StrCat(of, "name"), !kept->name().empty());
    lost.Add(absl::StrCat(of, "stage"), kept->stage() != 0);
    lost.Add(absl::StrCat(of, "competitive_strategy"), kept->competitive_strategy() != 0);
    lost.Add(absl::StrCat(of, "qualification"), kept->has_qualification());
    lost.Add(absl::StrCat(of, "value"), kept->value() != 0);
    lost.Add(absl::StrCat(of, "expected_close_at"), kept->has_expected_close_at());
    // The grid marks a participant by a value in one of its rows; without one it has no mark.
    const int unmarked = static_cast<int>(
        std::count_if(kept->participants().begin(), kept->participants().end(),
                      [](const v1::Participant& p) { return !HasParticipantValues(p); }));
    lost.Add(absl::StrCat(of, "participants without buying role or preference"), unmarked);
    // An opportunity with no participant at all is not created again on import.
    lost.Add(absl::StrCat("opportunities[\"", kept->id(), "\"] itself (no participant has a "
                          "buying role or preference)"),
             kept->participants_size() == unmarked);
  }
  lost.Add("blueprint", plan.blueprint_size());
  lost.Add("fields unknown to this version", MessagesWithUnknownFields(plan));
  return lost.Take();
}

}  // namespace contactplan::io
