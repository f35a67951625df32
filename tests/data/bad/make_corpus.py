#!/usr/bin/python3
"""Writes the files of the hostile-input corpus that cannot be written by hand.

The binaries are the fully populated plan tests/data/plans/full.txtpb, encoded by protoc, then
damaged in one deliberate way each; the others are too large to type (deep nesting, huge strings) or
hold bytes an editor would not keep (text that is not UTF-8, a byte order mark in the middle). The
rest of the corpus is written by hand. Run from anywhere, with protoc on the PATH:

    tests/data/bad/make_corpus.py

The expected error of every file is in expected.tsv beside it.
"""
import os
import struct
import subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def full_plan():
    with open(os.path.join(ROOT, "tests", "data", "plans", "full.txtpb"), "rb") as text:
        return subprocess.run(
            ["protoc", "--encode=contactplan.v1.Plan", "-I", os.path.join(ROOT, "proto"),
             os.path.join(ROOT, "proto", "contactplan", "v1", "plan.proto")],
            stdin=text, stdout=subprocess.PIPE, check=True).stdout


def flipped(data, offset, mask):
    damaged = bytearray(data)
    damaged[offset] ^= mask
    return bytes(damaged)


def replaced(data, old, new):
    assert data.count(old) == 1, old
    return data.replace(old, new)


def main():
    full = full_plan()
    capacity = b"\x29" + struct.pack("<d", 12.5)  # team_members[0].capacity = 12.5
    files = {
        # Cut short: in the middle of persons, right after the first tag, one byte before the end.
        "truncated_half.binpb": full[:len(full) // 2],
        "truncated_after_tag.binpb": full[:1],
        "truncated_last_byte.binpb": full[:-1],
        # One bit flipped: the first tag's wire type (0 -> 6), the high bit of account's length
        # (so it continues into the next byte), a byte of account.name (no longer UTF-8).
        "bitflip_wire_type.binpb": flipped(full, 0, 0x06),
        "bitflip_length.binpb": flipped(full, full.index(b"\x1a\x74\x0a") + 1, 0x80),
        "bitflip_utf8.binpb": flipped(full, full.index(b"Acme Industries") + 1, 0x80),
        # Tags that cannot exist: field number 0, an end-group tag with no group open.
        "field_number_zero.binpb": b"\x00\x01" + full,
        "stray_end_group.binpb": b"\x0c" + full,
        # 10000 nested start-group tags of unknown field 16: protobuf's recursion limit is 100.
        "nested_groups.binpb": b"\x83\x01" * 10000,
        # Well-formed bytes with values the schema or the rules reject.
        "unknown_enum_number.binpb": replaced(full, b"\x18\x03\x20\x02", b"\x18\x63\x20\x02"),
        "nan_capacity.binpb": replaced(full, capacity, b"\x29" + struct.pack("<d", float("nan"))),
        # A JSON plan given as binary.
        "json_as_binary.binpb": b'{"persons": [{"id": "p-1"}]}\n',
        # Nesting far past any parser's recursion limit: arrays, and objects in a field that exists.
        "deep_arrays.json": b"[" * 100000,
        "deep_objects.json": b'{"account": ' * 100000,
        # One string longer than limits.max_string_bytes (64 KiB by default).
        "huge_string.json": b'{"account": {"name": "' + b"x" * 70000 + b'"}}\n',
        # A number with 100000 digits.
        "huge_number.json": b'{"schemaVersion": 1' + b"0" * 100000 + b"}\n",
        # Latin-1, not UTF-8 ("caf\xe9").
        "not_utf8.json": b'{"account": {"name": "caf\xe9"}}\n',
        "not_utf8.txtpb": b'account { name: "caf\xe9" }\n',
        "not_utf8.csv": b"Team member,Level,Ann L\xe9e,Bo Chen\r\nTess Morgan,executive,S,O\r\n",
        # A byte order mark in a grade cell, as when two exported files are concatenated.
        "bom_in_middle.csv": (b"Team member,Level,Ann Lee,Bo Chen\r\n"
                              b"Tess Morgan,executive,\xef\xbb\xbfS,O\r\n"),
        # The first bytes of a workbook (a ZIP archive) renamed to .csv.
        "xlsx_renamed.csv": b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00",
    }
    for name, data in sorted(files.items()):
        with open(os.path.join(HERE, name), "wb") as out:
            out.write(data)


if __name__ == "__main__":
    main()
