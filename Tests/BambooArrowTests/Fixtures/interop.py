"""Arrow interop with the pinned pandas/pyarrow, driven by Tests/BambooArrowTests/ArrowInteropTests.swift.

    python interop.py write DIR   # pyarrow writes the files Bamboo reads (expected values live in the Swift test)
    python interop.py check DIR   # pandas reads the files Bamboo wrote and checks them; exits 1 on a mismatch

Everything is generated at test time; nothing binary is committed.
"""

import datetime
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.feather as feather


def typed_frame():
    """Every Bamboo dtype, each with a missing value, and a named string index."""
    return pd.DataFrame(
        {
            "i": [1, -2, 3],
            "f": [1.5, np.nan, -0.0],
            "b": [True, False, True],
            "s": ["a", None, "héllo 👋 e\u0301"],
            "I": pd.array([1, None, 3], dtype="Int64"),
            "F": pd.array([0.5, None, 2.0], dtype="Float64"),
            "B": pd.array([True, None, False], dtype="boolean"),
            "dt": pd.DatetimeIndex(np.array(["2020-01-01T10:00", "NaT", "1969-12-31T23:59:59.5"], dtype="datetime64[us]")),
            "tz": pd.DatetimeIndex(np.array(["2020-03-29T01:30", "NaT", "2021-01-01"], dtype="datetime64[ns]")).tz_localize("UTC").tz_convert("Europe/Paris"),
            "td": pd.TimedeltaIndex(np.array([1500, "NaT", -3000], dtype="timedelta64[ms]")),
            "c": pd.Categorical(["x", None, "y"], categories=["y", "x", "z"], ordered=True),
        },
        index=pd.Index(["p", "q", "r"], name="key"),
    )


def raw_table():
    """Arrow types without pandas metadata: pyarrow's to_pandas rules apply."""
    return pa.table(
        {
            "i32": pa.array([1, None, -3], pa.int32()),
            "i8": pa.array([-128, 0, 127], pa.int8()),
            "u8": pa.array([0, 255, 7], pa.uint8()),
            "u32": pa.array([4294967295, 0, None], pa.uint32()),
            "u64": pa.array([2**63 - 1, 0, 1], pa.uint64()),
            "bn": pa.array([True, None, False]),
            "f32": pa.array([1.25, None, -2.5], pa.float32()),
            "ls": pa.array(["x", None, "ÿ"], pa.large_string()),
            "d32": pa.array([datetime.date(2020, 1, 1), None, datetime.date(1969, 12, 31)], pa.date32()),
            "d64": pa.array([datetime.date(2020, 1, 1), None, datetime.date(1970, 1, 2)], pa.date64()),
            "n": pa.array([None, None, None], pa.null()),
            "ts": pa.array([0, None, 1_500_000_000], pa.timestamp("s", tz="UTC")),
            "du": pa.array([1, None, -1], pa.duration("ns")),
            "di": pa.array([10, None, 10]).dictionary_encode(),
            "li": pa.array([["a", None, "é"], None, []], pa.list_(pa.string())),
            "lf": pa.array([[1.5, None], [], None], pa.list_(pa.float64())),
        }
    )


def write(out: Path):
    uncompressed = dict(compression="uncompressed")
    typed_frame().to_feather(out / "typed.feather", **uncompressed)
    table = pa.Table.from_pandas(typed_frame())
    with pa.ipc.new_stream(out / "typed.arrows", table.schema) as writer:
        writer.write_table(table)
    feather.write_feather(raw_table(), out / "raw.feather", **uncompressed)
    with pa.ipc.new_stream(out / "raw.arrows", raw_table().schema) as writer:
        writer.write_table(raw_table())
    # Several batches, dictionaries growing by deltas, then a replacement (stream format only).
    schema = pa.schema([("k", pa.dictionary(pa.int16(), pa.string())), ("v", pa.int64())])
    options = pa.ipc.IpcWriteOptions(emit_dictionary_deltas=True)
    with pa.ipc.new_stream(out / "deltas.arrows", schema, options=options) as writer:
        dictionary = pa.array(["a", "b"])
        writer.write_batch(pa.record_batch([pa.DictionaryArray.from_arrays(pa.array([0, 1, None], pa.int16()), dictionary), pa.array([1, 2, 3])], schema=schema))
        dictionary = pa.array(["a", "b", "c"])
        writer.write_batch(pa.record_batch([pa.DictionaryArray.from_arrays(pa.array([2, 0], pa.int16()), dictionary), pa.array([4, 5])], schema=schema))
        writer.write_batch(pa.record_batch([pa.DictionaryArray.from_arrays(pa.array([], pa.int16()), dictionary), pa.array([], pa.int64())], schema=schema))
    with pa.ipc.new_stream(out / "replaced.arrows", schema) as writer:
        writer.write_batch(pa.record_batch([pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int16()), pa.array(["a", "b"])), pa.array([1, 2])], schema=schema))
        writer.write_batch(pa.record_batch([pa.DictionaryArray.from_arrays(pa.array([0, 1], pa.int16()), pa.array(["z", "a"])), pa.array([3, 4])], schema=schema))
    pd.DataFrame({"a": [1, 2, 3, 4]}, index=pd.RangeIndex(5, 13, 2, name="r")).to_feather(out / "range.feather", **uncompressed)
    multi = pd.MultiIndex.from_tuples([("x", 1), ("y", 2)], names=["k", None])
    pd.DataFrame({"a": [1.5, 2.5]}, index=multi).to_feather(out / "multi.feather", **uncompressed)
    pd.DataFrame({0: [1, 2], 1: ["a", "b"]}).to_feather(out / "intlabels.feather", **uncompressed)
    pd.DataFrame({"a": pd.Series([], dtype="int64"), "s": pd.Series([], dtype="str")}).to_feather(out / "empty.feather", **uncompressed)
    big = pd.DataFrame({"n": np.arange(100_000), "s": [f"row{i}" for i in range(100_000)]})
    big.to_feather(out / "big.feather", **uncompressed, chunksize=30_000)
    typed_frame().to_feather(out / "lz4.feather")
    typed_frame().to_feather(out / "zstd.feather", compression="zstd")


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def check_frame(name, actual, expected):
    try:
        pd.testing.assert_frame_equal(actual, expected, check_index_type=True, check_column_type=True)
    except AssertionError as error:
        raise AssertionError(f"{name}: {error}\nactual:\n{actual}\n{actual.dtypes}\nexpected:\n{expected}\n{expected.dtypes}")


def check(out: Path):
    """Reads what Bamboo wrote (see the Swift test for how each file was made)."""
    check_frame("bamboo_typed.feather", pd.read_feather(out / "bamboo_typed.feather"), typed_frame())
    # The same frame through a stream.
    with pa.ipc.open_stream(out / "bamboo_typed.arrows") as reader:
        check_frame("bamboo_typed.arrows", reader.read_all().to_pandas(), typed_frame())
    ranged = pd.read_feather(out / "bamboo_range.feather")
    expect(isinstance(ranged.index, pd.RangeIndex) and ranged.index.equals(pd.RangeIndex(0, 3)), f"bamboo_range index: {ranged.index}")
    check_frame("bamboo_range.feather", ranged, pd.DataFrame({"n": [1, 2, 3], "o": pd.Series(["x", None, "z"], dtype="str")}))
    # Files Bamboo read from pyarrow and wrote back: pandas must get what it gets from pyarrow's file
    # (e.g. int column labels come back as an int64 Index, not the RangeIndex they started as).
    for name in ["multi", "intlabels", "empty"]:
        check_frame(f"bamboo_{name}.feather", pd.read_feather(out / f"bamboo_{name}.feather"), pd.read_feather(out / f"{name}.feather"))
    objects = pd.read_feather(out / "bamboo_objects.feather")
    expected_objects = pd.DataFrame({"s": pd.Series(["a", None], dtype="str"), "i": [1.0, np.nan], "b": pd.Series([True, None], dtype=object), "n": pd.Series([None, None], dtype=object)})
    check_frame("bamboo_objects.feather", objects, expected_objects)
    batches = pa.ipc.open_file(out / "bamboo_big.feather")
    expect(batches.num_record_batches == 4, f"bamboo_big: {batches.num_record_batches} batches")
    big = pd.read_feather(out / "bamboo_big.feather")
    check_frame("bamboo_big.feather", big, pd.DataFrame({"n": np.arange(200_000), "s": [f"row{i}" for i in range(200_000)]}))
    print("ok")


if __name__ == "__main__":
    command, directory = sys.argv[1], Path(sys.argv[2])
    {"write": write, "check": check}[command](directory)
