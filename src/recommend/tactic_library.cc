#include "recommend/tactic_library.h"

namespace contactplan::recommend {
namespace {

constexpr uint32_t kBlank = StepBit(v1::GRADE_UNSPECIFIED);
constexpr uint32_t kMotivated = StepBit(v1::MOTIVATED_TO_CHANGE);
constexpr uint32_t kDissatisfied = StepBit(v1::DISSATISFIED);
constexpr uint32_t kIndifferent = StepBit(v1::INDIFFERENT);
constexpr uint32_t kSatisfied = StepBit(v1::SATISFIED);
constexpr uint32_t kOpen = StepBit(v1::OPEN);
constexpr uint32_t kRepair = kMotivated | kDissatisfied;
constexpr uint32_t kBuild = kIndifferent | kSatisfied | kOpen;

// Tests in order: invests our own time, teaches us about the client, shows value beyond the work.
constexpr TacticTemplate kLibrary[] = {
    // Reciprocity: give first, something they value, with no ask attached.
    {v1::RECIPROCITY, kBlank | kBuild,
     "Research one question they have raised and send a short brief with what we found, asking "
     "nothing in return",
     "the owner's time; an analyst for a day", true, true, true},
    {v1::RECIPROCITY, kRepair | kIndifferent,
     "Fix a small irritant outside the contract at our own cost, and explain what caused it",
     "the delivery team; a small goodwill budget", true, true, true},
    {v1::RECIPROCITY, kBuild,
     "Host a small closed round-table where they meet peers on a problem they care about",
     "a venue, a moderator and the invitations", true, true, true},
    {v1::RECIPROCITY, kBuild,
     "Introduce them to someone they want to meet (a peer at another client, an industry expert) "
     "and step out of the way",
     "our network", true, false, true},

    // Commitment: small, visible steps they choose, then consistency with them.
    {v1::COMMITMENT, kRepair,
     "Agree a written recovery plan with a few dated promises, then report on each one as it is "
     "kept",
     "the delivery lead; a sponsor from our side", true, true, true},
    {v1::COMMITMENT, kBuild,
     "Propose a small, time-boxed pilot of one idea, with the success measure chosen by them",
     "a pilot team's unpaid time", true, true, true},
    {v1::COMMITMENT, kDissatisfied | kIndifferent | kSatisfied,
     "Survey their team on how our work serves them and go through every answer, good and bad, "
     "with them",
     "a short survey; the owner's time to review it together", true, true, false},
    {v1::COMMITMENT, kBlank | kIndifferent,
     "Ask them to put the outcome they need in writing and refer back to it in every meeting",
     "meeting notes", false, true, false},

    // Social proof: peers like them, in their own words.
    {v1::SOCIAL_PROOF, kBlank | kIndifferent | kSatisfied,
     "Set up a call with a peer at a comparable client who solved the same problem, and join it "
     "to listen",
     "a reference client; customer marketing", true, true, true},
    {v1::SOCIAL_PROOF, kDissatisfied | kIndifferent | kSatisfied,
     "Walk them through a case from their industry with real numbers, and ask which parts apply "
     "to them",
     "a case study; the owner's preparation", true, true, true},
    {v1::SOCIAL_PROOF, kDissatisfied | kIndifferent,
     "Send our latest client satisfaction results and what we changed because of them",
     "the satisfaction report", false, false, true},

    // Liking: similarity, cooperation and the goodwill of people they like.
    {v1::LIKING, kDissatisfied | kBuild,
     "Work a problem side by side with their team for a day, as one team",
     "a day of the owner's and an expert's time", true, true, true},
    {v1::LIKING, kBlank | kRepair | kIndifferent,
     "Ask someone they like and trust (a colleague of ours or theirs) to introduce us, and meet on "
     "their ground",
     "the introducer (see the leverage paths)", true, true, false},
    {v1::LIKING, kBlank | kRepair | kIndifferent,
     "Hold a listening meeting: ask only about their goals and frustrations, then send back a "
     "summary in their words",
     "the owner's time", true, true, false},
    {v1::LIKING, kBuild,
     "Follow up personally on an interest you share outside the deal (an event, a cause, a book)",
     "the owner's time", true, true, false},

    // Authority: expertise that proves itself on their questions.
    {v1::AUTHORITY, kBlank | kRepair | kBuild,
     "Bring our subject expert to a working session on their hardest open question",
     "a subject expert for half a day", true, true, true},
    {v1::AUTHORITY, kRepair,
     "Put a senior sponsor from our side in charge of the recovery, reachable by them directly",
     "a senior sponsor's time", true, true, false},
    {v1::AUTHORITY, kBlank | kIndifferent | kSatisfied,
     "Send an article or talk of ours that answers a question they face, with a personal note on "
     "how it applies to them",
     "published material; the owner's note", true, false, true},
    {v1::AUTHORITY, kSatisfied | kOpen,
     "Invite them to present with us at an industry event on work we did together",
     "a speaking slot; preparation time", true, false, true},

    // Scarcity: what is limited or ending, told early and worked through with them.
    {v1::SCARCITY, kBuild,
     "Tell them first, in person, about a change that affects them (a price change, a product "
     "ending, a renewal window) and work out their options together",
     "the owner's time; pricing and product facts", true, true, true},
    {v1::SCARCITY, kSatisfied | kOpen,
     "Offer them one of the few places in an early-access programme and collect their feedback in "
     "person",
     "an early-access place; the product team", false, true, true},

    // Unity: a shared identity and shared goals.
    {v1::UNITY, kSatisfied | kOpen,
     "Co-create something under both names: a joint plan, a roadmap item or a paper",
     "the owner's and an expert's time", true, true, true},
    {v1::UNITY, kDissatisfied | kIndifferent | kSatisfied,
     "Agree a shared success measure with them and review it together every month",
     "the owner's time; a one-page scorecard", true, true, true},
    {v1::UNITY, kBlank | kIndifferent,
     "Show early that we care about the problem they champion: join their working group or event "
     "as a contributor, not a sponsor",
     "the owner's time", true, true, false},
    {v1::UNITY, kSatisfied | kOpen,
     "Bring them into our customer council, where they shape what we build",
     "a customer council seat", true, true, false},
};

}  // namespace

std::span<const TacticTemplate> TacticLibrary() { return kLibrary; }

}  // namespace contactplan::recommend
