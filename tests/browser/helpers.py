"""What every browser journey needs: axe, keyboard checks, sign-in, language, screenshots.

Each helper takes a Playwright `page` (the fixture of conftest.py) and raises AssertionError
with a message a person can act on.
"""

import functools
import os
from pathlib import Path

BROWSER_DIR = Path(__file__).resolve().parent
REPO_DIR = BROWSER_DIR.parent.parent
AXE_SCRIPT = BROWSER_DIR / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOT_DIR = REPO_DIR / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}  # a common phone, the narrowest width the pages promise
FAILING_IMPACTS = ("serious", "critical")

_FOCUSED_ELEMENT_JS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const style = getComputedStyle(el);
  const label = el.getAttribute("aria-label")
    || (el.labels && el.labels[0] && el.labels[0].innerText) || el.innerText || el.value || "";
  return {
    element: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
      + " \\"" + label.trim().replace(/\\s+/g, " ").slice(0, 40) + "\\"",
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none" && style.boxShadow !== "",
  };
}"""


def axe_violations(page, impacts=FAILING_IMPACTS, within: str | None = None) -> list[dict]:
    """Run axe-core on the page as it is now (or on the elements matching `within`)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated, not added as a <script>: the portal's Content-Security-Policy (script-src
        # 'self') rightly blocks inline scripts, and the check must not weaken it.
        page.evaluate("() => {\n" + _axe_source() + "\n}")
    result = page.evaluate(
        "within => axe.run(within ? {include: [[within]]} : document,"
        " {resultTypes: ['violations']})",
        within,
    )
    return [v for v in result["violations"] if v["impact"] in impacts]


def describe_axe_violations(page, found: list[dict]) -> str:
    """The violations as lines a person can act on: rule, impact, help, elements."""
    lines = [f"axe: {len(found)} violation(s) on {page.url}"]
    for violation in found:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {' '.join(map(str, node['target']))}" for node in violation["nodes"])
    return "\n".join(lines)


def assert_no_axe_violations(page, impacts=FAILING_IMPACTS, within: str | None = None) -> None:
    """Run axe-core on the page as it is now; fail on any violation of the given impacts."""
    found = axe_violations(page, impacts, within)
    if found:
        raise AssertionError(describe_axe_violations(page, found))


@functools.cache
def _axe_source() -> str:
    return AXE_SCRIPT.read_text(encoding="utf-8")


def focused_element(page) -> dict | None:
    """The element that has focus, described, with whether it shows an outline or a shadow."""
    return page.evaluate(_FOCUSED_ELEMENT_JS)


def assert_keyboard_focus_visible(page, tabs: int = 12) -> list[str]:
    """Tab from the top of the page; each element reached must show a focus indicator.

    Returns the elements reached, in order, so a test can also check the tab order.
    """
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    page.evaluate("() => window.scrollTo(0, 0)")
    reached: list[str] = []
    for _ in range(tabs):
        page.keyboard.press("Tab")
        focused = focused_element(page)
        if focused is None:  # past the last element of the page
            break
        assert focused["outline"] or focused["shadow"], (
            f"no visible focus indicator (outline or box-shadow) on {focused['element']} "
            f"after {len(reached) + 1} Tab presses on {page.url}"
        )
        reached.append(focused["element"])
    assert reached, f"Tab reached no element on {page.url}"
    return reached


def tab_to(page, label: str, max_tabs: int = 40) -> None:
    """Press Tab until the field labelled `label` has focus (fails after max_tabs)."""
    tab_until(page, page.get_by_label(label).first, max_tabs, f"the field labelled {label!r}")


def tab_until(page, target, max_tabs: int = 60, what: str | None = None) -> None:
    """Press Tab until the element of the locator `target` has focus (fails after max_tabs)."""
    for _ in range(max_tabs):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{what or target} was not reached in {max_tabs} Tabs on {page.url}")


def fill_form_by_keyboard(page, values: dict[str, str | bool], max_tabs: int = 40) -> None:
    """Fill fields by their labels, in order, with the keyboard only: Tab, type, Space.

    A string is typed (into a select it picks the option it starts with); a bool sets a
    checkbox or radio with Space. Submitting is left to the caller (press Enter).
    """
    for label, value in values.items():
        tab_to(page, label, max_tabs)
        if isinstance(value, bool):
            if page.evaluate("() => document.activeElement.checked") != value:
                page.keyboard.press("Space")
            continue
        if page.evaluate("() => document.activeElement.tagName") != "SELECT":
            page.keyboard.press("ControlOrMeta+a")
        page.keyboard.type(value)


def sign_in(page, username: str, password: str) -> None:
    """Sign in through the real form and land on the page it redirects to."""
    page.goto("/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()


def pass_second_factor(page, user) -> None:
    """On /account/two-factor/, type the current code of the user's authenticator (made here).

    Staff need a second factor for every page; the device is created confirmed in Python,
    as if set up earlier, and the code is the one an authenticator app would show now.
    """
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="browser test", confirmed=True)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    page.get_by_label("Code").fill(f"{code:0{device.digits}d}")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()


def sign_in_staff(page, user, password: str) -> None:
    """Sign in a staff member and pass the second factor the first page asks for."""
    sign_in(page, user.get_username(), password)
    if "/account/two-factor/" not in page.url:
        page.goto("/admin/")
    assert "/account/two-factor/" in page.url, f"no second factor asked, at {page.url}"
    pass_second_factor(page, user)


def switch_language(page, code: str) -> None:
    """Choose a language in the header's switcher and press its button, as a person would."""
    page.locator("#language-select").select_option(code)
    with page.expect_navigation():
        page.locator(".language-switcher button[type=submit]").click()


def screenshot(page, name: str, viewport: dict | None = None) -> Path | None:
    """Save docs/screenshots/<name>.png at 1280x800 (or `viewport`, e.g. PHONE) when
    SCREENSHOTS=1 (scripts/screenshots)."""
    if os.environ.get("SCREENSHOTS") != "1":
        return None
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / f"{name}.png"
    page.set_viewport_size(viewport or VIEWPORT)
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); }")
    page.screenshot(path=str(path), animations="disabled", caret="hide")
    return path
