"""A `kg` command line that starts in milliseconds, for tests that start and kill it many times.

`python -m tests.integration.warm_loader` imports kg and builds the NLP pipeline once, says
`ready`, then for each line it reads (a JSON object: `args`, the `kg` arguments, `env`, the
environment, and `stderr`, a folder) forks a child that runs the real command line
(`kg.cli.main`) so, prints `started PID`, waits for it and prints `exited PID CODE` (minus the
signal number when it was killed). The child is the loader a user runs, less the 5 to 10 s of
importing Python packages and loading the model that each fresh `kg load` spends; `WarmLoader`
drives it from a test.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path


def _serve() -> None:
    from kg.cli import main
    from kg.extraction.pipeline import extract

    extract(["زار إسماعيل قاآني دمشق يوم الثلاثاء والتقى مسؤولين في حزب الله."])
    print("ready", flush=True)
    for line in sys.stdin:
        request = json.loads(line)
        pid = os.fork()
        if pid == 0:
            os.environ.clear()
            os.environ.update(request["env"])
            _run_child(main, request["args"], Path(request["stderr"]))
        print(f"started {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exited {pid} {os.waitstatus_to_exitcode(status)}", flush=True)


def _run_child(main: Callable[[], None], args: list[str], folder: Path) -> None:
    """In the forked child: `kg ARGS...`, its stdout (the parent's pipe to the test) to
    /dev/null, its stderr to `kg-PID.stderr` in `folder`; its exit code kept."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    stderr = folder / f"kg-{os.getpid()}.stderr"
    os.dup2(os.open(stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644), 2)
    sys.argv = ["kg", *args]
    code = 0
    try:
        main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    except BaseException:  # a child must never return into the server's loop
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


@dataclass
class WarmLoader:
    """Drives a `warm_loader` process: `start(env, args)` forks a `kg` child, `wait(pid)` is
    its end (one child at a time); each child's stderr is kept in a file of `folder`."""

    process: subprocess.Popen
    folder: Path

    @classmethod
    def launch(cls, folder: Path) -> WarmLoader:
        """Start the process and wait until it is warm."""
        process = subprocess.Popen(
            [sys.executable, "-m", "tests.integration.warm_loader"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        loader = cls(process, folder)
        assert loader._read() == ["ready"]
        return loader

    def _read(self) -> list[str]:
        assert self.process.stdout is not None
        return self.process.stdout.readline().split()

    def _stderr(self, pid: int) -> Path:
        return self.folder / f"kg-{pid}.stderr"

    def start(self, env: dict[str, str], *args: str) -> int:
        """Fork `kg ARGS...` in environment `env` and return its pid."""
        assert self.process.stdin is not None
        request = {"args": list(args), "env": env, "stderr": str(self.folder)}
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        word, pid = self._read()
        assert word == "started"
        return int(pid)

    def running(self, pid: int) -> bool:
        """Whether child `pid` is still running (the warm loader reaps it as it ends)."""
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
        except OSError:
            return False
        return stat.rpartition(")")[2].split()[0] != "Z"

    def wait(self, pid: int) -> tuple[int, str]:
        """The exit code of child `pid` once it has ended (minus the signal that killed it),
        and what it wrote on stderr."""
        word, ended, code = self._read()
        assert (word, int(ended)) == ("exited", pid)
        return int(code), self._stderr(pid).read_text(encoding="utf-8")

    def run(self, env: dict[str, str], *args: str) -> tuple[int, str]:
        """Run `kg ARGS...` in environment `env` to its end: its exit code and stderr."""
        return self.wait(self.start(env, *args))

    def close(self) -> None:
        """End the warm loader."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=60)


if __name__ == "__main__":
    _serve()
