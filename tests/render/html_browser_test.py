#!/usr/bin/python3
"""The HTML report in a real browser, as a person would see it.

Renders the report of an example with the built `contactplan`, opens it in headless Chromium
(Debian's `chromium`) and checks what is on the page after its script ran: every person of the map
and the marks of the key intersections in the DOM, the brief's numbers equal to the analysis', the
findings filter switched on, and a screenshot that is not blank. Exits 77 (ctest: skipped) with a
message when no Chromium is installed; `make test` installs it.

usage: html_browser_test.py CONTACTPLAN PLAN WORKDIR
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

SKIP = 77
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name) or (("/usr/bin/" + name) if os.path.exists("/usr/bin/" + name) else None)
        if path:
            return path
    return None


def browse(browser, profile, url, *extra):
    """Runs headless Chromium on `url`; its stdout (the DOM with --dump-dom)."""
    run = subprocess.run([browser, *CHROMIUM_FLAGS, "--user-data-dir=" + profile, *extra, url],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120, check=False)
    if run.returncode != 0:
        raise AssertionError("chromium failed (%d): %s" % (run.returncode, run.stderr.decode()[-2000:]))
    return run.stdout.decode("utf-8")


def check(condition, what):
    if not condition:
        raise AssertionError(what)


def main(argv):
    cli, plan, workdir = argv[1:4]
    browser = chromium()
    if browser is None:
        print("SKIPPED: no chromium on this machine (Debian package chromium; make test installs it)")
        return SKIP
    if shutil.which("identify") is None or shutil.which("convert") is None:
        print("FAILED: ImageMagick (identify, convert) is needed to measure the screenshot; "
              "make test installs it (Debian package imagemagick)")
        return 1
    os.makedirs(workdir, exist_ok=True)
    report = os.path.join(workdir, "report.html")
    subprocess.run([cli, "render", plan, "--format", "html", "-o", report], check=True)
    analysis = json.loads(subprocess.run([cli, "analyze", plan, "--format", "json"], check=True,
                                         stdout=subprocess.PIPE).stdout)
    plan_json = json.loads(subprocess.run([cli, "convert", plan, "--to", "json"], check=True,
                                          stdout=subprocess.PIPE).stdout)
    url = "file://" + os.path.abspath(report)

    with tempfile.TemporaryDirectory(prefix="contactplan-chromium-") as profile:
        dom = browse(browser, profile, url, "--dump-dom")
        shot = os.path.join(workdir, "report.png")
        browse(browser, profile, url, "--screenshot=" + shot, "--window-size=1280,1600")

    # The map: every person's cells and name, the key intersections' ranks.
    for person in plan_json.get("persons", []):
        check('data-person-id="%s"' % person["id"] in dom, "no cell of person %s in the DOM" % person["id"])
        check(person.get("name", person["id"]) in dom, "person %s not shown" % person.get("name"))
    keys = analysis.get("recommendations", {}).get("keyIntersections", [])
    check(keys, "the example has key intersections to mark")
    for key in keys:
        cell = re.search(r'<g class="cell" data-person-id="%s" data-team-member-id="%s" data-key-rank="%d"'
                         % (re.escape(key["personId"]), re.escape(key["teamMemberId"]), key["rank"]), dom)
        check(cell, "key intersection %d is not marked on its cell" % key["rank"])
    check('class="legend-marks"' in dom, "the map has no legend of its marks")

    # The brief's numbers are the analysis'.
    health = round(analysis["scores"]["accountHealth"]["value"])
    check(re.search(r'id="health"[^>]*>%d/100<' % health, dom), "health %d/100 not in the brief" % health)
    check(re.search(r'id="web-figure"[^>]*>%s<' % re.escape(analysis["web"]["figure"]), dom),
          "web figure %s not in the brief" % analysis["web"]["figure"])
    critical = sum(1 for f in analysis.get("findings", []) if f["severity"] == "CRITICAL")
    check(re.search(r'id="critical-count"[^>]*>%d<' % critical, dom), "critical count %d missing" % critical)

    # The script ran: the filters are visible and count the findings.
    findings = len(analysis.get("findings", []))
    check(re.search(r'id="finding-filters"(?![^>]*hidden)', dom), "the findings filter stayed hidden")
    check("%d of %d findings shown" % (findings, findings) in dom, "the findings count is not shown")
    check(dom.count("<tr data-severity=") == findings, "not every finding is in the table")

    # The screenshot shows a page, not a blank: many colours, and not one colour over nearly all.
    colours = int(subprocess.run(["identify", "-format", "%k", shot], check=True,
                                 stdout=subprocess.PIPE).stdout)
    check(colours > 64, "the screenshot has only %d colours" % colours)
    histogram = subprocess.run(["convert", shot, "-format", "%c", "histogram:info:-"], check=True,
                               stdout=subprocess.PIPE).stdout.decode()
    counts = sorted((int(line.split(":")[0]) for line in histogram.splitlines() if ":" in line),
                    reverse=True)
    check(counts[0] < 0.97 * sum(counts), "the screenshot is almost one colour")
    print("ok: %d persons, %d key intersections, %d findings, health %d, screenshot %s (%d colours)"
          % (len(plan_json.get("persons", [])), len(keys), findings, health, shot, colours))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except AssertionError as failure:
        print("FAILED: %s" % failure)
        sys.exit(1)
