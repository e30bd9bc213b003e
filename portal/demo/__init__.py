"""The demo world of the core app: accounts for three states and each staff role, consultants.

Everything here is invented for demonstration and says so: e-mail addresses end in
@demo.invalid and every display name carries "(demo)". Recommendation 9's needs, providers
and matches follow (portal/demo/matching.py). The demo activities need the demo
requests, so the requests app loads them (requests/demo_activities.py).
"""

from portal.demo import accounts, matching, roster


def load() -> str:
    return f"{accounts.load()}; {roster.load()}; {matching.load()}"


__all__ = ["load"]
