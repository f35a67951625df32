#include "recommend/strategy_table.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"

namespace contactplan::recommend {
namespace {

using v1::Person;

constexpr v1::InfluenceStrategy kReciprocity = v1::RECIPROCITY;
constexpr v1::InfluenceStrategy kCommitment = v1::COMMITMENT;
constexpr v1::InfluenceStrategy kSocialProof = v1::SOCIAL_PROOF;
constexpr v1::InfluenceStrategy kLiking = v1::LIKING;
constexpr v1::InfluenceStrategy kAuthority = v1::AUTHORITY;
constexpr v1::InfluenceStrategy kScarcity = v1::SCARCITY;
constexpr v1::InfluenceStrategy kUnity = v1::UNITY;

// The library's judgement, row by row. The steps follow the grades: first contact (blank), repair
// (MOTIVATED_TO_CHANGE, DISSATISFIED), earning satisfaction (INDIFFERENT), opening the door to new
// ideas (SATISFIED) and becoming the advisor they seek out (OPEN). Role rows come before the level
// rows, so a power buyer who is also an executive gets the power-buyer row.
// clang-format off
constexpr StrategyRow kTable[] = {
    // --- Blank cell: the first contact.
    {.blank_cell = true, .buyer_role = Person::POWER, .picks = {{
         {kAuthority, "Economic buyers give their time to peers and proven experts: send our most "
                      "senior, most credible person.",
                      "Economic buyers give their time to proven expertise: come with credentials "
                      "that bear on their priorities, and bring a senior colleague to the first "
                      "meeting."},
         {kReciprocity, "Open with an insight on their business priorities, not our product; the "
                        "first meeting should leave them better informed."},
         {kLiking, "An introduction from someone they already rely on is the shortest way onto "
                   "their calendar."}}}},
    {.blank_cell = true, .buyer_role = Person::EVANGELIST, .picks = {{
         {kUnity, "Evangelists move for a cause: show early that we care about the problem they "
                  "champion."},
         {kReciprocity, "Give them something they can use in their own campaign (data, a "
                        "benchmark, a contact)."},
         {kLiking, "A warm introduction from a mutual contact gets a change agent's attention "
                   "faster than a cold approach."}}}},
    {.blank_cell = true, .buyer_role = Person::ADVISOR, .picks = {{
         {kAuthority, "Evaluators respect expertise: open with a knowledgeable peer, not a sales "
                      "pitch."},
         {kSocialProof, "References from similar evaluations answer the first questions an "
                        "evaluator will ask."},
         {kReciprocity, "Share technical material they would otherwise have to dig for."}}}},
    {.blank_cell = true, .level = v1::EXECUTIVE, .picks = {{
         {kAuthority, "Executives meet peers: send someone of equal seniority, with credentials "
                      "that matter to their agenda.",
                      "Executives give time to expertise that bears on their agenda: prepare one "
                      "sharp point of view, and ask a senior colleague to join the first meeting."},
         {kReciprocity, "Bring a perspective on their industry they have not heard yet, and ask "
                        "for nothing."},
         {kLiking, "An introduction from someone they trust lends us their goodwill."}}}},
    {.blank_cell = true, .picks = {{
         {kLiking, "A warm introduction from someone they already like opens the door faster than "
                   "a cold approach."},
         {kReciprocity, "Open with something useful to them and ask nothing back: the first "
                        "contact should leave them better off."},
         {kAuthority, "Credentials that bear on their work earn the first meeting a hearing."}}}},

    // --- MOTIVATED_TO_CHANGE: they are working to replace us; stop the slide to DISSATISFIED.
    {.from_grade = v1::MOTIVATED_TO_CHANGE, .buyer_role = Person::POWER, .picks = {{
         {kAuthority, "A power buyer expects a senior sponsor from our side to own the recovery "
                      "and answer to them directly.",
                      "A power buyer expects a senior sponsor: name one from our side who stands "
                      "behind the recovery the owner runs."},
         {kCommitment, "Specific, dated fixes they can hold us to are the only promise they will "
                       "still listen to."},
         {kReciprocity, "Carry the cost of putting things right ourselves: it is the one favour "
                        "that counts now."}}}},
    {.from_grade = v1::MOTIVATED_TO_CHANGE, .picks = {{
         {kCommitment, "They are working to replace us: only visible promises, kept on time, can "
                       "slow that down."},
         {kAuthority, "A senior person from our side who owns the recovery shows we take it "
                      "seriously."},
         {kReciprocity, "Fixing what hurts them at our own cost is the one favour that counts "
                        "now."}}}},

    // --- DISSATISFIED: repair to INDIFFERENT.
    {.from_grade = v1::DISSATISFIED, .buyer_role = Person::POWER, .picks = {{
         {kCommitment, "Agree a short recovery plan with the power buyer and report on every "
                       "promise in it until it is done."},
         {kAuthority, "Put a senior sponsor from our side in charge so they hear about the fix "
                      "from a peer.",
                      "Name a senior sponsor from our side behind the fix, so the power buyer "
                      "sees it taken seriously above the owner's level."},
         {kReciprocity, "Go beyond the contract to solve the problem behind the complaint."}}}},
    {.from_grade = v1::DISSATISFIED, .picks = {{
         {kCommitment, "A recovery plan they agree to, with dated promises we keep, turns "
                       "complaints into a record of delivery."},
         {kReciprocity, "Solve a problem beyond what the contract asks, unpaid, to show the "
                        "relationship matters more than the invoice."},
         {kLiking, "Listening without defending rebuilds the personal goodwill that "
                   "dissatisfaction has worn away."}}}},

    // --- INDIFFERENT: earn SATISFIED by making the benefit concrete.
    {.from_grade = v1::INDIFFERENT, .buyer_role = Person::POWER, .picks = {{
         {kReciprocity, "Bring an insight on their results or costs that they could not easily "
                        "get elsewhere."},
         {kSocialProof, "Results achieved for peer executives show the payoff in their terms."},
         {kAuthority, "Expertise applied to their priorities, not our product, earns the next "
                      "meeting."}}}},
    {.from_grade = v1::INDIFFERENT, .buyer_role = Person::EVANGELIST, .picks = {{
         {kUnity, "Evangelists move for a cause: make theirs a goal we share and work on "
                  "together."},
         {kReciprocity, "Equip them with material that helps their case inside the company."},
         {kSocialProof, "Stories of other change agents who succeeded with us give them "
                        "confidence in backing us."}}}},
    {.from_grade = v1::INDIFFERENT, .buyer_role = Person::ADVISOR, .picks = {{
         {kAuthority, "Evaluators warm to expertise that answers their hardest technical or "
                      "commercial questions."},
         {kSocialProof, "References from organisations like theirs make the benefit concrete."},
         {kCommitment, "A small, well-defined proof they design themselves builds a record they "
                       "trust."}}}},
    {.from_grade = v1::INDIFFERENT, .buyer_role = Person::USER, .picks = {{
         {kSocialProof, "Users trust other users: show how people doing their job get on with "
                        "what we offer."},
         {kLiking, "Time spent understanding their daily work makes us someone they want to help "
                   "succeed."},
         {kCommitment, "A small trial on a task they choose gives them a first success of their "
                       "own."}}}},
    {.from_grade = v1::INDIFFERENT, .picks = {{
         {kSocialProof, "An indifferent person sees no benefit yet; results from peers like them "
                        "make the benefit concrete."},
         {kReciprocity, "Useful, hard-to-get information gives them a reason to take our calls."},
         {kCommitment, "A small first step they choose (a pilot, a review) starts a track record "
                       "they can be satisfied with."}}}},

    // --- SATISFIED: open the door to new ideas (OPEN).
    {.from_grade = v1::SATISFIED, .buyer_role = Person::POWER, .picks = {{
         {kReciprocity, "Bring ideas and introductions before they are asked for: satisfied "
                        "buyers open up to those who give first."},
         {kScarcity, "Be the first to tell them about time-bound changes (a price change, a "
                     "renewal window): early news is a favour and a reason to talk."},
         {kCommitment, "A small pilot of a new idea, sponsored by them, turns satisfaction into "
                       "openness."}}}},
    {.from_grade = v1::SATISFIED, .buyer_role = Person::EVANGELIST, .picks = {{
         {kUnity, "Make the change they champion a joint project with a shared name and goal."},
         {kCommitment, "Get them on record for the change they want, with our support behind "
                       "them."},
         {kReciprocity, "Give them visibility: introductions and material that raise their "
                        "standing."}}}},
    {.from_grade = v1::SATISFIED, .buyer_role = Person::ADVISOR, .picks = {{
         {kAuthority, "Share expertise ahead of their next evaluation; evaluators open up to "
                      "those who make them look informed."},
         {kReciprocity, "Hard-to-get technical or market information is a favour they remember."},
         {kCommitment, "Invite them to shape a small pilot, so the next proposal is partly "
                       "theirs."}}}},
    {.from_grade = v1::SATISFIED, .buyer_role = Person::USER, .picks = {{
         {kLiking, "Working side by side on their problems makes new ideas from us welcome."},
         {kCommitment, "A small pilot of a new way of working lets them vouch for it from "
                       "experience."},
         {kReciprocity, "Tips and help beyond the contract show we care how their work goes."}}}},
    {.from_grade = v1::SATISFIED, .picks = {{
         {kReciprocity, "Satisfied people open up to those who bring them ideas and introductions "
                        "before being asked."},
         {kCommitment, "A small pilot of a new idea turns satisfaction with past work into "
                       "openness to the next proposal."},
         {kLiking, "Shared interests and working side by side make new ideas easier to hear from "
                   "us."}}}},

    // --- OPEN: become the advisor they seek out (TRUST).
    {.from_grade = v1::OPEN, .buyer_role = Person::POWER, .picks = {{
         {kUnity, "Trust at the top grows from a shared agenda: their goals become ours, and they "
                  "see us working on them."},
         {kAuthority, "Be right on their hardest questions, including the ones outside our "
                      "offer."},
         {kReciprocity, "Keep giving unpaid time to their problems; advisors give before they are "
                        "asked."}}}},
    {.from_grade = v1::OPEN, .buyer_role = Person::EVANGELIST, .picks = {{
         {kUnity, "Co-create the change with them; an evangelist trusts partners in the cause."},
         {kReciprocity, "Keep investing in their success and standing inside the company."},
         {kAuthority, "Bring the expertise that makes their case unanswerable."}}}},
    {.from_grade = v1::OPEN, .level = v1::EXECUTIVE, .picks = {{
         {kUnity, "Executives trust partners who share their goals and are seen to work on "
                  "them."},
         {kAuthority, "Sound advice on strategic questions, including those beyond our offer, is "
                      "what gets us consulted."},
         {kReciprocity, "Unpaid thinking on their problems is how an advisor earns the next "
                        "call."}}}},
    {.from_grade = v1::OPEN, .picks = {{
         {kUnity, "Trust grows when the work becomes ours together: shared goals, co-created "
                  "plans."},
         {kAuthority, "People seek the advice of those whose expertise has proven right on their "
                      "hardest questions."},
         {kReciprocity, "Keep investing unpaid time in their problems; trusted advisors give "
                        "before they are asked."}}}},
};
// clang-format on

struct Match {
  int specificity = -1;
  const v1::StrategyRule* option = nullptr;
  const StrategyRow* row = nullptr;
};

// Set fields of a row that matches the step and person, or -1 when it does not match.
int Specificity(v1::Grade from_grade, bool blank_cell, Person::BuyerRole role, v1::Level level,
                const model::PlanIndex& index, model::PersonIx p, v1::Grade current) {
  if (blank_cell && current != v1::GRADE_UNSPECIFIED) return -1;
  if (from_grade != v1::GRADE_UNSPECIFIED && from_grade != current) return -1;
  if (role != Person::BUYER_ROLE_UNSPECIFIED && !index.has_buyer_role(p, role)) return -1;
  if (level != v1::LEVEL_UNSPECIFIED && level != index.person(p).level()) return -1;
  return (blank_cell || from_grade != v1::GRADE_UNSPECIFIED) +
         (role != Person::BUYER_ROLE_UNSPECIFIED) + (level != v1::LEVEL_UNSPECIFIED);
}

bool Usable(v1::InfluenceStrategy strategy) {
  return strategy != v1::INFLUENCE_STRATEGY_UNSPECIFIED && v1::InfluenceStrategy_IsValid(strategy);
}

}  // namespace

std::span<const StrategyRow> BuiltInStrategyTable() { return kTable; }

std::string_view StrategyMeaning(v1::InfluenceStrategy strategy) {
  switch (strategy) {
    case v1::RECIPROCITY: return "a valued favour creates a wish to return it";
    case v1::COMMITMENT: return "people keep to what they have visibly committed to";
    case v1::SOCIAL_PROOF: return "people follow what peers like them do";
    case v1::LIKING: return "people say yes to those they like and resemble";
    case v1::AUTHORITY: return "people defer to proven expertise";
    case v1::SCARCITY: return "what is limited or ending gets attention";
    case v1::UNITY: return "people back those who share their identity and goals";
    default: return "";
  }
}

std::vector<v1::StrategyChoice> RankStrategies(const Settings& settings,
                                               const model::PlanIndex& index, model::PersonIx p,
                                               v1::Grade current, v1::Level owner_level) {
  const v1::Level person_level = index.person(p).level();
  const bool junior_owner = owner_level != v1::LEVEL_UNSPECIFIED &&
                            person_level != v1::LEVEL_UNSPECIFIED && owner_level < person_level;
  std::vector<v1::StrategyChoice> choices;
  if (current >= v1::TRUST) return choices;
  Match best;
  // Option rules were checked when the engine was built: each names at least one strategy.
  for (const v1::StrategyRule& rule : settings.strategy_rules) {
    const int specificity = Specificity(rule.from_grade(), rule.blank_cell(), rule.buyer_role(),
                                        rule.level(), index, p, current);
    if (specificity > best.specificity) best = {specificity, &rule, nullptr};
  }
  for (const StrategyRow& row : kTable) {
    const int specificity =
        Specificity(row.from_grade, row.blank_cell, row.buyer_role, row.level, index, p, current);
    if (specificity > best.specificity) best = {specificity, nullptr, &row};
  }
  const auto add = [&](v1::InfluenceStrategy strategy, std::string reason) {
    if (!Usable(strategy)) return;
    for (const v1::StrategyChoice& chosen : choices) {
      if (chosen.strategy() == strategy) return;
    }
    v1::StrategyChoice& choice = choices.emplace_back();
    choice.set_strategy(strategy);
    choice.set_reason(std::move(reason));
  };
  if (best.option != nullptr) {
    for (int strategy : best.option->strategies()) {
      const auto s = static_cast<v1::InfluenceStrategy>(strategy);
      add(s, best.option->reason().empty()
                 ? absl::StrCat("The account team's strategy rule: ",
                                std::string(StrategyMeaning(s)), ".")
                 : best.option->reason());
    }
  } else if (best.row != nullptr) {
    for (const StrategyPick& pick : best.row->picks) {
      const bool junior = junior_owner && !pick.junior_owner_reason.empty();
      add(pick.strategy, std::string(junior ? pick.junior_owner_reason : pick.reason));
    }
  }
  return choices;
}

std::vector<v1::StrategyChoice> RepairStrategies(std::vector<v1::StrategyChoice> choices) {
  std::erase_if(choices, [](const v1::StrategyChoice& choice) {
    return choice.strategy() == v1::SCARCITY || choice.strategy() == v1::SOCIAL_PROOF;
  });
  if (!choices.empty()) return choices;
  for (const StrategyRow& row : kTable) {
    if (row.from_grade != v1::DISSATISFIED || row.buyer_role != Person::BUYER_ROLE_UNSPECIFIED) {
      continue;
    }
    for (const StrategyPick& pick : row.picks) {
      v1::StrategyChoice& choice = choices.emplace_back();
      choice.set_strategy(pick.strategy);
      choice.set_reason(std::string(pick.reason));
    }
    break;
  }
  return choices;
}

std::vector<v1::StrategyChoice> ChampionStrategies() {
  // clang-format off
  static constexpr StrategyPick kChampion[] = {
      {kCommitment, "Ask them to coach us: how the decision will really be made, who else must "
                    "agree, what would make them put their name to it. Advice given is support on "
                    "record."},
      {kReciprocity, "Equip them to sell for us when we are absent: the case in their words, the "
                     "answers to the objections they will hear, early news they can share."},
      {kUnity, "Make the outcome a shared one: their success inside the company is the result we "
               "work for together."},
  };
  // clang-format on
  std::vector<v1::StrategyChoice> choices;
  for (const StrategyPick& pick : kChampion) {
    v1::StrategyChoice& choice = choices.emplace_back();
    choice.set_strategy(pick.strategy);
    choice.set_reason(std::string(pick.reason));
  }
  return choices;
}

}  // namespace contactplan::recommend
