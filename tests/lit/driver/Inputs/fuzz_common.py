"""What the fuzzers share: their command line (ASLC, sources, --seed,
--count, --work) and the seeded generator."""
import argparse
import random


def fuzz_arguments(name, sources_help):
    ap = argparse.ArgumentParser(prog=name)
    ap.add_argument("aslc")
    ap.add_argument("sources", nargs="+", help=sources_help)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--work", default="/tmp/aslc-" + name.replace("_", "-"))
    args = ap.parse_args()
    return args, random.Random(args.seed)
