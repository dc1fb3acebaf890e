#!/usr/bin/env python3
"""Screenshots of the web game in headless Chromium (WebGL2 through SwiftShader), played by key
presses through ChromeDriver: docs/screenshots/4x-web-*.png. Needs target/web
(scripts/build-web.sh) and a hub serving it: `peercall serve --web target/web`.

    scripts/web-screenshots.py http://127.0.0.1:8080 [ADMIN_TOKEN]

With the hub's admin token it also publishes a competition through the publishing form and takes
the page of join links and the board with its "Play" link (48-49).
"""
import base64, json, subprocess, sys, tempfile, time, urllib.request

ENTER = "\ue007"


class Browser:
    def __init__(self, width, height, phone=False):
        self.port = 19517
        self.driver = subprocess.Popen(["chromedriver", f"--port={self.port}"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                self.call("GET", "/status")
                break
            except OSError:
                time.sleep(0.1)
        args = ["--headless=new", "--no-sandbox", "--disable-gpu", "--use-angle=swiftshader",
                "--enable-unsafe-swiftshader", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
                "--hide-scrollbars", f"--window-size={width},{height}",
                f"--user-data-dir={tempfile.mkdtemp()}"]
        options = {"binary": "/usr/bin/chromium", "args": args}
        if phone:
            # A phone held upright: its width in CSS pixels, with touch. One device pixel each:
            # emulated at two, the canvas's devicePixelContentBoxSize still counts CSS pixels.
            options["mobileEmulation"] = {"deviceMetrics": {
                "width": width, "height": height, "pixelRatio": 1.0, "touch": True, "mobile": True}}
        caps = {"capabilities": {"alwaysMatch": {"browserName": "chrome",
                                                 "goog:chromeOptions": options}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", method=method,
                                     data=data, headers={"Content-Type": "application/json"})
        return json.loads(urllib.request.urlopen(req, timeout=120).read())["value"]

    def s(self, what):
        return f"/session/{self.session}/{what}"

    def open(self, url):
        self.call("POST", self.s("url"), {"url": url})
        for _ in range(300):
            if self.run("return document.documentElement.dataset.started || null"):
                return
            time.sleep(0.2)
        raise SystemExit("the game did not start")

    def run(self, script):
        return self.call("POST", self.s("execute/sync"), {"script": script, "args": []})

    def find(self, css):
        found = self.call("POST", self.s("element"), {"using": "css selector", "value": css})
        return next(iter(found.values()))

    def type_into(self, css, text):
        self.call("POST", self.s(f"element/{self.find(css)}/value"), {"text": text})

    def keys(self, text, pause=0.5):
        actions = []
        for k in text:
            actions += [{"type": "keyDown", "value": k}, {"type": "keyUp", "value": k}]
        self.call("POST", self.s("actions"),
                  {"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})
        time.sleep(pause)

    def press(self, label):
        """Presses the page mirror's button whose label starts with `label`."""
        self.run("const b = [...document.querySelectorAll('#mirror-buttons button')]"
                 f".find((b) => b.textContent.startsWith({json.dumps(label)}));"
                 "if (b) b.click();")
        time.sleep(1.5)

    def shot(self, name):
        time.sleep(0.8)
        png = base64.b64decode(self.call("GET", self.s("screenshot")))
        with open(f"docs/screenshots/{name}.png", "wb") as f:
            f.write(png)
        print(f"docs/screenshots/{name}.png")

    def close(self):
        self.call("DELETE", f"/session/{self.session}")
        self.driver.kill()


def main():
    base = sys.argv[1].rstrip("/")
    b = Browser(1280, 800)
    try:
        b.open(f"{base}/play/?seed=7")
        b.shot("40-web-profile")
        b.keys("Ana" + ENTER, pause=2.0)
        b.keys("1", pause=2.0)  # the self-diagnostic question
        b.shot("41-web-title")
        b.keys(ENTER)  # Play: the onboarding path's next call
        b.keys(ENTER)  # the briefing: take the call
        b.keys("1", pause=1.5)
        b.shot("42-web-call")
        recorded = "return JSON.parse(window.peercall.exportRecords()).records.length"
        for _ in range(20):
            if b.run(recorded) > 0:
                break
            b.keys("1", pause=1.0)
        b.shot("43-web-call-ended")
        b.keys(ENTER, pause=1.5)
        b.shot("44-web-debrief")
        # Two days on (the page's clock moved forward): the decisions that call missed are due.
        time.sleep(2.0)
        b.call("POST", b.s("goog/cdp/execute"), {
            "cmd": "Page.addScriptToEvaluateOnNewDocument", "params": {"source":
                "(() => { const now = Date.now; Date.now = () => now() + 2 * 86400000; })();"}})
        b.open(f"{base}/play/")
        time.sleep(2.0)
        b.shot("63-web-drills-title")
        b.press("Practise")
        b.shot("64-web-drill-briefing")
        b.keys(ENTER, pause=1.5)
        b.shot("65-web-drill-call")
        b.open(f"{base}/play/")
        time.sleep(2.0)
        b.press("Your habits")
        b.shot("66-web-habits")
    finally:
        b.close()
    # A phone held upright: the prospect's panels above the transcript, the choices stacked;
    # then Tab from the canvas brings the screen's text mirror into sight.
    b = Browser(390, 844, phone=True)
    try:
        b.open(f"{base}/play/?seed=7")
        b.keys("Bo" + ENTER, pause=2.0)
        b.keys("1", pause=2.0)
        b.keys(ENTER)
        b.keys(ENTER)
        b.keys("1", pause=1.5)
        b.shot("46-web-call-narrow")
        b.keys("\ue004", pause=1.0)  # Tab
        b.shot("47-web-mirror")
    finally:
        b.close()
    if len(sys.argv) > 2:
        hub_pages(base, sys.argv[2])


def hub_pages(base, admin):
    """The publishing form sent: each team's code and join link; then the board's Play link."""
    cup = tempfile.NamedTemporaryFile("w", suffix=".ron", delete=False)
    cup.write('Competition(id: "spring", name: "Spring cup", attempts: 3, '
              'scenarios: [(id: "network-expansion", seed: 5)])')
    cup.close()
    b = Browser(1280, 600)
    try:
        b.call("POST", b.s("url"), {"url": base.replace("://", f"://admin:{admin}@") + "/publish"})
        b.type_into("input[name=competition]", cup.name)
        b.type_into("input[name=teams]", "Reds, Blues")
        b.call("POST", b.s(f"element/{b.find('form button')}/click"), {})
        time.sleep(1.0)
        b.shot("48-hub-published-links")
        b.call("POST", b.s("url"), {"url": f"{base}/competitions/spring"})
        b.shot("49-hub-board-play")
    finally:
        b.close()


if __name__ == "__main__":
    main()
