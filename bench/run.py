"""Benchmark whole `roadmap` processes against the bare Typer + Rich import.

    python bench/run.py [--runs 7] [--only 'next,50k events']

Builds, in a temporary folder, histories of 5,000 and 50,000 events (through `roadmap import`,
which is timed too) and overlays of 10,000 and 50,000 topics, then times each case interleaved
with `python -c "import typer, rich.console"` in the same interpreter, so that both see the same
machine load. A case may run an untimed command before each timed run (`next` right after a
write). Prints each case's median wall time, the median of its per-run ratios to the baseline,
its target, its peak memory (max RSS), and how the time over the baseline grows from 10,000 to
50,000 topics. A benchmark, not a test: the machine is shared and noisy, so read ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = [sys.executable, "-c", "import typer, rich.console"]
# The console script users run (beside this interpreter), not `python -m`, which adds runpy.
ROADMAP = [str(Path(sys.executable).with_name("roadmap"))]
DEEP = "bench-topic-{n}"  # the last topic of an overlay: its path runs through the whole chain


@dataclass
class Case:
    label: str
    argv: list[str]
    target: float  # the ratio to the baseline that must hold
    data: str = "5k"  # which history: 5k or 50k events
    topics: str = ""  # which overlay: "", 10k or 50k topics
    before: list[str] = field(default_factory=list)  # untimed, before each timed run
    memory: float | None = None  # MiB


CASES = [
    Case("next", ["next"], 1.5),
    Case("status", ["status"], 1.5),
    # The pace projection is kept between reads; right after a write it is planned again.
    Case("status after a write (5k)", ["status"], 2.0, before=["log", "os-memory", "1m"]),
    Case("list", ["list"], 1.3),
    Case("show", ["show", "vllm-pagedattention"], 1.3),
    Case("log (5k events)", ["log", "os-memory", "30m"], 1.5),
    Case("log (50k events)", ["log", "os-memory", "30m"], 1.5, data="50k"),
    Case("done (50k events)", ["done", "cn-overview"], 1.5, data="50k", before=["reset", "cn-overview"]),
    Case("undo (50k events)", ["undo"], 1.5, data="50k", before=["log", "ds-basics", "5m"]),
    Case("next after a write (5k)", ["next"], 1.5, before=["log", "os-memory", "1m"]),
    Case("next after a write (50k)", ["next"], 1.5, data="50k", before=["log", "os-memory", "1m"]),
    Case("report --format html (50k)", ["report", "--format", "html"], 2.5, data="50k"),
    Case("report --format json (5k)", ["report", "--format", "json"], 2.0),
    Case("show (10k topics)", ["show", "vllm-pagedattention"], 3.0, topics="10k"),
    Case("show (50k topics)", ["show", "vllm-pagedattention"], 5.0, topics="50k"),
    Case("next (10k topics)", ["next"], 3.0, topics="10k", memory=150),
    Case("next (50k topics)", ["next"], 5.0, topics="50k", memory=150),
    Case("path (10k topics)", ["path", DEEP], 5.0, topics="10k"),
    Case("path (50k topics)", ["path", DEEP], 10.0, topics="50k"),
    Case("status (10k topics)", ["status"], 5.0, topics="10k"),
    Case("status (50k topics)", ["status"], 10.0, topics="50k"),
    Case("validate (10k topics)", ["validate"], 8.0, topics="10k"),
    Case("validate (50k topics)", ["validate"], 20.0, topics="50k"),
]
GROWTH = ["show", "next", "path", "status", "validate"]  # at most linear from 10k to 50k topics


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS in MiB of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr.strip()}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def site_packages() -> list[str]:
    import site

    return [p for p in site.getsitepackages() if Path(p).is_dir()]


def topic_ids(env: dict[str, str]) -> list[str]:
    out = subprocess.run([*ROADMAP, "list", "--json"], env=env, capture_output=True, text=True, check=True)
    return [row["id"] for row in json.loads(out.stdout)]


def history(ids: list[str], count: int) -> dict:
    """A plausible two-year history: mostly study sessions, with starts and completions."""
    rng = random.Random(11408)
    now = datetime.now(UTC)
    events = []
    for i in range(count):
        at = now - timedelta(days=730) + timedelta(minutes=i * 730 * 24 * 60 // count)
        topic = rng.choice(ids)
        kind = rng.choices(["log", "start", "done", "skip"], [85, 8, 6, 1])[0]
        minutes = rng.choice([25, 30, 45, 50, 60, 90, 120]) if kind == "log" else 0
        events.append(
            {
                "topic": topic,
                "kind": kind,
                "at": at.isoformat(),
                "minutes": minutes,
                "note": f"session {i}: 复习 notes" if kind == "log" and i % 7 == 0 else None,
                "uid": f"bench-{i}",
            }
        )
    return {"version": 1, "exported_at": now.isoformat(), "config": {}, "events": events}


def big_overlay(folder: Path, bundled: list[str], count: int) -> None:
    """`count` topics in 20 files: chains and fan-ins over the bundled roadmap (~0.7 MB of TOML
    per 1,000 topics)."""
    rng = random.Random(48)
    folder.mkdir(parents=True, exist_ok=True)
    layers = ["hardware", "iaas", "paas", "saas", "maas"]
    per_file = count // 20
    for f in range(20):
        lines = []
        for j in range(per_file):
            n = f * per_file + j
            requires = [f"bench-topic-{rng.randrange(n)}" for _ in range(min(n, rng.randint(1, 3)))] or [
                rng.choice(bundled)
            ]
            if n:
                requires.append(f"bench-topic-{n - 1}")  # one long chain through them all
            lines.append(
                f'[[topic]]\nid = "bench-topic-{n}"\ntitle = "Benchmark topic {n}: distributed serving study unit"\n'
                f'title_zh = "基准主题 {n}：分布式推理学习单元"\nlayer = "{layers[n % 5]}"\n'
                f'disciplines = ["parallel-distributed", "operating-systems"]\n'
                f'summary = "A synthetic topic for the benchmark: it stands in for a real study unit with '
                f'prerequisites, resources and exam links, so that loading and ranking are measured at scale."\n'
                f'hours = {rng.randint(2, 20)}\nlevel = "{rng.choice(["core", "advanced", "frontier"])}"\n'
                f'directions = ["{rng.choice(["data", "training", "inference"])}"]\n'
                f'requires = {json.dumps(sorted(set(requires)))}\nresources = ["paper-pagedattention"]\n'
                f'keywords = ["基准", "bench {n}", "synthetic"]\n'
                f'[[topic.exam]]\npoint = "408.os.paging"\nweight = {rng.randint(1, 3)}\n'
                f'why = "Synthetic link: the benchmark topic reuses paging the way a block table does."\n'
            )
        (folder / f"bench-{f:02d}.toml").write_text("\n".join(lines), encoding="utf-8")


def make(folder: Path, sizes: list[str]) -> None:
    """Write the histories and the overlays the cases use into `folder`."""
    ids = topic_ids(dict(os.environ))
    for label, count in (("5k", 5_000), ("50k", 50_000)):
        (folder / f"history-{label}.json").write_text(json.dumps(history(ids, count)), encoding="utf-8")
    for label in sizes:
        big_overlay(folder / f"overlay-{label}", ids, {"10k": 10_000, "50k": 50_000}[label])


def main() -> None:
    if sys.argv[1:2] == ["--make"]:
        make(Path(sys.argv[2]), sys.argv[3:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per case (default 7)")
    parser.add_argument(
        "--only", default="", help="comma-separated words: run the cases whose label holds one"
    )
    args = parser.parse_args()
    cases = [c for c in CASES if not args.only or any(word in c.label for word in args.only.split(","))]

    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as tmp:
        tmp = Path(tmp)
        env = {**os.environ, "XDG_CACHE_HOME": str(tmp / "cache"), "NO_COLOR": "1", "COLUMNS": "120"}
        env.pop("INFRA_ROADMAP_PATH", None)
        # Time what an installed tool does: pip compiles bytecode at install time, so compile the
        # package and its dependencies once and let the interpreter use the .pyc files.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "src"), *site_packages()],
            env=env,
            capture_output=True,
        )
        homes = {"5k": tmp / "home-5k", "50k": tmp / "home-50k"}
        # The data is made by a child process: a parent that held it would hand its memory to every
        # process it starts (max RSS counts the forked copy before exec).
        sizes = sorted({c.topics for c in cases if c.topics})
        subprocess.run(
            [sys.executable, __file__, "--make", str(tmp), *sizes],
            env={**env, "INFRA_ROADMAP_HOME": str(homes["5k"])},
            check=True,
        )
        imports = {}
        for label in ("5k", "50k"):
            doc = tmp / f"history-{label}.json"
            began = time.perf_counter()
            subprocess.run(
                [*ROADMAP, "import", str(doc)],
                env={**env, "INFRA_ROADMAP_HOME": str(homes[label])},
                check=True,
                capture_output=True,
            )
            imports[label] = time.perf_counter() - began
        overlays = {label: tmp / f"overlay-{label}" for label in sizes}
        print(
            f"histories: 5,000 and 50,000 events over two years; overlays: {', '.join(overlays) or 'none'} topics"
        )
        print(f"python {sys.version.split()[0]}, {args.runs} runs each, interleaved with the baseline\n")

        prepared = []
        for case in cases:
            case_env = {**env, "INFRA_ROADMAP_HOME": str(homes[case.data])}
            prefix = ["--roadmap", str(overlays[case.topics])] if case.topics else []
            size = {"10k": 10_000, "50k": 50_000}.get(case.topics, 0)
            argv = [a.replace("{n}", str(size - 1)) for a in case.argv]
            cmd = [*ROADMAP, *prefix, *argv]
            before = [*ROADMAP, *prefix, *case.before] if case.before else None
            if before:
                run(before, case_env)
            run(cmd, case_env)  # warm: builds the roadmap cache and the OS file cache
            prepared.append((case, cmd, before, case_env))

        base_times: list[float] = []
        results = {
            c.label: {"ratios": [], "cpu_ratios": [], "times": [], "extra": [], "rss": 0.0} for c in cases
        }
        for _ in range(args.runs):
            for case, cmd, before, case_env in prepared:
                if before:
                    run(before, case_env)
                base, base_cpu, _ = run(BASELINE, case_env)
                took, cpu, rss = run(cmd, case_env)
                base_times.append(base)
                entry = results[case.label]
                entry["ratios"].append(took / base)
                entry["cpu_ratios"].append(cpu / base_cpu)
                entry["times"].append(took)
                entry["extra"].append(took - base)
                entry["rss"] = max(entry["rss"], rss)

        print(
            f"baseline  python -c 'import typer, rich.console': median {statistics.median(base_times) * 1000:.0f} ms"
        )
        print(
            f"import of 5,000 events {imports['5k']:.2f} s, of 50,000 events {imports['50k']:.2f} s (target 10 s)\n"
        )
        print(f"{'case':<30} {'median':>8} {'ratio':>7} {'cpu ratio':>10} {'target':>7} {'peak RSS':>10}  ok")
        failed = imports["50k"] > 10
        for case in cases:
            entry = results[case.label]
            ratio = statistics.median(entry["ratios"])
            ok = ratio <= case.target and (case.memory is None or entry["rss"] <= case.memory)
            failed |= not ok
            limit = f" (≤{case.memory:g})" if case.memory else ""
            print(
                f"{case.label:<30} {statistics.median(entry['times']) * 1000:>6.0f}ms {ratio:>6.2f}x "
                f"{statistics.median(entry['cpu_ratios']):>9.2f}x {case.target:>6.1f}x "
                f"{entry['rss']:>7.1f} MiB{limit}  {'yes' if ok else 'NO'}"
            )
        growth = []
        for name in GROWTH:
            small, large = results.get(f"{name} (10k topics)"), results.get(f"{name} (50k topics)")
            if small and large:
                factor = statistics.median(large["extra"]) / max(1e-3, statistics.median(small["extra"]))
                growth.append(f"{name} ×{factor:.1f}")
                failed |= factor > 5.5  # five times the topics: linear is ×5
        if growth:
            print("\ntime over the baseline, 10k → 50k topics (linear is ×5): " + ", ".join(growth))
        print(
            "\nratio: median of wall-time ratios to the baseline run just before (judged); cpu ratio: the same"
            " for user+system CPU time, steadier on a shared machine."
        )
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
