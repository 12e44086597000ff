"""A small Language Server Protocol client that drives the real `yaml-language-server` over stdio.

The same server VS Code's YAML extension runs: it reads each file's
`# yaml-language-server: $schema=…` line and reports what the schema refuses. Used to prove
that editors accept every shipped spec with plangen's JSON Schema, and flag broken ones.

Where the server is: $PLANGEN_YAML_LS (the `yaml-language-server` program), else
`node_modules/.bin/yaml-language-server` at the top of the repository (`.ci/run` installs it
there with npm), else on PATH.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SERVER_ENV = "PLANGEN_YAML_LS"


def find_server() -> str | None:
    """The yaml-language-server program, or None."""
    if os.environ.get(SERVER_ENV):
        return os.environ[SERVER_ENV]
    local = ROOT / "node_modules" / ".bin" / "yaml-language-server"
    if local.is_file():
        return str(local)
    return shutil.which("yaml-language-server")


class YamlLanguageServer:
    """One server process; `diagnostics(path)` opens a file and returns what the server says."""

    def __init__(self, program: str, root: Path = ROOT) -> None:
        self._process = subprocess.Popen([program, "--stdio"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._next_id = 0
        self._inbox: queue.Queue[dict[str, Any]] = queue.Queue()
        self._reader = threading.Thread(target=self._read_loop, daemon=True)
        self._reader.start()
        self._published: dict[str, list[dict[str, Any]]] = {}
        self._version = 0
        self.request("initialize", {
            "processId": os.getpid(), "rootUri": root.as_uri(),
            "capabilities": {"textDocument": {"publishDiagnostics": {}},
                             "workspace": {"configuration": True}},
            "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}]})
        self.notify("initialized", {})
        self.notify("workspace/didChangeConfiguration", {"settings": self.settings()})

    @staticmethod
    def settings() -> dict[str, Any]:
        """What VS Code's YAML extension sends, with the network schema store turned off."""
        return {"yaml": {"validate": True, "hover": True, "completion": True,
                         "schemaStore": {"enable": False}, "schemas": {},
                         "format": {"enable": False}, "customTags": []}}

    # ---- wire format: Content-Length header, then a JSON body ----------------------------

    def _send(self, payload: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **payload}).encode("utf-8")
        assert self._process.stdin is not None
        self._process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self._process.stdin.flush()

    def _read_loop(self) -> None:
        stream = self._process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line in (b"\r\n", b"\n"):
                    break
                name, _, value = line.decode("ascii").partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip())
            if length is None:
                continue
            self._inbox.put(json.loads(stream.read(length).decode("utf-8")))

    def request(self, method: str, params: Any, timeout: float = 60) -> Any:
        self._next_id += 1
        ident = self._next_id
        self._send({"id": ident, "method": method, "params": params})
        deadline = time.monotonic() + timeout
        while True:
            message = self._receive(deadline)
            if message is None:
                raise TimeoutError(f"no answer to {method}")
            if message.get("id") == ident and "method" not in message:
                return message.get("result")

    def notify(self, method: str, params: Any) -> None:
        self._send({"method": method, "params": params})

    def _receive(self, deadline: float) -> dict[str, Any] | None:
        """The next message, after answering the server's own requests; None at the deadline."""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            try:
                message = self._inbox.get(timeout=left)
            except queue.Empty:
                return None
            method = message.get("method")
            if method and "id" in message:  # a request from the server
                result: Any = None
                if method == "workspace/configuration":
                    items = message.get("params", {}).get("items", [])
                    result = [self._section(item.get("section")) for item in items]
                self._send({"id": message["id"], "result": result})
                continue
            if method == "textDocument/publishDiagnostics":
                params = message["params"]
                self._published[params["uri"]] = params["diagnostics"]
            return message

    def _section(self, section: str | None) -> Any:
        value: Any = self.settings()
        for part in (section or "").split("."):
            if part:
                value = value.get(part) if isinstance(value, dict) else None
        return value

    # ---- documents ------------------------------------------------------------------------

    def diagnostics(self, path: Path, text: str | None = None, *,
                    timeout: float = 60, quiet: float = 1.5) -> list[dict[str, Any]]:
        """Open `path` (with `text` instead of its content, if given) and return the
        diagnostics the server publishes once it has settled (no news for `quiet` seconds)."""
        uri = path.resolve().as_uri()
        self._published.pop(uri, None)
        self._version += 1
        self.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": self._version,
            "text": path.read_text(encoding="utf-8") if text is None else text}})
        deadline = time.monotonic() + timeout
        while uri not in self._published:
            if self._receive(deadline) is None:
                raise TimeoutError(f"no diagnostics for {path}")
        settle = time.monotonic() + quiet
        while self._receive(min(settle, deadline)) is not None:
            pass
        self.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        return self._published[uri]

    def close(self) -> None:
        try:
            self.request("shutdown", None, timeout=10)
            self.notify("exit", None)
            self._process.wait(timeout=10)
        except (TimeoutError, OSError, subprocess.TimeoutExpired):
            self._process.kill()
            self._process.wait()
