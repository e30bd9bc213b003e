"""The performance benchmark: seed a world at the organisation's scale, then measure.

`python -m scripts.benchmark.seed` builds the world on PostgreSQL; `python -m
scripts.benchmark.run --output FILE.json` measures every page on it. The package lives outside
the apps because it imports all of them (the portal imports no feature app, DESIGN.md s.2).
"""
