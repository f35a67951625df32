#include "recommend/blueprint_draft.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "base/timestamp_range.h"
#include "model/time.h"
#include "recommend/tactic_library.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

// A relationship-plan tactic passes at least this many tests (SALES_PLAN counts those passing two).
constexpr int kMinTestsPassed = 2;

// How good a tactic is for a step: suited to the step first, then the number of tests passed.
int Rating(const TacticTemplate& tactic, v1::Grade current) {
  return ((tactic.steps & StepBit(current)) != 0 ? 10 : 0) + tactic.tests_passed();
}

// An unused tactic of `strategy` passing at least kMinTestsPassed tests, among the best rated for
// the step (a strategy from the options' rules with none for this step takes the best for any
// step). When several share the best rating, `rotation` picks among them in library order, so the
// entries of one draft do not all repeat the same tactic.
const TacticTemplate* BestTactic(v1::InfluenceStrategy strategy, v1::Grade current,
                                 const std::vector<const TacticTemplate*>& used, size_t rotation) {
  std::vector<const TacticTemplate*> best;
  int best_rating = -1;
  for (const TacticTemplate& tactic : TacticLibrary()) {
    if (tactic.strategy != strategy || tactic.tests_passed() < kMinTestsPassed) continue;
    if (std::find(used.begin(), used.end(), &tactic) != used.end()) continue;
    const int rating = Rating(tactic, current);
    if (rating > best_rating) {
      best.clear();
      best_rating = rating;
    }
    if (rating == best_rating) best.push_back(&tactic);
  }
  return best.empty() ? nullptr : best[rotation % best.size()];
}

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

}  // namespace

std::vector<v1::BlueprintEntry> DraftBlueprint(
    const model::Context& context, std::span<const v1::KeyIntersection> key_intersections,
    int32_t horizon_days) {
  std::vector<v1::BlueprintEntry> draft;
  draft.reserve(key_intersections.size());
  for (const v1::KeyIntersection& key : key_intersections) {
    const size_t rotation = draft.size();
    v1::BlueprintEntry& entry = draft.emplace_back();
    entry.set_person_id(key.person_id());
    entry.set_team_member_id(key.team_member_id());
    entry.mutable_goal()->set_grade(key.next_grade());
    entry.set_horizon_days(horizon_days);
    for (const v1::StrategyChoice& choice : key.strategies())
      entry.add_strategies(choice.strategy());

    // One tactic per strategy, best strategy first; then more from the top strategies until the
    // minimum is reached.
    std::vector<const TacticTemplate*> chosen;
    for (const v1::StrategyChoice& choice : key.strategies()) {
      if (chosen.size() >= static_cast<size_t>(kMaxTactics)) break;
      if (const TacticTemplate* t =
              BestTactic(choice.strategy(), key.current_grade(), chosen, rotation)) {
        chosen.push_back(t);
      }
    }
    for (const v1::StrategyChoice& choice : key.strategies()) {
      while (chosen.size() < static_cast<size_t>(kMinTactics)) {
        const TacticTemplate* t =
            BestTactic(choice.strategy(), key.current_grade(), chosen, rotation);
        if (t == nullptr) break;
        chosen.push_back(t);
      }
    }

    const std::string leverage = key.leverage().empty() ? "" : LeverageNote(context.index, key);
    for (const TacticTemplate* t : chosen) {
      v1::Tactic& tactic = *entry.add_tactics();
      tactic.set_description(std::string(t->description));
      tactic.set_resources(entry.tactics_size() == 1 && !leverage.empty()
                               ? absl::StrCat(std::string(t->resources), "; ", leverage)
                               : std::string(t->resources));
      // A due date past 9999-12-31 has no Timestamp: the tactic is drafted without one
      // (docs/limits.md, "Times").
      if (context.now && base::InTimestampRange(*context.now + absl::Hours(24 * horizon_days))) {
        *tactic.mutable_due_at() =
            model::ToTimestamp(*context.now + absl::Hours(24 * horizon_days));
      }
      tactic.set_invests_own_time(t->invests_own_time);
      tactic.set_teaches_us(t->teaches_us);
      tactic.set_shows_value(t->shows_value);
    }
  }
  return draft;
}

}  // namespace contactplan::recommend
