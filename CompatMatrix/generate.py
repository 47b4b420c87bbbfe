#!/usr/bin/env python3
"""Generate the CompatMatrix goldens from the case corpus (see FORMAT.md).

Usage (from anywhere; paths are relative to this file's folder):
    python generate.py              # (re)write goldens/<area>/<id>.json
    python generate.py --out DIR    # write the goldens under DIR instead
    python generate.py --check      # regenerate into a temp dir, compare with goldens/
    python generate.py --api        # write pandas-api.json

Needs exactly the versions pinned in requirements.txt (the goldens record pandas' behaviour).
Every case is evaluated generically: there is no per-case code in this file.
"""
from __future__ import annotations

import argparse
import datetime
import filecmp
import inspect
import io
import itertools
import json
import math
import operator
import re
import unicodedata
import sys
import tempfile
import types
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"
GOLDENS_DIR = HERE / "goldens"
API_FILE = HERE / "pandas-api.json"
REQUIREMENTS = HERE / "requirements.txt"

AREAS = (
    "construction", "selection", "loc", "iloc", "arithmetic", "missing", "sort",
    "groupby", "merge", "concat", "reshape", "strings", "datetime", "timezone",
    "window", "io", "errors",
)
CASE_KEYS_REQUIRED = ("id", "purpose", "inputs", "program")
CASE_KEYS_OPTIONAL = ("dims",)
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

TOKENS = ("None", "NaN", "NA", "NaT", "inf", "-inf")
# Allowed keys per step kind (the first key is the kind itself).
STEP_KINDS = {
    "call": {"call", "args", "kwargs"},
    # A top-level pandas function (`pd.concat(...)`); the current object is not passed.
    "function": {"function", "args", "kwargs"},
    "attr": {"attr"},
    "len": {"len"},
    "getitem": {"getitem"},
    "setitem": {"setitem", "value"},
    "loc": {"loc"},
    "iloc": {"iloc"},
    "at": {"at"},
    "iat": {"iat"},
    "op": {"op", "other", "reverse"},
    "unary": {"unary"},
}
# Top-level pandas functions a program may call with the `function` step.
TOP_LEVEL_FUNCTIONS = {"concat", "merge", "get_dummies", "crosstab", "to_datetime", "date_range", "to_timedelta"}
BINARY_OPS = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow,
    "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le,
    ">": operator.gt, ">=": operator.ge, "&": operator.and_, "|": operator.or_,
}
UNARY_OPS = {"~": operator.invert, "-": operator.neg}
BASE_EXCEPTIONS = (KeyError, ValueError, TypeError, IndexError)


class CaseError(Exception):
    """A case file is malformed; the message names the file."""


# --------------------------------------------------------------------------------------
# Loading and validation
# --------------------------------------------------------------------------------------

class Validator:
    def __init__(self, path: Path, case: dict, variant: str | None = None):
        self.path = path
        self.case = case
        self.variant = variant
        self.dims_used: set[str] = set()

    def fail(self, where: str, msg: str):
        in_variant = f" (variant {self.variant})" if self.variant else ""
        raise CaseError(f"{self.path}: {where}{in_variant}: {msg}")

    def run(self):
        case, path = self.case, self.path
        if not isinstance(case, dict):
            self.fail("top level", "a case must be a JSON object")
        for k in CASE_KEYS_REQUIRED:
            if k not in case:
                self.fail("top level", f"missing required key {k!r}")
        for k in case:
            if k not in CASE_KEYS_REQUIRED + CASE_KEYS_OPTIONAL:
                self.fail("top level", f"unknown key {k!r}")
        area = path.parent.name
        if area not in AREAS:
            self.fail("area", f"folder {area!r} is not an area listed in FORMAT.md {list(AREAS)}")
        cid = case["id"]
        if not isinstance(cid, str) or cid != path.stem:
            self.fail("id", f"id {cid!r} must equal the file name {path.stem!r}")
        if not ID_RE.match(cid):
            self.fail("id", f"id {cid!r} is not kebab-case")
        if not cid.startswith(area + "-"):
            self.fail("id", f"id {cid!r} must be prefixed with its area '{area}-'")
        purpose = case["purpose"]
        if not isinstance(purpose, str) or not purpose.strip() or "\n" in purpose:
            self.fail("purpose", "purpose must be a non-empty one-line string")
        dims = case.get("dims", {})
        if not isinstance(dims, dict):
            self.fail("dims", "dims must be an object")
        for name, values in dims.items():
            if not isinstance(values, list) or not values:
                self.fail(f"dims.{name}", "a dimension must be a non-empty list")
            seen = set()
            for v in values:
                if isinstance(v, dict):
                    self.value(v, f"dims.{name}", allow_dim=False)
                key = dim_value_name(v)
                if any(ord(ch) < 32 for ch in key):
                    self.fail(f"dims.{name}", f"value {key!r} would put a control character in a variant id")
                if key in seen:
                    self.fail(f"dims.{name}", f"duplicate value {key!r}")
                seen.add(key)
        inputs = case["inputs"]
        if not isinstance(inputs, dict) or "df" not in inputs:
            self.fail("inputs", "inputs must be an object with at least 'df'")
        for name, spec in inputs.items():
            self.input(spec, f"inputs.{name}")
        self.steps(case["program"], "program")
        for name in dims:
            # `partitions` is backend-only (see FORMAT.md): pandas' result is the same for each value.
            if name not in self.dims_used and name != "partitions":
                self.fail("dims", f"dimension {name!r} is never used via $dim")
        for name in sorted(self.dims_used):
            if name not in dims:
                self.fail("dims", f"$dim {name!r} refers to an undeclared dimension")
        if dims:
            # Names of methods/operators may come from a dimension: check every variant too.
            for vid, body in expand(case):
                Validator(path, body, vid).run()

    def input(self, spec, where):
        if not isinstance(spec, dict):
            self.fail(where, "an input must be an object")
        if "series" in spec:
            if set(spec) != {"series"}:
                self.fail(where, "a series input has only the key 'series'")
            s = spec["series"]
            if not isinstance(s, dict) or "values" not in s:
                self.fail(where, "series needs 'values'")
            self.allowed(s, {"values", "name", "dtype", "index"}, where + ".series")
            self.value(s["values"], where + ".series.values")
            self.value(s.get("name"), where + ".series.name")
            self.dtype(s.get("dtype"), where + ".series.dtype")
            if "index" in s:
                self.index(s["index"], where + ".series.index")
        elif "csv" in spec:
            self.allowed(spec, {"csv", "kwargs"}, where)
            if is_dim(spec["csv"]):
                self.value(spec["csv"], where + ".csv")
            elif not isinstance(spec["csv"], str):
                self.fail(where, "csv must be a string")
            kw = spec.get("kwargs", {})
            if not isinstance(kw, dict):
                self.fail(where, "kwargs must be an object")
            self.value(kw, where + ".kwargs")
        elif "columns" in spec:
            self.allowed(spec, {"columns", "index"}, where)
            cols = spec["columns"]
            if not isinstance(cols, list):
                self.fail(where, "columns must be a list")
            labels = []
            for i, c in enumerate(cols):
                w = f"{where}.columns[{i}]"
                if not isinstance(c, dict) or "label" not in c or "values" not in c:
                    self.fail(w, "a column needs 'label' and 'values'")
                self.allowed(c, {"label", "values", "dtype"}, w)
                self.value(c["label"], w + ".label")
                self.value(c["values"], w + ".values")
                if not isinstance(c["values"], list) and not is_dim(c["values"]):
                    self.fail(w, "values must be a list")
                self.dtype(c.get("dtype"), w + ".dtype")
                labels.append(json.dumps(c["label"], sort_keys=True))
            if len(set(labels)) != len(labels):
                self.fail(where, "duplicate column labels cannot be built from a dict")
            if "index" in spec:
                self.index(spec["index"], where + ".index")
        else:
            self.fail(where, "an input needs 'columns', 'csv' or 'series'")

    def index(self, spec, where):
        if not isinstance(spec, dict) or "values" not in spec:
            self.fail(where, "an index needs 'values'")
        self.allowed(spec, {"values", "name", "dtype"}, where)
        self.value(spec["values"], where + ".values")
        self.value(spec.get("name"), where + ".name")
        self.dtype(spec.get("dtype"), where + ".dtype")

    def dtype(self, d, where):
        if d is None:
            return
        if is_dim(d):
            self.value(d, where)
        elif not isinstance(d, str):
            self.fail(where, "dtype must be a string")

    def allowed(self, obj, keys, where):
        for k in obj:
            if k not in keys:
                self.fail(where, f"unknown key {k!r} (allowed: {sorted(keys)})")

    def steps(self, steps, where):
        if not isinstance(steps, list):
            self.fail(where, "a program must be a list of steps")
        for i, st in enumerate(steps):
            self.step(st, f"{where}[{i}]")

    def step(self, st, where):
        if not isinstance(st, dict) or not st:
            self.fail(where, "a step must be a non-empty object")
        kinds = [k for k in st if k in STEP_KINDS]
        if len(kinds) != 1:
            self.fail(where, f"a step needs exactly one kind among {sorted(STEP_KINDS)}, got keys {sorted(st)}")
        kind = kinds[0]
        self.allowed(st, STEP_KINDS[kind], where)
        w = f"{where}.{kind}"
        if is_dim(st[kind]):
            self.value(st[kind], w)  # checked again once the variant is expanded
            if kind == "setitem":
                self.value(st.get("value"), where + ".value")
            elif kind == "op":
                self.value(st.get("other"), where + ".other")
            elif kind == "call":
                self.value(st.get("args", []), w + ".args")
                self.value(st.get("kwargs", {}), w + ".kwargs")
            return
        if kind == "function":
            if st["function"] not in TOP_LEVEL_FUNCTIONS:
                self.fail(w, f"unknown top-level function {st['function']!r}; known: {sorted(TOP_LEVEL_FUNCTIONS)}")
            self.value(st.get("args", []), w + ".args")
            self.value(st.get("kwargs", {}), w + ".kwargs")
        elif kind == "call":
            if not isinstance(st["call"], str):
                self.fail(w, "call needs a method name")
            if not isinstance(st.get("args", []), list):
                self.fail(w, "args must be a list")
            if not isinstance(st.get("kwargs", {}), dict):
                self.fail(w, "kwargs must be an object")
            self.value(st.get("args", []), w + ".args")
            self.value(st.get("kwargs", {}), w + ".kwargs")
        elif kind == "attr":
            if not isinstance(st["attr"], str):
                self.fail(w, "attr needs a name")
        elif kind == "len":
            if st["len"] is not True:
                self.fail(w, "len must be true")
        elif kind in ("getitem", "loc", "iloc", "at", "iat"):
            self.key(st[kind], w)
        elif kind == "setitem":
            if "value" not in st:
                self.fail(w, "setitem needs 'value'")
            self.key(st["setitem"], w)
            self.value(st["value"], where + ".value")
        elif kind == "op":
            if st["op"] not in BINARY_OPS:
                self.fail(w, f"unknown operator {st['op']!r}")
            if "other" not in st:
                self.fail(w, "op needs 'other'")
            if not isinstance(st.get("reverse", False), bool):
                self.fail(w, "reverse must be a bool")
            self.value(st["other"], where + ".other")
        elif kind == "unary":
            if st["unary"] not in UNARY_OPS:
                self.fail(w, f"unknown unary operator {st['unary']!r}")

    def key(self, k, where):
        if isinstance(k, dict) and "slice" in k:
            self.allowed(k, {"slice"}, where)
            parts = k["slice"]
            if not isinstance(parts, list) or not 2 <= len(parts) <= 3:
                self.fail(where, "slice must be [start, stop] or [start, stop, step]")
            self.value(parts, where + ".slice")
        elif isinstance(k, dict) and "tuple" in k:
            self.allowed(k, {"tuple"}, where)
            parts = k["tuple"]
            if not isinstance(parts, list) or len(parts) != 2:
                self.fail(where, "tuple must be [rowkey, colkey]")
            for i, p in enumerate(parts):
                self.key(p, f"{where}.tuple[{i}]")
        else:
            self.value(k, where)

    def value(self, v, where, allow_dim=True):
        if isinstance(v, list):
            for i, x in enumerate(v):
                self.value(x, f"{where}[{i}]", allow_dim)
        elif isinstance(v, dict):
            if "$" in v:
                if set(v) != {"$"} or v["$"] not in TOKENS:
                    self.fail(where, f"unknown token {v!r} (tokens: {list(TOKENS)})")
            elif "$float" in v:
                if set(v) != {"$float"} or not isinstance(v["$float"], str):
                    self.fail(where, "$float needs a string")
                try:
                    float(v["$float"])
                except ValueError:
                    self.fail(where, f"$float {v['$float']!r} is not a float")
            elif "$tuple" in v:
                if set(v) != {"$tuple"} or not isinstance(v["$tuple"], list):
                    self.fail(where, "$tuple needs a list")
                self.value(v["$tuple"], where + ".$tuple", allow_dim)
            elif "$date" in v or "$time" in v:
                kind = "$date" if "$date" in v else "$time"
                if set(v) != {kind} or not isinstance(v[kind], str):
                    self.fail(where, f"{kind} needs an ISO string")
                try:
                    (datetime.date if kind == "$date" else datetime.time).fromisoformat(v[kind])
                except ValueError:
                    self.fail(where, f"{kind} {v[kind]!r} is not an ISO {kind[1:]}")
            elif "$grouper" in v:
                if set(v) != {"$grouper"} or not isinstance(v["$grouper"], dict):
                    self.fail(where, "$grouper needs an object of pd.Grouper keyword arguments")
                self.value(v["$grouper"], where + ".$grouper", allow_dim)
            elif "$dim" in v:
                if not allow_dim:
                    self.fail(where, "$dim cannot appear inside a dimension value")
                if set(v) != {"$dim"} or not isinstance(v["$dim"], str):
                    self.fail(where, "$dim needs a dimension name")
                self.dims_used.add(v["$dim"])
            elif "$self" in v:
                self.allowed(v, {"$self"}, where)
                self.steps(v["$self"], where + ".$self")
            elif "$input" in v:
                self.allowed(v, {"$input", "steps"}, where)
                if v["$input"] not in self.case["inputs"]:
                    self.fail(where, f"$input {v['$input']!r} is not an input")
                self.steps(v.get("steps", []), where + ".steps")
            else:
                for k, x in v.items():
                    if k.startswith("$"):
                        self.fail(where, f"unknown $-key {k!r}")
                    self.value(x, f"{where}.{k}", allow_dim)


def is_dim(v) -> bool:
    return isinstance(v, dict) and "$dim" in v


def load_cases(cases_dir: Path) -> list[tuple[str, Path, dict]]:
    if not cases_dir.is_dir():
        raise CaseError(f"{cases_dir}: no cases folder")
    out = []
    ids: dict[str, Path] = {}
    for area_dir in sorted(p for p in cases_dir.iterdir()):
        if not area_dir.is_dir():
            raise CaseError(f"{area_dir}: only area folders belong directly under cases/")
        if area_dir.name not in AREAS:
            raise CaseError(f"{area_dir}: {area_dir.name!r} is not an area listed in FORMAT.md {list(AREAS)}")
        for path in sorted(area_dir.iterdir()):
            if path.suffix != ".json" or not path.is_file():
                raise CaseError(f"{path}: only <id>.json files belong in an area folder")
            try:
                case = json.loads(path.read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                raise CaseError(f"{path}: invalid JSON: {e}") from None
            Validator(path, case).run()
            if case["id"] in ids:
                raise CaseError(f"{path}: id {case['id']!r} also used by {ids[case['id']]}")
            ids[case["id"]] = path
            out.append((area_dir.name, path, case))
    return out


# --------------------------------------------------------------------------------------
# Dimensions
# --------------------------------------------------------------------------------------

def dim_value_name(v) -> str:
    """How a dimension value is printed in a variant id."""
    if isinstance(v, dict) and set(v) == {"$"}:
        return v["$"]
    if isinstance(v, dict) and set(v) == {"$float"}:
        return v["$float"]
    if isinstance(v, str):
        return v
    return json.dumps(v, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def substitute(obj, env: dict):
    if isinstance(obj, list):
        return [substitute(x, env) for x in obj]
    if isinstance(obj, dict):
        if set(obj) == {"$dim"}:
            return env[obj["$dim"]]
        return {k: substitute(v, env) for k, v in obj.items()}
    return obj


def expand(case: dict) -> list[tuple[str, dict]]:
    """[(variant id, case with $dim substituted)]. Dimension names are taken in sorted
    order; each dimension's values in listed order."""
    dims = case.get("dims") or {}
    if not dims:
        return [(case["id"], case)]
    names = sorted(dims)
    out = []
    for combo in itertools.product(*(dims[n] for n in names)):
        env = dict(zip(names, combo))
        vid = case["id"] + "[" + ",".join(f"{n}={dim_value_name(env[n])}" for n in names) + "]"
        body = {k: substitute(v, env) for k, v in case.items() if k != "dims"}
        out.append((vid, body))
    # Swift compares strings by canonical equivalence: ids equal after NFC would collide there.
    normalized = [unicodedata.normalize("NFC", vid) for vid, _ in out]
    if len(set(normalized)) != len(normalized):
        raise SystemExit(f"generate.py: {case['id']}: two variant ids are equal after Unicode normalization; split the case")
    return out


# --------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------

class Evaluator:
    def __init__(self, pd, np, inputs_spec: dict):
        self.pd = pd
        self.np = np
        self.inputs_spec = inputs_spec

    # ---- values ----
    def token(self, name):
        pd = self.pd
        return {"None": None, "NaN": float("nan"), "NA": pd.NA, "NaT": pd.NaT,
                "inf": float("inf"), "-inf": float("-inf")}[name]

    # `anchor` is the object the enclosing top-level program step applies to: every `$self`,
    # however deeply nested (inside another `$self` or an `$input` chain), starts from it.
    def value(self, v, anchor):
        if isinstance(v, list):
            return [self.value(x, anchor) for x in v]
        if isinstance(v, dict):
            if "$" in v:
                return self.token(v["$"])
            if "$tuple" in v:
                return tuple(self.value(x, anchor) for x in v["$tuple"])
            if "$float" in v:
                return float(v["$float"])
            if "$date" in v:
                return datetime.date.fromisoformat(v["$date"])
            if "$time" in v:
                return datetime.time.fromisoformat(v["$time"])
            if "$grouper" in v:
                return self.pd.Grouper(**self.value(v["$grouper"], anchor))
            if "$self" in v:
                return self.run(anchor, v["$self"], anchor)
            if "$input" in v:
                return self.run(self.build_input(v["$input"]), v.get("steps", []), anchor)
            return {k: self.value(x, anchor) for k, x in v.items()}
        return v

    def key(self, k, anchor):
        if isinstance(k, dict) and "slice" in k:
            return slice(*[self.value(p, anchor) for p in k["slice"]])
        if isinstance(k, dict) and "tuple" in k:
            return tuple(self.key(p, anchor) for p in k["tuple"])
        return self.value(k, anchor)

    # ---- inputs ----
    def build_index(self, spec):
        return self.pd.Index(self.value(spec["values"], None), name=self.value(spec.get("name"), None),
                             dtype=spec.get("dtype"))

    def build_input(self, name):
        """A fresh object for input `name` (mutations by one step never leak into another)."""
        pd = self.pd
        spec = self.inputs_spec[name]
        if "series" in spec:
            s = spec["series"]
            index = self.build_index(s["index"]) if "index" in s else None
            return pd.Series(self.value(s["values"], None), name=self.value(s.get("name"), None),
                             dtype=s.get("dtype"), index=index)
        if "csv" in spec:
            return pd.read_csv(io.StringIO(spec["csv"]), **self.value(spec.get("kwargs", {}), None))
        index = self.build_index(spec["index"]) if "index" in spec else None
        data = {}
        for col in spec["columns"]:
            values = self.value(col["values"], None)
            if col.get("dtype") is not None:
                # Built on the frame's index so that no alignment takes place.
                values = pd.Series(values, dtype=col["dtype"], index=index)
            data[self.value(col["label"], None)] = values
        return pd.DataFrame(data, index=index)

    # ---- program ----
    def run(self, obj, steps, anchor=None):
        """Apply steps to obj. Top level (anchor None): each step's `$self` is the current
        object before that step. Nested chains keep the anchor of their top-level step."""
        for st in steps:
            obj = self.step(obj, st, obj if anchor is None else anchor)
        return obj

    def step(self, obj, st, anchor):
        if "call" in st:
            args = self.value(st.get("args", []), anchor)
            kwargs = self.value(st.get("kwargs", {}), anchor)
            return getattr(obj, st["call"])(*args, **kwargs)
        if "function" in st:
            args = self.value(st.get("args", []), anchor)
            kwargs = self.value(st.get("kwargs", {}), anchor)
            return getattr(self.pd, st["function"])(*args, **kwargs)
        if "attr" in st:
            return getattr(obj, st["attr"])
        if "len" in st:
            return len(obj)
        if "getitem" in st:
            return obj[self.key(st["getitem"], anchor)]
        if "setitem" in st:
            key = self.key(st["setitem"], anchor)
            obj[key] = self.value(st["value"], anchor)
            return obj
        for name in ("loc", "iloc", "at", "iat"):
            if name in st:
                return getattr(obj, name)[self.key(st[name], anchor)]
        if "op" in st:
            other = self.value(st["other"], anchor)
            fn = BINARY_OPS[st["op"]]
            return fn(other, obj) if st.get("reverse", False) else fn(obj, other)
        if "unary" in st:
            return UNARY_OPS[st["unary"]](obj)
        raise AssertionError(f"unvalidated step {st!r}")


def evaluate(pd, np, case: dict):
    """Build the inputs and run the program; returns ("ok", obj) or ("error", exc)."""
    ev = Evaluator(pd, np, case["inputs"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return "ok", ev.run(ev.build_input("df"), case["program"])
        except Exception as e:  # noqa: BLE001 - the exception is the result under test
            return "error", e


# --------------------------------------------------------------------------------------
# Serialisation
# --------------------------------------------------------------------------------------

class Encoder:
    def __init__(self, pd, np):
        self.pd = pd
        self.np = np

    def tok(self, name):
        return {"$": name}

    def float_value(self, f: float, in_object: bool):
        if math.isnan(f):
            return self.tok("NaN")
        if math.isinf(f):
            return self.tok("inf" if f > 0 else "-inf")
        return {"$float": repr(f)} if in_object else f

    def element(self, v, in_object: bool):
        """One value of a column/index/label."""
        pd, np = self.pd, self.np
        if v is None:
            return self.tok("None")
        if v is pd.NA:
            return self.tok("NA")
        if v is pd.NaT:
            return self.tok("NaT")
        if isinstance(v, (bool, np.bool_)):
            return bool(v)
        if isinstance(v, (int, np.integer)):
            return int(v)
        if isinstance(v, (float, np.floating)):
            return self.float_value(float(v), in_object)
        if isinstance(v, str):
            return str(v)
        if isinstance(v, tuple):
            return {"$tuple": [self.element(x, in_object) for x in v]}
        if isinstance(v, list):
            return {"$list": [self.element(x, in_object) for x in v]}
        if isinstance(v, (np.dtype, pd.api.extensions.ExtensionDtype)):
            return str(v)  # e.g. the values of df.dtypes
        if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
            return {"$date": v.isoformat()}  # e.g. the values of s.dt.date
        if isinstance(v, datetime.time):
            return {"$time": v.isoformat()}  # e.g. the values of s.dt.time
        raise TypeError(f"cannot encode value {v!r} of type {type(v).__name__}")

    def values(self, arr, dtype) -> list:
        """Values of an array-like (Series/Index) of the given dtype."""
        pd, np = self.pd, self.np
        kind = getattr(dtype, "kind", None)
        if kind in ("M", "m"):
            ea = pd.array(arr) if not hasattr(arr, "array") else arr.array
            ints = np.asarray(ea.asi8 if hasattr(ea, "asi8") else ea.view("i8"))
            na = np.asarray(pd.isna(ea))
            tok = self.tok("NaT")
            return [tok if m else int(i) for i, m in zip(ints.tolist(), na.tolist())]
        in_object = str(dtype) == "object"
        return [self.element(v, in_object) for v in list(arr.array if hasattr(arr, "array") else arr)]

    def label(self, v):
        return self.element(v, in_object=True)

    def index(self, idx) -> dict:
        pd = self.pd
        if isinstance(idx, pd.MultiIndex):
            typ = "MultiIndex"
            levels = []
            for i in range(idx.nlevels):
                lev = idx.get_level_values(i)
                levels.append({"dtype": str(lev.dtype), "values": self.values(lev, lev.dtype)})
        else:
            typ = "RangeIndex" if isinstance(idx, pd.RangeIndex) else "Index"
            levels = [{"dtype": str(idx.dtype), "values": self.values(idx, idx.dtype)}]
        return {"names": [self.label(n) for n in idx.names], "levels": levels, "type": typ}

    def scalar(self, v) -> dict:
        pd, np = self.pd, self.np
        if v is None:
            return {"kind": "scalar", "type": "none", "value": self.tok("None")}
        if v is pd.NA:
            return {"kind": "scalar", "type": "na", "value": self.tok("NA")}
        if v is pd.NaT:
            return {"kind": "scalar", "type": "nat", "value": self.tok("NaT")}
        if isinstance(v, pd.Timestamp):
            out = {"kind": "scalar", "type": "timestamp", "value": int(v.asm8.view("i8")), "unit": v.unit}
            if v.tz is not None:
                out["tz"] = str(v.tz)
            return out
        if isinstance(v, pd.Timedelta):
            return {"kind": "scalar", "type": "timedelta", "value": int(v.asm8.view("i8")), "unit": v.unit}
        if isinstance(v, (bool, np.bool_)):
            return {"kind": "scalar", "type": "bool", "value": bool(v)}
        if isinstance(v, (int, np.integer)):
            return {"kind": "scalar", "type": "int", "value": int(v)}
        if isinstance(v, (float, np.floating)):
            f = float(v)
            if math.isnan(f):
                return {"kind": "scalar", "type": "nan", "value": self.tok("NaN")}
            return {"kind": "scalar", "type": "float", "value": self.float_value(f, False)}
        if isinstance(v, str):
            return {"kind": "scalar", "type": "str", "value": str(v)}
        if isinstance(v, datetime.date) and not isinstance(v, datetime.datetime):
            return {"kind": "scalar", "type": "date", "value": self.element(v, True)}
        if isinstance(v, datetime.time):
            return {"kind": "scalar", "type": "time", "value": self.element(v, True)}
        raise TypeError(f"cannot encode scalar {v!r} of type {type(v).__name__}")

    def categories(self, dtype) -> dict:
        """A categorical's categories and order (its dtype name alone is just "category")."""
        if not isinstance(dtype, self.pd.CategoricalDtype):
            return {}
        cats = dtype.categories
        return {"categories": self.values(cats, cats.dtype), "ordered": bool(dtype.ordered)}

    def result(self, obj) -> dict:
        pd = self.pd
        if isinstance(obj, pd.DataFrame):
            cols = []
            for i in range(obj.shape[1]):
                s = obj.iloc[:, i]
                cols.append({"label": self.label(obj.columns[i]), "dtype": str(s.dtype),
                             "values": self.values(s, s.dtype), **self.categories(s.dtype)})
            return {"kind": "frame", "columns": cols,
                    "columnIndex": {"dtype": str(obj.columns.dtype),
                                    "names": [self.label(n) for n in obj.columns.names]},
                    "index": self.index(obj.index)}
        if isinstance(obj, pd.Series):
            return {"kind": "series", "name": self.label(obj.name), "dtype": str(obj.dtype),
                    "values": self.values(obj, obj.dtype), "index": self.index(obj.index), **self.categories(obj.dtype)}
        if isinstance(obj, pd.Index):
            return {"kind": "index", **self.index(obj)}
        if isinstance(obj, tuple):
            return {"kind": "tuple", "items": [self.result(x) for x in obj]}
        return self.scalar(obj)

    def error(self, e: BaseException) -> dict:
        cls = type(e)
        if len(e.args) == 1 and isinstance(e.args[0], str):
            message = e.args[0]  # KeyError's str() would add repr quotes
        else:
            message = str(e)
        out = {"kind": "error", "type": cls.__name__, "message": message}
        if cls not in BASE_EXCEPTIONS:
            for base in cls.__mro__:
                if base in BASE_EXCEPTIONS:
                    out["base"] = base.__name__
                    break
        return out


def dumps(obj) -> str:
    return json.dumps(obj, indent=1, ensure_ascii=False, allow_nan=False, sort_keys=True) + "\n"


# --------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------

def pinned_versions() -> dict[str, str]:
    pins = {}
    for line in REQUIREMENTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, ver = line.partition("==")
            pins[name.strip()] = ver.strip()
    return pins


def import_pandas():
    from importlib import metadata
    problems = []
    for name, ver in pinned_versions().items():
        try:
            got = metadata.version(name)
        except metadata.PackageNotFoundError:
            got = None
        if got != ver:
            problems.append(f"{name}=={ver} required, found {got}")
    if problems:
        sys.exit("generate.py: installed packages do not match requirements.txt:\n  " + "\n  ".join(problems))
    import numpy as np
    import pandas as pd
    return pd, np


def golden_for(pd, np, case: dict) -> str:
    enc = Encoder(pd, np)
    variants = {}
    for vid, body in expand(case):
        status, res = evaluate(pd, np, body)
        try:
            variants[vid] = enc.result(res) if status == "ok" else enc.error(res)
        except TypeError as e:
            raise CaseError(f"case {case['id']}, variant {vid}: {e}") from None
    return dumps({"id": case["id"], "pandas": pd.__version__, "variants": variants})


def generate(out_dir: Path, cases_dir: Path = CASES_DIR) -> list[Path]:
    pd, np = import_pandas()
    cases = load_cases(cases_dir)
    wanted = {out_dir / area / f"{case['id']}.json" for area, _, case in cases}
    # Remove goldens whose case no longer exists (only <area>/*.json files are touched).
    for area in AREAS:
        d = out_dir / area
        if d.is_dir():
            for p in sorted(d.glob("*.json")):
                if p not in wanted:
                    p.unlink()
            if not any(d.iterdir()):
                d.rmdir()
    written = []
    for area, path, case in cases:
        text = golden_for(pd, np, case)
        target = out_dir / area / f"{case['id']}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or target.read_bytes() != text.encode("utf-8"):
            target.write_bytes(text.encode("utf-8"))
        written.append(target)
    return written


def same_up_to_last_bits(a, b) -> bool:
    """Equal JSON, floats allowed to differ by a few units in the last place."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isfinite(a) and math.isfinite(b) and math.isclose(a, b, rel_tol=1e-15, abs_tol=0.0))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_up_to_last_bits(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_up_to_last_bits(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def check(cases_dir: Path = CASES_DIR) -> int:
    with tempfile.TemporaryDirectory(prefix="compatmatrix-") as tmp:
        tmp_dir = Path(tmp)
        generate(tmp_dir, cases_dir)
        fresh = {p.relative_to(tmp_dir).as_posix() for p in tmp_dir.rglob("*.json")}
        committed = ({p.relative_to(GOLDENS_DIR).as_posix() for p in GOLDENS_DIR.rglob("*.json")}
                     if GOLDENS_DIR.is_dir() else set())
        bad = []
        for rel in sorted(fresh | committed):
            if rel not in committed:
                bad.append(f"missing: goldens/{rel}")
            elif rel not in fresh:
                bad.append(f"extra:   goldens/{rel} (no such case)")
            elif not filecmp.cmp(tmp_dir / rel, GOLDENS_DIR / rel, shallow=False):
                fresh_json = json.loads((tmp_dir / rel).read_text(encoding="utf-8"))
                committed_json = json.loads((GOLDENS_DIR / rel).read_text(encoding="utf-8"))
                if same_up_to_last_bits(fresh_json, committed_json):
                    # numpy's pow/exp pick SIMD kernels by CPU, which may differ in the last bit.
                    print(f"note: goldens/{rel} differs from this machine's pandas only in the last bits of a float")
                else:
                    bad.append(f"differs: goldens/{rel}")
    for line in bad:
        print(line)
    if bad:
        print(f"{len(bad)} golden file(s) out of date; run generate.py", file=sys.stderr)
        return 1
    print(f"goldens up to date ({len(fresh)} files)")
    return 0


# --------------------------------------------------------------------------------------
# API listing
# --------------------------------------------------------------------------------------

def param_names(fn) -> list[str] | None:
    try:
        sig = inspect.signature(fn)
    except (TypeError, ValueError):
        return None
    out = []
    for p in sig.parameters.values():
        if p.name == "self":
            continue
        if p.kind is inspect.Parameter.VAR_POSITIONAL:
            out.append("*" + p.name)
        elif p.kind is inspect.Parameter.VAR_KEYWORD:
            out.append("**" + p.name)
        else:
            out.append(p.name)
    return out


def describe_class(cls) -> dict:
    methods, attributes = {}, []
    for name in sorted(set(dir(cls))):
        if name.startswith("_"):
            continue
        static = inspect.getattr_static(cls, name)
        if isinstance(static, (staticmethod, classmethod, types.FunctionType, types.BuiltinFunctionType,
                               types.MethodDescriptorType, types.WrapperDescriptorType,
                               types.ClassMethodDescriptorType)):
            methods[name] = param_names(getattr(cls, name))
        else:
            attributes.append(name)
    return {"methods": methods, "attributes": attributes}


def api() -> None:
    pd, _ = import_pandas()
    import pandas.core.groupby as gb
    classes = {
        "pandas.DataFrame": pd.DataFrame,
        "pandas.Series": pd.Series,
        "pandas.Index": pd.Index,
        "pandas.core.groupby.DataFrameGroupBy": gb.DataFrameGroupBy,
    }
    functions = {}
    for name in sorted(set(dir(pd))):
        if name.startswith("_"):
            continue
        obj = getattr(pd, name)
        if inspect.isfunction(obj) or inspect.isbuiltin(obj):
            functions[name] = param_names(obj)
    out = {"pandas": pd.__version__,
           "classes": {k: describe_class(v) for k, v in sorted(classes.items())},
           "functions": functions}
    API_FILE.write_bytes(dumps(out).encode("utf-8"))
    print(f"wrote {API_FILE}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="compare fresh goldens with goldens/ byte for byte")
    ap.add_argument("--out", type=Path, help="write goldens under this folder instead of goldens/")
    ap.add_argument("--api", action="store_true", help="write pandas-api.json")
    ap.add_argument("--cases", type=Path, default=CASES_DIR, help=argparse.SUPPRESS)  # for testing the validator
    args = ap.parse_args(argv)
    try:
        if args.api:
            api()
            return 0
        if args.check:
            return check(args.cases)
        out = (args.out.resolve() if args.out else GOLDENS_DIR)
        files = generate(out, args.cases)
        print(f"wrote {len(files)} golden file(s) under {out}")
        return 0
    except CaseError as e:
        print(f"generate.py: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
