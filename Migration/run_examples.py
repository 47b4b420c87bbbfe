"""Runs the pandas half of every Migration example and records its output.

Each example in Migration/*.md is a heading carrying `<!-- example: NAME -->` followed by a
```python block (which must assign `result`) and a ```swift block. This script runs the Python
block with the pinned pandas and writes `expected/NAME.csv` = result.to_csv(). The Swift half is
run by Tests/MigrationTests, which compares its `toCSV()` with that file.

    .venv/bin/python Migration/run_examples.py          # write expected/
    .venv/bin/python Migration/run_examples.py --check  # exit 1 if expected/ is stale
"""
import io
import re
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXAMPLE = re.compile(r"<!-- example: ([a-z0-9-]+) -->.*?```python\n(.*?)```\s*```swift\n(.*?)```", re.S)


def examples():
    for page in sorted(HERE.glob("*.md")):
        for match in EXAMPLE.finditer(page.read_text(encoding="utf-8")):
            yield page.name, match.group(1), match.group(2)


def run(code: str) -> str:
    import numpy as np
    import pandas as pd
    scope = {"pd": pd, "np": np, "io": io}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exec(code, scope)
    return scope["result"].to_csv()


def main(argv) -> int:
    check = "--check" in argv
    out = HERE / "expected"
    out.mkdir(exist_ok=True)
    stale = []
    names = set()
    for page, name, code in examples():
        if name in names:
            print(f"{page}: example {name} appears twice", file=sys.stderr)
            return 1
        names.add(name)
        text = run(code)
        path = out / f"{name}.csv"
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path.name)
        else:
            path.write_text(text, encoding="utf-8")
    extra = sorted(p.name for p in out.glob("*.csv") if p.stem not in names)
    if check:
        if stale or extra:
            print("Migration/expected is stale: " + ", ".join(stale + extra) + " (run Migration/run_examples.py)", file=sys.stderr)
            return 1
        print(f"migration examples up to date ({len(names)})")
    else:
        for name in extra:
            (out / name).unlink()
        print(f"wrote {len(names)} expected outputs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
