#!/usr/bin/env python3
"""Measures the web game in headless Chromium on this machine: the size of everything the page
downloads (raw and gzip, as the hub sends it); the time from opening the page to the game
started, to its first painted frame and to the first call that can be answered (a returning
player pressing each button at once), cold (the browser's cache emptied) and cached (a reload);
the CPU the browser uses while the call screen waits 10 s for the player; and the engine's
choices per second in the page (`peercall.benchEngine`, the desktop's `cargo bench -p
peercall-dialogue` "Call::choose" figure beside it).

    scripts/measure-web.py http://127.0.0.1:8080     # a hub serving target/web
"""
import json, os, subprocess, sys, tempfile, time, urllib.request

sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module
shots = import_module("web-screenshots")


def sizes(base):
    total_raw = total_gz = 0
    rows = []
    for name in ["index.html", "start.js", "peercall.css", "peercall-web.js", "peercall-web_bg.wasm"]:
        raw = len(urllib.request.urlopen(f"{base}/play/{name}").read())
        req = urllib.request.Request(f"{base}/play/{name}", headers={"Accept-Encoding": "gzip"})
        gz = len(urllib.request.urlopen(req).read())
        rows.append((name, raw, gz))
        total_raw += raw
        total_gz += gz
    for name, raw, gz in rows:
        print(f"  {name:24} {raw / 1e6:8.2f} MB raw {gz / 1e6:8.2f} MB gzip")
    print(f"  {'everything':24} {total_raw / 1e6:8.2f} MB raw {total_gz / 1e6:8.2f} MB gzip")


def chromium_cpu():
    """CPU seconds used so far by every chromium process."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/comm") as f:
                if "chrom" not in f.read():
                    continue
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
        except OSError:
            pass
    return total


def timed(b, url):
    b.call("POST", b.s("url"), {"url": url})
    for _ in range(600):
        frame = b.run("return document.documentElement.dataset.frame || null")
        if frame:
            started = b.run("return document.documentElement.dataset.started")
            return int(started), int(frame)
        time.sleep(0.05)
    raise SystemExit("the game did not start")


# Presses the mirror's first button whenever the screen shows one, until a call's choices are
# on screen; marks the moment (ms since the page opened) in data-answerable.
TO_CALL = """
const tick = () => {
  const m = document.getElementById('mirror');
  const first = document.querySelector('#mirror-buttons button');
  if (m.dataset.screen === 'Call' && first) {
    document.documentElement.dataset.answerable = String(Math.round(performance.now()));
    return;
  }
  if (first && first.dataset.pressed !== '1') { first.dataset.pressed = '1'; first.click(); }
  setTimeout(tick, 5);
};
tick();
"""


def answerable(b):
    b.run(TO_CALL)
    for _ in range(1200):
        at = b.run("return document.documentElement.dataset.answerable || null")
        if at:
            return int(at)
        time.sleep(0.05)
    raise SystemExit("no call could be answered")


def main():
    base = sys.argv[1].rstrip("/")
    print("What the page downloads:")
    sizes(base)
    b = shots.Browser(1280, 800)
    try:
        first = timed(b, f"{base}/play/")
        print(f"A new player, nothing cached: game started {first[0]} ms, first frame {first[1]} ms")
        # The profile, once; from here on the player is a returning one.
        b.keys("Ana" + shots.ENTER, pause=2.0)
        b.keys("1", pause=2.0)
        for name, clear in (("cold", True), ("cached", False)):
            if clear:
                b.call("POST", b.s("goog/cdp/execute"),
                       {"cmd": "Network.clearBrowserCache", "params": {}})
            started, frame = timed(b, f"{base}/play/?{name}")
            call = answerable(b)
            print(f"A returning player, {name}: game started {started} ms, first frame {frame} ms,"
                  f" first answerable call {call} ms")
        time.sleep(3)
        before = chromium_cpu()
        time.sleep(10)
        print(f"CPU of the browser while the call screen waits 10 s: {chromium_cpu() - before:.2f} s")
        rate = b.run("return window.peercall.benchEngine(3000)")
        print(f"The engine in the page: {rate / 1e6:.1f} million choices/s (Call::choose)")
    finally:
        b.close()


if __name__ == "__main__":
    main()
