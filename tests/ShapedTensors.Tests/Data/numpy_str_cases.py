#!/usr/bin/env python3
"""Writes numpy_str_cases.json: arrays and what numpy's str() prints for them (array2string with the defaults:
precision 8, floatmode 'maxprec', threshold 1000, edgeitems 3, linewidth 75; a 0-d array prints as its scalar).

TensorFormatter must print the same text for every case (FormatterTests). Values are stored as Python's repr of
the element as a double (exact for float32 elements too, which a double holds exactly; "nan", "inf" and "-inf" as
strings), so no value changes on the way. Run it from anywhere with a Python that has numpy (Debian: apt-get install python3-numpy):

    python3 tests/ShapedTensors.Tests/Data/numpy_str_cases.py

and commit the JSON it writes beside itself together with any change to this script.
"""
import json
import os

import numpy as np

CASES = []


def case(name, values, dtype, shape=None):
    array = np.array(values, dtype=dtype)
    if shape is not None:
        array = array.reshape(shape)
    CASES.append({
        "name": name,
        "dtype": "float32" if dtype == np.float32 else "float64",
        "shape": list(array.shape),
        "values": [float(v) if np.isfinite(v) else repr(float(v)) for v in array.reshape(-1)],
        "text": str(array),
    })


def both(name, values, shape=None):
    case(name + " (float32)", values, np.float32, shape)
    case(name + " (float64)", values, np.float64, shape)


nan, inf = float("nan"), float("inf")

# Widths, signs and the decimal point.
both("integers", [[19, 22], [43, 50]])
both("a half and a negative", [1.5, -2.0])
both("negative zero", [-0.0, 1.0])
both("zeros only", [[0.0, 0.0], [0.0, -0.0]])
both("one element", [7.25])
both("rank 3 of one", [[[3.0]]])
both("large integers below 1e8", [12345678.0, 1.0, 100.0])
both("thirds", [1 / 3, 2 / 3, 1.0])
both("eight digits or fewer", [0.1, 0.12, 0.123456789, 12.5])
both("sums that are not what they look", [0.1 + 0.2, 0.3, 1.1 * 3])
both("a tie at the eighth digit", [1 / 512, 0.5])
both("mixed widths", [[-123.5, 0.25], [7.0, -0.0078125]])

# Not a number and infinities.
both("nan only", [[nan, nan, nan], [nan, nan, nan]])
both("nan beside a number", [nan, 1.0])
both("infinities beside a number", [inf, -inf, 1.0])
both("positive infinity beside fractions", [inf, 0.5, 0.25])
both("nan in scientific notation", [nan, 1e-5, 1e5])
both("infinities only", [inf, -inf])

# When numpy switches to scientific notation: max >= 1e8, min < 1e-4, or max/min > 1e3.
both("max at 1e8", [1e8, 1.0])
both("max just below 1e8", [99999999.0, 1.0])
both("min below 1e-4", [1e-5, 1.0])
both("min at 1e-4", [1e-4, 0.001])
both("ratio above 1000", [1.0, 1001.0])
both("ratio of 1000", [1.0, 1000.0])
both("the issue's float32 example", [[9.99999975e-06, 1e6]])
both("mantissas of different lengths", [1.5, 2e10, -3.25e-3])
both("negative in scientific", [-1e-5, 2.0])
case("three-digit exponents", [1e-5, 1e100], np.float64)
case("tiny and huge", [1e-300, 1.0, -5e200], np.float64)
case("denormal", [5e-324, 1.0], np.float64)
case("float32 extremes", [1.4e-45, 3.4028235e38], np.float32)
both("a long mantissa in scientific", [1.2345678901234e-7, 3.0])

# float32 prints the shortest text that gives back the float32 value, not the double's.
case("float32 multiples of 1.1", (np.arange(30, dtype=np.float32) * np.float32(1.1)).tolist(), np.float32)
case("float32 tenths", [0.1, 0.2, 0.7, 1.3], np.float32)
case("float32 mantissas go on with the exact digits", [0.3, 1.2345679e-5, -7.0], np.float32)

# Line wrapping at 75 characters, nested brackets, blank lines between blocks.
both("a long row", np.linspace(-5, 5, 31).tolist())
both("rank 3", np.arange(24).reshape(2, 3, 4).tolist())
both("rank 4", (np.arange(48).reshape(2, 2, 3, 4) / 7).tolist())
both("wrapped rows in rank 3", (np.arange(60).reshape(2, 2, 15) * 1.5).tolist())

# More than 1000 elements: summarized with "...", widths from the shown elements only.
both("summarized row", np.arange(1001).tolist())
both("summarized matrix", np.arange(1600).reshape(40, 40).tolist())
both("summarized rank 3", (np.arange(1331).reshape(11, 11, 11) / 8).tolist())
both("summarized with a short axis", np.arange(2002).reshape(2, 1001).tolist())
both("hidden large values do not widen", [1.0] * 3 + [1e9] * 995 + [2.0] * 3)

# Random values of several magnitudes (seeded).
rng = np.random.default_rng(20240611)
for i, scale in enumerate([1.0, 1e-3, 1e4, 1e9]):
    shape = [(3, 4), (2, 3, 2), (5,), (2, 2, 2, 2)][i]
    values = (rng.standard_normal(shape) * scale).tolist()
    both("random, scale %g" % scale, values)

# A 0-d array prints as its scalar: positional between 1e-4 and 1e16, one zero kept after the point.
for value in [1.5, 100.0, 0.0, -0.0, 1e16, 9999999999999998.0, 1e-5, 1e-4, 123456789.0, nan, -inf, 0.1, 1 / 3, 2.5e-7]:
    both("scalar %r" % value, value)

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy_str_cases.json")
with open(path, "w", encoding="utf-8") as out:
    out.write('{"numpy": %s, "cases": [\n' % json.dumps(np.__version__))
    out.write(",\n".join(json.dumps(c) for c in CASES))
    out.write("\n]}\n")
print("%d cases, numpy %s -> %s" % (len(CASES), np.__version__, path))
