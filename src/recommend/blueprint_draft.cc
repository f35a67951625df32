#include "recommend/blueprint_draft.h"

#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "model/time.h"
#include "recommend/tactic_library.h"
#include "rules/rule.h"

namespace contactplan::recommend {
namespace {

// A relationship-plan tactic passes at least this many tests (SALES_PLAN counts those passing two).
constexpr int kMinTestsPassed = 2;

// The best unused tactic of `strategy` for the step (most tests passed, then library order); when
// the library has none for this step (a strategy from the options' rules), the best for any step.
const TacticTemplate* BestTactic(v1::InfluenceStrategy strategy, v1::Grade current,
                                 const std::vector<const TacticTemplate*>& used) {
  const TacticTemplate* best = nullptr;
  bool best_fits_step = false;
  for (const TacticTemplate& tactic : TacticLibrary()) {
    if (tactic.strategy != strategy || tactic.tests_passed() < kMinTestsPassed) continue;
    if (std::find(used.begin(), used.end(), &tactic) != used.end()) continue;
    const bool fits_step = (tactic.steps & StepBit(current)) != 0;
    if (best == nullptr || (fits_step && !best_fits_step) ||
        (fits_step == best_fits_step && tactic.tests_passed() > best->tests_passed())) {
      best = &tactic;
      best_fits_step = fits_step;
    }
  }
  return best;
}

// "ask Carol Diaz, who holds Trust with Dan Ek (CFO), to open the door".
std::string LeverageNote(const model::PlanIndex& index, const v1::LeveragePath& path) {
  const model::MemberIx holder = index.FindMember(path.team_member_id());
  const model::PersonIx via =
      path.person_ids().empty() ? model::kNone : index.FindPerson(path.person_ids(0));
  if (holder == model::kNone || via == model::kNone) return "";
  if (path.via() == v1::LeveragePath::COLLEAGUE) {
    return absl::StrCat("ask ", rules::MemberLabel(index, holder), ", who holds ",
                        rules::GradeWord(path.grade()), " with them, to vouch for us");
  }
  return absl::StrCat("ask ", rules::MemberLabel(index, holder), ", who holds ",
                      rules::GradeWord(path.grade()), " with ", rules::PersonLabel(index, via),
                      ", to open the door");
}

}  // namespace

std::vector<v1::BlueprintEntry> DraftBlueprint(
    const model::Context& context, std::span<const v1::KeyIntersection> key_intersections,
    int32_t horizon_days) {
  std::vector<v1::BlueprintEntry> draft;
  draft.reserve(key_intersections.size());
  for (const v1::KeyIntersection& key : key_intersections) {
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
      if (const TacticTemplate* t = BestTactic(choice.strategy(), key.current_grade(), chosen)) {
        chosen.push_back(t);
      }
    }
    for (const v1::StrategyChoice& choice : key.strategies()) {
      while (chosen.size() < static_cast<size_t>(kMinTactics)) {
        const TacticTemplate* t = BestTactic(choice.strategy(), key.current_grade(), chosen);
        if (t == nullptr) break;
        chosen.push_back(t);
      }
    }

    const std::string leverage =
        key.leverage().empty() ? "" : LeverageNote(context.index, key.leverage(0));
    for (const TacticTemplate* t : chosen) {
      v1::Tactic& tactic = *entry.add_tactics();
      tactic.set_description(std::string(t->description));
      tactic.set_resources(entry.tactics_size() == 1 && !leverage.empty()
                               ? absl::StrCat(std::string(t->resources), "; ", leverage)
                               : std::string(t->resources));
      if (context.now) {
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
