"""Benchmark whole `roadmap` processes against the bare Typer + Rich import.

    python bench/run.py [--runs 7]

Builds, in a temporary folder, a two-year history of 5,000 events (through `roadmap import`)
and a 10,000-topic overlay, then times `next`, `status`, `list`, `show`, `report --format json`
and `next` with the overlay, interleaved with `python -c "import typer, rich.console"` in the
same interpreter so that both see the same machine load. Prints each command's median wall time,
the median of its per-run ratios to the baseline, its target and its peak memory (max RSS).
A benchmark, not a test: the machine is shared and noisy, so read ratios, not seconds.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASELINE = [sys.executable, "-c", "import typer, rich.console"]
# The console script users run (beside this interpreter), not `python -m`, which adds runpy.
ROADMAP = [str(Path(sys.executable).with_name("roadmap"))]

# (label, arguments, target ratio, uses the 10,000-topic overlay)
CASES = [
    ("next", ["next"], 1.5, False),
    ("status", ["status"], 1.5, False),
    ("list", ["list"], 1.3, False),
    ("show", ["show", "vllm-pagedattention"], 1.3, False),
    ("report --format json", ["report", "--format", "json"], 2.0, False),
    ("next (10,000 topics)", ["next"], 3.0, True),
]
MEMORY_LIMIT_MIB = 150


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


def history(ids: list[str], count: int = 5000) -> dict:
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


def big_overlay(folder: Path, bundled: list[str], count: int = 10_000) -> None:
    """10,000 topics in 20 files: chains and fan-ins over the bundled roadmap, ~4 MB of TOML."""
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
            lines.append(
                f'[[topic]]\nid = "bench-topic-{n}"\ntitle = "Benchmark topic {n}: distributed serving study unit"\n'
                f'title_zh = "基准主题 {n}：分布式推理学习单元"\nlayer = "{layers[n % 5]}"\n'
                f'disciplines = ["parallel-distributed", "operating-systems"]\n'
                f'summary = "A synthetic topic for the benchmark: it stands in for a real study unit with '
                f'prerequisites, resources and exam links, so that loading and ranking are measured at scale."\n'
                f'hours = {rng.randint(2, 20)}\nlevel = "{rng.choice(["core", "advanced", "frontier"])}"\n'
                f'directions = ["{rng.choice(["data", "training", "inference"])}"]\n'
                f'requires = {json.dumps(sorted(set(requires)))}\nresources = ["paper-pagedattention"]\n'
                f'[[topic.exam]]\npoint = "408.os.paging"\nweight = {rng.randint(1, 3)}\n'
                f'why = "Synthetic link: the benchmark topic reuses paging the way a block table does."\n'
            )
        (folder / f"bench-{f:02d}.toml").write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="roadmap-bench-") as tmp:
        tmp = Path(tmp)
        env = {
            **os.environ,
            "INFRA_ROADMAP_HOME": str(tmp / "home"),
            "XDG_CACHE_HOME": str(tmp / "cache"),
            "NO_COLOR": "1",
            "COLUMNS": "120",
        }
        env.pop("INFRA_ROADMAP_PATH", None)
        # Time what an installed tool does: pip compiles bytecode at install time, so compile the
        # package and its dependencies once and let the interpreter use the .pyc files.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        subprocess.run(
            [sys.executable, "-m", "compileall", "-q", str(ROOT / "src"), *site_packages()],
            env=env,
            capture_output=True,
        )
        ids = topic_ids(env)
        export = tmp / "history.json"
        export.write_text(json.dumps(history(ids)), encoding="utf-8")
        subprocess.run([*ROADMAP, "import", str(export)], env=env, check=True, capture_output=True)
        overlay = tmp / "overlay"
        big_overlay(overlay, ids)
        size = sum(p.stat().st_size for p in overlay.glob("*.toml")) / 2**20
        print(f"history: 5,000 events over two years; overlay: 10,000 topics, {size:.1f} MiB of TOML")
        print(f"python {sys.version.split()[0]}, {args.runs} runs each, interleaved with the baseline\n")

        cases = []
        for label, argv, target, big in CASES:
            cmd = ROADMAP + (["--roadmap", str(overlay)] if big else []) + argv
            run(cmd, env)  # warm: builds the roadmap cache and the OS file cache
            cases.append((label, cmd, target))

        base_times: list[float] = []
        results = {label: {"ratios": [], "cpu_ratios": [], "times": [], "rss": 0.0} for label, _, _ in cases}
        for _ in range(args.runs):
            for label, cmd, _target in cases:
                base, base_cpu, _ = run(BASELINE, env)
                took, cpu, rss = run(cmd, env)
                base_times.append(base)
                entry = results[label]
                entry["ratios"].append(took / base)
                entry["cpu_ratios"].append(cpu / base_cpu)
                entry["times"].append(took)
                entry["rss"] = max(entry["rss"], rss)

        print(
            f"baseline  python -c 'import typer, rich.console': median {statistics.median(base_times) * 1000:.0f} ms\n"
        )
        print(
            f"{'command':<24} {'median':>8} {'ratio':>7} {'cpu ratio':>10} {'target':>7} {'peak RSS':>10}  ok"
        )
        failed = 0
        for label, _, target in cases:
            entry = results[label]
            ratio = statistics.median(entry["ratios"])
            ok = ratio <= target and (not label.startswith("next (10") or entry["rss"] <= MEMORY_LIMIT_MIB)
            failed += not ok
            cpu_ratio = statistics.median(entry["cpu_ratios"])
            print(
                f"{label:<24} {statistics.median(entry['times']) * 1000:>6.0f}ms {ratio:>6.2f}x {cpu_ratio:>9.2f}x {target:>6.1f}x "
                f"{entry['rss']:>7.1f} MiB  {'yes' if ok else 'NO'}"
            )
        print(
            f"\nratio: median of wall-time ratios to the baseline run just before (judged); cpu ratio: the same"
            f" for user+system CPU time, steadier on a shared machine.\npeak memory limit at 10,000 topics:"
            f" {MEMORY_LIMIT_MIB} MiB"
        )
        sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
