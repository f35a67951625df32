#include "score/scores.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "model/time.h"
#include "options/tuning_values.h"
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

// The 3 of "3x3": the web-of-influence target every web count is measured against (a definition of
// the figure, not a judgement to tune).
constexpr int32_t kWebTarget = 3;
// An account is single-threaded with at most one team member or one person in the web
// (SINGLE_THREADED_ACCOUNT), so two of each is where that risk ends.
constexpr int32_t kNotSingleThreaded = 2;

// Importance of a person in the account-level scores (tuning.scores.importance): depends only on
// roles, flags and departures, never on grades; a person who has left weighs nothing.
double Importance(const model::Context& context, PersonIx p) {
  const v1::PersonImportance& weights = context.settings.tuning.scores().importance();
  if (context.index.has_left(p)) return 0;  // history: counts in no score (docs/time.md)
  if (context.index.is_key(p)) return weights.key();
  if (context.index.matters(p)) return weights.matters();
  return weights.other();
}

// How much a relationship at grade g is worth, 0-1 (tuning.scores.grade_strength).
double GradeStrength(const model::Context& context, v1::Grade grade) {
  return ValueOf(context.settings.tuning.scores().grade_strength(), grade);
}

// Dissatisfaction carried by one relationship (tuning.scores.dissatisfaction): non-increasing in
// the grade, so adding or raising a relationship never adds any.
double Dissatisfaction(const model::Context& context, v1::Grade grade) {
  return ValueOf(context.settings.tuning.scores().dissatisfaction(), grade);
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
      s.dissatisfaction += Dissatisfaction(context, grade);
    }
  }
  return stats;
}

// Builds a Score: components in the order added, value = weighted mean of the components.
class ScoreBuilder {
 public:
  // Builds in place into `*into` (a message of the analysis, perhaps on its arena).
  explicit ScoreBuilder(v1::Score* into) : score_(into) {}
  ScoreBuilder(const ScoreBuilder&) = delete;
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


 private:
  v1::Score* score_;
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

const std::string& GradeName(v1::Grade grade) { return v1::Grade_Name(grade); }

// Progress of a count towards a target, 0-1.
double Progress(int32_t count, int32_t target) {
  return static_cast<double>(std::min(count, target)) / target;
}

// The share of `count` in `total`, 0-1; `empty` when there is nothing to count.
double ShareOf(int32_t count, int32_t total, double empty) {
  return total > 0 ? static_cast<double>(count) / total : empty;
}

struct Inputs {
  const model::Context& context;
  const model::InfluenceWeb& web;
  const std::vector<PersonStats>& stats;
  const std::vector<PersonIx>& who_matters;
  int32_t horizon_days;
  // GradeTable(tuning.scores.grade_strength), written once: several explanations quote it.
  const std::string& grade_table;

  const v1::ScoreTuning& tuning() const { return context.settings.tuning.scores(); }
};

// "T 100, O 85, S 65, I 35, D 10, M 0, none 0": a grade table as the explanations print it.
std::string GradeTable(const v1::GradeValues& values) {
  return absl::StrFormat("T %g, O %g, S %g, I %g, D %g, M %g, none %g", 100 * values.trust(),
                         100 * values.open(), 100 * values.satisfied(), 100 * values.indifferent(),
                         100 * values.dissatisfied(), 100 * values.motivated_to_change(),
                         100 * values.blank());
}

void CoverageBreadth(const Inputs& in, v1::Score* out) {
  const PlanIndex& index = in.context.index;
  const v1::BreadthTuning& t = in.tuning().breadth();
  // Reach: a thread counts fully, a relationship we have at Indifferent or better (but below the
  // thread grade) counts known_below_thread, nothing otherwise. Monotone in the best grade.
  WeightedShare reach;
  int32_t threaded = 0;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const PersonStats& s = in.stats[p];
    double share = 0;
    if (s.threads > 0) {
      share = 1;
      ++threaded;
    } else if (s.best >= v1::INDIFFERENT) {
      share = t.known_below_thread();
    }
    reach.Add(Importance(in.context, p), share);
  }
  // Web progress: each of the four 3x3 counts, capped at 3. Counts only grow as grades rise.
  const model::InfluenceWeb& web = in.web;
  const double web_progress =
      (Progress(web.team_members(), kWebTarget) + Progress(web.person_count(), kWebTarget) +
       Progress(web.team_levels, kWebTarget) + Progress(web.person_levels, kWebTarget)) /
      4;
  const v1::PersonImportance& importance = in.tuning().importance();
  ScoreBuilder(out)
      .Add("persons_reached", reach.share(), t.persons_reached(),
           absl::StrFormat("%d of %d persons have a thread (%s or better); share weighted by "
                           "importance (key %g, matters %g, others %g), persons known only below "
                           "the thread grade count %g",
                           threaded, index.present_person_count(),
                           GradeName(in.context.settings.thread_min_grade), importance.key(),
                           importance.matters(), importance.other(), t.known_below_thread()))
      .Add("web_3x3", web_progress, t.web_3x3(),
           absl::StrCat("web ", web.figure(), " with ", web.team_levels, " team levels and ",
                        web.person_levels, " person levels; each count towards 3",
                        web.meets3x3() ? " (meets 3x3)" : ""))
      .Finish();
}

void Depth(const Inputs& in, v1::Score* out) {
  const PlanIndex& index = in.context.index;
  const v1::DepthTuning& t = in.tuning().depth();
  const int32_t multi_target = std::max(1, t.threads_for_multi());
  // Multi-threading: credit grows with each thread up to threads_for_multi.
  WeightedShare multi;
  int32_t multi_threaded = 0;
  for (PersonIx p : in.who_matters) {
    const int32_t threads = in.stats[p].threads;
    if (threads >= multi_target) ++multi_threaded;
    multi.Add(Importance(in.context, p), Progress(threads, multi_target));
  }
  const model::InfluenceWeb& web = in.web;
  const double team_engaged = ShareOf(web.team_members(), index.present_member_count(), 0);
  const double levels =
      (Progress(web.team_levels, kWebTarget) + Progress(web.person_levels, kWebTarget)) / 2;
  ScoreBuilder(out)
      .Add("multi_threaded_persons", multi.share(), t.multi_threaded_persons(),
           absl::StrCat(multi_threaded, " of ", multi.persons(), " persons who matter have ",
                        multi_target,
                        " or more threads (fewer count in proportion); weighted by importance"))
      .Add("team_engaged", team_engaged, t.team_engaged(),
           absl::StrCat(web.team_members(), " of ", index.present_member_count(),
                        " team members hold a thread"))
      .Add("levels_spanned", levels, t.levels_spanned(),
           absl::StrCat(web.team_levels, " team levels and ", web.person_levels,
                        " client levels among the threads; each towards 3"))
      .Finish();
}

void Quality(const Inputs& in, v1::Score* out) {
  const PlanIndex& index = in.context.index;
  const v1::QualityTuning& t = in.tuning().quality();
  // Measured per person over the whole organisation, never per graded intersection: a mean over
  // graded intersections would fall whenever a new Indifferent relationship is added.
  WeightedShare strength;
  WeightedShare free_of_dissatisfaction;
  int32_t dissatisfied = 0;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const PersonStats& s = in.stats[p];
    const double importance = Importance(in.context, p);
    strength.Add(importance, GradeStrength(in.context, s.best));
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
    open.Add(Importance(in.context, p), at_open ? 1 : 0);
  }
  const v1::GradeValues& hostility = in.tuning().dissatisfaction();
  ScoreBuilder(out)
      .Add("relationship_strength", strength.share(), t.relationship_strength(),
           absl::StrCat("importance-weighted mean over all persons of the strength of their best "
                        "relationship (",
                        in.grade_table, ")"))
      .Add("open_where_it_matters", open.share(), t.open_where_it_matters(),
           absl::StrCat(open_persons, " of ", open.persons(),
                        " persons who matter have a relationship at OPEN or better; weighted by "
                        "importance"))
      .Add("free_of_dissatisfaction", free_of_dissatisfaction.share(), t.free_of_dissatisfaction(),
           absl::StrFormat("importance-weighted share of persons known at INDIFFERENT or better, "
                           "less %g of a person per DISSATISFIED and %g per MOTIVATED_TO_CHANGE "
                           "relationship; %d persons have D or M relationships",
                           hostility.dissatisfied(), hostility.motivated_to_change(), dissatisfied))
      .Finish();
}

// Whether a participant's buying role makes them a decider (DECISION_MAKER or APPROVER).
bool IsDecider(const v1::Participant& participant) {
  return participant.buying_role() == v1::Participant::DECISION_MAKER ||
         participant.buying_role() == v1::Participant::APPROVER;
}

// Whether an open opportunity's expected close falls before the end of the horizon (an overdue
// close of a deal still open counts too). Unknown without "now" or without a date.
bool ClosesWithinHorizon(const Inputs& in, const v1::Opportunity& opportunity) {
  if (!in.context.now || !opportunity.has_expected_close_at()) return false;
  const std::optional<absl::Time> close = model::ToTime(true, opportunity.expected_close_at());
  return close && *close <= *in.context.now + absl::Hours(24) * in.horizon_days;
}

// `readiness` holds the readiness value (0-100) of each open opportunity, in plan order.
void Risk(const Inputs& in, const std::vector<double>& readiness, v1::Score* out) {
  const PlanIndex& index = in.context.index;
  const Settings& settings = in.context.settings;
  const v1::RiskTuning& t = in.tuning().risk();

  // Power access: each power buyer's best relationship, averaged, so an unreached second power
  // buyer is a risk even when the first is reached. Nobody identified as POWER: a fixed value,
  // since identifying the buyer is a matter of roles, not grades.
  // Decider hostility: the WORST relationships of the people who decide (power buyers, and
  // decision makers and approvers of open opportunities): one of them who wants to replace us
  // outweighs any number of good relationships elsewhere, theirs included.
  std::vector<bool> decides(index.person_count(), false);
  for (const v1::Opportunity& opportunity : index.plan().opportunities()) {
    if (opportunity.closed()) continue;
    for (const v1::Participant& participant : opportunity.participants()) {
      const PersonIx p = index.FindPerson(participant.person_id());
      if (p != model::kNone && IsDecider(participant)) decides[p] = true;
    }
  }
  int32_t power_holders = 0;
  int32_t power_reached = 0;
  int32_t decider_count = 0;
  double power_credit = 0;
  double worst = 0;  // the highest dissatisfaction of anyone who decides, capped at 1
  PersonIx worst_person = model::kNone;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history, not risk (docs/time.md)
    const bool power = index.has_buyer_role(p, v1::Person::POWER);
    if (!power && !decides[p]) continue;
    ++decider_count;
    const double d = std::min(1.0, in.stats[p].dissatisfaction);
    if (d > worst) {
      worst = d;
      worst_person = p;
    }
    if (!power) continue;
    ++power_holders;
    const v1::Grade best = in.stats[p].best;
    if (best >= v1::SATISFIED) ++power_reached;
    power_credit += best >= v1::SATISFIED     ? 1
                    : best >= v1::INDIFFERENT ? t.power_indifferent_credit()
                                              : 0;
  }
  double power_access = 0;
  std::string power_explanation;
  if (index.person_count() == 0) {
    power_explanation = "no persons on the plan";
  } else if (power_holders == 0) {
    power_access = t.power_unknown_credit();
    power_explanation = "nobody on the plan holds POWER: access to the decision is unknown";
  } else {
    power_access = power_credit / power_holders;
    power_explanation = absl::StrFormat(
        "%d of %d power buyer(s) have a relationship at SATISFIED or better (INDIFFERENT counts "
        "%g, below or none 0); mean over the power buyers",
        power_reached, power_holders, t.power_indifferent_credit());
  }
  const std::string decider_hostility_explanation =
      decider_count == 0
          ? std::string("nobody holds POWER or decides or approves an open opportunity")
      : worst > 0
          ? absl::StrFormat("of %d power buyers, decision makers and approvers, %s has the worst "
                            "relationships: dissatisfaction %g (DISSATISFIED %g, "
                            "MOTIVATED_TO_CHANGE %g)",
                            decider_count, index.person(worst_person).id(), worst,
                            in.tuning().dissatisfaction().dissatisfied(),
                            in.tuning().dissatisfaction().motivated_to_change())
          : absl::StrCat("none of ", decider_count,
                         " power buyers, decision makers and approvers has a DISSATISFIED or "
                         "MOTIVATED_TO_CHANGE relationship");

  // Key persons hanging on one thread: lose the thread and we lose the person. Without key persons,
  // the persons who matter (else everyone) stand in for them.
  std::vector<PersonIx> key_persons;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.is_key(p)) key_persons.push_back(p);
  }
  const bool key_identified = !key_persons.empty();
  if (!key_identified) key_persons = in.who_matters;
  int32_t key_multi = 0;
  for (PersonIx p : key_persons) key_multi += in.stats[p].threads >= kNotSingleThreaded ? 1 : 0;
  const double key_multi_share = ShareOf(key_multi, static_cast<int32_t>(key_persons.size()), 0);

  // The whole account on one thread: progress of both web counts towards 2.
  const model::InfluenceWeb& web = in.web;
  const double account_threading =
      (Progress(web.team_members(), kNotSingleThreaded) + Progress(web.person_count(), kNotSingleThreaded)) /
      2;

  // Hostility where it matters: the importance-weighted dissatisfaction of the persons who matter,
  // summed, not averaged, so that one hostile key person is not diluted by many calm ones; the
  // credit reaches 0 at hostility_scale.
  double hostility = 0;
  int32_t hostile_persons = 0;
  for (PersonIx p : in.who_matters) {
    const double d = std::min(1.0, in.stats[p].dissatisfaction);
    if (d > 0) ++hostile_persons;
    hostility += Importance(in.context, p) * d;
  }
  const double scale = t.hostility_scale();
  const double hostility_free =
      scale > 0 ? 1 - std::min(1.0, hostility / scale) : (hostility > 0 ? 0 : 1);

  // The deals: deciders not supportive, open deals without a Mentor, deals closing within the
  // horizon that are not ready. None of these reads grades except readiness, which never falls
  // when a grade rises.
  int32_t deciders = 0;  // participations as DECISION_MAKER or APPROVER
  int32_t supportive = 0;
  int32_t deals = 0;  // open opportunities with participants
  int32_t with_mentor = 0;
  int32_t closing = 0;
  double closing_credit = 0;
  int32_t open_opportunities = 0;
  for (const v1::Opportunity& opportunity : index.plan().opportunities()) {
    if (opportunity.closed()) continue;
    const double ready = readiness[open_opportunities] / 100;
    ++open_opportunities;
    bool mentor = false;
    for (const v1::Participant& participant : opportunity.participants()) {
      const v1::Preference preference = PlanningPreference(participant.preference());
      if (preference == v1::MENTOR) mentor = true;
      if (!IsDecider(participant)) continue;
      ++deciders;
      if (preference >= v1::SUPPORTER) ++supportive;
    }
    if (opportunity.participants_size() > 0) {
      ++deals;
      with_mentor += mentor ? 1 : 0;
    }
    if (ClosesWithinHorizon(in, opportunity)) {
      ++closing;
      closing_credit += ready;
    }
  }
  const double closing_ready =
      open_opportunities > 0 ? (open_opportunities - closing + closing_credit) / open_opportunities : 1;

  // Detractors among the persons who answered the NPS survey (their latest answer). Independent of
  // grades; no answers means no detractor found.
  WeightedShare promoters_or_passives;
  int32_t detractors = 0;
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    const v1::NpsAnswer* nps = index.latest_nps(p);
    if (nps == nullptr) continue;
    const bool detractor = nps->score() <= settings.nps_detractor_max;
    if (detractor) ++detractors;
    promoters_or_passives.Add(Importance(in.context, p), detractor ? 0 : 1);
  }
  const double nps_share = promoters_or_passives.persons() > 0 ? promoters_or_passives.share() : 1;

  // A plan without persons shows no safety at all: nothing found is not the same as nothing there.
  if (index.person_count() == 0) {
    ScoreBuilder empty(out);
    for (const char* name : {"power_access", "decider_hostility", "key_persons_multi_threaded",
                             "account_threading", "hostility_where_it_matters",
                             "decision_makers_supportive", "mentor_in_every_deal",
                             "deals_closing_ready", "nps_detractors"}) {
      empty.Add(name, 0, 1, "no persons on the plan");
    }
    empty.Finish();
    return;
  }
  ScoreBuilder(out)
      .Add("power_access", power_access, t.power_access(), std::move(power_explanation))
      .Add("decider_hostility", 1 - worst, t.decider_hostility(), decider_hostility_explanation)
      .Add("key_persons_multi_threaded", key_multi_share, t.key_persons_multi_threaded(),
           absl::StrCat(key_multi, " of ", key_persons.size(),
                        key_identified ? " key persons" : " persons (no key person identified)",
                        " have 2 or more threads"))
      .Add("account_threading", account_threading, t.account_threading(),
           absl::StrCat("web ", web.figure(), "; both counts towards 2 (an account on one team member "
                                              "or one person is single-threaded)"))
      .Add("hostility_where_it_matters", hostility_free, t.hostility_where_it_matters(),
           absl::StrFormat("%d persons who matter have DISSATISFIED or MOTIVATED_TO_CHANGE "
                           "relationships; their importance-weighted dissatisfaction sums to %g "
                           "(0 at %g)",
                           hostile_persons, hostility, scale))
      .Add("decision_makers_supportive", ShareOf(supportive, deciders, 1),
           t.decision_makers_supportive(),
           deciders > 0 ? absl::StrCat(supportive, " of ", deciders,
                                       " decision makers and approvers of open opportunities are "
                                       "SUPPORTER or MENTOR")
                        : "no DECISION_MAKER or APPROVER in an open opportunity")
      .Add("mentor_in_every_deal", ShareOf(with_mentor, deals, 1), t.mentor_in_every_deal(),
           deals > 0 ? absl::StrCat(with_mentor, " of ", deals,
                                    " open opportunities with participants have a MENTOR")
                     : "no open opportunity with participants")
      .Add("deals_closing_ready", closing_ready, t.deals_closing_ready(),
           !in.context.now
               ? std::string("no date on the plan: whether a deal closes soon is unknown")
               : absl::StrCat(closing, " of ", open_opportunities,
                              " open opportunities are expected to close within ", in.horizon_days,
                              " days (or are overdue); each counts as ready as its readiness"))
      .Add("nps_detractors", nps_share, t.nps_detractors(),
           promoters_or_passives.persons() > 0
               ? absl::StrCat(detractors, " of ", promoters_or_passives.persons(),
                              " persons who answered NPS are detractors (latest answer at most ",
                              settings.nps_detractor_max, "); weighted by importance")
               : "no NPS answers: no detractor known")
      .Finish();
}

// Confidence: how far the map can be believed. Not part of account health and free of the
// monotonicity promise (more Trust may rightly lower it).
void Confidence(const Inputs& in, v1::Score* out) {
  const PlanIndex& index = in.context.index;
  const Settings& settings = in.context.settings;
  const v1::ConfidenceTuning& t = in.tuning().confidence();

  // Trust inflation: a map where many intersections are at Trust is more likely graded by hope.
  const int32_t graded = static_cast<int32_t>(index.graded().size());
  int32_t trust = 0;
  for (model::RelationshipIx r : index.graded()) trust += index.grade(r) == v1::TRUST ? 1 : 0;
  const double trust_share = ShareOf(trust, graded, 0);
  double trust_believable = 1;
  std::string trust_explanation;
  if (graded < settings.trust_inflation_min_intersections) {
    trust_explanation = absl::StrCat(graded, " graded intersections: too few to judge Trust "
                                     "inflation (at least ",
                                     settings.trust_inflation_min_intersections, ")");
  } else {
    const double excess = trust_share - settings.trust_inflation_max_share;
    if (excess > 0) {
      trust_believable = t.trust_excess_span() > 0 ? std::max(0.0, 1 - excess / t.trust_excess_span()) : 0;
    }
    trust_explanation = absl::StrFormat(
        "%d of %d graded intersections (%.0f%%) are TRUST; believable up to %.0f%%, none left at "
        "%.0f%%",
        trust, graded, 100 * trust_share, 100 * settings.trust_inflation_max_share,
        100 * (settings.trust_inflation_max_share + t.trust_excess_span()));
  }

  // Recent assessment: a grade assessed or acted on within stale_after_days of now.
  int32_t recent = 0;
  if (in.context.now) {
    // Not more than stale_after_days before now, compared as times (Debian's Abseil subtracts
    // times out of line).
    const absl::Time stale_before = *in.context.now - absl::Hours(24) * settings.stale_after_days;
    for (model::RelationshipIx r : index.graded()) {
      // The later of assessed_at and the last contact, as STALE_ASSESSMENT reads them.
      const std::optional<absl::Time> latest = index.last_evidence(r);
      if (latest && !(*latest < stale_before)) ++recent;
    }
  }
  const std::string recent_explanation =
      !in.context.now ? std::string("no date on the plan: no assessment is known to be recent")
                      : absl::StrCat(recent, " of ", graded,
                                     " graded intersections were assessed or acted on within ",
                                     settings.stale_after_days, " days");

  // Relationship levels of the persons who matter (else everyone), and preferences of the buying
  // groups of open opportunities: unset means never assessed.
  int32_t levels = 0;
  for (PersonIx p : in.who_matters) {
    levels += index.person(p).relationship_level() != v1::RELATIONSHIP_LEVEL_UNSPECIFIED ? 1 : 0;
  }
  int32_t participants = 0;
  int32_t preferences = 0;
  for (const v1::Opportunity& opportunity : index.plan().opportunities()) {
    if (opportunity.closed()) continue;
    for (const v1::Participant& participant : opportunity.participants()) {
      ++participants;
      preferences += participant.preference() != v1::PREFERENCE_UNSPECIFIED ? 1 : 0;
    }
  }

  ScoreBuilder(out)
      .Add("trust_believable", trust_believable, t.trust_believable(), std::move(trust_explanation))
      .Add("recently_assessed", ShareOf(recent, graded, 0), t.recently_assessed(),
           recent_explanation)
      .Add("levels_assessed", ShareOf(levels, static_cast<int32_t>(in.who_matters.size()), 0),
           t.levels_assessed(),
           absl::StrCat(levels, " of ", in.who_matters.size(),
                        " persons who matter have an assessed relationship level"))
      .Add("preferences_assessed", ShareOf(preferences, participants, 1), t.preferences_assessed(),
           participants > 0
               ? absl::StrCat(preferences, " of ", participants,
                              " participants of open opportunities have a stated preference")
               : "no participant of an open opportunity to assess")
      .Add("dated", in.context.now ? 1 : 0, t.dated(),
           in.context.now ? "the plan carries dates, so its age can be judged"
                          : "no date anywhere on the plan: nothing says when it was true")
      .Finish();
}

void AccountHealth(const Settings& settings, const v1::Scores& scores, v1::Score* out) {
  // Weights are options; only their ratios matter, so they are normalised (ResolveSettings ensures
  // at least one is positive).
  const double total =
      settings.weight_breadth + settings.weight_depth + settings.weight_quality + settings.weight_risk;
  const auto weight = [total](double w) { return total > 0 ? w / total : 0; };
  int32_t risks_found = 0;
  for (const v1::ScoreComponent& component : scores.risk().components()) {
    if (component.weight() > 0 && component.value() < 100) ++risks_found;
  }
  ScoreBuilder(out)
      .AddValue("coverage_breadth", scores.coverage_breadth().value(), weight(settings.weight_breadth),
           "how much of the organisation we reach")
      .AddValue("depth", scores.depth().value(), weight(settings.weight_depth),
           "how many threads hold each person who matters")
      .AddValue("quality", scores.quality().value(), weight(settings.weight_quality),
           "how strong the relationships are")
      .AddValue("risk", scores.risk().value(), weight(settings.weight_risk),
           risks_found == 0
               ? std::string("how safe the account is: none of the risks it checks was found "
                             "(how far the map can be believed is the confidence score)")
               : absl::StrCat("how safe the account is: ", risks_found, " of ",
                              scores.risk().components_size(), " risk checks found something"))
      .Finish();
}

// The explanations of a person's coverage depend only on their best grade and on their number of
// threads, so each is composed once per value met rather than once per person (a large account
// lists 10,000 persons), and kept once in the rows.
class CoverageExplanations {
 public:
  CoverageExplanations(const model::Context& context, absl::string_view grade_table,
                       PersonCoverageRows& rows)
      : context_(context), grade_table_(grade_table), rows_(rows) {}

  uint32_t Best(v1::Grade best) {
    const size_t slot = static_cast<size_t>(best);  // validated: a defined grade
    if (slot >= best_.size()) best_.resize(slot + 1, kNotYet);
    uint32_t& text = best_[slot];
    if (text == kNotYet) {
      text = rows_.AddExplanation(absl::StrCat(
          "best relationship: ",
          best == v1::GRADE_UNSPECIFIED ? absl::string_view("none") : GradeName(best), " (",
          grade_table_, ")"));
    }
    return text;
  }

  uint32_t Threads(int32_t threads, int32_t multi_target) {
    const size_t slot = static_cast<size_t>(threads);
    // A count beyond the table is rare (a person held by hundreds of threads): composed each time.
    constexpr size_t kTabled = 256;
    if (slot >= kTabled) return rows_.AddExplanation(ThreadsText(threads, multi_target));
    if (slot >= threads_.size()) threads_.resize(slot + 1, kNotYet);
    uint32_t& text = threads_[slot];
    if (text == kNotYet) text = rows_.AddExplanation(ThreadsText(threads, multi_target));
    return text;
  }

 private:
  static constexpr uint32_t kNotYet = UINT32_MAX;

  std::string ThreadsText(int32_t threads, int32_t multi_target) const {
    return absl::StrCat(threads, " threads at ", GradeName(context_.settings.thread_min_grade),
                        " or better; ", multi_target, " make the person multi-threaded");
  }

  const model::Context& context_;
  absl::string_view grade_table_;
  PersonCoverageRows& rows_;
  std::vector<uint32_t> best_;     // by grade
  std::vector<uint32_t> threads_;  // by number of threads, up to kTabled
};

// A person's coverage: how good their best relationship is, and how far their threads go towards
// making them multi-threaded.
void PersonCoverage(const model::Context& context, PersonIx p, const PersonStats& s,
                    CoverageExplanations& explanations, PersonCoverageRows& rows) {
  const int32_t multi_target =
      std::max(1, context.settings.tuning.scores().depth().threads_for_multi());
  // On the 0-100 scale, clamped, as ScoreBuilder::Add keeps a component's value.
  const auto component = [](double share) { return std::clamp(100 * share, 0.0, 100.0); };
  rows.Add(context.index.person_id(p), component(GradeStrength(context, s.best)),
           explanations.Best(s.best), component(Progress(s.threads, multi_target)),
           explanations.Threads(s.threads, multi_target));
}

void OpportunityReadiness(const Inputs& in, const v1::Opportunity& opportunity, v1::Score* out) {
  const PlanIndex& index = in.context.index;
  const v1::ReadinessTuning& t = in.tuning().readiness();
  const v1::PreferenceValues& support_of = in.tuning().support();
  double support = 0;
  bool mentor = false;
  int32_t deciders = 0;
  int32_t supportive_deciders = 0;
  int32_t reached_deciders = 0;
  for (const v1::Participant& participant : opportunity.participants()) {
    const v1::Preference preference = PlanningPreference(participant.preference());
    // As stated: the table gives Neutral and unset their own values (by default those of
    // Non-Supporter, as planning reads them).
    support += ValueOf(support_of, participant.preference());
    if (preference == v1::MENTOR) mentor = true;
    if (!IsDecider(participant)) continue;
    ++deciders;
    if (preference >= v1::SUPPORTER) ++supportive_deciders;
    const PersonIx p = index.FindPerson(participant.person_id());
    if (p != model::kNone && in.stats[p].threads > 0) ++reached_deciders;
  }
  const int32_t participants = opportunity.participants_size();
  const v1::Qualification& q = opportunity.qualification();
  const int32_t answers = q.pain_admitted() + q.access_to_power() + q.vision_agreed() + q.value_agreed();
  const int32_t stage = std::clamp<int32_t>(opportunity.stage(), 0, v1::NEGOTIATE_CLOSE);
  ScoreBuilder(out)
      .Add("participant_support", participants > 0 ? support / participants : 0,
           t.participant_support(),
           absl::StrFormat("mean support of %d participants (MENTOR %g, SUPPORTER %g, "
                           "NEUTRAL %g, NON_SUPPORTER %g, unset %g, ENEMY %g)",
                           participants, 100 * support_of.mentor(), 100 * support_of.supporter(),
                           100 * support_of.neutral(), 100 * support_of.non_supporter(),
                           100 * support_of.unset(),
                           100 * support_of.enemy()))
      .Add("mentor", mentor ? 1 : 0, t.mentor(),
           mentor ? "a MENTOR sells for us when we are absent" : "no participant is a MENTOR")
      .Add("decision_makers_supportive", ShareOf(supportive_deciders, deciders, 0),
           t.decision_makers_supportive(),
           deciders > 0 ? absl::StrCat(supportive_deciders, " of ", deciders,
                                       " decision makers and approvers are SUPPORTER or MENTOR")
                        : "no DECISION_MAKER or APPROVER identified")
      .Add("decision_makers_reached", ShareOf(reached_deciders, deciders, 0),
           t.decision_makers_reached(),
           absl::StrCat(reached_deciders, " of ", deciders,
                        " decision makers and approvers have a thread with our team"))
      .Add("qualification", answers / 4.0, t.qualification(),
           absl::StrCat(answers, " of 4 qualification answers (pain admitted, access to power, "
                                 "vision agreed, value agreed)"))
      .Add("stage", stage / static_cast<double>(v1::NEGOTIATE_CLOSE), t.stage(),
           absl::StrCat("buying stage ",
                        stage == 0 ? std::string("not stated")
                                   : v1::OpportunityStage_Name(static_cast<v1::OpportunityStage>(stage)),
                        " (each of the 5 stages adds 20)"))
      .Finish();
}

}  // namespace

void ComputeScores(const model::Context& context, const model::InfluenceWeb& web, int32_t horizon_days,
                   v1::Scores* out, std::optional<PersonCoverageRows>* person_coverage) {
  const PlanIndex& index = context.index;
  const std::vector<PersonStats> stats = GatherPersonStats(context);
  const std::vector<PersonIx> who_matters = PersonsWhoMatter(index);
  const std::string grade_table = GradeTable(context.settings.tuning.scores().grade_strength());
  const Inputs in{context, web, stats, who_matters, horizon_days, grade_table};

  v1::Scores& scores = *out;
  // Readiness first: risk reads how ready the deals closing within the horizon are.
  std::vector<double> readiness;
  for (const v1::Opportunity& opportunity : index.plan().opportunities()) {
    if (opportunity.closed()) continue;
    v1::OpportunityReadiness& entry = *scores.add_opportunity_readiness();
    entry.set_opportunity_id(opportunity.id());
    OpportunityReadiness(in, opportunity, entry.mutable_readiness());
    readiness.push_back(entry.readiness().value());
  }
  CoverageBreadth(in, scores.mutable_coverage_breadth());
  Depth(in, scores.mutable_depth());
  Quality(in, scores.mutable_quality());
  Risk(in, readiness, scores.mutable_risk());
  AccountHealth(context.settings, scores, scores.mutable_account_health());
  Confidence(in, scores.mutable_confidence());

  const v1::PersonCoverageTuning& coverage_tuning = context.settings.tuning.scores().person_coverage();
  PersonCoverageRows rows(coverage_tuning.best_grade(), coverage_tuning.threads());
  CoverageExplanations explanations(context, grade_table, rows);
  for (PersonIx p = 0; p < index.person_count(); ++p) {
    if (index.has_left(p)) continue;  // history, not coverage
    PersonCoverage(context, p, stats[p], explanations, rows);
  }
  if (person_coverage != nullptr) {
    *person_coverage = std::move(rows);
  } else {
    rows.WriteTo(scores.mutable_person_coverage());
  }
}

}  // namespace contactplan::score
