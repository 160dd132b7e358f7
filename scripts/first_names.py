#!/usr/bin/env python3
"""Writes data/first_names.txt: given names with their usual gender, from the US Census 1990
name frequency files (public domain), as shipped by the PyPI package `names` 0.3.0 (MIT).

usage: pip download --no-deps names==0.3.0 && tar xzf names-0.3.0.tar.gz
       python3 scripts/first_names.py names-0.3.0/names > data/first_names.txt

A name is `m` or `f` when at least 90% of its bearers in the census are of that sex, else `mf`.
Names that are far more often common English words than names in news text are left out
(they would be weak evidence that a capitalised word starts a person's name)."""
import sys

# Common words, calendar words and place names that the census also lists as given names.
NOT_EVIDENCE = set("""
an and art august autumn bill bird blue bob buck chance cherry china christian clay cloud
constance crystal dale dawn day dean del delta destiny diamond dominique easter ebony eden ember
esperanza faith fern forest fortune freeman golden grace hope ivory jewel joy june justice king
lane le love major march mark may memory merry miles mister misty my noble normal ocean pearl
pink precious price queen rich river rock rose royal ruby sage santa season sky son star
sterling stone storm summer sun sunday sunny tad theo tuesday twila unique velvet violet will
winter wood young america asia carolina georgia virginia dallas austin paris india israel
jordan kenya lebanon sydney florence victoria adelaide chelsea columbus denver houston
lincoln madison orlando phoenix savannah trenton tyrone washington york
""".split())

def read(path):
    out = {}
    for line in open(path, encoding="ascii"):
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out

def main():
    base = sys.argv[1]
    male, female = read(f"{base}/dist.male.first"), read(f"{base}/dist.female.first")
    print("# Given names and their usual gender (m, f, or mf when neither has 90%): evidence that a")
    print("# capitalised word starts a person's name, and the gender of a person named by it.")
    print("# Source: US Census 1990 name frequencies (public domain), as shipped in the PyPI package")
    print("# `names` 0.3.0 (MIT); written by scripts/first_names.py (see it for the words left out).")
    for name in sorted(set(male) | set(female)):
        if name in NOT_EVIDENCE or len(name) < 2:
            continue
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        # The census gives shares of each sex; men and women are about equally many.
        g = "m" if m >= 9 * f else "f" if f >= 9 * m else "mf"
        print(f"{name} {g}")

main()
