#!/usr/bin/env python3
"""One benchmark run of aslc's compiled executables, its interpreter mode and
the peer: ../shared/bench/run.py with the interpreter added as one more tool
(bench/interpret_driver.sh, shaped like a peer driver) so every row shares one
interleaved run and run.py's ratios against the peer. After run.py's table it
prints, per workload, the compiled executable's speed-up over the interpreter
and its size (run.py prints build times and peak RSS itself).
  bench.py --shared ../shared --aslc build/aslc [run.py options]
"""
import importlib.util
import json
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
INTERPRETER = "aslc-interpret"


def load_shared_runner(shared):
    spec = importlib.util.spec_from_file_location("shared_bench_run", os.path.join(shared, "bench", "run.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record_binary_sizes(bench, sizes):
    """Wraps run.py's process runner to note the size of every executable
    `aslc build ... -o EXE` produced, before run.py deletes its build folder."""
    run_proc = bench.run_proc

    def run_and_measure(argv, timeout, cwd=None):
        result = run_proc(argv, timeout, cwd)
        if "build" in argv and "-o" in argv:
            exe = argv[argv.index("-o") + 1]
            if os.path.exists(exe):
                sizes[os.path.basename(exe)[:-len(".exe")]] = os.path.getsize(exe)
        return result

    bench.run_proc = run_and_measure


def print_compiled_vs_interpreted(report_path, sizes, fmt_us):
    with open(report_path) as f:
        results = [r for r in json.load(f)["results"] if r["mode"] == "bench"]
    print("\n## Compiled vs interpreted (per execution, same run)\n")
    print("| workload | aslc | aslc --interpret | compiled speed-up | executable size |")
    print("|---|---|---|---|---|")
    for workload in dict.fromkeys(r["workload"] for r in results):
        row = {r["tool"]: r for r in results if r["workload"] == workload}
        compiled, interpreted = row.get("aslc", {}), row.get(INTERPRETER, {})
        c, i = compiled.get("median_us"), interpreted.get("median_us")
        ratio = "%.2fx" % (i / c) if c and i else "-"
        size = "%.1f MB" % (sizes[workload] / 1e6) if workload in sizes else "-"
        print("| %s | %s | %s | %s | %s |" % (workload, fmt_us(c), fmt_us(i), ratio, size))


def main():
    args = sys.argv[1:]
    shared = args[args.index("--shared") + 1]
    del args[args.index("--shared"):args.index("--shared") + 2]
    aslc = args[args.index("--aslc") + 1]
    bench = load_shared_runner(shared)
    bench.PEERS[INTERPRETER] = [os.path.join(HERE, "interpret_driver.sh")]
    os.environ["ASLC_BIN"] = aslc
    if not any(a == "--peers" or a.startswith("--peers=") for a in args):
        args += ["--peers", ",".join(bench.DEFAULT_PEERS + [INTERPRETER])]
    sizes = {}
    record_binary_sizes(bench, sizes)
    with tempfile.TemporaryDirectory() as tmp:
        if not any(a == "--json" or a.startswith("--json=") for a in args):
            args += ["--json", os.path.join(tmp, "bench.json")]
        report = next(a.split("=", 1)[1] if "=" in a else args[k + 1]
                      for k, a in enumerate(args) if a == "--json" or a.startswith("--json="))
        sys.argv = [os.path.join(shared, "bench", "run.py")] + args
        status = bench.main()
        if os.path.exists(report):
            print_compiled_vs_interpreted(report, sizes, bench.fmt_us)
    return status


if __name__ == "__main__":
    sys.exit(main())
