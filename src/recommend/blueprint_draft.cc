#include "recommend/blueprint_draft.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "base/stable_sort.h"
#include "base/timestamp_range.h"
#include "model/time.h"
#include "recommend/tactic_library.h"
#include "recommend/tactic_situation.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

// Who helps, in words. For a new relationship they open the door ("ask Cy Ray, who holds Trust
// with Dan Ek (CEO), to open the door"); for an existing one they put in a good word. When the
// owner holds the leverage themselves, the person they know is asked ("ask Dan Ek (CEO), who sees
// Cy Ray at Trust, to introduce us").
std::string LeverageNote(const model::PlanIndex& index, const v1::KeyIntersection& key) {
  const v1::LeveragePath& path = key.leverage(0);
  const model::MemberIx holder = index.FindMember(path.team_member_id());
  const model::PersonIx via =
      path.person_ids().empty() ? model::kNone : index.FindPerson(path.person_ids(0));
  if (holder == model::kNone || via == model::kNone) return "";
  const bool blank = key.current_grade() == v1::GRADE_UNSPECIFIED;
  const char* grade = rules::GradeWord(path.grade());
  if (path.team_member_id() == key.team_member_id()) {
    return absl::StrCat("ask ", rules::PersonLabel(index, via), ", who sees ",
                        rules::MemberLabel(index, holder), " at ", grade,
                        blank ? ", to introduce us" : ", to put in a good word");
  }
  if (path.via() == v1::LeveragePath::COLLEAGUE) {
    return absl::StrCat("ask ", rules::MemberLabel(index, holder), ", who holds ", grade,
                        " with them, to vouch for us");
  }
  return absl::StrCat("ask ", rules::MemberLabel(index, holder), ", who holds ", grade, " with ",
                      rules::PersonLabel(index, via),
                      blank ? ", to open the door" : ", to put in a good word");
}

// Who opens the door for the entry, when that is not its owner: the key's introducer, else (for a
// blank cell) the holder of its strongest leverage path. Empty when the owner goes alone.
std::string IntroducerOf(const v1::KeyIntersection& key) {
  if (!key.introducer_id().empty()) {
    return key.introducer_id() == key.team_member_id() ? "" : key.introducer_id();
  }
  if (key.current_grade() != v1::GRADE_UNSPECIFIED || key.leverage().empty()) return "";
  const std::string& holder = key.leverage(0).team_member_id();
  return holder == key.team_member_id() ? "" : holder;
}

// Situations a tactic for building a relationship serves.
constexpr uint32_t kBuilding = kGrowth | kChampion | kLateDeal | kRenewal;

bool ForbiddenInRepair(v1::InfluenceStrategy strategy) {
  return strategy == v1::SCARCITY || strategy == v1::SOCIAL_PROOF;
}

// The goal grade: SATISFIED for a blank cell (reached via INDIFFERENT), otherwise the next grade.
v1::Grade GoalOf(const v1::KeyIntersection& key) {
  if (key.current_grade() == v1::GRADE_UNSPECIFIED) return v1::SATISFIED;
  return key.next_grade() != v1::GRADE_UNSPECIFIED ? key.next_grade() : key.current_grade();
}

// Picks tactics for the entries of one draft, keeping count of how often each is used.
class TacticChooser {
 public:
  TacticChooser(const v1::TacticTuning& tuning, size_t entries)
      : tuning_(tuning), uses_(TacticLibrary().size(), 0) {
    const double share = tuning.max_share_per_tactic() * static_cast<double>(entries);
    cap_ = std::max<int>(1, static_cast<int>(std::floor(share + 1e-9)));
  }

  // The best tactic for the entry among those of `strategy` (any strategy when unspecified) that
  // are eligible and not in `chosen`, among those used fewer than the cap times when
  // `within_cap`; `doors` asks for an introduction. Best = highest score, then least used, then
  // library order. Null when none.
  int Pick(const EntryProfile& profile, v1::InfluenceStrategy strategy, bool doors,
           const std::vector<int>& chosen, bool within_cap) const {
    const std::span<const TacticTemplate> library = TacticLibrary();
    int best = -1;
    double best_score = -1;
    for (int i = 0; i < static_cast<int>(library.size()); ++i) {
      const TacticTemplate& tactic = library[i];
      if (strategy != v1::INFLUENCE_STRATEGY_UNSPECIFIED && tactic.strategy != strategy) continue;
      if (tactic.opens_door != doors) continue;
      if (within_cap && uses_[i] >= cap_) continue;
      if (std::find(chosen.begin(), chosen.end(), i) != chosen.end()) continue;
      const double score = Score(tactic, profile);
      if (score < 0) continue;
      if (score > best_score || (score == best_score && uses_[i] < uses_[best])) {
        best = i;
        best_score = score;
      }
    }
    return best;
  }

  void Use(int i) { ++uses_[i]; }

 private:
  // -1 when the tactic does not fit the entry; else its score (docs/recommendations.md).
  double Score(const TacticTemplate& tactic, const EntryProfile& profile) const {
    if (tactic.tests_passed() < tuning_.min_tests_passed()) return -1;
    if ((tactic.steps & StepBit(profile.current)) == 0) return -1;
    if ((tactic.situations & profile.situations) == 0) return -1;
    if (profile.repair() && ForbiddenInRepair(tactic.strategy)) return -1;
    int fitted = 0;
    for (const auto& [wanted, held] :
         {std::pair{tactic.buyer_roles, profile.buyer_roles},
          std::pair{tactic.buying_roles, profile.buying_roles},
          std::pair{tactic.levels, profile.level}}) {
      if (wanted == 0) continue;
      if ((wanted & held) == 0) return -1;
      ++fitted;
    }
    const bool specific = (tactic.situations & profile.situations & ~uint32_t{kGrowth}) != 0;
    return (specific ? tuning_.situation_weight() : 0) + tuning_.role_fit_weight() * fitted +
           tuning_.test_weight() * tactic.tests_passed();
  }

  const v1::TacticTuning& tuning_;
  std::vector<int> uses_;
  int cap_ = 1;
};

// The strategies of the entry: the key's, less those repair never uses; a repair entry left
// without any takes the built-in repair strategies.
std::vector<v1::InfluenceStrategy> EntryStrategies(const v1::KeyIntersection& key,
                                                   const EntryProfile& profile) {
  std::vector<v1::InfluenceStrategy> strategies;
  strategies.reserve(static_cast<size_t>(key.strategies_size()));
  for (const v1::StrategyChoice& choice : key.strategies()) {
    if (profile.repair() && ForbiddenInRepair(choice.strategy())) continue;
    strategies.push_back(choice.strategy());
  }
  if (strategies.empty() && profile.repair()) {
    strategies = {v1::COMMITMENT, v1::AUTHORITY, v1::RECIPROCITY};
  }
  return strategies;
}

// The share of the horizon at which the `position`-th of `count` work tactics falls due.
double WorkShare(const v1::TacticTuning& tuning, int position, int count) {
  if (count <= 1) return tuning.first_due_share();
  return tuning.first_due_share() + (tuning.last_due_share() - tuning.first_due_share()) *
                                        position / static_cast<double>(count - 1);
}

}  // namespace

void DraftBlueprint(const model::Context& context,
                    const google::protobuf::RepeatedPtrField<v1::KeyIntersection>& key_intersections,
                    int32_t horizon_days, google::protobuf::RepeatedPtrField<v1::BlueprintEntry>* draft) {
  const v1::TacticTuning& tuning = context.settings.tuning.tactics();
  const size_t most = static_cast<size_t>(std::max(0, tuning.tactics_per_entry()));
  const size_t least = std::min(most, static_cast<size_t>(std::max(0, tuning.min_tactics_per_entry())));
  const SituationReader situations(context, horizon_days);
  TacticChooser chooser(tuning, key_intersections.size());

  // What each entry is about, and the tactics chosen for it so far (library positions).
  struct Work {
    EntryProfile profile;
    std::vector<v1::InfluenceStrategy> strategies;
    std::string introducer;
    int introduction = -1;
    std::vector<int> chosen;
  };
  std::vector<Work> works;
  works.reserve(key_intersections.size());
  for (const v1::KeyIntersection& key : key_intersections) {
    Work& work = works.emplace_back();
    work.profile = situations.Profile(key);
    work.strategies = EntryStrategies(key, work.profile);
    work.introducer = most > 0 ? IntroducerOf(key) : "";
    work.chosen.reserve(most);  // never more (one block, not three growing ones)
  }
  auto take = [&](Work& work, int t) {
    if (t < 0) return false;
    work.chosen.push_back(t);
    chooser.Use(t);
    return true;
  };
  // Rounds over the whole draft, so the cap spreads tactics over all entries before any entry
  // gets more than its minimum: the introductions; the minimum, one per strategy, best strategy
  // first, then more from the top strategies; extra tactics from strategies not yet served, up to
  // the most; only then, for an entry still short, a tactic already used up to the cap; and as a
  // last resort any strategy the situation allows, which then joins the entry's strategies.
  for (Work& work : works) {
    if (work.introducer.empty()) continue;
    const v1::InfluenceStrategy any = v1::INFLUENCE_STRATEGY_UNSPECIFIED;
    const int t = chooser.Pick(work.profile, any, true, work.chosen, true);
    work.introduction = t >= 0 ? t : chooser.Pick(work.profile, any, true, work.chosen, false);
    take(work, work.introduction);
  }
  const auto work_count = [](const Work& work) {
    return work.chosen.size() - (work.introduction >= 0 ? 1 : 0);
  };
  for (Work& work : works) {
    for (v1::InfluenceStrategy strategy : work.strategies) {
      if (work_count(work) >= least || work.chosen.size() >= most) break;
      take(work, chooser.Pick(work.profile, strategy, false, work.chosen, true));
    }
    for (v1::InfluenceStrategy strategy : work.strategies) {
      while (work_count(work) < least && work.chosen.size() < most &&
             take(work, chooser.Pick(work.profile, strategy, false, work.chosen, true))) {
      }
    }
  }
  for (Work& work : works) {
    for (v1::InfluenceStrategy strategy : work.strategies) {
      if (work.chosen.size() >= most) break;
      const bool served = std::any_of(work.chosen.begin(), work.chosen.end(), [&](int t) {
        return t != work.introduction && TacticLibrary()[t].strategy == strategy;
      });
      if (!served) take(work, chooser.Pick(work.profile, strategy, false, work.chosen, true));
    }
  }
  for (Work& work : works) {
    for (v1::InfluenceStrategy strategy : work.strategies) {
      while (work_count(work) < least && work.chosen.size() < most &&
             take(work, chooser.Pick(work.profile, strategy, false, work.chosen, false))) {
      }
    }
    // Beyond that, any building situation (the grade step, the person's fit, the tests and the
    // repair and blank-cell promises still hold).
    EntryProfile wider = work.profile;
    wider.situations |= kBuilding;
    while (work_count(work) < least && work.chosen.size() < most) {
      int t = chooser.Pick(work.profile, v1::INFLUENCE_STRATEGY_UNSPECIFIED, false, work.chosen,
                           false);
      if (t < 0) {
        t = chooser.Pick(wider, v1::INFLUENCE_STRATEGY_UNSPECIFIED, false, work.chosen, false);
      }
      if (!take(work, t)) break;
      const v1::InfluenceStrategy strategy = TacticLibrary()[t].strategy;
      if (std::find(work.strategies.begin(), work.strategies.end(), strategy) ==
          work.strategies.end()) {
        work.strategies.push_back(strategy);
      }
    }
    // The introduction first, then the tactics in the order of their strategies.
    const auto rank = [&](int t) {
      if (t == work.introduction) return -1;
      return static_cast<int>(std::find(work.strategies.begin(), work.strategies.end(),
                                        TacticLibrary()[t].strategy) -
                              work.strategies.begin());
    };
    StableSort(work.chosen.begin(), work.chosen.end(),
               [&](int a, int b) { return rank(a) < rank(b); });
  }

  draft->Reserve(draft->size() + key_intersections.size());
  const int first_entry = draft->size();
  for (int k = 0; k < key_intersections.size(); ++k) {
    const v1::KeyIntersection& key = key_intersections[k];
    const Work& work = works[k];
    const EntryProfile& profile = work.profile;
    const std::vector<int>& chosen = work.chosen;
    const int introduction = work.introduction;
    const std::string& introducer = work.introducer;
    v1::BlueprintEntry& entry = *draft->Add();
    entry.set_person_id(key.person_id());
    entry.set_team_member_id(key.team_member_id());
    entry.mutable_goal()->set_grade(GoalOf(key));
    entry.set_horizon_days(horizon_days);
    for (v1::InfluenceStrategy strategy : work.strategies) entry.add_strategies(strategy);

    // Due dates: shares of the horizon, sooner for a repair, later entries a little later.
    const double pace = profile.repair() ? tuning.repair_pace() : 1.0;
    const double spread = key_intersections.empty()
                              ? 0
                              : tuning.entry_spread_share() * static_cast<double>(draft->size() - first_entry - 1) /
                                    static_cast<double>(key_intersections.size());
    const int work_tactics = static_cast<int>(work_count(work));
    int work_position = 0;
    int64_t previous_day = 0;
    bool after_introduction = false;
    const std::string leverage = key.leverage().empty() ? "" : LeverageNote(context.index, key);
    for (int t : chosen) {
      const TacticTemplate& source = TacticLibrary()[t];
      const bool is_introduction = t == introduction;
      v1::Tactic& tactic = *entry.add_tactics();
      // Written into the fields in place: no temporaries, one heap block each at most.
      tactic.mutable_description()->assign(source.description);
      std::string& resources = *tactic.mutable_resources();
      if (entry.tactics_size() == 1 && !leverage.empty()) {
        resources.reserve(source.resources.size() + 2 + leverage.size());
        resources.append(source.resources).append("; ").append(leverage);
      } else {
        resources.assign(source.resources);
      }
      if (is_introduction) tactic.set_owner_id(introducer);
      tactic.set_invests_own_time(source.invests_own_time);
      tactic.set_teaches_us(source.teaches_us);
      tactic.set_shows_value(source.shows_value);

      const double share =
          is_introduction ? tuning.introduction_due_share()
                          : WorkShare(tuning, work_position++, work_tactics);
      // Whole days, at least one, each tactic no earlier than the one before, never past the end.
      int64_t day = static_cast<int64_t>(std::llround(horizon_days * (share * pace + spread)));
      // The meeting an introduction leads to comes at least a day after it.
      day = std::max(day, previous_day + (after_introduction ? 1 : 0));
      day = std::clamp<int64_t>(day, 1, std::max(1, horizon_days));
      previous_day = day;
      after_introduction = is_introduction;
      // A due date past 9999-12-31 has no Timestamp: the tactic is drafted without one
      // (docs/limits.md, "Times").
      if (context.now && base::InTimestampRange(*context.now + absl::Hours(24 * day))) {
        *tactic.mutable_due_at() = model::ToTimestamp(*context.now + absl::Hours(24 * day));
      }
    }
  }
}

}  // namespace contactplan::recommend
