#!/usr/bin/env python3
"""Measures the web game in headless Chromium on this machine: the size of everything the page
downloads (raw and gzip, as the hub sends it), the time from opening the page to the game
started and to its first painted frame, cold (a new browser profile) and cached (a reload), and
the CPU the browser uses while the title screen waits 10 s for the player.

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


def main():
    base = sys.argv[1].rstrip("/")
    print("What the page downloads:")
    sizes(base)
    b = shots.Browser(1280, 800)
    try:
        cold = timed(b, f"{base}/play/")
        cached = timed(b, f"{base}/play/?again")
        print(f"Opening the page to the game started / first frame: cold {cold[0]} / {cold[1]} ms,"
              f" cached {cached[0]} / {cached[1]} ms")
        time.sleep(3)
        before = chromium_cpu()
        time.sleep(10)
        print(f"CPU of the browser while the title waits 10 s: {chromium_cpu() - before:.2f} s")
    finally:
        b.close()


if __name__ == "__main__":
    main()
