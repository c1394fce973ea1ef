#!/usr/bin/env python3
"""Generates the emergency-number tables of agent-dialer from libphonenumber's short-number
metadata (PyPI `phonenumbers`, pinned in tools/requirements.txt).

Outputs (commit both, together):
  src/core/emergency_data.rs          the tables the crate embeds (no regex at run time)
  tests/data/emergency_vectors.tsv    the library's own answers, checked in full by
                                      tests/emergency.rs

Run (re-runnable; the venv can live anywhere):
  python3 -m venv /tmp/gen-venv
  /tmp/gen-venv/bin/pip install -r tools/requirements.txt
  /tmp/gen-venv/bin/python tools/gen_emergency.py            # writes both files
  /tmp/gen-venv/bin/python tools/gen_emergency.py --check    # exit 1 if they are stale

What it does:
  * For every region with emergency metadata, enumerates the finite set of digit strings the
    region's emergency pattern matches (walking the parsed regex; any unbounded or unknown
    construct is an error), checks the set against the regex (every member matches; brute
    force over all digit strings of up to 4 digits finds no other), and orders it with the
    most commonly used number first (PRIMARY below, else 112, else 911, else shortest/lowest).
  * Copies REGIONS_WHERE_EMERGENCY_NUMBERS_MUST_BE_EXACT from the library.
  * Tabulates Python's unicodedata: the zero of every run of decimal digits (category Nd, what
    `\\d` matches) and the runs of other characters that unicodedata.digit() gives a value
    (superscripts, circled digits, ...), which libphonenumber's normalize_digits_only keeps.
  * Writes test vectors: every region's emergency numbers with formatting, Unicode digits,
    extra digits, near misses, leading plus and leading text, answered by
    phonenumbers.shortnumberinfo.is_emergency_number / connects_to_emergency_number.

`--empty-data PATH` writes a table with no regions (used by bench/ to measure what the data
adds to the wasm).
"""

import argparse
import os
import re
import subprocess
import sys
import unicodedata

try:  # Python 3.11+
    from re import _constants as sre_c
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - older Pythons
    import sre_constants as sre_c
    import sre_parse

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA_RS = os.path.join(ROOT, "src", "core", "emergency_data.rs")
VECTORS = os.path.join(ROOT, "tests", "data", "emergency_vectors.tsv")

# Longest emergency number the Rust side supports (it keeps this many digits plus a prefix).
MAX_NUMBER_LEN = 8

# The number an agent should be told to dial in a region ("use another phone and dial X",
# SPEC E12), where the library's set has several. Regions not listed fall back to 112 when the
# set has it (the GSM emergency number, routed by every mobile network), else 911, else the
# shortest, then lowest, number.
_NANP_911 = "US CA PR VI GU AS MP AG AI BB BM BS DO GD KN KY LC MS TC VC VG SX"
_EU_EEA_112 = (
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE "
    "NO IS LI CH AX FO GL SJ VA MC AD RS ME MK AL XK MD UA BY RU TR GE AZ GI MQ RE "
    "YT"
)
PRIMARY = {r: "911" for r in _NANP_911.split()}
PRIMARY.update({r: "112" for r in _EU_EEA_112.split()})
PRIMARY.update(
    {
        "SX": "919",  # Sint Maarten's only number in the metadata
        "GB": "999", "IM": "999", "GG": "999", "JE": "999",
        "AU": "000", "CC": "000", "CX": "000", "NZ": "111",
        "JP": "110", "CN": "110", "TW": "110", "KR": "112", "IN": "112",
        "HK": "999", "MO": "999", "SG": "999", "MY": "999", "KE": "999", "QA": "999",
        "AE": "999", "BH": "999", "SA": "911", "JO": "911", "TT": "999", "JM": "119",
        "BR": "190", "CL": "133", "CO": "123", "MX": "911", "AR": "911", "PH": "911",
        "TH": "191", "EG": "122", "PK": "15", "OM": "9999", "ZA": "112",
    }
)


def fail(msg):
    sys.exit("gen_emergency: " + msg)


def pinned_version():
    with open(os.path.join(HERE, "requirements.txt"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*phonenumbers==(\S+)", line)
            if m:
                return m.group(1)
    fail("tools/requirements.txt does not pin phonenumbers==<version>")


# ---------------------------------------------------------------------------------------------
# Regex enumeration


def _node(op, av):
    if op is sre_c.LITERAL:
        return {chr(av)}
    if op is sre_c.IN:
        chars = set()
        for o, a in av:
            if o is sre_c.LITERAL:
                chars.add(chr(a))
            elif o is sre_c.RANGE:
                chars.update(chr(c) for c in range(a[0], a[1] + 1))
            elif o is sre_c.CATEGORY and a is sre_c.CATEGORY_DIGIT:
                # The input is normalize_digits_only() output: ASCII digits only.
                chars.update("0123456789")
            else:
                raise ValueError("unsupported class item %r %r" % (o, a))
        return chars
    if op is sre_c.BRANCH:
        out = set()
        for sub in av[1]:
            out |= _seq(sub)
        return out
    if op is sre_c.SUBPATTERN:
        return _seq(av[-1])
    if op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT):
        lo, hi, sub = av
        if hi is sre_c.MAXREPEAT or hi > MAX_NUMBER_LEN:
            raise ValueError("unbounded repeat")
        one = _seq(sub)
        out = set()
        for k in range(lo, hi + 1):
            acc = {""}
            for _ in range(k):
                acc = {a + b for a in acc for b in one}
            out |= acc
        return out
    raise ValueError("unsupported regex construct %r" % (op,))


def _seq(items):
    acc = {""}
    for op, av in items:
        alts = _node(op, av)
        acc = {a + b for a in acc for b in alts}
        if len(acc) > 10000:
            raise ValueError("pattern language too large")
    return acc


def enumerate_pattern(pattern):
    """The finite set of digit strings `pattern` matches in full."""
    words = {w for w in _seq(list(sre_parse.parse(pattern))) if w.isascii() and w.isdigit()}
    compiled = re.compile(pattern)
    for w in words:
        if not compiled.fullmatch(w):
            fail("enumeration of %r produced %r, which it does not match" % (pattern, w))
    for length in range(1, 5):  # brute force: no short number is missed
        for i in range(10**length):
            w = str(i).zfill(length)
            if compiled.fullmatch(w) and w not in words:
                fail("enumeration of %r missed %r" % (pattern, w))
    if not words:
        fail("pattern %r matches nothing" % pattern)
    if max(len(w) for w in words) > MAX_NUMBER_LEN:
        fail("pattern %r has numbers longer than %d digits" % (pattern, MAX_NUMBER_LEN))
    return words


def ordered(region, words):
    rest = sorted(words, key=lambda w: (len(w), w))
    primary = PRIMARY.get(region)
    if primary is not None and primary not in words:
        fail("PRIMARY[%s] = %s is not among %s" % (region, primary, rest))
    if primary is None:
        primary = "112" if "112" in words else "911" if "911" in words else rest[0]
    return [primary] + [w for w in rest if w != primary]


def emergency_sets(phonenumbers):
    from phonenumbers import PhoneMetadata
    from phonenumbers import shortnumberinfo as sni

    out = {}
    for region in sorted(sni.SUPPORTED_SHORT_REGIONS):
        md = PhoneMetadata.short_metadata_for_region(region, None)
        desc = md.emergency if md is not None else None
        if desc is None or not desc.national_number_pattern:
            continue
        if not re.fullmatch(r"[A-Z]{2}", region):
            fail("unexpected region code %r" % region)
        out[region] = ordered(region, enumerate_pattern(desc.national_number_pattern))
    for region in PRIMARY:
        if region not in out:
            fail("PRIMARY names %s, which has no emergency metadata" % region)
    return out


# ---------------------------------------------------------------------------------------------
# Unicode digit tables (Python's unicodedata, as libphonenumber's Python port uses them)


def unicode_tables():
    zeros = []
    runs = []  # (first code point, value of the first, count)
    for cp in range(0x110000):
        ch = chr(cp)
        if unicodedata.category(ch) == "Nd":
            if unicodedata.decimal(ch) == 0:
                zeros.append(cp)
            continue
        value = unicodedata.digit(ch, -1)
        if value == -1:
            continue
        if runs and runs[-1][0] + runs[-1][2] == cp and runs[-1][1] + runs[-1][2] == value:
            runs[-1][2] += 1
        else:
            runs.append([cp, value, 1])
    # Every Nd run is exactly ten code points with values 0..9 (the Rust side relies on it).
    for z in zeros:
        for i in range(10):
            ch = chr(z + i)
            if unicodedata.category(ch) != "Nd" or unicodedata.decimal(ch) != i:
                fail("Nd run at U+%04X is not 0..9" % z)
    total = sum(1 for cp in range(0x110000) if unicodedata.category(chr(cp)) == "Nd")
    if total != 10 * len(zeros):
        fail("Nd code points do not form runs of ten")
    # `\d` (the library's start-of-number class) is exactly Nd.
    for cp in range(0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        if bool(re.match(r"\d", chr(cp))) != (unicodedata.category(chr(cp)) == "Nd"):
            fail("\\d and Nd disagree at U+%04X" % cp)
    return zeros, [tuple(r) for r in runs]


# ---------------------------------------------------------------------------------------------
# Rust output


def pack(lists):
    """One array holding every region's list as a contiguous slice; identical lists share."""
    flat = []
    spans = {}
    for lst in sorted({tuple(l) for l in lists}, key=lambda l: (-len(l), l)):
        n = len(lst)
        for i in range(len(flat) - n + 1):
            if tuple(flat[i : i + n]) == lst:
                spans[lst] = (i, n)
                break
        else:
            spans[lst] = (len(flat), n)
            flat.extend(lst)
    return flat, spans


def wrap(items, indent="    ", width=99):
    lines, line = [], indent
    for item in items:
        piece = item + ","
        if len(line) + len(piece) + 1 > width and line.strip():
            lines.append(line.rstrip())
            line = indent
        line += piece + " "
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


def render_rust(version, sets, exact, zeros, runs):
    regions = sorted(sets)
    flat, spans = pack([sets[r] for r in regions])
    if len(flat) > 0xFFFF or any(len(sets[r]) > 0xFF for r in regions):
        fail("table too large for u16 offsets / u8 counts")
    string_bytes = sum(len(s) for s in set(flat))
    size32 = 8 * len(flat) + string_bytes + 6 * len(regions) + 27 + 4 * len(zeros) + 8 * len(runs)
    size32 += 8 * len(exact) + 2 * len(exact)
    out = []
    out.append("//! Emergency-number tables: GENERATED by tools/gen_emergency.py -- do not edit.")
    out.append("//!")
    out.append("//! Source: PyPI `phonenumbers==%s` short-number metadata (libphonenumber)," % version)
    out.append("//! Unicode %s digit properties from Python %d.%d's `unicodedata`."
               % (unicodedata.unidata_version, sys.version_info[0], sys.version_info[1]))
    out.append("//! Regenerate: `python3 -m venv /tmp/gen-venv && /tmp/gen-venv/bin/pip install -r")
    out.append("//! tools/requirements.txt && /tmp/gen-venv/bin/python tools/gen_emergency.py`.")
    out.append("//! Deterministic; no clock, no IO: plain static data.")
    out.append("//!")
    out.append("//! %d regions, %d slots of numbers (%d distinct strings, %d bytes of digits);"
               % (len(regions), len(flat), len(set(flat)), string_bytes))
    out.append("//! about %d bytes of static data on wasm32 (4-byte pointers)." % size32)
    out.append("")
    out.append("/// Version of the `phonenumbers` package the tables come from.")
    out.append("pub(super) const PHONENUMBERS_VERSION: &str = %s;" % rust_str(version))
    out.append("")
    out.append("/// Unicode version of the digit tables.")
    out.append("pub(super) const UNICODE_VERSION: &str = %s;" % rust_str(unicodedata.unidata_version))
    out.append("")
    out.append("/// Longest emergency number in [`NUMBERS`], in digits.")
    out.append("pub(super) const MAX_NUMBER_LEN: usize = %d;" % max([len(s) for s in flat] + [0]))
    out.append("")
    out.append("/// Regions where digits after an emergency number stop the call (no prefix match).")
    out.append("pub(super) static MUST_BE_EXACT: [&str; %d] = [%s];"
               % (len(exact), ", ".join(rust_str(r) for r in sorted(exact))))
    out.append("")
    out.append("/// Every region's emergency numbers, each region's a contiguous run, its primary first.")
    out.append("pub(super) static NUMBERS: [&str; %d] = [" % len(flat))
    if flat:
        out.append(wrap([rust_str(s) for s in flat]))
    out.append("];")
    out.append("")
    out.append("/// Region codes (ISO 3166-1 alpha-2, sorted) with their run in [`NUMBERS`]:")
    out.append("/// `(code, first index, count)`.")
    out.append("pub(super) static REGIONS: [([u8; 2], u16, u8); %d] = [" % len(regions))
    if regions:
        items = []
        for r in regions:
            start, n = spans[tuple(sets[r])]
            items.append('(*b"%s", %d, %d)' % (r, start, n))
        out.append(wrap(items))
    out.append("];")
    out.append("")
    out.append("/// Where the regions of each first letter start in [`REGIONS`] (`A` .. `Z`, then the end),")
    out.append("/// so a lookup scans a handful of codes instead of searching all of them.")
    starts = [sum(1 for r in regions if r[0] < chr(ord("A") + i)) for i in range(27)]
    if len(regions) > 0xFF:
        fail("too many regions for u8 offsets")
    out.append("pub(super) static BY_FIRST_LETTER: [u8; 27] = [%s];" % ", ".join(str(x) for x in starts))
    out.append("")
    out.append("/// First code point (digit zero) of every run of ten Unicode decimal digits (Nd), sorted.")
    out.append("pub(super) static ND_ZEROS: [u32; %d] = [" % len(zeros))
    out.append(wrap(["0x%04X" % z for z in zeros]))
    out.append("];")
    out.append("")
    out.append("/// Other characters with a digit value (superscripts, circled digits, ...), sorted runs:")
    out.append("/// `(first code point, its value, count)`, values rising by one along a run.")
    out.append("pub(super) static OTHER_DIGITS: [(u32, u8, u8); %d] = [" % len(runs))
    out.append(wrap(["(0x%04X, %d, %d)" % r for r in runs]))
    out.append("];")
    out.append("")
    return rustfmt("\n".join(out)), size32


def rustfmt(text):
    """The text as `rustfmt --edition 2021` leaves it, so the committed file stays formatted."""
    try:
        done = subprocess.run(["rustfmt", "--edition", "2021", "--emit", "stdout"], input=text,
                              capture_output=True, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        fail("rustfmt failed (is the Rust toolchain on PATH?): %s" % e)
    return done.stdout


def rust_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------------------------------------
# Test vectors

ND_SCRIPTS = [
    0xFF10,  # full-width
    0x0660,  # Arabic-Indic
    0x06F0,  # Extended Arabic-Indic
    0x0966,  # Devanagari
    0x0E50,  # Thai
    0x1D7CE,  # mathematical bold (astral)
    0x16AC0,  # Tangsa (new in Unicode 14)
]
SUBSCRIPT = {str(d): chr(0x2080 + d) for d in range(10)}
SUPERSCRIPT = {"0": "\u2070", "1": "\u00b9", "2": "\u00b2", "3": "\u00b3"}
SUPERSCRIPT.update({str(d): chr(0x2070 + d) for d in range(4, 10)})
CIRCLED = {"0": "\u24ea"}
CIRCLED.update({str(d): chr(0x2460 + d - 1) for d in range(1, 10)})


def in_script(n, zero):
    return "".join(chr(zero + int(d)) for d in n)


def variants(n, depth):
    """Dial strings around emergency number `n`; depth 0 (few) .. 2 (all)."""
    v = [n, n + "1", n[:-1], "+" + n]
    if depth == 0:
        return v
    v += [n + "0", n + n, n[1:], "9" + n, "9-" + n, "-".join(n), "(" + n + ")",
          "tel:" + n, in_script(n, ND_SCRIPTS[0]), in_script(n, ND_SCRIPTS[3])]
    if depth == 1:
        return v
    v += [n + "9", "0" + n, "1" + n, "9 " + n]
    v += ["\uff0b" + n, "+1" + n, " +" + n, "tel:+" + n, "+ " + n]
    v += [" ".join(n), n[0] + "." + n[1:], "  " + n + "  ",
          "\u00a0" + n, n + "\u3000", n[0] + "\u2011" + n[1:], "Call " + n + " now",
          n + "!", n + "#", "*" + n, "#" + n, n + "*", n + "\u200b", n[0] + "a" + n[1:],
          n + "abc", n + ",123", n + "p1"]
    v += [in_script(n, z) for z in ND_SCRIPTS]
    v += [chr(0xFF10 + int(n[0])) + n[1:]]
    v += ["".join(SUBSCRIPT[d] for d in n), n[0] + "".join(SUBSCRIPT[d] for d in n[1:])]
    v += [n[0] + "".join(SUPERSCRIPT[d] for d in n[1:]), "".join(CIRCLED[d] for d in n)]
    v += [n[0] + "".join(CIRCLED[d] for d in n[1:]), CIRCLED[n[0]] + n]
    v += ["".join(d + "\ufe0f\u20e3" for d in n)]  # keycap emoji
    v += [n + "/x12", n[:1] + "/x" + n[1:], n + "\\ x", n[:2] + "/ x" + n[2:], n + "/X1"]
    v += [n[:1] + "/ y" + n[1:]]
    return v


COMMON = ["", " ", "abc", "+", "911", "112", "999", "000", "110", "9111", "91", "1122",
          "1", "+1 911", "1-800-FLOWERS", "+1 (555) 123-4567", "933", "9-933", "*#06#"]


def vectors(phonenumbers, sets):
    from phonenumbers import shortnumberinfo as sni

    rows = []
    regions = sorted(sets)
    # A region with short-number data but no emergency numbers, unknown codes, and lower case.
    extra = ["GN", "ZZ", "", "001", "us", "gb", "dk", "de"]
    for region in regions + extra:
        upper = region.upper()
        numbers = sets.get(upper, [])
        cases = []
        for i, n in enumerate(numbers):
            cases += variants(n, 2 if i == 0 else 1 if i < 6 else 0)
        for n in sets.get(region, [])[:1] or ["911"]:
            cases += ["", n] if region in extra else []
        cases += COMMON
        seen = set()
        for dial in cases:
            if dial in seen or any(c in dial for c in "\t\r\n"):
                continue
            seen.add(dial)
            if region.lower() == region and upper in ("BR", "CL", "NI"):
                continue  # the library checks the exact-only rule case-sensitively; we do not
            is_e = sni.is_emergency_number(dial, region)
            conn = sni.connects_to_emergency_number(dial, region)
            if is_e and not conn:
                fail("is_emergency without connects for %r in %s" % (dial, region))
            rows.append("%s\t%s\t%s\t%s" % (region, dial, str(is_e).lower(), str(conn).lower()))
    head = [
        "# GENERATED by tools/gen_emergency.py from phonenumbers==%s -- do not edit." % phonenumbers.__version__,
        "# REGION<TAB>DIAL_STRING<TAB>is_emergency_number<TAB>connects_to_emergency_number",
        "# (the library's own answers; every line is checked by tests/emergency.rs)",
    ]
    return "\n".join(head + rows) + "\n", len(rows)


# ---------------------------------------------------------------------------------------------


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="exit 1 if the outputs are stale")
    ap.add_argument("--empty-data", metavar="PATH", help="write a table with no regions to PATH")
    args = ap.parse_args()

    import phonenumbers
    from phonenumbers import shortnumberinfo as sni

    want = pinned_version()
    if phonenumbers.__version__ != want:
        fail("phonenumbers %s is installed, tools/requirements.txt pins %s"
             % (phonenumbers.__version__, want))

    zeros, runs = unicode_tables()
    exact = sorted(sni._REGIONS_WHERE_EMERGENCY_NUMBERS_MUST_BE_EXACT)
    if args.empty_data:
        text, _ = render_rust(want, {}, exact, zeros, runs)
        with open(args.empty_data, "w", encoding="utf-8") as f:
            f.write(text)
        return

    sets = emergency_sets(phonenumbers)
    rust, size32 = render_rust(want, sets, exact, zeros, runs)
    tsv, count = vectors(phonenumbers, sets)
    stale = []
    for path, text in ((DATA_RS, rust), (VECTORS, tsv)):
        old = None
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                old = f.read()
        if old == text:
            continue
        if args.check:
            stale.append(os.path.relpath(path, ROOT))
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
    if stale:
        fail("stale (re-run tools/gen_emergency.py): " + ", ".join(stale))
    print("%d regions, %d vectors, ~%d bytes of table on wasm32%s"
          % (len(sets), count, size32, " (up to date)" if args.check else ""))


if __name__ == "__main__":
    main()
