"""Jupyter kernels that start cleanly side by side: IPC sockets in a private folder.

Over TCP, two kernels started at once can pick the same free port (``ZMQError: Address
already in use``), and every kernel warns that it runs over TCP without encryption. Over IPC
(Unix sockets) there are no ports to collide, nothing listens on the network, and each
kernel's sockets live in a fresh private folder, so kernels started in the same notebook
folder cannot clash either.

Used by the report builder (:mod:`analysis.report`) and, as a pytest plugin
(``-p analysis.report.kernels``, set in ``pyproject.toml``), by nbval.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from jupyter_client.manager import KernelManager
from traitlets import CaselessStrEnum, default

#: A Unix socket path holds at most 107 bytes; the kernel's five sockets are
#: ``<folder>/kernel-<port>``, so the folder must stay well short of that.
MAX_SOCKET_DIR = 80


def _short_tmp() -> str:
    """A temporary folder whose path leaves room for socket names.

    ``$TMPDIR`` can be deep (pytest's per-test folders are); past the limit the kernel cannot
    bind its sockets and never starts. ``/tmp`` is used then, where it exists.
    """
    base = tempfile.gettempdir()
    if len(base) + 40 > MAX_SOCKET_DIR and Path("/tmp").is_dir() and os.access("/tmp", os.W_OK):
        return "/tmp"
    return base


class IPCKernelManager(KernelManager):
    """A kernel manager whose kernel talks over Unix sockets in its own temporary folder."""

    transport = CaselessStrEnum(["tcp", "ipc"], default_value="ipc", config=True)

    @default("ip")
    def _ip_default(self) -> str:
        self._socket_dir = tempfile.mkdtemp(prefix="pk-vpn-kernel-", dir=_short_tmp())
        return str(Path(self._socket_dir) / "kernel")

    def cleanup_ipc_files(self) -> None:
        """Remove the socket files and their private folder."""
        super().cleanup_ipc_files()
        folder = getattr(self, "_socket_dir", None)
        if folder:
            shutil.rmtree(folder, ignore_errors=True)


def pytest_configure(config) -> None:
    """Make nbval start its kernels through :class:`IPCKernelManager`."""
    try:
        import nbval.kernel
    except ImportError:  # pragma: no cover - nbval is a dev dependency
        return
    nbval.kernel.KernelManager = IPCKernelManager
