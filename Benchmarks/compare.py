"""Times the demo pipeline in pandas and polars on the same CSV, then prints one table with
Bamboo's timings (JSON lines from `bamboo bench`, read from stdin) side by side.

    bamboo bench --csv data.csv | python Benchmarks/compare.py data.csv
"""
import json
import sys
import time


def fastest(repeats, fn):
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def pandas_steps(path, repeats):
    import pandas as pd
    state = {}
    out = {}
    out["read_csv"] = fastest(repeats, lambda: state.update(sales=pd.read_csv(path, parse_dates=["day"])))

    def filt():
        priced = state["sales"].dropna(subset=["unit_price"])
        state["kept"] = priced[(priced["units"] > 0) & priced["region"].notna()]
    out["dropna+filter"] = fastest(repeats, filt)

    def assign():
        frame = state["kept"].copy()
        frame["revenue"] = frame["units"] * frame["unit_price"]
        state["rev"] = frame
    out["assign"] = fastest(repeats, assign)
    out["sort+head"] = fastest(repeats, lambda: state["rev"].sort_values(["revenue", "order_id"], ascending=[False, True], kind="stable").head(10))
    out["sum"] = fastest(repeats, lambda: state["rev"]["revenue"].sum())
    return out


def polars_steps(path, repeats):
    import polars as pl
    state = {}
    out = {}
    out["read_csv"] = fastest(repeats, lambda: state.update(sales=pl.read_csv(path, try_parse_dates=True)))

    def filt():
        priced = state["sales"].drop_nulls(subset=["unit_price"])
        state["kept"] = priced.filter((pl.col("units") > 0) & pl.col("region").is_not_null())
    out["dropna+filter"] = fastest(repeats, filt)
    out["assign"] = fastest(repeats, lambda: state.update(rev=state["kept"].with_columns((pl.col("units") * pl.col("unit_price")).alias("revenue"))))
    out["sort+head"] = fastest(repeats, lambda: state["rev"].sort(["revenue", "order_id"], descending=[True, False], maintain_order=True).head(10))
    out["sum"] = fastest(repeats, lambda: state["rev"]["revenue"].sum())
    return out


def main():
    path = sys.argv[1]
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    bamboo = {}
    rows = None
    for line in sys.stdin:
        record = json.loads(line)
        bamboo[record["step"]] = record["seconds"]
        rows = record["rows"]
        engine = record["engine"]
    import pandas as pd
    import polars as pl
    columns = [(engine, bamboo), (f"pandas {pd.__version__}", pandas_steps(path, repeats)), (f"polars {pl.__version__}", polars_steps(path, repeats))]
    print(f"\n{rows} rows, fastest of {repeats} runs, seconds (lower is better)\n")
    print("| step | " + " | ".join(name for name, _ in columns) + " |")
    print("|---|" + "---:|" * len(columns))
    for step in bamboo:
        print(f"| {step} | " + " | ".join(f"{timings[step]:.4f}" for _, timings in columns) + " |")


if __name__ == "__main__":
    main()
