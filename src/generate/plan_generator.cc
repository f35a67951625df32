#include "contactplan/plan_generator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "generate/random.h"

namespace contactplan::generate {
namespace {

constexpr int64_t kDay = 86400;

// Independent random streams, one per part of the plan (see Random).
enum Stream : uint64_t {
  kAccountStream,
  kTeamStream,
  kOrgStream,
  kRoleStream,
  kOpportunityStream,
  kPersonStream,
  kMapStream,
  kCapacityStream,
  kBlueprintStream,
};

constexpr std::array<const char*, 40> kFirstNames = {
    "Ada",   "Ben",    "Chloe", "David", "Elena",  "Farid", "Grace", "Hugo",  "Ines",  "Jonas",
    "Keiko", "Liam",   "Maya",  "Noah",  "Olga",   "Pavel", "Quinn", "Rosa",  "Sven",  "Tara",
    "Umar",  "Vera",   "Wen",   "Xavi",  "Yara",   "Zoe",   "Aaron", "Bea",   "Carl",  "Dana",
    "Emil",  "Fatima", "Gus",   "Hana",  "Ivan",   "Julia", "Kofi",  "Lena",  "Marco", "Nadia"};
constexpr std::array<const char*, 37> kLastNames = {
    "Abbott", "Berg",   "Castro", "Dubois", "Eriksen", "Fischer", "Garcia",  "Hoffman", "Ito",
    "Jensen", "Kowal",  "Lindqvist", "Moreau", "Nakamura", "Okafor", "Petrov", "Quist", "Rossi",
    "Sato",   "Tanaka", "Ueda",   "Varga",  "Weber",   "Xu",      "Yilmaz",  "Zeller",  "Alves",
    "Brandt", "Cohen",  "Dahl",   "Engel",  "Fontaine", "Gruber", "Horvat",  "Iqbal",   "Janssen",
    "Keller"};
constexpr std::array<const char*, 10> kDepartments = {
    "Finance",     "Operations", "IT",    "Procurement",     "Sales",
    "Marketing",   "Legal",      "Human Resources", "Research", "Supply Chain"};
constexpr std::array<const char*, 4> kOperationalRoles = {"Analyst", "Specialist",
                                                               "Coordinator", "Engineer"};
constexpr std::array<const char*, 8> kIndustries = {
    "Manufacturing", "Banking", "Insurance", "Retail", "Logistics", "Healthcare", "Energy",
    "Telecommunications"};
constexpr std::array<const char*, 6> kProducts = {
    "Platform renewal", "Analytics rollout", "Managed services", "Data migration",
    "Security programme", "Process automation"};
constexpr std::array<const char*, 6> kInfluenceNotes = {
    "former colleagues", "sit on the same steering committee", "mentor and mentee",
    "play golf together", "trusted for technical opinions", "share a project"};

struct TacticTemplate {
  const char* description;
  const char* resources;
  bool invests_own_time;
  bool teaches_us;
  bool shows_value;
};

// A small tactic library: most tactics invest in the relationship, a few are plain selling (they
// pass no test) so SALES_TACTIC and SALES_PLAN have something to find.
constexpr std::array<TacticTemplate, 12> kTactics = {{
    {"Run a half-day workshop on their current pain points", "two consultants, one day", true,
     true, true},
    {"Share a benchmark of peers in their industry", "analyst report", true, false, true},
    {"Introduce them to a customer who solved the same problem", "reference customer", true, false,
     true},
    {"Invite them to the executive round table", "event seat", false, true, true},
    {"Review their roadmap together and send written observations", "solution architect", true,
     true, true},
    {"Offer a small pilot on one site", "pilot licence, engineer time", false, true, true},
    {"Ask for their input on our product roadmap", "product manager call", true, true, false},
    {"Shadow a team for a day to learn their process", "one account manager day", true, true,
     false},
    {"Send the new price list before the increase", "price sheet", false, false, false},
    {"Present our latest product release", "sales deck", false, false, false},
    {"Propose a discount for an early signature", "discount approval", false, false, false},
    {"Publish a joint case study", "marketing team", true, false, true},
}};

google::protobuf::Timestamp At(int64_t unix_seconds) {
  google::protobuf::Timestamp ts;
  ts.set_seconds(unix_seconds);
  return ts;
}

// Unique for every k: within each block of 40 x 37 names, k picks the first name by k mod 40 and
// the last name by a rotation that differs per first name (so neighbours do not share a surname);
// later blocks add a numeral.
std::string NameFor(int64_t k) {
  const auto firsts = static_cast<int64_t>(kFirstNames.size());
  const auto lasts = static_cast<int64_t>(kLastNames.size());
  const int64_t first = k % firsts;
  const int64_t last = (k / firsts + 7 * first) % lasts;
  const int64_t block = k / (firsts * lasts);
  std::string name = absl::StrCat(kFirstNames[first], " ", kLastNames[last]);
  if (block > 0) absl::StrAppend(&name, " ", block + 1);
  return name;
}

std::string EmailFor(std::string_view name) {
  std::string email;
  for (char c : name) {
    if (c == ' ') {
      email += '.';
    } else {
      email += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
  }
  return absl::StrCat(email, "@seller.example");
}

int32_t Clamp32(int64_t value, int64_t lo, int64_t hi) {
  return static_cast<int32_t>(std::clamp(value, lo, hi));
}

// The options with every value in range and every default resolved.
GeneratorOptions Resolved(const GeneratorOptions& options) {
  GeneratorOptions r = options;
  r.persons = Clamp32(options.persons, 0, kMaxPersons);
  r.team_members = Clamp32(options.team_members, 0, kMaxTeamMembers);
  r.opportunities = Clamp32(options.opportunities, 0, kMaxOpportunities);
  const int64_t cells = std::min<int64_t>(int64_t{r.persons} * r.team_members, kMaxRelationships);
  r.relationships = options.relationships < 0
                        ? DefaultRelationshipCount(r.persons, r.team_members)
                        : std::clamp<int64_t>(options.relationships, 0, cells);
  r.relationships = std::min(r.relationships, cells);
  const int64_t entries = std::min<int64_t>(r.relationships, kMaxBlueprintEntries);
  r.blueprint_entries =
      options.blueprint_entries < 0
          ? DefaultBlueprintCount(r.team_members, r.relationships)
          : Clamp32(options.blueprint_entries, 0, entries);
  return r;
}

// Picks up to `count` distinct values from `pool` (uniformly, by a partial Fisher-Yates shuffle of a
// copy), in the order drawn.
std::vector<int32_t> PickDistinct(std::vector<int32_t> pool, int64_t count, Random& random) {
  const auto n = static_cast<int64_t>(pool.size());
  count = std::min(count, n);
  for (int64_t i = 0; i < count; ++i) {
    std::swap(pool[i], pool[i + static_cast<int64_t>(random.Below(n - i))]);
  }
  pool.resize(count);
  return pool;
}

class PlanBuilder {
 public:
  explicit PlanBuilder(const GeneratorOptions& options) : options_(Resolved(options)) {}

  v1::Plan Build() && {
    plan_.set_schema_version(1);
    *plan_.mutable_as_of() = At(kGeneratedAsOf);
    AddAccount();
    AddTeam();
    AddOrgChart();
    AddBuyerRoles();
    AddOpportunities();
    AddPersonDetails();
    AddContactMap();
    SetCapacities();
    AddBlueprint();
    return std::move(plan_);
  }

 private:
  int32_t persons() const { return options_.persons; }
  int32_t members() const { return options_.team_members; }
  uint64_t seed() const { return options_.seed; }
  v1::Level PersonLevel(int32_t p) const { return plan_.persons(p).level(); }

  void AddAccount() {
    Random random(seed(), kAccountStream);
    v1::Account& account = *plan_.mutable_account();
    account.set_id(absl::StrCat("account-", seed()));
    account.set_name(absl::StrCat("Synthetic Account ", seed()));
    account.set_motivation(static_cast<v1::AccountMotivation>(random.Between(1, 3)));
    account.set_category(static_cast<v1::RelationshipCategory>(random.Between(1, 6)));
    account.set_industry(kIndustries[random.Below(kIndustries.size())]);
  }

  // Our team: a few executives (sponsors), more managers and account staff.
  void AddTeam() {
    Random random(seed(), kTeamStream);
    plan_.mutable_team_members()->Reserve(members());
    for (int32_t m = 0; m < members(); ++m) {
      v1::TeamMember& member = *plan_.add_team_members();
      member.set_id(absl::StrCat("t-", m + 1));
      member.set_name(NameFor(int64_t{m} * 7 + 3));
      member.set_email(EmailFor(member.name()));
      // The first member is the executive sponsor, so every team has one.
      const int level = m == 0 ? 4 : 1 + random.Weighted({35, 35, 20, 10});
      member.set_level(static_cast<v1::Level>(level));
      static constexpr std::array<const char*, 5> kTitles = {
          "", "Account Manager", "Client Partner", "Regional Director", "Executive Sponsor"};
      member.set_title(kTitles[level]);
    }
    for (int level = 1; level <= 4; ++level) {
      for (int32_t m = 0; m < members(); ++m) {
        if (std::abs(plan_.team_members(m).level() - level) <= 1) {
          members_near_level_[level].push_back(m);
        }
      }
    }
  }

  // The org chart, top down: one executive at the top, the other executives under it in a tree of
  // span 6, then each tier reporting to the tier above. Persons are listed tier by tier, so every
  // manager comes before the people who report to them (reports-to cannot form a cycle).
  void AddOrgChart() {
    Random random(seed(), kOrgStream);
    const int32_t n = persons();
    if (n == 0) return;
    const auto share = [n](double fraction) {
      return static_cast<int32_t>(std::llround(n * fraction));
    };
    const int32_t executives = std::max(1, share(0.02));
    const int32_t seniors = std::min(share(0.08), n - executives);
    const int32_t middles = std::min(share(0.20), n - executives - seniors);
    const int32_t operationals = n - executives - seniors - middles;
    const std::array<std::pair<v1::Level, int32_t>, 4> tiers = {{{v1::EXECUTIVE, executives},
                                                                  {v1::SENIOR_MANAGEMENT, seniors},
                                                                  {v1::MIDDLE_MANAGEMENT, middles},
                                                                  {v1::OPERATIONAL, operationals}}};

    plan_.mutable_persons()->Reserve(n);
    int32_t parent_begin = 0, parent_end = 0;  // the nearest non-empty tier above
    size_t departments_headed = 0;
    for (const auto& [level, count] : tiers) {
      const int32_t begin = plan_.persons_size();
      for (int32_t i = 0; i < count; ++i) {
        const int32_t p = begin + i;
        v1::Person& person = *plan_.add_persons();
        person.set_id(absl::StrCat("p-", p + 1));
        person.set_name(NameFor(p));
        person.set_level(level);
        int32_t manager = -1;
        if (level == v1::EXECUTIVE) {
          if (p > 0) manager = (p - 1) / 6;
        } else {
          const int32_t parents = parent_end - parent_begin;
          // Every manager of the tier above gets a report before anyone gets a second one.
          manager = parent_begin + (i < parents ? i : static_cast<int32_t>(random.Below(parents)));
        }
        // Whoever reports to the top executive heads a department; everyone below inherits it.
        const char* department;
        if (manager < 0) {
          department = "Executive Office";
        } else if (manager == 0) {
          department = kDepartments[departments_headed++ % kDepartments.size()];
        } else {
          department = plan_.persons(manager).department().c_str();
        }
        person.set_department(department);
        if (manager >= 0) person.set_reports_to_id(plan_.persons(manager).id());
        person.set_title(TitleFor(p, level, manager, person.department()));
      }
      if (count > 0) {
        parent_begin = begin;
        parent_end = begin + count;
      }
      tier_[level] = {begin, begin + count};
    }
  }

  static std::string TitleFor(int32_t p, v1::Level level, int32_t manager,
                              const std::string& department) {
    switch (level) {
      case v1::EXECUTIVE:
        if (manager < 0) return "Chief Executive Officer";
        return absl::StrCat(manager == 0 ? "EVP " : "VP ", department);
      case v1::SENIOR_MANAGEMENT:
        return absl::StrCat("Director, ", department);
      case v1::MIDDLE_MANAGEMENT:
        return absl::StrCat(department, " Manager");
      default:
        return absl::StrCat(department, " ", kOperationalRoles[p % kOperationalRoles.size()]);
    }
  }

  std::vector<int32_t> PersonsAt(std::initializer_list<v1::Level> levels) const {
    std::vector<int32_t> pool;
    for (v1::Level level : levels) {
      for (int32_t p = tier_[level].first; p < tier_[level].second; ++p) pool.push_back(p);
    }
    return pool;
  }

  // A few economic buyers near the top, evangelists in management, advisors and users lower down;
  // key flags on some senior people.
  void AddBuyerRoles() {
    Random random(seed(), kRoleStream);
    const int32_t n = persons();
    if (n == 0) return;
    const auto share = [n](double fraction) { return std::llround(n * fraction); };
    const auto grant = [&](v1::Person::BuyerRole role, std::vector<int32_t> pool, int64_t count) {
      for (int32_t p : PickDistinct(std::move(pool), count, random)) {
        plan_.mutable_persons(p)->add_buyer_roles(role);
      }
    };
    // The top executive and its direct reports.
    const int32_t executives = tier_[v1::EXECUTIVE].second;
    std::vector<int32_t> top;
    for (int32_t p = 0; p < std::min(executives, 7); ++p) top.push_back(p);
    grant(v1::Person::POWER, top, 1 + n / 2000);
    grant(v1::Person::EVANGELIST, PersonsAt({v1::SENIOR_MANAGEMENT, v1::MIDDLE_MANAGEMENT}),
          std::max<int64_t>(n >= 5 ? 1 : 0, share(0.03)));
    grant(v1::Person::ADVISOR, PersonsAt({v1::MIDDLE_MANAGEMENT, v1::OPERATIONAL}), share(0.08));
    grant(v1::Person::USER, PersonsAt({v1::OPERATIONAL}), share(0.15));
    for (int32_t p : PickDistinct(PersonsAt({v1::EXECUTIVE, v1::SENIOR_MANAGEMENT}),
                                  std::max<int64_t>(1, share(0.06)), random)) {
      plan_.mutable_persons(p)->set_key(true);
    }
  }

  bool HasRole(int32_t p, v1::Person::BuyerRole role) const {
    const auto& roles = plan_.persons(p).buyer_roles();
    return std::find(roles.begin(), roles.end(), role) != roles.end();
  }

  // Opportunities with their buying groups: a decision maker near the top, one or two approvers,
  // evaluators in middle management and users on the floor. The first opportunity is always open.
  void AddOpportunities() {
    Random random(seed(), kOpportunityStream);
    const int32_t n = persons();
    matters_.assign(n, false);
    for (int32_t p = 0; p < n; ++p) {
      matters_[p] = plan_.persons(p).key() || plan_.persons(p).buyer_roles_size() > 0;
    }
    std::vector<int32_t> decision_pool, approver_pool, evaluator_pool, user_pool;
    for (int32_t p = 0; p < n; ++p) {
      const v1::Level level = PersonLevel(p);
      if (HasRole(p, v1::Person::POWER) || level == v1::EXECUTIVE) decision_pool.push_back(p);
      if (level == v1::SENIOR_MANAGEMENT || level == v1::EXECUTIVE) approver_pool.push_back(p);
      if (level == v1::MIDDLE_MANAGEMENT || HasRole(p, v1::Person::ADVISOR)) {
        evaluator_pool.push_back(p);
      }
      if (level == v1::OPERATIONAL || HasRole(p, v1::Person::USER)) user_pool.push_back(p);
    }
    std::vector<int32_t> taken_in(n, -1);  // the last opportunity a person joined

    plan_.mutable_opportunities()->Reserve(options_.opportunities);
    for (int32_t o = 0; o < options_.opportunities; ++o) {
      v1::Opportunity& opportunity = *plan_.add_opportunities();
      opportunity.set_id(absl::StrCat("o-", o + 1));
      const int stage = static_cast<int>(random.Between(1, 5));
      opportunity.set_stage(static_cast<v1::OpportunityStage>(stage));
      opportunity.set_name(absl::StrCat(kProducts[random.Below(kProducts.size())], " ", o + 1));
      const bool closed = o > 0 && random.Chance(0.2);
      opportunity.set_closed(closed);
      opportunity.set_competitive_strategy(
          stage <= v1::DETERMINE_NEEDS && random.Chance(0.6)
              ? v1::PREFERRED
              : static_cast<v1::CompetitiveStrategy>(random.Between(1, 5)));
      v1::Qualification& qualification = *opportunity.mutable_qualification();
      const double answered = 0.3 + 0.15 * stage;
      qualification.set_pain_admitted(random.Chance(answered));
      qualification.set_access_to_power(random.Chance(answered));
      qualification.set_vision_agreed(random.Chance(answered));
      qualification.set_value_agreed(random.Chance(answered));
      opportunity.set_value(static_cast<double>(random.Between(10, 2000)) * 1000);
      *opportunity.mutable_expected_close_at() =
          At(kGeneratedAsOf + random.Between(30, 270) * kDay + random.Below(kDay));

      // Each person takes part at most once per opportunity.
      const auto pick = [&](const std::vector<int32_t>& pool) -> int32_t {
        for (int attempt = 0; attempt < 8 && !pool.empty(); ++attempt) {
          const int32_t p = pool[random.Below(pool.size())];
          if (taken_in[p] != o) return p;
        }
        const auto start = static_cast<int32_t>(random.Below(n));
        for (int32_t i = 0; i < n; ++i) {
          const int32_t p = (start + i) % n;
          if (taken_in[p] != o) return p;
        }
        return -1;
      };
      const int64_t size = std::min<int64_t>(n, random.Between(4, 8) + n / 1000);
      const int64_t approvers = random.Between(1, 2);
      const int64_t evaluators = random.Between(1, 3);
      for (int64_t i = 0; i < size; ++i) {
        using Role = v1::Participant;
        const Role::BuyingRole role = i == 0                        ? Role::DECISION_MAKER
                                      : i <= approvers              ? Role::APPROVER
                                      : i <= approvers + evaluators ? Role::EVALUATOR
                                                                    : Role::USER;
        const std::vector<int32_t>& pool = role == Role::DECISION_MAKER ? decision_pool
                                           : role == Role::APPROVER     ? approver_pool
                                           : role == Role::EVALUATOR    ? evaluator_pool
                                                                        : user_pool;
        const int32_t p = pick(pool);
        if (p < 0) break;
        taken_in[p] = o;
        if (!closed) matters_[p] = true;
        v1::Participant& participant = *opportunity.add_participants();
        participant.set_person_id(plan_.persons(p).id());
        participant.set_buying_role(role);
        // One in ten preferences is not known yet.
        const int current = random.Chance(0.1) ? 0 : 1 + random.Weighted({5, 15, 30, 35, 15});
        participant.set_preference(static_cast<v1::Preference>(current));
        int desired = current;
        if (role == Role::DECISION_MAKER || role == Role::APPROVER) {
          desired = std::max(current, random.Chance(0.5) ? int{v1::MENTOR} : int{v1::SUPPORTER});
        } else if (random.Chance(0.7)) {
          desired = std::max(current, int{v1::SUPPORTER});
        }
        participant.set_desired_preference(static_cast<v1::Preference>(desired));
      }
    }
  }

  // Relationship levels and types, NPS answers and informal influence.
  void AddPersonDetails() {
    Random random(seed(), kPersonStream);
    const int32_t n = persons();
    for (int32_t p = 0; p < n; ++p) {
      v1::Person& person = *plan_.mutable_persons(p);
      if (random.Chance(matters_[p] ? 0.9 : 0.6)) {
        const int current = 1 + random.Weighted({30, 35, 25, 10});
        person.set_relationship_level(static_cast<v1::RelationshipLevel>(current));
        if (random.Chance(0.8)) {
          const int desired = std::clamp(current - 1 + random.Weighted({10, 40, 40, 10}), 1, 4);
          person.set_desired_relationship_level(static_cast<v1::RelationshipLevel>(desired));
        }
      }
      if (random.Chance(0.25)) {
        person.set_relationship_type(
            static_cast<v1::RelationshipType>(1 + random.Weighted({20, 50, 30})));
      }
      if (random.Chance(person.key() ? 0.5 : 0.2)) {
        const int64_t answers = random.Between(1, 3);
        for (int64_t a = 0; a < answers; ++a) {
          v1::NpsAnswer& answer = *person.add_nps_answers();
          // Detractors 0-6, passives 7-8, promoters 9-10.
          switch (random.Weighted({30, 35, 35})) {
            case 0:
              answer.set_score(static_cast<int32_t>(random.Between(0, 6)));
              break;
            case 1:
              answer.set_score(static_cast<int32_t>(random.Between(7, 8)));
              break;
            default:
              answer.set_score(static_cast<int32_t>(random.Between(9, 10)));
          }
          *answer.mutable_answered_at() =
              At(kGeneratedAsOf - random.Between(0, 540) * kDay - random.Below(kDay));
        }
      }
    }
    // Informal influence: about one link per seven persons, across the org chart.
    if (n < 2) return;
    const int64_t links = std::llround(n * 0.15);
    for (int64_t i = 0; i < links; ++i) {
      const auto from = static_cast<int32_t>(random.Below(n));
      auto to = static_cast<int32_t>(random.Below(n - 1));
      if (to >= from) ++to;
      v1::Person& person = *plan_.mutable_persons(from);
      const std::string& target = plan_.persons(to).id();
      const auto& existing = person.influences();
      if (std::any_of(existing.begin(), existing.end(),
                      [&](const v1::InfluenceLink& link) { return link.person_id() == target; })) {
        continue;
      }
      v1::InfluenceLink& link = *person.add_influences();
      link.set_person_id(target);
      link.set_note(kInfluenceNotes[random.Below(kInfluenceNotes.size())]);
    }
  }

  // How many intersections each person gets: senior people and those who matter are covered more
  // often and by more team members; some operational staff are not covered at all. The counts add
  // up to exactly options_.relationships.
  std::vector<int32_t> CoverageCounts(Random& random) const {
    const int32_t n = persons();
    std::vector<double> weight(n);
    double total = 0;
    for (int32_t p = 0; p < n; ++p) {
      static constexpr std::array<double, 5> kLevelWeight = {1, 0.8, 1.2, 2, 3};
      static constexpr std::array<double, 5> kUncovered = {0.1, 0.15, 0.08, 0.03, 0};
      const v1::Level level = PersonLevel(p);
      if (!matters_[p] && random.Chance(kUncovered[level])) continue;
      weight[p] = kLevelWeight[level] * (matters_[p] ? 1.5 : 1) * (0.5 + random.Unit());
      total += weight[p];
    }
    std::vector<int32_t> count(n, 0);
    int64_t assigned = 0;
    if (total > 0) {
      for (int32_t p = 0; p < n; ++p) {
        const auto share =
            static_cast<int64_t>(static_cast<double>(options_.relationships) * weight[p] / total);
        count[p] = static_cast<int32_t>(std::min<int64_t>(members(), share));
        assigned += count[p];
      }
    }
    // Hand out what rounding and the per-person cap left over, one cell at a time, first to covered
    // persons and then, if the map is that dense, to everyone.
    for (bool anyone : {false, true}) {
      bool progress = true;
      while (assigned < options_.relationships && progress) {
        progress = false;
        const auto start = static_cast<int32_t>(random.Below(n));
        for (int32_t i = 0; i < n && assigned < options_.relationships; ++i) {
          const int32_t p = (start + i) % n;
          if (count[p] < members() && (anyone || weight[p] > 0)) {
            ++count[p];
            ++assigned;
            progress = true;
          }
        }
      }
    }
    return count;
  }

  // The contact map. Each person's team members are distinct, drawn mostly from members within one
  // level of the person (seniority matching), with the rest from anyone.
  void AddContactMap() {
    Random random(seed(), kMapStream);
    const std::vector<int32_t> coverage = CoverageCounts(random);
    plan_.mutable_relationships()->Reserve(static_cast<int>(options_.relationships));
    relationship_person_.reserve(options_.relationships);
    relationship_member_.reserve(options_.relationships);
    std::vector<int32_t> taken_by(members(), -1);  // the last person a member was drawn for
    for (int32_t p = 0; p < persons(); ++p) {
      const std::vector<int32_t>& near = members_near_level_[PersonLevel(p)];
      for (int32_t c = 0; c < coverage[p]; ++c) {
        int32_t m = -1;
        for (int attempt = 0; attempt < 8 && m < 0; ++attempt) {
          const bool prefer_near = !near.empty() && random.Chance(0.7);
          const int32_t candidate = prefer_near ? near[random.Below(near.size())]
                                                : static_cast<int32_t>(random.Below(members()));
          if (taken_by[candidate] != p) m = candidate;
        }
        if (m < 0) {  // a dense row: take the next free member from a random start
          const auto start = static_cast<int32_t>(random.Below(members()));
          for (int32_t i = 0; i < members() && m < 0; ++i) {
            const int32_t candidate = (start + i) % members();
            if (taken_by[candidate] != p) m = candidate;
          }
        }
        taken_by[m] = p;
        AddRelationship(p, m, random);
      }
    }
  }

  void AddRelationship(int32_t p, int32_t m, Random& random) {
    relationship_person_.push_back(p);
    relationship_member_.push_back(m);
    v1::Relationship& rel = *plan_.add_relationships();
    rel.set_team_member_id(plan_.team_members(m).id());
    rel.set_person_id(plan_.persons(p).id());
    // A few cells are planned but not graded yet (blank).
    if (random.Chance(0.04)) {
      rel.set_desired_grade(v1::SATISFIED);
      return;
    }
    // Few T, some O, mostly S and I, some D and M.
    const int grade = 1 + random.Weighted({5, 10, 28, 35, 17, 5});
    rel.set_grade(static_cast<v1::Grade>(grade));
    const int64_t assessed = kGeneratedAsOf - random.Between(0, 120) * kDay - random.Below(kDay);
    *rel.mutable_assessed_at() = At(assessed);
    *rel.mutable_last_contact_at() =
        At(kGeneratedAsOf - random.Between(0, 150) * kDay - random.Below(kDay));
    if (random.Chance(0.4)) {
      // Relationships move one level at a time: earlier grades are next to the current one.
      int64_t at = assessed;
      int earlier = grade;
      const int64_t changes = random.Between(1, 2);
      for (int64_t i = 0; i < changes; ++i) {
        earlier = std::clamp(earlier + (random.Chance(0.5) ? 1 : -1), 1, 6);
        at -= random.Between(30, 200) * kDay;
        v1::GradeChange& change = *rel.add_history();
        change.set_grade(static_cast<v1::Grade>(earlier));
        *change.mutable_at() = At(at);
      }
    }
    if (random.Chance(0.15)) rel.set_desired_grade(static_cast<v1::Grade>(std::min(grade + 1, 6)));
  }

  // Capacity follows what each member already carries (S 1, O 2, T 4 units), with headroom: teams
  // are staffed for their accounts. One member in ten states no capacity.
  void SetCapacities() {
    Random random(seed(), kCapacityStream);
    std::vector<double> committed(members(), 0);
    for (int32_t r = 0; r < plan_.relationships_size(); ++r) {
      static constexpr std::array<double, 7> kEffort = {0, 0, 0, 0, 1, 2, 4};
      committed[relationship_member_[r]] += kEffort[plan_.relationships(r).grade()];
    }
    for (int32_t m = 0; m < members(); ++m) {
      if (random.Chance(0.1)) continue;
      plan_.mutable_team_members(m)->set_capacity(
          std::round(committed[m] * (1.1 + 0.5 * random.Unit())) + 2);
    }
  }

  // The contact blueprint: entries on distinct intersections, mostly with persons who matter; goals
  // one grade up (a few skip a level), one or two influence strategies, one to three tactics.
  void AddBlueprint() {
    Random random(seed(), kBlueprintStream);
    std::vector<int32_t> mattering, others;
    for (int32_t r = 0; r < plan_.relationships_size(); ++r) {
      (matters_[relationship_person_[r]] ? mattering : others).push_back(r);
    }
    const int64_t wanted = options_.blueprint_entries;
    std::vector<int32_t> chosen = PickDistinct(std::move(mattering), wanted, random);
    for (int32_t r : PickDistinct(std::move(others), wanted - std::ssize(chosen), random)) {
      chosen.push_back(r);
    }
    plan_.mutable_blueprint()->Reserve(static_cast<int>(chosen.size()));
    for (int32_t r : chosen) {
      const v1::Relationship& rel = plan_.relationships(r);
      v1::BlueprintEntry& entry = *plan_.add_blueprint();
      entry.set_person_id(rel.person_id());
      entry.set_team_member_id(rel.team_member_id());
      // A blank cell counts as just below INDIFFERENT, so its one-step goal is INDIFFERENT.
      const int current = rel.grade() == v1::GRADE_UNSPECIFIED ? v1::DISSATISFIED : rel.grade();
      const int step = random.Chance(0.1) ? 2 : 1;
      entry.mutable_goal()->set_grade(static_cast<v1::Grade>(std::min(current + step, 6)));
      if (random.Chance(0.3)) {
        entry.mutable_goal()->set_relationship_level(
            static_cast<v1::RelationshipLevel>(random.Between(2, 4)));
      }
      if (!random.Chance(0.1)) {
        const auto first = static_cast<int>(random.Between(1, 7));
        entry.add_strategies(static_cast<v1::InfluenceStrategy>(first));
        if (random.Chance(0.5)) {
          entry.add_strategies(static_cast<v1::InfluenceStrategy>(first % 7 + 1));
        }
      }
      static constexpr std::array<int32_t, 3> kHorizons = {30, 60, 90};
      const int32_t horizon = kHorizons[random.Below(kHorizons.size())];
      entry.set_horizon_days(horizon);
      const int64_t tactics = random.Between(1, 3);
      for (int64_t t = 0; t < tactics; ++t) {
        const TacticTemplate& pattern = kTactics[random.Below(kTactics.size())];
        v1::Tactic& tactic = *entry.add_tactics();
        tactic.set_description(pattern.description);
        tactic.set_resources(pattern.resources);
        if (random.Chance(0.3)) {
          tactic.set_owner_id(plan_.team_members(random.Below(members())).id());
        }
        *tactic.mutable_due_at() = At(kGeneratedAsOf + random.Between(7, horizon) * kDay);
        tactic.set_invests_own_time(pattern.invests_own_time);
        tactic.set_teaches_us(pattern.teaches_us);
        tactic.set_shows_value(pattern.shows_value);
      }
    }
  }

  const GeneratorOptions options_;
  v1::Plan plan_;
  // Person positions of each level's tier: [first, second).
  std::array<std::pair<int32_t, int32_t>, 5> tier_ = {};
  // Team members within one level of each level (index = Level value).
  std::array<std::vector<int32_t>, 5> members_near_level_;
  // Marked key, holds a buyer role, or takes part in an open opportunity.
  std::vector<bool> matters_;
  // Both ends of each relationship, by position.
  std::vector<int32_t> relationship_person_, relationship_member_;
};

}  // namespace

GeneratorOptions TypicalPlanOptions() {
  GeneratorOptions options;
  options.persons = 25;
  options.team_members = 8;
  options.seed = 1;
  options.opportunities = 1;
  options.relationships = 60;
  options.blueprint_entries = 10;
  return options;
}

int64_t DefaultRelationshipCount(int32_t persons, int32_t team_members) {
  if (persons <= 0 || team_members <= 0) return 0;
  const double per_person = 1.17096 * std::pow(static_cast<double>(team_members), 0.345118);
  const int64_t cells = std::min<int64_t>(int64_t{persons} * team_members, kMaxRelationships);
  return std::min(cells, static_cast<int64_t>(std::llround(per_person * persons)));
}

int32_t DefaultBlueprintCount(int32_t team_members, int64_t relationships) {
  const auto wanted = static_cast<int64_t>(std::llround(1.25 * std::max(team_members, 0)));
  return static_cast<int32_t>(
      std::min({wanted, std::max<int64_t>(relationships, 0), int64_t{kMaxBlueprintEntries}}));
}

absl::Status CheckGeneratorOptions(const GeneratorOptions& options) {
  const auto in_range = [](std::string_view name, int64_t value, int64_t lo,
                           int64_t hi) -> absl::Status {
    if (value >= lo && value <= hi) return absl::OkStatus();
    return absl::InvalidArgumentError(absl::StrCat(std::string(name), ": must be between ", lo,
                                                   " and ", hi, ", got ", value));
  };
  if (auto s = in_range("persons", options.persons, 0, kMaxPersons); !s.ok()) return s;
  if (auto s = in_range("team_members", options.team_members, 0, kMaxTeamMembers); !s.ok()) {
    return s;
  }
  if (auto s = in_range("opportunities", options.opportunities, 0, kMaxOpportunities); !s.ok()) {
    return s;
  }
  const int64_t cells =
      std::min<int64_t>(int64_t{options.persons} * options.team_members, kMaxRelationships);
  if (options.relationships >= 0) {
    if (auto s = in_range("relationships (at most persons x team_members)", options.relationships,
                          0, cells);
        !s.ok()) {
      return s;
    }
  }
  if (options.blueprint_entries >= 0) {
    const int64_t relationships = options.relationships >= 0
                                      ? options.relationships
                                      : DefaultRelationshipCount(options.persons,
                                                                 options.team_members);
    if (auto s = in_range("blueprint_entries (at most the relationships)",
                          options.blueprint_entries, 0,
                          std::min<int64_t>(relationships, kMaxBlueprintEntries));
        !s.ok()) {
      return s;
    }
  }
  return absl::OkStatus();
}

v1::Plan GeneratePlan(const GeneratorOptions& options) { return PlanBuilder(options).Build(); }

}  // namespace contactplan::generate
