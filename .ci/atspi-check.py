#!/usr/bin/python3
"""Reads the real dateline window through AT-SPI, the interface Linux screen readers use, and checks
what a screen-reader user relies on: a named window, no focusable node without a name, the timeline as a
named list box with one node per event in lanes, the periods and the range in view read, the timeline
reached within a few Tabs with the arrows moving the focus and the selection together, and a selection
announced in a live region. Run by .ci/atspi.sh with the window open under Xvfb."""

import subprocess
import sys
import time

import pyatspi
from gi.repository import GLib


def name_of(acc):
    """What a screen reader reads: the name, else the text."""
    try:
        name = acc.name or ""
    except Exception:
        return ""
    if name.strip():
        return name
    try:
        text = acc.queryText()
        return text.getText(0, text.characterCount) or ""
    except Exception:
        return ""


def walk(acc, depth=0):
    if acc is None or depth > 60:
        return
    yield acc
    try:
        count = acc.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1)


def has(acc, state):
    try:
        return acc.getState().contains(state)
    except Exception:
        return False


def attributes(acc):
    try:
        return dict(a.split(":", 1) for a in acc.getAttributes() if ":" in a)
    except Exception:
        return {}


def find_app():
    desktop = pyatspi.Registry.getDesktop(0)
    for _ in range(40):
        for app in desktop:
            if app is None:
                continue
            for node in walk(app):
                if node.getRole() == pyatspi.ROLE_FRAME or node.getRole() == pyatspi.ROLE_WINDOW:
                    if "dateline" in name_of(node):
                        return app, node
        time.sleep(0.5)
    return None, None


def key(*keys):
    subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", "dateline",
                    "windowfocus", "--sync", "key", "--delay", "150", *keys], check=True)
    time.sleep(0.8)


def timeline_of(window):
    for node in walk(window):
        if node.getRole() == pyatspi.ROLE_LIST_BOX and name_of(node).startswith("Timeline, "):
            return node
    return None


def focused_in(root):
    for node in walk(root):
        if has(node, pyatspi.STATE_FOCUSED):
            return node
    return None


failures = []


def check(ok, what):
    print(("ok      " if ok else "FAILED  ") + what)
    if not ok:
        failures.append(what)


app, window = find_app()
if window is None:
    print("FAILED  the dateline window is not on the AT-SPI bus")
    sys.exit(1)
nodes = list(walk(window))
print(f"the window {name_of(window)!r} has {len(nodes)} nodes")
check("dateline" in name_of(window), "the window is named")

unnamed = [n.getRoleName() for n in nodes
           if has(n, pyatspi.STATE_FOCUSABLE) and not name_of(n).strip()]
check(not unnamed, f"every focusable node has a name (unnamed: {unnamed[:10]})")

timeline = timeline_of(window)
check(timeline is not None, "the timeline is a list box named with what it shows")
if timeline is not None:
    print(f"        {name_of(timeline)!r}")
    groups = [n for n in walk(timeline) if n.getRole() == pyatspi.ROLE_GROUPING
              or n.getRole() == pyatspi.ROLE_PANEL and name_of(n).startswith("Lane ")]
    lanes = [g for g in groups if name_of(g).startswith("Lane ")]
    check(len(lanes) >= 3, f"lanes are groups ({len(lanes)})")
    options = [n for n in walk(timeline) if n.getRole() == pyatspi.ROLE_LIST_ITEM]
    events = [o for o in options if not name_of(o).startswith("Cluster of ")]
    check(len(events) >= 10, f"events are items of the timeline ({len(events)})")
    names = [name_of(e) for e in events]
    check(len(set(names)) == len(names), "one node per event")
    check(any(", 30 November 2015, " in n for n in names),
          "an event is named with its date in words")
    texts = [name_of(n) for n in walk(timeline)]
    check(any(t.startswith("Period: Cold War") for t in texts), "the periods are read")
    check(any(t.startswith("Showing ") for t in texts), "the range in view is read")

# The keyboard: Tab reaches the timeline in a few presses; Right moves focus and selection together.
reached = None
for presses in range(1, 13):
    key("Tab")
    timeline = timeline_of(window)
    if timeline is not None and focused_in(timeline) is not None:
        reached = presses
        break
check(reached is not None and reached <= 8, f"Tab reaches the timeline ({reached} presses)")
key("Right")
timeline = timeline_of(window)
focused = focused_in(timeline) if timeline is not None else None
check(focused is not None and has(focused, pyatspi.STATE_SELECTED),
      f"Right moves the focus to the selected event ({name_of(focused) if focused else None!r})")
# Screen readers hear a live region's change as an announcement event; listen while Right is pressed.
heard = []


def on_announcement(event):
    heard.append(str(event.any_data))


pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")
key("Right")
GLib.timeout_add(2000, pyatspi.Registry.stop)
pyatspi.Registry.start()
timeline = timeline_of(window)
second = focused_in(timeline) if timeline is not None else None
check(second is not None and focused is not None and name_of(second) != name_of(focused),
      f"Right again moves on ({name_of(second) if second else None!r})")
check(second is not None and any(h == "Selected: " + name_of(second) for h in heard),
      f"the selection is announced ({heard[:2]})")

if failures:
    print(f"{len(failures)} AT-SPI checks failed")
    sys.exit(1)
print("every AT-SPI check passed")
