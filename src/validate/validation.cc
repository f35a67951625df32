#include "contactplan/validation.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "contactplan/version.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/generated_enum_reflection.h"
#include "google/protobuf/timestamp.pb.h"
#include "base/problem_list.h"
#include "base/quoted.h"
#include "base/timestamp_range.h"
#include "model/relationship_table.h"
#include "model/resolved_ids.h"
#include "options/settings.h"
#include "validate/checked_plan.h"
#include "validate/org_chart.h"

namespace contactplan {
namespace {

// A reporting cycle names at most this many members before it only counts the rest.
constexpr size_t kCycleMembersNamed = 10;

using model::kNone;
using model::Repeat;

// Every value a message echoes goes through base::Quoted (or Escaped): one way to quote input.
using base::Escaped;
using base::Quoted;

// "12 persons exceed the limit of 10 (limits.max_persons)".
std::string LimitMessage(uint64_t count, absl::string_view singular, absl::string_view plural,
                         uint64_t limit, absl::string_view option) {
  return absl::StrCat(count, " ", count == 1 ? singular : plural, count == 1 ? " exceeds" : " exceed",
                      " the limit of ", limit, " (", option, ")");
}

// Where a problem is, held as parts so the path string is only built for an actual problem: an
// element of a top-level repeated field, optionally an element of a repeated field inside it.
struct Element {
  Element() = default;  // the plan itself
  Element(absl::string_view of_list, int32_t at_index) : list(of_list), index(at_index) {}

  Element In(absl::string_view inner_list, int32_t i) const {
    Element inside = *this;
    inside.inner = inner_list;
    inside.inner_index = i;
    return inside;
  }

  // The path of `field` (may be dotted, e.g. "goal.grade"; empty for the element itself).
  std::string Path(absl::string_view field) const {
    std::string path;
    if (!list.empty()) absl::StrAppend(&path, list, "[", index, "]");
    if (!inner.empty()) absl::StrAppend(&path, ".", inner, "[", inner_index, "]");
    if (!field.empty()) absl::StrAppend(&path, path.empty() ? "" : ".", field);
    return path;
  }

  absl::string_view list;  // empty for the plan itself
  int32_t index = 0;
  absl::string_view inner;  // empty unless the problem is inside a nested repeated field
  int32_t inner_index = 0;
};

// The elements of one kind that repeat an earlier one's id (or intersection), met in plan order:
// the validator walks the elements in order and asks each in turn.
class Repeats {
 public:
  explicit Repeats(std::span<const Repeat> repeats) : next_(repeats.begin()), end_(repeats.end()) {}

  // The earlier element that element `at` repeats, or kNone. Called with increasing `at`.
  int32_t FirstBefore(int32_t at) {
    if (next_ == end_ || next_->at != at) return kNone;
    return (next_++)->first;
  }

 private:
  std::span<const Repeat>::iterator next_, end_;
};

// One pass over a plan collecting its problems; see ValidatePlan for what is checked. Ids are
// resolved once (model::ResolveIds) and every check of an id or a reference reads that answer.
class PlanValidator {
 public:
  // `relationships` are the plan's (RelationshipTable::FromPlan(plan), or the same rows read from
  // the plan's bytes): every check of a relationship reads them, never plan.relationships().
  PlanValidator(const v1::Plan& plan, const model::RelationshipTable& relationships,
                const Settings& limits)
      : plan_(plan), relationships_(relationships), limits_(limits) {}

  validate::CheckedPlan Run() && {
    if (!CountsWithinLimits()) return {std::move(problems_), {}};
    ids_ = model::ResolveIds(plan_, relationships_);
    CheckPlanAndAccount();
    CheckTeamMembers();
    CheckPersons();
    CheckRelationships();
    CheckOpportunities();
    CheckBlueprint();
    return {std::move(problems_), std::move(ids_)};
  }

 private:
  void Add(std::string path, std::string message, bool over_limit = false) {
    problems_.push_back({std::move(path), std::move(message), over_limit});
  }

  void Count(const Element& at, absl::string_view field, uint64_t count, absl::string_view singular,
             absl::string_view plural, uint64_t limit, absl::string_view option) {
    if (count > limit) Add(at.Path(field), LimitMessage(count, singular, plural, limit, option), true);
  }

  // Only sizes are read here, so a plan far over the limits is refused at the cost of one pass over
  // its elements. True when every count is within its limit.
  bool CountsWithinLimits() {
    const Settings& l = limits_;
    const Element plan;
    Count(plan, "team_members", plan_.team_members_size(), "team member", "team members",
          l.max_team_members, "limits.max_team_members");
    Count(plan, "persons", plan_.persons_size(), "person", "persons", l.max_persons,
          "limits.max_persons");
    uint64_t details = 0;  // grade history entries, touches, NPS answers and influence links
    for (int32_t p = 0; p < plan_.persons_size(); ++p) {
      const v1::Person& person = plan_.persons(p);
      Count(Element("persons", p), "nps_answers", person.nps_answers_size(), "NPS answer",
            "NPS answers", l.max_history_entries, "limits.max_history_entries");
      Count(Element("persons", p), "buyer_roles", person.buyer_roles_size(), "buyer role",
            "buyer roles", l.max_buyer_roles, "limits.max_buyer_roles");
      details += person.nps_answers_size() + person.influences_size();
    }
    Count(plan, "relationships", relationships_.size(), "relationship", "relationships",
          l.max_relationships, "limits.max_relationships");
    for (int32_t r = 0; r < relationships_.size(); ++r) {
      const model::RelationshipRow& row = relationships_[r];
      Count(Element("relationships", r), "history", row.history_count, "history entry",
            "history entries", l.max_history_entries, "limits.max_history_entries");
      Count(Element("relationships", r), "touches", row.touches_count, "touch", "touches",
            l.max_touches, "limits.max_touches");
    }
    details += relationships_.history_entries() + relationships_.touch_count();
    Count(plan,
          "persons[*].nps_answers, persons[*].influences, relationships[*].history, "
          "relationships[*].touches",
          details,
          "detail", "details", l.max_details, "limits.max_details");
    Count(plan, "opportunities", plan_.opportunities_size(), "opportunity", "opportunities",
          l.max_opportunities, "limits.max_opportunities");
    uint64_t participants = 0;
    for (const v1::Opportunity& opportunity : plan_.opportunities()) {
      participants += opportunity.participants_size();
    }
    Count(plan, "opportunities", participants, "participant", "participants", l.max_participants,
          "limits.max_participants");
    Count(plan, "blueprint", plan_.blueprint_size(), "blueprint entry", "blueprint entries",
          l.max_blueprint_entries, "limits.max_blueprint_entries");
    uint64_t tactics = 0;
    for (int32_t b = 0; b < plan_.blueprint_size(); ++b) {
      const v1::BlueprintEntry& entry = plan_.blueprint(b);
      tactics += entry.tactics_size();
      Count(Element("blueprint", b), "strategies", entry.strategies_size(), "strategy",
            "strategies", l.max_strategies, "limits.max_strategies");
    }
    Count(plan, "blueprint", tactics, "tactic", "tactics", l.max_tactics, "limits.max_tactics");
    return problems_.empty();
  }

  // --- Checks of single fields -------------------------------------------------------------------

  void String(const Element& at, absl::string_view field, std::string_view value) {
    StringBytes(at, field, value.size());
  }

  // A string of which only its size is at hand (a note of a relationship row).
  void StringBytes(const Element& at, absl::string_view field, uint64_t bytes) {
    if (bytes > limits_.max_string_bytes) {
      Add(at.Path(field),
          LimitMessage(bytes, "byte", "bytes", limits_.max_string_bytes, "limits.max_string_bytes"),
          true);
    }
  }

  // Any number the enum does not define (proto3 keeps unknown numbers from newer writers).
  template <typename Enum>
  void EnumValue(const Element& at, absl::string_view field, Enum value) {
    const int number = static_cast<int>(value);
    // Looked up once per enum type: the generated accessor passes a once-guard on every call, and
    // a plan asks it for every grade, level and role it holds.
    static const google::protobuf::EnumDescriptor* const type =
        google::protobuf::GetEnumDescriptor<Enum>();
    // Every enum of the schema numbers its values 0, 1, 2 ... so the direct look-up nearly always
    // answers; the search covers any enum that ever skips a number.
    if (number >= 0 && number < type->value_count() && type->value(number)->number() == number) return;
    if (type->FindValueByNumber(number) != nullptr) return;
    Add(at.Path(field), absl::StrCat(number, " is not a defined ", type->name(), " value"));
  }

  template <typename Enum>
  void EnumValues(const Element& at, absl::string_view field,
                  const google::protobuf::RepeatedField<int>& values) {
    for (int32_t k = 0; k < values.size(); ++k) {
      EnumValue(at.In(field, k), "", static_cast<Enum>(values.Get(k)));
    }
  }

  // Within google.protobuf.Timestamp's range, which is what the JSON form can write.
  void Time(const Element& at, absl::string_view field, const google::protobuf::Timestamp& time) {
    if (base::TimestampInRange(time)) return;  // nearly every time: no problem strings to build
    TimeProblems(at, field, time);
  }

  // A time of a relationship row (an unset one holds 0 and 0, always in range).
  void Time(const Element& at, absl::string_view field, const model::PlanTime& time) {
    if (time.seconds >= base::kMinTimestampSeconds && time.seconds <= base::kMaxTimestampSeconds &&
        time.nanos >= 0 && time.nanos <= base::kMaxTimestampNanos) {
      return;
    }
    google::protobuf::Timestamp ts;
    ts.set_seconds(time.seconds);
    ts.set_nanos(time.nanos);
    TimeProblems(at, field, ts);
  }

  void TimeProblems(const Element& at, absl::string_view field,
                    const google::protobuf::Timestamp& time) {
    for (const std::string& problem : base::TimestampProblems(time)) {
      // "seconds: must be ..." becomes the path "as_of.seconds" and the message "must be ...".
      std::pair<std::string, std::string> parts =
          absl::StrSplit(problem, absl::MaxSplits(": ", 1));
      Add(at.Path(absl::StrCat(field, ".", parts.first)), std::move(parts.second));
    }
  }

  // The id of the element `at`, of a kind whose repeated ids `repeats` walks.
  void Id(const Element& at, const std::string& id, Repeats& repeats) {
    String(at, "id", id);
    if (id.empty()) {
      Add(at.Path("id"), "must not be empty");
      return;
    }
    const int32_t first = repeats.FirstBefore(at.index);
    if (first != kNone) {
      Add(at.Path("id"), absl::StrCat(Quoted(id), " is already used by ", at.list, "[", first, "]"));
    }
  }

  // A reference that must be set; `resolved` is what it names (ResolvedIds). Returns `resolved`.
  int32_t Reference(const Element& at, absl::string_view field, std::string_view id,
                    int32_t resolved, absl::string_view kind) {
    if (id.empty()) {
      Add(at.Path(field), "must not be empty");
      return kNone;
    }
    return OptionalReference(at, field, id, resolved, kind);
  }

  // A reference that may be empty; `resolved` is what it names (ResolvedIds). Returns `resolved`.
  int32_t OptionalReference(const Element& at, absl::string_view field, std::string_view id,
                            int32_t resolved, absl::string_view kind) {
    String(at, field, id);
    if (id.empty()) return kNone;
    if (resolved == kNone) Add(at.Path(field), absl::StrCat("no ", kind, " ", Quoted(id)));
    return resolved;
  }

  // A person's reference to another person, resolved to `resolved` (`verb`: what nobody does to
  // themselves).
  void OtherPerson(const Element& at, absl::string_view field, const std::string& id,
                   int32_t resolved, const std::string& own_id, bool required,
                   absl::string_view verb) {
    if (id.empty() || id != own_id) {
      if (required) {
        Reference(at, field, id, resolved, "person");
      } else {
        OptionalReference(at, field, id, resolved, "person");
      }
      return;
    }
    String(at, field, id);
    Add(at.Path(field), absl::StrCat(Quoted(id), " is this person's own id: a person cannot ", verb,
                                     " themselves"));
  }

  // --- The plan, element by element, in field-number order ---------------------------------------

  void CheckPlanAndAccount() {
    const Element plan;
    if (plan_.schema_version() > CONTACTPLAN_SCHEMA_VERSION) {
      Add("schema_version",
          absl::StrCat(plan_.schema_version(), " is newer than ", CONTACTPLAN_SCHEMA_VERSION,
                       ", the newest schema version this library reads; use a newer contactplan"));
    }
    Time(plan, "as_of", plan_.as_of());
    const v1::Account& account = plan_.account();
    String(plan, "account.id", account.id());
    String(plan, "account.name", account.name());
    EnumValue(plan, "account.motivation", account.motivation());
    EnumValue(plan, "account.category", account.category());
    String(plan, "account.industry", account.industry());
    String(plan, "account.notes", account.notes());
  }

  void CheckTeamMembers() {
    Repeats repeats(ids_.repeated_member_ids());
    for (int32_t m = 0; m < plan_.team_members_size(); ++m) {
      const v1::TeamMember& member = plan_.team_members(m);
      const Element at{"team_members", m};
      Id(at, member.id(), repeats);
      String(at, "name", member.name());
      String(at, "title", member.title());
      EnumValue(at, "level", member.level());
      if (member.has_capacity() && !(std::isfinite(member.capacity()) && member.capacity() >= 0)) {
        Add(at.Path("capacity"),
            absl::StrCat("must be a finite number of at least 0, got ", member.capacity()));
      }
      String(at, "email", member.email());
      Time(at, "left_at", member.left_at());
    }
  }

  void CheckPersons() {
    const int32_t persons = plan_.persons_size();
    // Reporting lines resolved once; a person naming themselves or nobody known is a top here and
    // gets their own problem below.
    std::vector<int32_t> manager(persons, -1);
    for (int32_t p = 0; p < persons; ++p) {
      const v1::Person& person = plan_.persons(p);
      if (person.reports_to_id() == person.id()) continue;
      manager[p] = ids_.manager(p);
    }
    const validate::OrgChartShape chart = validate::ShapeOfOrgChart(manager);
    auto next_cycle = chart.cycles.begin();

    Repeats repeats(ids_.repeated_person_ids());
    for (int32_t p = 0; p < persons; ++p) {
      const v1::Person& person = plan_.persons(p);
      const Element at{"persons", p};
      Id(at, person.id(), repeats);
      String(at, "name", person.name());
      String(at, "title", person.title());
      String(at, "department", person.department());
      EnumValue(at, "level", person.level());
      EnumValues<v1::Person::BuyerRole>(at, "buyer_roles", person.buyer_roles());

      OtherPerson(at, "reports_to_id", person.reports_to_id(), ids_.manager(p), person.id(),
                  /*required=*/false, "report to");
      if (next_cycle != chart.cycles.end() && next_cycle->front() == p) {
        Add(at.Path("reports_to_id"), CycleMessage(*next_cycle++));
      }
      if (p == chart.deepest_person && chart.deepest_levels > limits_.max_org_chart_depth) {
        Add(at.Path("reports_to_id"),
            LimitMessage(chart.deepest_levels, "level of reporting", "levels of reporting",
                         limits_.max_org_chart_depth, "limits.max_org_chart_depth"),
            true);
      }

      for (int32_t j = 0; j < person.influences_size(); ++j) {
        const v1::InfluenceLink& link = person.influences(j);
        const Element link_at = at.In("influences", j);
        OtherPerson(link_at, "person_id", link.person_id(), ids_.influence_target(p, j),
                    person.id(), /*required=*/true, "influence");
        String(link_at, "note", link.note());
      }
      EnumValue(at, "relationship_level", person.relationship_level());
      EnumValue(at, "desired_relationship_level", person.desired_relationship_level());
      EnumValue(at, "relationship_type", person.relationship_type());
      for (int32_t k = 0; k < person.nps_answers_size(); ++k) {
        const v1::NpsAnswer& answer = person.nps_answers(k);
        const Element answer_at = at.In("nps_answers", k);
        if (answer.score() < 0 || answer.score() > 10) {
          Add(answer_at.Path("score"), absl::StrCat("must be between 0 and 10, got ", answer.score()));
        }
        Time(answer_at, "answered_at", answer.answered_at());
      }
      String(at, "notes", person.notes());
      Time(at, "left_at", person.left_at());
      OtherPerson(at, "successor_id", person.successor_id(), ids_.successor(p), person.id(),
                  /*required=*/false, "succeed");
    }
  }

  // "reporting cycle p-4 -> p-7 -> p-4"; a long cycle names its first members and counts the rest.
  std::string CycleMessage(const validate::ReportingCycle& cycle) const {
    std::string message = "reporting cycle ";
    const size_t named = std::min(cycle.size(), kCycleMembersNamed);
    for (size_t i = 0; i < named; ++i) {
      absl::StrAppend(&message, Escaped(plan_.persons(cycle[i]).id()), " -> ");
    }
    if (named < cycle.size()) {
      absl::StrAppend(&message, "... (", cycle.size() - named, " more persons) -> ");
    }
    absl::StrAppend(&message, Escaped(plan_.persons(cycle.front()).id()));
    return message;
  }

  void CheckRelationships() {
    // Relationships holding an intersection an earlier one holds (both ends resolved).
    Repeats repeats(ids_.repeated_cells());
    for (int32_t r = 0; r < relationships_.size(); ++r) {
      const model::RelationshipRow& relationship = relationships_[r];
      const Element at{"relationships", r};
      Reference(at, "team_member_id", relationship.team_member_id, ids_.relationship_member(r),
                "team member");
      Reference(at, "person_id", relationship.person_id, ids_.relationship_person(r), "person");
      if (const int32_t first = repeats.FirstBefore(r); first != kNone) {
        Add(at.Path(""), absl::StrCat("repeats the intersection of team member ",
                                      Quoted(relationship.team_member_id), " and person ",
                                      Quoted(relationship.person_id), " (relationships[", first,
                                      "])"));
      }
      EnumValue(at, "grade", static_cast<v1::Grade>(relationship.grade));
      Time(at, "assessed_at", relationship.assessed_at);
      Time(at, "last_contact_at", relationship.last_contact_at);
      const std::span<const model::GradeChangeRow> history = relationships_.history(r);
      for (int32_t k = 0; k < static_cast<int32_t>(history.size()); ++k) {
        const model::GradeChangeRow& change = history[k];
        const Element change_at = at.In("history", k);
        EnumValue(change_at, "grade", static_cast<v1::Grade>(change.grade));
        Time(change_at, "at", change.at);
        StringBytes(change_at, "note", change.note_bytes);
      }
      EnumValue(at, "desired_grade", static_cast<v1::Grade>(relationship.desired_grade));
      StringBytes(at, "notes", relationship.notes_bytes);
      const std::span<const model::TouchRow> touches = relationships_.touches(r);
      for (int32_t k = 0; k < static_cast<int32_t>(touches.size()); ++k) {
        const model::TouchRow& touch = touches[k];
        const Element touch_at = at.In("touches", k);
        if (!touch.at.present) {
          Add(touch_at.Path("at"), "must be set: a touch without a date says nothing of recency");
        } else {
          Time(touch_at, "at", touch.at);
        }
        EnumValue(touch_at, "kind", static_cast<v1::Touch::Kind>(touch.kind));
        EnumValue(touch_at, "direction", static_cast<v1::Touch::Direction>(touch.direction));
        StringBytes(touch_at, "note", touch.note_bytes);
      }
    }
  }

  void CheckOpportunities() {
    // For each person, the last opportunity they were seen in and their position there: finds a
    // person listed twice in one opportunity without a set per opportunity.
    std::vector<int32_t> seen_in(plan_.persons_size(), -1);
    std::vector<int32_t> seen_as(plan_.persons_size(), -1);
    Repeats repeats(ids_.repeated_opportunity_ids());
    for (int32_t o = 0; o < plan_.opportunities_size(); ++o) {
      const v1::Opportunity& opportunity = plan_.opportunities(o);
      const Element at{"opportunities", o};
      Id(at, opportunity.id(), repeats);
      String(at, "name", opportunity.name());
      EnumValue(at, "stage", opportunity.stage());
      EnumValue(at, "competitive_strategy", opportunity.competitive_strategy());
      for (int32_t j = 0; j < opportunity.participants_size(); ++j) {
        const v1::Participant& participant = opportunity.participants(j);
        const Element participant_at = at.In("participants", j);
        const int32_t p = Reference(participant_at, "person_id", participant.person_id(),
                                    ids_.participant_person(o, j), "person");
        if (p >= 0 && seen_in[p] == o) {
          Add(participant_at.Path("person_id"),
              absl::StrCat("person ", Quoted(participant.person_id()),
                           " already takes part as participants[", seen_as[p], "]"));
        } else if (p >= 0) {
          seen_in[p] = o;
          seen_as[p] = j;
        }
        EnumValue(participant_at, "buying_role", participant.buying_role());
        EnumValue(participant_at, "preference", participant.preference());
        EnumValue(participant_at, "desired_preference", participant.desired_preference());
      }
      if (!std::isfinite(opportunity.value())) {
        Add(at.Path("value"), absl::StrCat("must be a finite number, got ", opportunity.value()));
      }
      Time(at, "expected_close_at", opportunity.expected_close_at());
    }
  }

  void CheckBlueprint() {
    for (int32_t b = 0; b < plan_.blueprint_size(); ++b) {
      const v1::BlueprintEntry& entry = plan_.blueprint(b);
      const Element at{"blueprint", b};
      Reference(at, "person_id", entry.person_id(), ids_.blueprint_person(b), "person");
      Reference(at, "team_member_id", entry.team_member_id(), ids_.blueprint_member(b),
                "team member");
      EnumValue(at, "goal.grade", entry.goal().grade());
      EnumValue(at, "goal.relationship_level", entry.goal().relationship_level());
      EnumValue(at, "goal.preference", entry.goal().preference());
      EnumValues<v1::InfluenceStrategy>(at, "strategies", entry.strategies());
      for (int32_t j = 0; j < entry.tactics_size(); ++j) {
        const v1::Tactic& tactic = entry.tactics(j);
        const Element tactic_at = at.In("tactics", j);
        String(tactic_at, "description", tactic.description());
        String(tactic_at, "resources", tactic.resources());
        OptionalReference(tactic_at, "owner_id", tactic.owner_id(), ids_.tactic_owner(b, j),
                          "team member");
        Time(tactic_at, "due_at", tactic.due_at());
      }
      const int32_t horizon = entry.horizon_days();
      if (horizon != 0 && horizon != 30 && horizon != 60 && horizon != 90) {
        Add(at.Path("horizon_days"),
            absl::StrCat("must be 30, 60 or 90 (0 for unset), got ", horizon));
      }
    }
  }

  const v1::Plan& plan_;
  const model::RelationshipTable& relationships_;
  const Settings& limits_;
  model::ResolvedIds ids_;
  std::vector<ValidationProblem> problems_;
};

}  // namespace

std::vector<ValidationProblem> ValidatePlan(const v1::Plan& plan, const v1::Limits& limits) {
  // The defaults of unset limits live in one place, the engine's settings.
  v1::EngineOptions options;
  *options.mutable_limits() = limits;
  absl::StatusOr<Settings> settings = ResolveSettings(options);
  if (!settings.ok()) {
    // "limits.max_string_bytes: must be between ...": the option's path, then what is wrong.
    std::pair<std::string, std::string> parts =
        absl::StrSplit(settings.status().message(), absl::MaxSplits(": ", 1));
    return {{std::move(parts.first), std::move(parts.second)}};
  }
  return PlanValidator(plan, model::RelationshipTable::FromPlan(plan), *settings).Run().problems;
}

namespace validate {

CheckedPlan CheckPlan(const v1::Plan& plan, const model::RelationshipTable& relationships,
                      const Settings& settings) {
  return PlanValidator(plan, relationships, settings).Run();
}

}  // namespace validate

absl::Status ValidationStatus(const std::vector<ValidationProblem>& problems) {
  if (problems.empty()) return absl::OkStatus();
  const bool only_limits = std::all_of(problems.begin(), problems.end(),
                                       [](const ValidationProblem& p) { return p.over_limit; });
  std::string text = absl::StrCat(only_limits ? "plan exceeds limits: " : "invalid plan: ",
                                  problems.size(), problems.size() == 1 ? " problem" : " problems");
  const size_t listed = std::min(problems.size(), kMaxListedProblems);
  for (size_t i = 0; i < listed; ++i) {
    absl::StrAppend(&text, "\n", problems[i].path, ": ", problems[i].message);
  }
  if (listed < problems.size()) {
    absl::StrAppend(&text, "\n", base::MoreProblemsLine(problems.size() - listed, listed));
  }
  return only_limits ? absl::ResourceExhaustedError(text) : absl::InvalidArgumentError(text);
}

}  // namespace contactplan
