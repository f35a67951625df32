#include "score/scores.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "score/gaps.h"

// Every formula here is documented in docs/scores.md, together with the argument that raising one
// grade never lowers account health. The argument rests on three habits, kept in every component
// that reads grades:
//  - denominators never depend on grades (persons, team size, fixed targets), so a new Indifferent
//    relationship cannot dilute a share;
//  - per-person quantities read grades only through monotone summaries (best grade, thread count,
//    graded count, dissatisfaction), each monotone in every single grade;
//  - sums and means are taken in plan order with fixed non-negative weights, so even the floating
//    point result is monotone (IEEE addition and multiplication are monotone in each argument).

namespace contactplan::score {
namespace {

using model::PersonIx;
using model::PlanIndex;

// Importance of a person in the account-level scores: key persons count three times, other persons
// who matter twice, everyone else once; a person who has left none (docs/time.md). Depends only on
// roles, flags and departures, never on grades.
double Importance(const PlanIndex& index, PersonIx p) {
  if (index.has_left(p)) return 0;
  if (index.is_key(p)) return 3;
  if (index.matters(p)) return 2;
  return 1;
}

// How much a relationship at grade g is worth, 0-1. Monotone in the grade; a blank (no grade) is
// worth nothing, which is at most what Indifferent is worth.
double GradeStrength(v1::Grade grade) {
  switch (grade) {
    case v1::TRUST: return 1.0;
    case v1::OPEN: return 0.85;
    case v1::SATISFIED: return 0.65;
    case v1::INDIFFERENT: return 0.35;
    case v1::DISSATISFIED: return 0.10;
    default: return 0;  // MOTIVATED_TO_CHANGE, blank
  }
}

// Dissatisfaction carried by one relationship: someone replacing us counts fully, someone unhappy
// half. Non-increasing in the grade; zero from Indifferent up, so adding an Indifferent adds none.
double Dissatisfaction(v1::Grade grade) {
  switch (grade) {
    case v1::MOTIVATED_TO_CHANGE: return 1.0;
    case v1::DISSATISFIED: return 0.5;
    default: return 0;
  }
}

// What the scores read about one person, gathered in one pass over the graded relationships.
struct PersonStats {
  v1::Grade best = v1::GRADE_UNSPECIFIED;  // best grade; unset when the person has none
  int32_t graded = 0;                      // graded intersections
  int32_t threads = 0;                     // graded intersections at thread_min_grade or better
  double dissatisfaction = 0;              // sum of Dissatisfaction over the graded intersections
};

std::vector<PersonStats> GatherPersonStats(const model::Context& context) {
  const PlanIndex& index = context.index;
  std::vector<PersonStats> stats(index.person_count());
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    PersonStats& s = stats[p];
    for (model::RelationshipIx r : index.graded_of_person(p)) {
      const v1::Grade grade = index.grade(r);
      s.best = std::max(s.best, grade);
      ++s.graded;
      if (grade >= context.settings.thread_min_grade) ++s.threads;
      s.dissatisfaction += Dissatisfaction(grade);
    }
  }
  return stats;
}

// Builds a Score: components in the order added, value = weighted mean of the components.
class ScoreBuilder {
 public:
  ScoreBuilder() = default;
  // Builds in place into `*into` (a message of the analysis, perhaps on its arena).
  explicit ScoreBuilder(v1::Score* into) : score_(into) {}
  ScoreBuilder(const ScoreBuilder&) = delete;  // score_ may point at own_
  ScoreBuilder& operator=(const ScoreBuilder&) = delete;

  // `share` is 0-1 and becomes a 0-100 component value.
  ScoreBuilder& Add(std::string name, double share, double weight, std::string explanation) {
    return AddValue(std::move(name), 100 * share, weight, std::move(explanation));
  }

  // `value` is already on the 0-100 scale (another score).
  ScoreBuilder& AddValue(std::string name, double value, double weight, std::string explanation) {
    v1::ScoreComponent& component = *score_->add_components();
    component.set_name(std::move(name));
    component.set_value(std::clamp(value, 0.0, 100.0));
    component.set_weight(weight);
    component.set_explanation(std::move(explanation));
    return *this;
  }

  // Sets the score's value from its components.
  void Finish() {
    double weighted = 0;
    double weights = 0;
    for (const v1::ScoreComponent& component : score_->components()) {
      weighted += component.value() * component.weight();
      weights += component.weight();
    }
    score_->set_value(weights > 0 ? weighted / weights : 0);
  }

  // Finish(), and the score moved out; leaves the builder empty.
  v1::Score Build() {
    Finish();
    return std::move(*score_);
  }

 private:
  v1::Score own_;
  v1::Score* score_ = &own_;
};

// An importance-weighted mean of a per-person share over a fixed population of persons.
class WeightedShare {
 public:
  void Add(double importance, double share) {
    if (importance <= 0) return;  // outside the population (a person who has left)
    sum_ += importance * share;
    total_ += importance;
    ++persons_;
  }
  double share() const { return total_ > 0 ? sum_ / total_ : 0; }
  int32_t persons() const { return persons_; }

 private:
  double sum_ = 0;
  double total_ = 0;
  int32_t persons_ = 0;
};

// Persons who matter, or every person when nobody matters yet: the population of the components that
// are about the people needed to move the account. Fixed under grade changes.
std::vector<PersonIx> PersonsWhoMatter(const PlanIndex& index) {
  std::vector<PersonIx> persons;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.matters(p)) persons.push_back(p);
  }
  if (persons.empty()) {
    for (PersonIx p = 0; p < index.person_count(); ++p) {
      if (!index.has_left(p)) persons.push_back(p);
    }
  }
  return persons;
}

std::string GradeName(v1::Grade grade) { return v1::Grade_Name(grade); }

// Progress of a count towards a target, 0-1.
double Progress(int32_t count, int32_t target) {
  return static_cast<double>(std::min(count, target)) / target;
}

struct Inputs {
  const model::Context& context;
  const v1::Web& web;
  const std::vector<PersonStats>& stats;
  const std::vector<PersonIx>& who_matters;
};

v1::Score CoverageBreadth(const Inputs& in) {
  const PlanIndex& index = in.context.index;
  // Reach: a thread counts fully, a relationship we have at Indifferent or better (but below the
  // thread grade) a quarter, nothing otherwise. Monotone in the person's best grade.
  WeightedShare reach;
  int32_t threaded = 0;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const PersonStats& s = in.stats[p];
    double share = 0;
    if (s.threads > 0) {
      share = 1;
      ++threaded;
    } else if (s.best >= v1::INDIFFERENT) {
      share = 0.25;
    }
    reach.Add(Importance(index, p), share);
  }
  // Web progress: each of the four 3x3 counts, capped at 3. Counts only grow as grades rise.
  const v1::Web& web = in.web;
  const double web_progress = (Progress(web.team_members(), 3) + Progress(web.persons(), 3) +
                               Progress(web.team_levels(), 3) + Progress(web.person_levels(), 3)) /
                              4;
  return ScoreBuilder()
      .Add("persons_reached", reach.share(), 0.7,
           absl::StrCat(threaded, " of ", index.person_count(), " persons have a thread (",
                        GradeName(in.context.settings.thread_min_grade),
                        " or better); share weighted by importance (key 3, matters 2, others 1), "
                        "persons known only below the thread grade count a quarter"))
      .Add("web_3x3", web_progress, 0.3,
           absl::StrCat("web ", web.figure(), " with ", web.team_levels(), " team levels and ",
                        web.person_levels(), " person levels; each count towards 3",
                        web.meets3x3() ? " (meets 3x3)" : ""))
      .Build();
}

v1::Score Depth(const Inputs& in) {
  const PlanIndex& index = in.context.index;
  // Multi-threading: a person who matters with one thread is half covered, with two or more fully.
  WeightedShare multi;
  int32_t multi_threaded = 0;
  for (PersonIx p : in.who_matters) {
    const int32_t threads = in.stats[p].threads;
    if (threads >= 2) ++multi_threaded;
    multi.Add(Importance(index, p), Progress(threads, 2));
  }
  const v1::Web& web = in.web;
  const double team_engaged =
      index.member_count() > 0 ? static_cast<double>(web.team_members()) / index.member_count() : 0;
  const double levels = (Progress(web.team_levels(), 3) + Progress(web.person_levels(), 3)) / 2;
  return ScoreBuilder()
      .Add("multi_threaded_persons", multi.share(), 0.5,
           absl::StrCat(multi_threaded, " of ", multi.persons(),
                        " persons who matter have 2 or more threads (one thread counts half); "
                        "weighted by importance"))
      .Add("team_engaged", team_engaged, 0.25,
           absl::StrCat(web.team_members(), " of ", index.member_count(),
                        " team members hold a thread"))
      .Add("levels_spanned", levels, 0.25,
           absl::StrCat(web.team_levels(), " team levels and ", web.person_levels(),
                        " client levels among the threads; each towards 3"))
      .Build();
}

v1::Score Quality(const Inputs& in) {
  const PlanIndex& index = in.context.index;
  // Measured per person over the whole organisation, never per graded intersection: a mean over
  // graded intersections would fall whenever a new Indifferent relationship is added.
  WeightedShare strength;
  WeightedShare free_of_dissatisfaction;
  int32_t dissatisfied = 0;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const PersonStats& s = in.stats[p];
    const double importance = Importance(index, p);
    strength.Add(importance, GradeStrength(s.best));
    // Credit for a person we know at Indifferent or better, discounted by the dissatisfaction of
    // their relationships: a product of two monotone non-negative factors.
    const double known = s.best >= v1::INDIFFERENT ? 1 : 0;
    free_of_dissatisfaction.Add(importance, known * (1 - std::min(1.0, s.dissatisfaction)));
    if (s.dissatisfaction > 0) ++dissatisfied;
  }
  WeightedShare open;
  int32_t open_persons = 0;
  for (PersonIx p : in.who_matters) {
    const bool at_open = in.stats[p].best >= v1::OPEN;
    if (at_open) ++open_persons;
    open.Add(Importance(index, p), at_open ? 1 : 0);
  }
  return ScoreBuilder()
      .Add("relationship_strength", strength.share(), 0.5,
           "importance-weighted mean over all persons of the strength of their best relationship "
           "(T 100, O 85, S 65, I 35, D 10, M 0, none 0)")
      .Add("open_where_it_matters", open.share(), 0.3,
           absl::StrCat(open_persons, " of ", open.persons(),
                        " persons who matter have a relationship at OPEN or better; weighted by "
                        "importance"))
      .Add("free_of_dissatisfaction", free_of_dissatisfaction.share(), 0.2,
           absl::StrCat("importance-weighted share of persons known at INDIFFERENT or better, less "
                        "half a person per DISSATISFIED and a whole per MOTIVATED_TO_CHANGE "
                        "relationship; ",
                        dissatisfied, " persons have D or M relationships"))
      .Build();
}

v1::Score Risk(const Inputs& in) {
  const PlanIndex& index = in.context.index;
  const Settings& settings = in.context.settings;

  // Power access: the best relationship with any power buyer. When nobody is identified as POWER we
  // cannot know whether we reach the decision: a fixed low value, since identifying the buyer is a
  // matter of roles, not grades.
  int32_t power_holders = 0;
  v1::Grade best_power = v1::GRADE_UNSPECIFIED;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p) || !index.has_buyer_role(p, v1::Person::POWER)) continue;
    ++power_holders;
    best_power = std::max(best_power, in.stats[p].best);
  }
  double power_access = 0;
  std::string power_explanation;
  if (index.person_count() == 0) {
    power_explanation = "no persons on the plan";
  } else if (power_holders == 0) {
    power_access = 0.25;
    power_explanation = "nobody on the plan holds POWER: access to the decision is unknown";
  } else {
    power_access = best_power >= v1::SATISFIED ? 1 : best_power >= v1::INDIFFERENT ? 0.4 : 0;
    power_explanation = absl::StrCat(
        "best relationship with the ", power_holders, " power buyer(s): ",
        best_power == v1::GRADE_UNSPECIFIED ? "none" : GradeName(best_power),
        " (SATISFIED or better 100, INDIFFERENT 40, below 0)");
  }

  // Key persons hanging on one thread: lose the thread and we lose the person. Without key persons,
  // the persons who matter (else everyone) stand in for them.
  std::vector<PersonIx> key_persons;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.is_key(p)) key_persons.push_back(p);
  }
  const bool key_identified = !key_persons.empty();
  if (!key_identified) key_persons = in.who_matters;
  int32_t key_multi = 0;
  for (PersonIx p : key_persons) key_multi += in.stats[p].threads >= 2 ? 1 : 0;
  const double key_multi_share =
      key_persons.empty() ? 0 : static_cast<double>(key_multi) / key_persons.size();

  // The whole account on one thread: progress of both web counts towards 2.
  const v1::Web& web = in.web;
  const double account_threading = (Progress(web.team_members(), 2) + Progress(web.persons(), 2)) / 2;

  // Hostility: persons with D or M relationships, weighted by importance; persons without any
  // relationship carry no hostility.
  WeightedShare calm;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    calm.Add(Importance(index, p), 1 - std::min(1.0, in.stats[p].dissatisfaction));
  }
  const double hostility_free = index.person_count() > 0 ? calm.share() : 0;

  // Detractors among the persons who answered the NPS survey (their latest answer). Independent of
  // grades; no answers means no detractor found.
  WeightedShare promoters_or_passives;
  int32_t detractors = 0;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const v1::NpsAnswer* nps = index.latest_nps(p);
    if (nps == nullptr) continue;
    const bool detractor = nps->score() <= settings.nps_detractor_max;
    if (detractor) ++detractors;
    promoters_or_passives.Add(Importance(index, p), detractor ? 0 : 1);
  }
  const double nps_share = promoters_or_passives.persons() > 0 ? promoters_or_passives.share() : 1;

  return ScoreBuilder()
      .Add("power_access", power_access, 0.25, std::move(power_explanation))
      .Add("key_persons_multi_threaded", key_multi_share, 0.2,
           absl::StrCat(key_multi, " of ", key_persons.size(),
                        key_identified ? " key persons" : " persons (no key person identified)",
                        " have 2 or more threads"))
      .Add("account_threading", account_threading, 0.2,
           absl::StrCat("web ", web.figure(), "; both counts towards 2 (an account on one team member "
                                              "or one person is single-threaded)"))
      .Add("hostility_free", hostility_free, 0.2,
           "importance-weighted share of persons without DISSATISFIED (half) or MOTIVATED_TO_CHANGE "
           "(whole) relationships")
      .Add("nps_detractors", nps_share, 0.15,
           promoters_or_passives.persons() > 0
               ? absl::StrCat(detractors, " of ", promoters_or_passives.persons(),
                              " persons who answered NPS are detractors (latest answer at most ",
                              settings.nps_detractor_max, "); weighted by importance")
               : "no NPS answers: no detractor known")
      .Build();
}

v1::Score AccountHealth(const Settings& settings, const v1::Scores& scores) {
  // Weights are options; only their ratios matter, so they are normalised (ResolveSettings ensures
  // at least one is positive).
  const double total =
      settings.weight_breadth + settings.weight_depth + settings.weight_quality + settings.weight_risk;
  const auto weight = [total](double w) { return total > 0 ? w / total : 0; };
  return ScoreBuilder()
      .AddValue("coverage_breadth", scores.coverage_breadth().value(), weight(settings.weight_breadth),
           "how much of the organisation we reach")
      .AddValue("depth", scores.depth().value(), weight(settings.weight_depth),
           "how many threads hold each person who matters")
      .AddValue("quality", scores.quality().value(), weight(settings.weight_quality),
           "how strong the relationships are")
      .AddValue("risk", scores.risk().value(), weight(settings.weight_risk),
           "how safe the account is (100 = no risk found)")
      .Build();
}

void PersonCoverage(const model::Context& context, const PersonStats& s, v1::Score* coverage) {
  ScoreBuilder(coverage)
      .Add("best_grade", GradeStrength(s.best), 0.6,
           absl::StrCat("best relationship: ",
                        s.best == v1::GRADE_UNSPECIFIED ? "none" : GradeName(s.best),
                        " (T 100, O 85, S 65, I 35, D 10, M 0, none 0)"))
      .Add("threads", Progress(s.threads, 2), 0.4,
           absl::StrCat(s.threads, " threads at ", GradeName(context.settings.thread_min_grade),
                        " or better; 2 make the person multi-threaded"))
      .Finish();
}

// Support an effective preference brings to a deal, 0-1 (unset is planned as no support).
double Support(v1::Preference preference) {
  switch (PlanningPreference(preference)) {
    case v1::MENTOR: return 1.0;
    case v1::SUPPORTER: return 0.75;
    case v1::NON_SUPPORTER: return 0.25;
    default: return 0;  // ENEMY
  }
}

v1::Score OpportunityReadiness(const Inputs& in, const v1::Opportunity& opportunity) {
  const PlanIndex& index = in.context.index;
  double support = 0;
  bool mentor = false;
  int32_t deciders = 0;
  int32_t supportive_deciders = 0;
  int32_t reached_deciders = 0;
  for (const v1::Participant& participant : opportunity.participants()) {
    const v1::Preference preference = PlanningPreference(participant.preference());
    support += Support(preference);
    if (preference == v1::MENTOR) mentor = true;
    const auto role = participant.buying_role();
    if (role != v1::Participant::DECISION_MAKER && role != v1::Participant::APPROVER) continue;
    ++deciders;
    if (preference >= v1::SUPPORTER) ++supportive_deciders;
    const PersonIx p = index.FindPerson(participant.person_id());
    if (p != model::kNone && in.stats[p].threads > 0) ++reached_deciders;
  }
  const int32_t participants = opportunity.participants_size();
  const v1::Qualification& q = opportunity.qualification();
  const int32_t answers = q.pain_admitted() + q.access_to_power() + q.vision_agreed() + q.value_agreed();
  const int32_t stage = std::clamp<int32_t>(opportunity.stage(), 0, v1::NEGOTIATE_CLOSE);
  const auto share = [](int32_t count, int32_t total) {
    return total > 0 ? static_cast<double>(count) / total : 0;
  };
  return ScoreBuilder()
      .Add("participant_support", participants > 0 ? support / participants : 0, 0.25,
           absl::StrCat("mean support of ", participants,
                        " participants (MENTOR 100, SUPPORTER 75, NON_SUPPORTER/NEUTRAL/unset 25, "
                        "ENEMY 0)"))
      .Add("mentor", mentor ? 1 : 0, 0.2,
           mentor ? "a MENTOR sells for us when we are absent" : "no participant is a MENTOR")
      .Add("decision_makers_supportive", share(supportive_deciders, deciders), 0.2,
           deciders > 0 ? absl::StrCat(supportive_deciders, " of ", deciders,
                                       " decision makers and approvers are SUPPORTER or MENTOR")
                        : "no DECISION_MAKER or APPROVER identified")
      .Add("decision_makers_reached", share(reached_deciders, deciders), 0.1,
           absl::StrCat(reached_deciders, " of ", deciders,
                        " decision makers and approvers have a thread with our team"))
      .Add("qualification", answers / 4.0, 0.15,
           absl::StrCat(answers, " of 4 qualification answers (pain admitted, access to power, "
                                 "vision agreed, value agreed)"))
      .Add("stage", stage / static_cast<double>(v1::NEGOTIATE_CLOSE), 0.1,
           absl::StrCat("buying stage ",
                        stage == 0 ? std::string("not stated")
                                   : v1::OpportunityStage_Name(static_cast<v1::OpportunityStage>(stage)),
                        " (each of the 5 stages adds 20)"))
      .Build();
}

}  // namespace

void ComputeScores(const model::Context& context, const v1::Web& web, v1::Scores* out) {
  const PlanIndex& index = context.index;
  const std::vector<PersonStats> stats = GatherPersonStats(context);
  const std::vector<PersonIx> who_matters = PersonsWhoMatter(index);
  const Inputs in{context, web, stats, who_matters};

  v1::Scores& scores = *out;
  *scores.mutable_coverage_breadth() = CoverageBreadth(in);
  *scores.mutable_depth() = Depth(in);
  *scores.mutable_quality() = Quality(in);
  *scores.mutable_risk() = Risk(in);
  *scores.mutable_account_health() = AccountHealth(context.settings, scores);

  scores.mutable_person_coverage()->Reserve(index.person_count());
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history, not coverage
    v1::PersonCoverage& coverage = *scores.add_person_coverage();
    coverage.set_person_id(index.person(p).id());
    PersonCoverage(context, stats[p], coverage.mutable_coverage());
  }
  for (const v1::Opportunity& opportunity : index.plan().opportunities()) {
    if (opportunity.closed()) continue;
    v1::OpportunityReadiness& readiness = *scores.add_opportunity_readiness();
    readiness.set_opportunity_id(opportunity.id());
    *readiness.mutable_readiness() = OpportunityReadiness(in, opportunity);
  }
}

}  // namespace contactplan::score
