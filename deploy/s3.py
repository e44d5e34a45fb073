"""Datasets and checkpoints to and from S3 with boto3: multipart, resumable, checksum-verified.

What it supports
- upload of a file or a directory (a shard directory, a training checkpoint, a release) under an S3 prefix, in
  multipart parts (`part_mb`, default 64 MB); each part carries its MD5 so S3 rejects a part damaged in transit
- resume: the upload id and finished parts are kept in a small state file under out/s3/; an interrupted upload
  (spot reclaim, Ctrl-C, network drop) continues with the missing parts only, after checking with S3 which parts
  it really holds. A file that changed since is uploaded from scratch (the stale upload is aborted).
- download in ranges into `<dest>.part`, resumed from its size with `If-Match` on the ETag (so a part file of an
  older object is never extended with a newer one), then renamed into place only after its checksum matched
- verification: every object carries the sha256 of its content in its metadata (`nanotutor-sha256`); downloads
  and `verify` recompute it, so a corrupted or replaced object is detected, never silently used
- files whose remote sha256 already matches are skipped, so re-running a sync is cheap; in a directory, paths
  with a component starting with "." (train.py's `.tmp-*` checkpoints being written) are left out

Run (from the repository root; credentials and region come from the usual AWS environment or instance role)
    .venv/bin/python -m deploy.s3 upload out/data/default s3://my-bucket/nanotutor/data/default
    .venv/bin/python -m deploy.s3 download s3://my-bucket/nanotutor/runs/1b/final out/runs/1b/final
    .venv/bin/python -m deploy.s3 verify out/runs/1b/final s3://my-bucket/nanotutor/runs/1b/final
    .venv/bin/python -m deploy.s3 upload out/release/tutor s3://b/release/tutor --endpoint_url=http://127.0.0.1:5000
"""
from __future__ import annotations

import base64
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import boto3
from botocore.exceptions import ClientError

from common import atomic_write_json, get_logger, out_dir, parse_config, sha256_file

log = get_logger("s3")
SHA_KEY = "nanotutor-sha256"  # user metadata key: S3's own ETag is not a content hash for multipart objects
MIN_PART = 5 * 2**20  # S3's smallest allowed part (all but the last)
CHUNK = 2**20


class ChecksumError(RuntimeError):
    """An object's content does not match the sha256 recorded when it was uploaded."""


@dataclass
class S3Config:
    endpoint_url: str = ""  # "" = AWS; a local S3 (moto, MinIO) for tests
    region: str = "us-east-1"
    part_mb: int = 64
    state_dir: str = ""  # "" = out/s3/state


def make_client(cfg: S3Config) -> Any:
    return boto3.client("s3", region_name=cfg.region, endpoint_url=cfg.endpoint_url or None)


def split_url(url: str) -> tuple[str, str]:
    """'s3://bucket/some/prefix' -> ('bucket', 'some/prefix')."""
    if not url.startswith("s3://") or len(url) <= 5:
        raise ValueError(f"not an s3:// URL: {url!r}")
    bucket, _, key = url[5:].partition("/")
    return bucket, key.strip("/")


def remote_sha256(client: Any, bucket: str, key: str) -> str | None:
    """The sha256 recorded at upload time, or None when the object does not exist."""
    try:
        head = client.head_object(Bucket=bucket, Key=key)
    except ClientError as err:
        if err.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            return None
        raise
    return head.get("Metadata", {}).get(SHA_KEY)


# ----------------------------------------------------------------------------- upload

def _state_path(cfg: S3Config, bucket: str, key: str) -> Path:
    name = hashlib.sha256(f"{bucket}/{key}".encode()).hexdigest()[:32]
    return (Path(cfg.state_dir) if cfg.state_dir else out_dir("s3", "state")) / f"upload-{name}.json"


def _fresh_state(client: Any, path: Path, bucket: str, key: str, sha: str, part_size: int) -> dict[str, Any]:
    upload = client.create_multipart_upload(Bucket=bucket, Key=key, Metadata={SHA_KEY: sha})
    return {"upload_id": upload["UploadId"], "bucket": bucket, "key": key, "source": str(path), "sha256": sha,
            "size": path.stat().st_size, "part_size": part_size, "parts": {}}


def _load_state(client: Any, state_file: Path, path: Path, sha: str) -> dict[str, Any] | None:
    """The saved state of an unfinished upload of this exact file, reconciled with the parts S3 holds."""
    if not state_file.exists():
        return None
    state = json.loads(state_file.read_text())
    if state["sha256"] != sha or state["size"] != path.stat().st_size:
        log.info(f"{path} changed since its upload started: starting again")
        client.abort_multipart_upload(Bucket=state["bucket"], Key=state["key"], UploadId=state["upload_id"])
        return None
    try:
        listed = client.list_parts(Bucket=state["bucket"], Key=state["key"], UploadId=state["upload_id"])
    except ClientError:  # the upload was aborted or expired by a lifecycle rule
        return None
    held = {str(p["PartNumber"]): p["ETag"] for p in listed.get("Parts", [])}
    # Trust only parts both sides agree on: a part we recorded that S3 lost is sent again.
    state["parts"] = {n: etag for n, etag in state["parts"].items() if held.get(n) == etag}
    return state


def upload_file(client: Any, path: str | Path, bucket: str, key: str, cfg: S3Config) -> str:
    """Multipart upload of one file, resuming an interrupted one; returns 'uploaded', 'resumed' or 'skipped'."""
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"upload source is not a file: {path}")
    sha = sha256_file(path)
    if remote_sha256(client, bucket, key) == sha:
        return "skipped"
    part_size = max(MIN_PART, cfg.part_mb * 2**20)
    state_file = _state_path(cfg, bucket, key)
    state = _load_state(client, state_file, path, sha)
    outcome = "resumed" if state and state["parts"] else "uploaded"
    if state is None:
        state = _fresh_state(client, path, bucket, key, sha, part_size)
    atomic_write_json(state_file, state)
    _send_parts(client, path, state, state_file)
    parts = [{"PartNumber": int(n), "ETag": e} for n, e in sorted(state["parts"].items(), key=lambda kv: int(kv[0]))]
    client.complete_multipart_upload(Bucket=bucket, Key=key, UploadId=state["upload_id"],
                                     MultipartUpload={"Parts": parts})
    state_file.unlink()
    log.info(f"{outcome} {path} -> s3://{bucket}/{key} ({len(parts)} parts)")
    return outcome


def _send_parts(client: Any, path: Path, state: dict[str, Any], state_file: Path) -> None:
    """Send the parts not yet held, saving the state after each so an interruption loses at most one part."""
    size, part_size = state["size"], state["part_size"]
    count = max(1, -(-size // part_size))
    with open(path, "rb") as f:
        for number in range(1, count + 1):
            if str(number) in state["parts"]:
                continue
            f.seek((number - 1) * part_size)
            body = f.read(part_size)
            md5 = base64.b64encode(hashlib.md5(body).digest()).decode()
            reply = client.upload_part(Bucket=state["bucket"], Key=state["key"], UploadId=state["upload_id"],
                                       PartNumber=number, Body=body, ContentMD5=md5)
            state["parts"][str(number)] = reply["ETag"]
            atomic_write_json(state_file, state)


def upload(client: Any, local: str | Path, url: str, cfg: S3Config) -> dict[str, str]:
    """A file to s3://bucket/key, or every file of a directory under s3://bucket/prefix/<relative path>."""
    local = Path(local)
    bucket, key = split_url(url)
    if local.is_file():
        return {key: upload_file(client, local, bucket, key, cfg)}
    if not local.is_dir():
        raise FileNotFoundError(f"nothing to upload at {local}")
    names = {p.relative_to(local).as_posix(): p for p in sorted(local.rglob("*")) if p.is_file()}
    # Dot-paths are skipped: train.py writes a checkpoint as `.tmp-*` and renames it when complete, so a sync
    # running beside training never ships a half-written checkpoint.
    return {f"{key}/{name}": upload_file(client, p, bucket, f"{key}/{name}", cfg)
            for name, p in names.items() if not any(part.startswith(".") for part in name.split("/"))}


# ----------------------------------------------------------------------------- download

def download_file(client: Any, bucket: str, key: str, dest: str | Path) -> str:
    """Ranged, resumable download to `dest`; verified against the recorded sha256 before it is renamed into place."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    head = client.head_object(Bucket=bucket, Key=key)
    expected = head.get("Metadata", {}).get(SHA_KEY)
    if expected is None:
        raise ChecksumError(f"s3://{bucket}/{key} has no {SHA_KEY} metadata: upload it with deploy/s3.py")
    if dest.is_file() and sha256_file(dest) == expected:
        return "skipped"
    part, meta = dest.with_name(dest.name + ".part"), dest.with_name(dest.name + ".part.json")
    if part.exists() and (not meta.exists() or json.loads(meta.read_text()).get("etag") != head["ETag"]):
        part.unlink()  # a part file of another version of the object
    atomic_write_json(meta, {"etag": head["ETag"], "bucket": bucket, "key": key})
    start = part.stat().st_size if part.exists() else 0
    outcome = "resumed" if start else "downloaded"
    if start < head["ContentLength"]:
        reply = client.get_object(Bucket=bucket, Key=key, Range=f"bytes={start}-", IfMatch=head["ETag"])
        with open(part, "ab") as f:
            for block in reply["Body"].iter_chunks(CHUNK):
                f.write(block)
    got = sha256_file(part)
    if got != expected:
        part.unlink()
        meta.unlink()
        raise ChecksumError(f"s3://{bucket}/{key}: sha256 {got} != recorded {expected} (corrupted object or part file)")
    part.replace(dest)
    meta.unlink()
    return outcome


def list_keys(client: Any, bucket: str, prefix: str) -> list[str]:
    keys: list[str] = []
    for page in client.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys += [obj["Key"] for obj in page.get("Contents", [])]
    return keys


def download(client: Any, url: str, local: str | Path, cfg: S3Config) -> dict[str, str]:
    """One object to a file, or every object under the prefix into a directory (relative paths kept)."""
    bucket, key = split_url(url)
    if remote_sha256(client, bucket, key) is not None:
        return {key: download_file(client, bucket, key, local)}
    keys = list_keys(client, bucket, key + "/")
    if not keys:
        raise FileNotFoundError(f"no objects at s3://{bucket}/{key}")
    return {k: download_file(client, bucket, k, Path(local) / k[len(key) + 1:]) for k in keys}


def verify(client: Any, local: str | Path, url: str) -> list[str]:
    """Names of local files whose sha256 differs from (or is missing in) the S3 copy; empty when all match."""
    local, (bucket, key) = Path(local), split_url(url)
    files = {key: local} if local.is_file() else {f"{key}/{p.relative_to(local).as_posix()}": p
                                                  for p in sorted(local.rglob("*")) if p.is_file()}
    return [str(p) for k, p in files.items() if remote_sha256(client, bucket, k) != sha256_file(p)]


def main(argv: list[str]) -> int:
    if len(argv) < 3 or argv[0] not in ("upload", "download", "verify"):
        print(__doc__.split("Run")[1], file=sys.stderr)
        return 2
    action, first, second = argv[:3]
    cfg = parse_config(S3Config, argv[3:])
    client = make_client(cfg)
    if action == "upload":
        result = upload(client, first, second, cfg)
    elif action == "download":
        result = download(client, first, second, cfg)
    else:
        bad = verify(client, first, second)
        print(json.dumps({"mismatched": bad}))
        return 1 if bad else 0
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
