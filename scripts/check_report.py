#!/usr/bin/env python3
"""Render a cpr-stats report.html in headless Chromium and check it.

usage: check_report.py REPORT.html SCREENSHOT.png [EXPECTED_FIGURES]

Chromium (Debian's `chromium`, or $CHROMIUM) is driven over the DevTools
protocol on a pipe (--remote-debugging-pipe: fd 3 in, fd 4 out), with the
Python standard library only (no npm, no driver download). The page is
loaded from file://, then:
  - every <figure> must hold an <svg> or <img> displayed at a non-zero size
    (getBoundingClientRect), and there must be EXPECTED_FIGURES of them
    (default: the number of SVG files in figures/ beside the report);
  - the console must show no error: console.error/assert, uncaught
    exceptions, and browser log entries of level "error" (e.g. a resource
    that fails to load) all fail the check;
  - a screenshot of the top of the page is saved to SCREENSHOT.png and one
    per figure, with its caption, beside it (SCREENSHOT-figN.png).
Exit 0 when every check passes, 1 when one fails, 2 when Chromium cannot
be run (the message says why)."""
import base64
import glob
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, exe, profile):
        to_child_r, self.to_child_w = os.pipe()
        self.from_child_r, from_child_w = os.pipe()
        args = [exe, "--headless=new", "--remote-debugging-pipe", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "about:blank"]
        # the protocol wants fd 3 (commands in) and fd 4 (replies out)
        cmd = 'exec "$@" 3<&%d 4>&%d' % (to_child_r, from_child_w)
        self.err = open(os.path.join(profile, "chromium.log"), "wb")
        self.proc = subprocess.Popen(["sh", "-c", cmd, "sh"] + args, pass_fds=(to_child_r, from_child_w),
                                     stdin=subprocess.DEVNULL, stdout=self.err, stderr=self.err)
        os.close(to_child_r)
        os.close(from_child_w)
        self.buf = b""
        self.next_id = 0
        self.events = []

    def send(self, method, params=None, session=None):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        os.write(self.to_child_w, json.dumps(msg).encode() + b"\0")
        return self.wait(lambda m: m.get("id") == self.next_id, 60, method)

    def read_one(self, deadline):
        while b"\0" not in self.buf:
            left = deadline - time.time()
            if left <= 0:
                return None
            r, _, _ = select.select([self.from_child_r], [], [], left)
            if not r:
                return None
            chunk = os.read(self.from_child_r, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self.buf += chunk
        raw, self.buf = self.buf.split(b"\0", 1)
        return json.loads(raw)

    def wait(self, pred, timeout, what):
        deadline = time.time() + timeout
        while True:
            m = self.read_one(deadline)
            if m is None:
                raise RuntimeError("no answer from chromium to %s within %d s" % (what, timeout))
            if "method" in m:
                self.events.append(m)
            if pred(m):
                if "error" in m:
                    raise RuntimeError("%s: %s" % (what, m["error"].get("message")))
                return m

    def close(self):
        try:
            os.write(self.to_child_w, json.dumps({"id": 0, "method": "Browser.close"}).encode() + b"\0")
        except OSError:
            pass
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.err.close()


FIGURES_JS = r"""
JSON.stringify(Array.from(document.querySelectorAll('figure')).map(function (f, i) {
  var g = f.querySelector('svg, img');
  var r = g ? g.getBoundingClientRect() : null;
  var s = g ? getComputedStyle(g) : null;
  var fr = f.getBoundingClientRect();
  return {n: i + 1, id: f.id, graphic: g ? g.tagName.toLowerCase() : null,
          w: r ? r.width : 0, h: r ? r.height : 0,
          x: fr.left + window.scrollX, y: fr.top + window.scrollY, fw: fr.width, fh: fr.height,
          shown: !!s && s.display !== 'none' && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0};
}))
"""


def console_errors(events):
    errs = []
    for e in events:
        m, p = e.get("method"), e.get("params", {})
        if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
            errs.append("console.%s: %s" % (p["type"], " ".join(str(a.get("value", a.get("description", "")))
                                                                for a in p.get("args", []))))
        elif m == "Runtime.exceptionThrown":
            d = p.get("exceptionDetails", {})
            errs.append("uncaught exception: %s" % (d.get("exception", {}).get("description") or d.get("text")))
        elif m == "Log.entryAdded" and p.get("entry", {}).get("level") == "error":
            en = p["entry"]
            errs.append("log (%s): %s %s" % (en.get("source"), en.get("text"), en.get("url", "")))
    return errs


def main():
    if len(sys.argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    report, shot = os.path.abspath(sys.argv[1]), sys.argv[2]
    if not os.path.isfile(report):
        print("check-report: %s: no such file" % report, file=sys.stderr)
        return 1
    expected = int(sys.argv[3]) if len(sys.argv) == 4 else \
        len(glob.glob(os.path.join(os.path.dirname(report), "figures", "*.svg")))
    exe = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        print("check-report: chromium not found (Debian: apt-get install chromium; or set CHROMIUM)", file=sys.stderr)
        return 2
    profile = tempfile.mkdtemp(prefix="cpr-chromium.")
    b = Browser(exe, profile)
    failures = []
    try:
        targets = b.send("Target.getTargets")["result"]["targetInfos"]
        page = next((t for t in targets if t["type"] == "page"), None)
        tid = page["targetId"] if page else b.send("Target.createTarget", {"url": "about:blank"})["result"]["targetId"]
        sid = b.send("Target.attachToTarget", {"targetId": tid, "flatten": True})["result"]["sessionId"]
        for dom in ("Page.enable", "Runtime.enable", "Log.enable"):
            b.send(dom, session=sid)
        b.send("Page.navigate", {"url": "file://" + report}, session=sid)
        b.wait(lambda m: m.get("method") == "Page.loadEventFired", 60, "loading the page")
        time.sleep(0.5)  # late console messages
        res = b.send("Runtime.evaluate", {"expression": FIGURES_JS, "returnByValue": True}, session=sid)
        figs = json.loads(res["result"]["result"]["value"])
        if len(figs) != expected:
            failures.append("%d figures on the page, %d expected" % (len(figs), expected))
        for f in figs:
            what = "figure %d (%s)" % (f["n"], f["id"] or "no id")
            if not f["graphic"]:
                failures.append("%s: no image (svg/img) in it" % what)
            elif not (f["w"] > 0 and f["h"] > 0 and f["shown"]):
                failures.append("%s: displayed at %gx%g px%s" % (what, f["w"], f["h"], "" if f["shown"] else ", hidden"))
            else:
                print("check-report: %s: %s displayed at %.0fx%.0f px" % (what, f["graphic"], f["w"], f["h"]))
        failures += console_errors(b.events)
        png = b.send("Page.captureScreenshot", {"format": "png"}, session=sid)["result"]["data"]
        with open(shot, "wb") as out:
            out.write(base64.b64decode(png))
        stem = shot[:-4] if shot.endswith(".png") else shot
        for f in figs:
            if f["w"] > 0 and f["h"] > 0:
                # the whole <figure>: the image and its caption
                clip = {"x": f["x"], "y": f["y"], "width": f["fw"], "height": f["fh"], "scale": 1}
                data = b.send("Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True},
                              session=sid)["result"]["data"]
                with open("%s-fig%d.png" % (stem, f["n"]), "wb") as out:
                    out.write(base64.b64decode(data))
    except (RuntimeError, OSError, KeyError, ValueError) as e:
        print("check-report: cannot drive chromium: %s (log: %s)" % (e, os.path.join(profile, "chromium.log")),
              file=sys.stderr)
        b.close()
        return 2
    b.close()
    shutil.rmtree(profile, ignore_errors=True)
    for f in failures:
        print("check-report: FAIL: %s" % f, file=sys.stderr)
    if failures:
        return 1
    print("check-report: %d figures displayed, no console error; screenshot %s" % (len(figs), shot))
    return 0


if __name__ == "__main__":
    sys.exit(main())
