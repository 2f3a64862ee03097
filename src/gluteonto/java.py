"""Whether a Java runtime can start: HermiT (``gluteonto reason``, the build's full release variant) needs one."""

from __future__ import annotations

import shutil
import subprocess

__all__ = ["java_available"]


def java_available() -> bool:
    """True when a Java runtime that can start is on PATH."""
    java = shutil.which("java")
    if not java:
        return False
    try:
        return subprocess.run([java, "-version"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False
