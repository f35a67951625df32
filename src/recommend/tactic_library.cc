// The tactic library as a table: one row per tactic. The criterion for each of the three tests is
// in docs/recommendations.md ("The three tests"); in short: (1) our own unpaid time beyond what the
// contract or the deal requires, (2) the person talks and we learn something about them or their
// company we did not know, (3) they get something useful outside our current work or deal. A
// reference call, a pilot proposal, a recovery plan for the current work and satisfaction results
// are about our work, so they never pass test 3.
#include "recommend/tactic_library.h"

namespace contactplan::recommend {
namespace {

// Grade steps.
constexpr uint32_t kB = StepBit(v1::GRADE_UNSPECIFIED);
constexpr uint32_t kM = StepBit(v1::MOTIVATED_TO_CHANGE);
constexpr uint32_t kD = StepBit(v1::DISSATISFIED);
constexpr uint32_t kI = StepBit(v1::INDIFFERENT);
constexpr uint32_t kS = StepBit(v1::SATISFIED);
constexpr uint32_t kO = StepBit(v1::OPEN);
constexpr uint32_t kT = StepBit(v1::TRUST);
constexpr uint32_t kDM = kM | kD;
constexpr uint32_t kGraded = kDM | kI | kS | kO | kT;

// Buyer roles, buying roles, levels; 0 = anyone.
constexpr uint32_t kAny = 0;
constexpr uint32_t kPower = BuyerRoleBit(v1::Person::POWER);
constexpr uint32_t kUser = BuyerRoleBit(v1::Person::USER);
constexpr uint32_t kAdvisor = BuyerRoleBit(v1::Person::ADVISOR);
constexpr uint32_t kEvangelist = BuyerRoleBit(v1::Person::EVANGELIST);
constexpr uint32_t kDecider = BuyingRoleBit(v1::Participant::DECISION_MAKER);
constexpr uint32_t kApprover = BuyingRoleBit(v1::Participant::APPROVER);
constexpr uint32_t kEvaluator = BuyingRoleBit(v1::Participant::EVALUATOR);
constexpr uint32_t kUses = BuyingRoleBit(v1::Participant::USER);
constexpr uint32_t kDecides = kDecider | kApprover;
constexpr uint32_t kExec = LevelBit(v1::EXECUTIVE);
constexpr uint32_t kSenior = LevelBit(v1::SENIOR_MANAGEMENT);
constexpr uint32_t kTop = kExec | kSenior;
constexpr uint32_t kFloor = LevelBit(v1::MIDDLE_MANAGEMENT) | LevelBit(v1::OPERATIONAL);

// Situations a building tactic serves besides plain growth.
constexpr uint32_t kBuilding = kGrowth | kChampion | kLateDeal | kRenewal;

constexpr bool kDoor = true;
constexpr bool kWork = false;

using S = v1::InfluenceStrategy;

// Columns: strategy, situations, steps, buyer roles, buying roles, levels, opens the door,
// description, resources, test 1 (own time), test 2 (teaches us), test 3 (shows value beyond).
constexpr TacticTemplate kLibrary[] = {
    // ---- Repair: a grievance or an opponent. Never scarcity or social proof.
    {S::COMMITMENT, kRepair, kDM, kAny, kAny, kAny, kWork,
     "Agree a short recovery plan with a few dated promises, then report on each promise on the "
     "day it falls due",
     "the delivery lead; a sponsor from our side", true, true, false},
    {S::AUTHORITY, kRepair, kDM, kAny, kAny, kTop, kWork,
     "Have our executive sponsor call them, own the problem without excuses, and give them a "
     "direct line for as long as the fix takes",
     "our executive sponsor's time", true, true, false},
    {S::AUTHORITY, kRepair, kDM, kAny, kAny, kAny, kWork,
     "Name a senior person of ours as accountable for the fix, reachable by them directly, who "
     "asks them each week whether the fix is working",
     "a senior person's time", true, true, false},
    {S::RECIPROCITY, kRepair, kDM | kI, kAny, kAny, kAny, kWork,
     "Fix a small irritant outside the contract at our own cost, and explain what caused it",
     "the delivery team; a small goodwill budget", true, true, false},
    {S::LIKING, kRepair, kDM | kI | kS, kAny, kAny, kAny, kWork,
     "Meet on their ground to hear the grievance in full, with no slides and no defence; send back "
     "their account in their words and what we will change",
     "the owner's time", true, true, false},
    {S::COMMITMENT, kRepair, kDM, kPower, kAny, kAny, kWork,
     "Ask the economic buyer for the two measures by which they will judge the recovery, and report "
     "on exactly those every fortnight",
     "the account lead; the delivery figures", true, true, false},
    {S::RECIPROCITY, kRepair, kDM, kAdvisor, kAny, kAny, kWork,
     "Give their technical lead a root-cause review of the failure with the evidence, and show what "
     "we changed in our own process",
     "an engineer's time for the review", true, true, false},
    {S::UNITY, kRepair, kDM | kI, kAny, kAny, kAny, kWork,
     "Set up a joint fix team with named people on both sides and one shared list of open issues",
     "a named engineer; a weekly half hour", true, true, false},
    {S::AUTHORITY, kRepair, kGraded, kAny, kDecides, kAny, kWork,
     "Ask them, through a senior peer of ours, what would have to be true for them to back us; "
     "write it down and answer each point with evidence",
     "a senior peer's time; the evidence", true, true, false},
    {S::LIKING, kRepair, kGraded, kAny, kAny, kTop, kWork,
     "Offer the executive a one-to-one with our most senior person to ask what we got "
     "wrong, with no sales agenda",
     "our most senior executive's time", true, true, false},
    {S::RECIPROCITY, kRepair, kDM, kAny, kAny, kFloor, kWork,
     "Lend them an expert of ours for a week to clear the backlog the problem left behind, at no "
     "charge",
     "an expert's week", true, true, false},
    {S::COMMITMENT, kRepair, kI | kS | kO | kT, kAny, kDecides, kAny, kWork,
     "Agree with them the one objection that keeps them from supporting us, and a date to review "
     "our answer together",
     "the owner's time; the answer's preparation", true, true, false},
    {S::COMMITMENT, kRepair, kI | kS | kO | kT, kAny, kDecides, kAny, kWork,
     "Ask them to write down the two conditions under which they would back our proposal, and "
     "agree when we report on each",
     "the owner's time", true, true, false},
    {S::COMMITMENT, kRepair, kI | kS | kO | kT, kAny, kDecides, kTop, kWork,
     "Propose a joint checkpoint before their decision meeting where they test our answers to "
     "their open doubts, one by one",
     "the owner's time; the account team's preparation", true, true, false},
    {S::LIKING, kRepair, kI | kS | kO | kT, kAny, kDecides, kAny, kWork,
     "Ask for an hour to understand how they will be judged on this decision, and shape our "
     "proposal around that",
     "the owner's time", true, true, false},
    {S::RECIPROCITY, kRepair, kI | kS | kO | kT, kAny, kDecides, kAny, kWork,
     "Answer, unasked, the concern they hold against us, with the evidence, and ask what would "
     "still be missing for them",
     "the owner's time; a subject expert's review", true, true, false},
    {S::RECIPROCITY, kRepair, kI | kS | kO | kT, kAny, kDecides, kTop, kWork,
     "Offer a review, at our cost, by our most senior expert of the risk they fear most in "
     "choosing us",
     "a senior expert's day", true, true, false},
    {S::AUTHORITY, kRepair, kB, kAny, kDecides, kAny, kWork,
     "Ask for a short meeting, through a senior peer of ours, to hear what keeps them from backing "
     "us, and send back their objections in their own words",
     "a senior peer's time", true, true, false},
    {S::LIKING, kRepair, kDM, kUser, kAny, kAny, kWork,
     "Sit with the users hit by the problem for half a day, fix what can be fixed on the spot, and "
     "tell them afterwards what was done",
     "a support engineer's half day", true, true, false},
    {S::COMMITMENT, kRepair, kDM, kAny, kAny, kFloor, kWork,
     "Give them one named contact who answers within a day until the problem is closed, and ask "
     "each week what still gets in their way",
     "a named contact's time", true, true, false},
    {S::LIKING, kRepair, kDM | kI | kS, kAny, kAny, kAny, kDoor,
     "Ask a colleague who holds their trust to set up the first conversation about the problem, "
     "and to join it",
     "the introducer", true, true, false},

    // ---- First contact: nothing here presupposes that we have met.
    {S::UNITY, kFirstContact, kB, kAny, kAny, kAny, kDoor,
     "Ask the person who knows them to invite them to a small session with peers from their own "
     "field, and join as a guest rather than a speaker",
     "the introducer; an hour of ours", true, true, false},
    {S::RECIPROCITY, kFirstContact, kB, kAny, kAny, kAny, kDoor,
     "Ask the colleague who knows them to pass on a short note of ours on a question their team is "
     "working on, with an offer to talk it through",
     "the introducer; the note's preparation", true, true, true},
    {S::LIKING, kFirstContact, kB, kAny, kAny, kAny, kDoor,
     "Ask someone they trust to introduce us, and ask the introducer first what the person cares "
     "about this year",
     "the introducer", true, true, false},
    {S::LIKING, kFirstContact | kRepair, kB | kDM | kI | kS, kAny, kAny, kAny, kDoor,
     "Ask the colleague who knows them to bring them and us together over a topic on their own "
     "agenda, and to brief us beforehand on how they see us",
     "the introducer", true, true, false},
    {S::RECIPROCITY, kFirstContact, kB, kAny, kAny, kAny, kDoor,
     "Ask the colleague who knows them to pass on a short piece of our research that fits their "
     "agenda, with an offer to talk it through",
     "the introducer; a piece of research", true, false, true},
    {S::AUTHORITY, kFirstContact | kRepair, kB | kDM | kI | kS, kAny, kAny, kTop, kDoor,
     "Ask the senior colleague who knows them to propose a meeting between them and a senior "
     "person of ours, and to say why it is worth their time",
     "the introducer; a senior person's time", true, true, false},
    {S::RECIPROCITY, kFirstContact, kB, kAny, kAny, kExec, kWork,
     "Send a one-page view of a trend in their industry and what it means for companies like "
     "theirs, asking for nothing",
     "an analyst's day; public reports", true, true, true},
    {S::AUTHORITY, kFirstContact, kB, kAdvisor, kAny, kAny, kWork,
     "Offer their technical lead a working session with our architect on a design question of "
     "their choosing, with no product demonstration",
     "an architect's half day", true, true, true},
    {S::LIKING, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Ask for a 30-minute listening meeting about their goals for the year; ask questions only, "
     "then send a short summary in their words",
     "the owner's time", true, true, false},
    {S::UNITY, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Contribute to an industry group or a cause their company publicly supports, as a member "
     "rather than a sponsor, where they can see the work",
     "the owner's time; a piece of work for the group", true, true, true},
    {S::UNITY, kFirstContact, kB, kEvangelist, kAny, kAny, kWork,
     "Find the community or working group where they push their cause and contribute there first, "
     "as a member rather than a sponsor",
     "the owner's time", true, true, true},
    {S::RECIPROCITY, kFirstContact, kB, kUser, kAny, kFloor, kWork,
     "Offer their team a short hands-on clinic on a task they do every day, open to anyone and "
     "free of sales content",
     "a trainer's half day", true, true, true},
    {S::AUTHORITY, kFirstContact, kB, kPower, kAny, kTop, kWork,
     "Invite them to a small executive briefing where an outside expert presents research on "
     "their industry",
     "an outside expert; the invitations", true, true, true},
    {S::SOCIAL_PROOF, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Invite them to an event where people in their role at other companies discuss a problem "
     "they share",
     "an event seat; the owner's time", true, true, false},
    {S::RECIPROCITY, kFirstContact, kB, kAny, kDecides, kTop, kWork,
     "Send a short benchmark of how peers in their industry measure the cost of the problem, "
     "prepared so they can apply it to their own numbers",
     "an analyst's day", true, true, true},
    {S::LIKING, kFirstContact, kB, kAny, kAny, kFloor, kWork,
     "Ask to spend a morning with their team to see how the work is done today, before proposing "
     "anything",
     "the owner's morning", true, true, false},
    {S::AUTHORITY, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Send a talk or article of ours that answers a question people in their role face, with a "
     "personal note on why it may matter to them",
     "published material; the owner's note", true, false, true},
    {S::RECIPROCITY, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Send a short note with one sourced finding about a problem companies like theirs face, free "
     "of product claims and asking for nothing",
     "an analyst's half day; public sources", true, true, true},
    {S::RECIPROCITY, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Offer them a free seat at a workshop we run on a topic from their field, with no sales "
     "session attached",
     "a workshop seat", true, false, true},
    {S::LIKING, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Find what you share with them (a former employer, a school, a community) and open with it "
     "in a short personal note asking for a conversation",
     "the owner's research time", true, true, false},
    {S::LIKING, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Meet them at an event they attend, listen more than you speak, and send a note afterwards "
     "on what they said",
     "an event ticket; the owner's time", true, true, false},
    {S::AUTHORITY, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Offer a short session with one of our experts on a question of their choosing, with no "
     "product content",
     "an expert's hour", true, true, true},
    {S::AUTHORITY, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Invite them to a short online session where our expert answers the open questions of their "
     "field live, theirs first",
     "an expert's hour; the invitations", false, true, true},
    {S::LIKING, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Before reaching out, ask a contact outside both companies who knows them what they care "
     "about, and shape the first message around it",
     "the owner's network", true, true, false},
    {S::COMMITMENT, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "Ask for 20 minutes to test one hypothesis about their business, and send back what we "
     "learned from the conversation",
     "the owner's preparation", true, true, false},
    {S::COMMITMENT, kFirstContact, kB, kAny, kAny, kAny, kWork,
     "At the first meeting, ask what one result would make a second meeting worth their time",
     "meeting notes", false, true, false},

    // ---- Champions: coaching us, co-writing the case, winning a Mentor.
    {S::COMMITMENT, kChampion, kS | kO | kT, kAny, kAny, kAny, kWork,
     "Ask them to coach us: a half hour every two weeks in which they tell us how the decision is "
     "forming and who is wavering",
     "the owner's time", true, true, false},
    {S::UNITY, kChampion, kS | kO | kT, kAny, kAny, kAny, kWork,
     "Co-write the business case with them, in their words and with their numbers, so they can "
     "carry it into the room",
     "the owner's and an analyst's time", true, true, false},
    {S::RECIPROCITY, kChampion, kS | kO | kT, kAny, kAny, kAny, kWork,
     "Prepare them for the hard questions their colleagues will ask, with short answers and the "
     "evidence behind each",
     "the owner's time; a subject expert's review", true, true, false},
    {S::AUTHORITY, kChampion, kI | kS | kO | kT, kEvangelist, kAny, kAny, kWork,
     "Give them material to publish under their own name (data, a short paper, a talk) that keeps "
     "attention on the problem they champion",
     "an analyst's time; our research", true, false, true},
    {S::LIKING, kChampion, kI | kS | kO, kAny, kAny, kAny, kWork,
     "Ask a supporter for their honest advice on how to win here, and act visibly on at least one "
     "piece of it",
     "the owner's time", true, true, false},
    {S::UNITY, kChampion, kS | kO | kT, kAny, kAny, kAny, kWork,
     "Invite them to shape our proposal before anyone else sees it, and credit their ideas by name",
     "the draft proposal; the owner's time", true, true, false},
    {S::RECIPROCITY, kChampion, kI | kS | kO | kT, kEvangelist, kAny, kAny, kWork,
     "Build with them a small model of what the problem costs, which they can present inside the "
     "company as their own",
     "an analyst's two days", true, true, true},
    {S::COMMITMENT, kChampion, kO | kT, kAny, kAny, kAny, kWork,
     "Agree with our champion who they will talk to on our behalf, and debrief after each "
     "conversation",
     "the owner's time", true, true, false},
    {S::SOCIAL_PROOF, kChampion, kS | kO | kT, kAny, kAny, kAny, kWork,
     "Connect them with a champion at another client who carried a similar change, for an exchange "
     "between peers that we only arrange",
     "a client champion's goodwill", true, true, false},

    // ---- The late-stage deal: evaluating risk, negotiating.
    {S::COMMITMENT, kLateDeal, kGraded, kAny, kDecider, kAny, kWork,
     "Walk the decision maker through a joint plan from signature to the first result, with names "
     "and dates on both sides",
     "the delivery lead's time", true, true, false},
    {S::RECIPROCITY, kLateDeal, kI | kS | kO | kT, kAny, kDecides, kTop, kWork,
     "Share a risk review of their whole programme, not only our part, with the risks we would "
     "watch whichever vendor they choose",
     "a senior delivery expert's two days", true, true, true},
    {S::AUTHORITY, kLateDeal, kI | kS | kO | kT, kAdvisor, kAny, kAny, kWork,
     "Offer their evaluators a review of the implementation risks with our most experienced "
     "delivery lead, including the risks we would carry",
     "our most experienced delivery lead", true, true, false},
    {S::SCARCITY, kLateDeal, kS | kO | kT, kAny, kDecider, kAny, kWork,
     "Tell them early and in person what changes if the decision slips (a team's availability, a "
     "price, a start date) and work out the options together",
     "the owner's time; the facts", true, true, false},
    {S::SOCIAL_PROOF, kLateDeal, kI | kS | kO | kT, kAny, kApprover, kAny, kWork,
     "Arrange a conversation with the finance or risk lead of a client who approved a similar "
     "decision, and listen in to hear their concerns",
     "a reference client", true, true, false},
    {S::UNITY, kLateDeal, kS | kO | kT, kAny, kDecider, kTop, kWork,
     "Agree with the decision maker the measures both sides will report on after signature, so the "
     "deal is framed as a shared goal",
     "the owner's time; a one-page scorecard", true, true, false},
    {S::LIKING, kLateDeal, kI | kS | kO, kUser, kAny, kAny, kWork,
     "Ask the users who will live with the decision what would worry them about the change, and "
     "answer each worry in the rollout plan",
     "the owner's time; the rollout lead", true, true, false},
    {S::RECIPROCITY, kLateDeal, kI | kS | kO | kT, kAdvisor, kEvaluator | kApprover, kAny, kWork,
     "Send purchasing and legal a complete plain-language draft of the terms early, and ask which "
     "clauses their own policy will require",
     "our contract manager's time", true, true, false},
    {S::LIKING, kLateDeal, kB | kI | kS, kAny, kDecides, kAny, kDoor,
     "Ask the sponsor who knows them to introduce us before the decision meeting, and to tell us "
     "what they will weigh",
     "the introducer", true, true, false},

    // ---- Renewal: a RETENTION account whose contract comes up within the horizon.
    {S::COMMITMENT, kRenewal, kI | kS | kO | kT, kAny, kAny, kAny, kWork,
     "Review together the results of the contract period against the goals set at its start, "
     "including what fell short",
     "the account lead; the period's figures", true, true, false},
    {S::SCARCITY, kRenewal, kS | kO | kT, kPower, kAny, kAny, kWork,
     "Raise the renewal date early and in person, with the options and their trade-offs, so "
     "nothing arrives as a surprise",
     "the owner's time; the commercial options", true, true, false},
    {S::UNITY, kRenewal, kS | kO | kT, kAny, kAny, kTop, kWork,
     "Draft with them the goals of the next contract period, led by their plans for the coming "
     "year rather than by our offer",
     "the owner's time; their published plans", true, true, true},
    {S::RECIPROCITY, kRenewal, kI | kS | kO, kUser, kAny, kAny, kWork,
     "Run a free check of how their team uses what we delivered, and hand over the improvements "
     "whether or not they renew",
     "a consultant's two days", true, true, false},
    {S::AUTHORITY, kRenewal, kI | kS | kO | kT, kAny, kAny, kExec, kWork,
     "Bring our executive to a renewal review that starts with their business next year, not with "
     "our contract",
     "our executive's time", true, true, false},
    {S::LIKING, kRenewal, kS | kO | kT, kAny, kAny, kAny, kWork,
     "Thank the people who made the work succeed on their side, in front of their manager, with "
     "specifics",
     "the owner's time", true, false, false},

    // ---- Growth: one grade up on an existing relationship.
    {S::RECIPROCITY, kBuilding, kI | kS | kO, kAny, kAny, kAny, kWork,
     "Research one open question from their own agenda and send a short brief with what we found, "
     "asking nothing back",
     "the owner's time; an analyst for a day", true, true, true},
    {S::RECIPROCITY, kBuilding, kS | kO, kAny, kAny, kAny, kWork,
     "Host a small closed round-table where they meet peers on a problem they care about",
     "a venue, a moderator and the invitations", true, true, true},
    {S::RECIPROCITY, kBuilding, kS | kO | kT, kAny, kAny, kAny, kWork,
     "Introduce them to someone they want to meet (a peer at another company, an expert) and step "
     "out of the way",
     "our network", true, false, true},
    {S::COMMITMENT, kBuilding, kS | kO, kAny, kAny, kAny, kWork,
     "Propose a small, time-boxed pilot of one new idea, with the measure of success chosen by them",
     "a pilot team's unpaid time", true, true, false},
    {S::COMMITMENT, kGrowth | kRenewal, kI | kS, kAny, kAny, kAny, kWork,
     "Survey their team on how our work serves them and go through every answer with them, good "
     "and bad",
     "a short survey; the owner's time to review it together", true, true, false},
    {S::SOCIAL_PROOF, kGrowth, kI | kS, kAny, kAny, kAny, kWork,
     "Set up a call with a peer at a comparable client who solved the same problem, and join it to "
     "listen",
     "a reference client; customer marketing", true, true, false},
    {S::SOCIAL_PROOF, kGrowth | kLateDeal, kI | kS, kAny, kAny, kAny, kWork,
     "Walk them through a case from their industry with real numbers, and ask which parts apply to "
     "them",
     "a case study; the owner's preparation", true, true, false},
    {S::LIKING, kBuilding, kI | kS | kO, kAny, kAny, kAny, kWork,
     "Work a problem side by side with their team for a day, as one team",
     "a day of the owner's and an expert's time", true, true, true},
    {S::LIKING, kBuilding, kS | kO | kT, kAny, kAny, kAny, kWork,
     "Follow up personally on an interest you share outside the deal (an event, a cause, a book)",
     "the owner's time", true, true, false},
    {S::AUTHORITY, kBuilding, kI | kS | kO, kAdvisor, kAny, kFloor, kWork,
     "Bring our subject expert to a working session on their hardest open technical question",
     "a subject expert for half a day", true, true, true},
    {S::AUTHORITY, kGrowth, kS | kO, kAny, kAny, kAny, kWork,
     "Invite them to present with us at an industry event on work we did together",
     "a speaking slot; preparation time", true, false, true},
    {S::AUTHORITY, kGrowth, kI | kS, kAny, kAny, kAny, kWork,
     "Send a talk or article of ours that answers a question they face, with a personal note on "
     "how it applies to them",
     "published material; the owner's note", true, false, true},
    {S::SCARCITY, kGrowth | kRenewal, kS | kO, kPower, kAny, kAny, kWork,
     "Tell them first, in person, about a change that affects them (a price change, a product "
     "ending) and work out their options together",
     "the owner's time; pricing and product facts", true, true, false},
    {S::SCARCITY, kGrowth, kS | kO, kAny, kAny, kAny, kWork,
     "Offer them one of the few places in an early-access programme and collect their feedback in "
     "person",
     "an early-access place; the product team", true, true, true},
    {S::UNITY, kBuilding, kS | kO, kAny, kAny, kAny, kWork,
     "Co-create something under both names: a joint plan, a roadmap item or a paper",
     "the owner's and an expert's time", true, true, true},
    {S::UNITY, kGrowth, kI | kS, kAny, kAny, kAny, kWork,
     "Agree a shared success measure with them and review it together every month",
     "the owner's time; a one-page scorecard", true, true, false},
    {S::UNITY, kGrowth, kO | kT, kAny, kAny, kAny, kWork,
     "Bring them into our customer council, where they shape what we build",
     "a customer council seat", true, true, false},
    {S::AUTHORITY, kBuilding, kS | kO | kT, kAny, kAny, kExec, kWork,
     "Offer the executive a private outside-in review of one strategic question on their agenda, "
     "by our most senior expert",
     "our most senior expert's two days", true, true, true},
    {S::RECIPROCITY, kBuilding, kS | kO | kT, kPower, kAny, kExec, kWork,
     "Introduce the executive to a peer executive facing the same strategic question, and host the "
     "conversation",
     "our executive network; a dinner", true, true, true},
    {S::COMMITMENT, kBuilding, kI | kS | kO, kAdvisor, kAny, kAny, kWork,
     "Invite their architect to review our design choices for their environment, and record their "
     "objections as requirements",
     "an architect's time", true, true, false},
    {S::LIKING, kBuilding, kI | kS, kUser, kAny, kFloor, kWork,
     "Spend half a day with users at their desks, fix one irritant on the spot and tell them who "
     "fixed it",
     "a support engineer's half day", true, true, false},
    {S::UNITY, kBuilding, kI | kS | kO, kEvangelist, kAny, kAny, kWork,
     "Offer our help to their internal change initiative as a contributor, under their name",
     "an expert's time", true, true, true},
    {S::RECIPROCITY, kBuilding, kI | kS | kO, kUser, kAny, kFloor, kWork,
     "Teach their team a skill that makes their daily work easier, whether or not it involves our "
     "product",
     "a trainer's half day", true, true, true},
    {S::AUTHORITY, kBuilding, kI | kS | kO, kAny, kApprover, kTop, kWork,
     "Prepare a short benchmark of their costs against peers, built with their controller, and "
     "leave the workings with them",
     "an analyst's three days", true, true, true},
    {S::SOCIAL_PROOF, kGrowth, kS | kO, kAny, kAny, kTop, kWork,
     "Invite them to a dinner of executives from other companies on a topic from their agenda",
     "a dinner; the invitations", true, true, false},
    {S::COMMITMENT, kGrowth, kI | kS, kAny, kAny, kFloor, kWork,
     "Ask them to write down the outcome they need from us this quarter, and report on it every "
     "month",
     "meeting notes; a monthly report", true, true, false},
    {S::UNITY, kBuilding, kI | kS | kO | kT, kAny, kAny, kAny, kDoor,
     "Ask a colleague they work with to invite us into a working session on a goal both teams "
     "share",
     "the introducer", true, true, false},
    {S::LIKING, kBuilding, kI | kS | kO, kAny, kAny, kAny, kDoor,
     "Ask a colleague who already has their ear to bring us into a conversation on a topic they "
     "care about",
     "the introducer", true, true, false},
};

}  // namespace

std::span<const TacticTemplate> TacticLibrary() { return kLibrary; }

}  // namespace contactplan::recommend
