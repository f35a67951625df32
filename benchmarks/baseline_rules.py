"""A hand-written Python check of 20 of the engine's rules: the baseline the engine's speed is
judged against (issue 11, "at least 5x faster typical, 8x on the 10,000 x 500 account").

    /usr/bin/python3 benchmarks/baseline_rules.py PLAN.json          prints the findings
    PYTHONPATH=build/python /usr/bin/python3 benchmarks/baseline_rules.py --compare RESULTS_DIR

Written the way a competent analyst would write it with the standard library only: json.load, dicts
by id, one pass per concern, an f-string message per finding. It is not deliberately slow, and it
is not the engine: the thresholds are the documented defaults (docs/), the rules simplified where
the engine weighs more (history, scores, recommendations). --compare times it (json.load included)
against the engine through the Python binding, binary bytes in and out, on RESULTS_DIR/typical.binpb
and large.binpb (benchmarks/run.sh writes them), and prints one JSON object for report.py.
"""

import json
import os
import sys
import time

GRADE = {"MOTIVATED_TO_CHANGE": 1, "DISSATISFIED": 2, "INDIFFERENT": 3, "SATISFIED": 4, "OPEN": 5,
         "TRUST": 6}
LEVEL = {"OPERATIONAL": 1, "MIDDLE_MANAGEMENT": 2, "SENIOR_MANAGEMENT": 3, "EXECUTIVE": 4}
RELATIONSHIP_LEVEL = {"VENDOR": 1, "CREDIBLE_SOURCE": 2, "PROBLEM_SOLVER": 3, "TRUSTED_ADVISOR": 4}
PREFERENCE = {"ENEMY": 1, "NON_SUPPORTER": 2, "NEUTRAL": 3, "SUPPORTER": 4, "MENTOR": 5}

OVER_COVERED_ABOVE = 3
SENIORITY_GAP_LEVELS = 2
TRUST_INFLATION_MIN = 5
TRUST_INFLATION_MAX_SHARE = 0.6
TOO_FEW_OPEN_MIN = 5
TOO_FEW_OPEN_MIN_SHARE = 0.3
LARGE_RELATIONSHIP_GAP_LEVELS = 2
NPS_DETRACTOR_MAX = 6


def analyse(plan):
    """The findings of 20 rules over a plan dict (the protobuf JSON mapping), as (code, message)."""
    findings = []
    add = findings.append
    persons = {p["id"]: p for p in plan.get("persons", [])}
    members = {m["id"]: m for m in plan.get("teamMembers", [])}

    # The web: graded intersections by person and by team member.
    by_person = {pid: [] for pid in persons}
    by_member = {mid: [] for mid in members}
    graded = 0
    open_or_trust = 0
    trust = 0
    for r in plan.get("relationships", []):
        grade = GRADE.get(r.get("grade"), 0)
        if grade == 0 or r.get("personId") not in persons or r.get("teamMemberId") not in members:
            continue
        graded += 1
        open_or_trust += grade >= GRADE["OPEN"]
        trust += grade == GRADE["TRUST"]
        by_person[r["personId"]].append((r["teamMemberId"], grade))
        by_member[r["teamMemberId"]].append((r["personId"], grade))

    # 1-3 coverage of each person.
    for pid, person in persons.items():
        links = by_person[pid]
        name = person.get("name", pid)
        if person.get("key") and not links:
            add(("UNCOVERED_PERSON", f"{name} is a key person and nobody on the team knows them"))
        elif person.get("key") and len(links) == 1:
            add(("SINGLE_THREADED_PERSON",
                 f"{name} is known only through {members[links[0][0]].get('name', links[0][0])}"))
        if len(links) > OVER_COVERED_ABOVE:
            add(("OVER_COVERED_PERSON",
                 f"{name} is covered by {len(links)} team members (more than {OVER_COVERED_ABOVE})"))

    # 4-5 the account's web.
    active = [mid for mid, links in by_member.items() if links]
    if len(active) == 1:
        add(("SINGLE_THREADED_ACCOUNT",
             f"only {members[active[0]].get('name', active[0])} has relationships in the account"))
    strong_members = {mid for mid, links in by_member.items()
                      if any(g >= GRADE["OPEN"] for _, g in links)}
    strong_persons = {pid for pid, links in by_person.items()
                      if any(g >= GRADE["OPEN"] for _, g in links)}
    if len(strong_members) < 3 or len(strong_persons) < 3:
        add(("BELOW_3X3", f"the web has {len(strong_members)} team members with open relationships "
                          f"to {len(strong_persons)} persons; aim for 3 by 3"))

    # 6-8 power and roles.
    powers = [p for p in persons.values() if "POWER" in p.get("buyerRoles", [])]
    if not powers:
        add(("NO_POWER_BUYER_IDENTIFIED", "no person holds the POWER buyer role"))
    elif not any(g >= GRADE["OPEN"] for p in powers for _, g in by_person[p["id"]]):
        names = ", ".join(p.get("name", p["id"]) for p in powers)
        add(("NO_POWER_ACCESS", f"nobody on the team has an open relationship with {names}"))
    if not any("EVANGELIST" in p.get("buyerRoles", []) for p in persons.values()):
        add(("NO_EVANGELIST", "no person is an evangelist for the change"))

    # 9-12 open opportunities' buying groups.
    for opportunity in plan.get("opportunities", []):
        if opportunity.get("closed"):
            continue
        title = opportunity.get("name", opportunity.get("id", ""))
        participants = opportunity.get("participants", [])
        if not any(p.get("preference") == "MENTOR" for p in participants):
            add(("NO_MENTOR", f"{title}: nobody in the buying group sells for us (no mentor)"))
        for participant in participants:
            person = persons.get(participant.get("personId"), {})
            name = person.get("name", participant.get("personId", ""))
            preference = PREFERENCE.get(participant.get("preference"), 0)
            desired = PREFERENCE.get(participant.get("desiredPreference"), 0)
            if preference == PREFERENCE["ENEMY"]:
                add(("ENEMY_IN_BUYING_GROUP", f"{title}: {name} is an enemy in the buying group"))
            if (participant.get("buyingRole") == "DECISION_MAKER" and
                    0 < preference < PREFERENCE["SUPPORTER"]):
                add(("DECISION_MAKER_NOT_SUPPORTIVE",
                     f"{title}: decision maker {name} is {participant.get('preference')}"))
            if desired > preference > 0:
                add(("PREFERENCE_GAP", f"{title}: {name} is {participant.get('preference')}, "
                                       f"the goal is {participant.get('desiredPreference')}"))

    # 13-17 the relationship with each person.
    for pid, person in persons.items():
        name = person.get("name", pid)
        level = RELATIONSHIP_LEVEL.get(person.get("relationshipLevel"), 0)
        desired = RELATIONSHIP_LEVEL.get(person.get("desiredRelationshipLevel"), 0)
        if desired > level:
            gap = desired - level
            code = "LARGE_RELATIONSHIP_GAP" if gap >= LARGE_RELATIONSHIP_GAP_LEVELS else \
                "RELATIONSHIP_GAP"
            add((code, f"{name}: we are {person.get('relationshipLevel', 'unrated')}, "
                       f"the goal is {person.get('desiredRelationshipLevel')} ({gap} levels)"))
        if person.get("key") and 0 < level < RELATIONSHIP_LEVEL["CREDIBLE_SOURCE"]:
            add(("BELOW_CREDIBLE_SOURCE", f"{name} sees us as a vendor only"))
        if person.get("relationshipType") == "COMPETITIVE":
            add(("COMPETITIVE_RELATIONSHIP", f"{name} treats the relationship as competitive"))
        if person.get("key") and by_person[pid] and \
                max(g for _, g in by_person[pid]) <= GRADE["INDIFFERENT"]:
            add(("WEAK_RELATIONSHIP", f"{name}: our best relationship is indifferent or worse"))
        answers = person.get("npsAnswers", [])
        if answers:
            latest = max(answers, key=lambda a: a.get("answeredAt", ""))
            if latest.get("score", 0) <= NPS_DETRACTOR_MAX:
                add(("NPS_DETRACTOR", f"{name} answered {latest.get('score', 0)} to the NPS question"))

    # 18-19 the grade mix.
    if graded >= TOO_FEW_OPEN_MIN and open_or_trust / graded < TOO_FEW_OPEN_MIN_SHARE:
        add(("TOO_FEW_OPEN", f"only {open_or_trust} of {graded} relationships are open or better"))
    if graded >= TRUST_INFLATION_MIN and trust / graded > TRUST_INFLATION_MAX_SHARE:
        add(("TRUST_INFLATION", f"{trust} of {graded} relationships are graded trust"))

    # 20 seniority: a team member far more junior than the person they cover.
    for pid, links in by_person.items():
        person_level = LEVEL.get(persons[pid].get("level"), 0)
        for mid, _ in links:
            member_level = LEVEL.get(members[mid].get("level"), 0)
            if member_level and person_level - member_level >= SENIORITY_GAP_LEVELS:
                add(("SENIORITY_MISMATCH",
                     f"{members[mid].get('name', mid)} ({members[mid].get('level')}) covers "
                     f"{persons[pid].get('name', pid)} ({persons[pid].get('level')})"))
    return findings


def best_cpu_us(function, budget_s=1.5, least_runs=5):
    """Microseconds of CPU time per call: the best of several runs within the budget."""
    function()
    best = float("inf")
    runs = 0
    spent = 0.0
    while runs < least_runs or spent < budget_s:
        start = time.process_time()
        function()
        elapsed = time.process_time() - start
        best = min(best, elapsed)
        spent += elapsed
        runs += 1
        if runs >= 200:
            break
    return best * 1e6


def compare(results_dir):
    import contactplan  # the binding: only --compare needs it

    engine = contactplan.Engine()
    result = {}
    for label in ("typical", "large"):
        path = os.path.join(results_dir, label + ".binpb")
        if not os.path.exists(path):
            continue
        with open(path, "rb") as file:
            binary = file.read()
        json_path = os.path.join(results_dir, label + ".json")
        with open(json_path, "w") as file:
            file.write(engine.convert(binary, "json", format="binary"))

        def script():
            with open(json_path) as file:
                return analyse(json.load(file))

        result[label] = {
            "script_us": best_cpu_us(script),
            "script_findings": len(script()),
            "engine_us": best_cpu_us(lambda: engine.analyze(binary, output="binary")),
            "plan_bytes": len(binary),
        }
    json.dump(result, sys.stdout, indent=2)
    print()


def main(argv):
    if len(argv) == 3 and argv[1] == "--compare":
        compare(argv[2])
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 64
    with open(argv[1]) as file:
        for code, message in analyse(json.load(file)):
            print(f"{code}: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
