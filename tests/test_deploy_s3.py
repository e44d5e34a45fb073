"""deploy/s3.py against a real S3 API: moto in server mode on 127.0.0.1 (an ephemeral port), stopped by the fixture."""
import hashlib
import json
import socket

import pytest
from moto.server import ThreadedMotoServer

from deploy import s3

PART = s3.MIN_PART  # the smallest part S3 accepts, so a few parts stay small


@pytest.fixture(scope="module")
def endpoint():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def env(endpoint, tmp_path, monkeypatch, request):
    for name, value in {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(name, value)
    cfg = s3.S3Config(endpoint_url=endpoint, part_mb=5, state_dir=str(tmp_path / "state"))
    client = s3.make_client(cfg)
    bucket = request.node.name.replace("_", "-")[:60]
    client.create_bucket(Bucket=bucket)
    return cfg, client, bucket


def payload(size: int, seed: int = 0) -> bytes:
    return hashlib.shake_256(str(seed).encode()).digest(size)  # incompressible and reproducible


def test_directory_roundtrip_multipart_and_skip(env, tmp_path):
    cfg, client, bucket = env
    src = tmp_path / "ckpt"
    (src / "sub").mkdir(parents=True)
    (src / "model.bin").write_bytes(payload(2 * PART + 123))
    (src / "sub" / "config.json").write_text('{"dim": 8}')
    (src / ".tmp-step-9").mkdir()
    (src / ".tmp-step-9" / "model.bin").write_bytes(b"half-written")
    result = s3.upload(client, src, f"s3://{bucket}/runs/a", cfg)
    assert result == {"runs/a/model.bin": "uploaded", "runs/a/sub/config.json": "uploaded"}
    head = client.head_object(Bucket=bucket, Key="runs/a/model.bin")
    assert head["ETag"].strip('"').endswith("-3")  # three multipart parts
    assert s3.upload(client, src, f"s3://{bucket}/runs/a", cfg) == {k: "skipped" for k in result}
    dest = tmp_path / "back"
    assert set(s3.download(client, f"s3://{bucket}/runs/a", dest, cfg).values()) == {"downloaded"}
    assert (dest / "model.bin").read_bytes() == (src / "model.bin").read_bytes()
    assert (dest / "sub" / "config.json").read_text() == '{"dim": 8}'
    assert s3.verify(client, dest, f"s3://{bucket}/runs/a") == []
    assert not list(dest.rglob("*.part*"))


def test_interrupted_upload_resumes_with_missing_parts_only(env, tmp_path, monkeypatch):
    cfg, client, bucket = env
    src = tmp_path / "shard.bin"
    src.write_bytes(payload(3 * PART + 7, seed=1))
    sent: list[int] = []
    real = client.upload_part

    def dies_after_two(**kwargs):
        if len(sent) == 2:
            raise ConnectionError("network dropped")
        sent.append(kwargs["PartNumber"])
        return real(**kwargs)

    monkeypatch.setattr(client, "upload_part", dies_after_two)
    with pytest.raises(ConnectionError):
        s3.upload_file(client, src, bucket, "data/shard.bin", cfg)
    assert s3.remote_sha256(client, bucket, "data/shard.bin") is None  # nothing visible yet
    state = json.loads(next((tmp_path / "state").glob("upload-*.json")).read_text())
    assert sorted(state["parts"]) == ["1", "2"]

    sent.clear()
    monkeypatch.setattr(client, "upload_part", lambda **kw: (sent.append(kw["PartNumber"]), real(**kw))[1])
    assert s3.upload_file(client, src, bucket, "data/shard.bin", cfg) == "resumed"
    assert sent == [3, 4]
    body = client.get_object(Bucket=bucket, Key="data/shard.bin")["Body"].read()
    assert body == src.read_bytes()
    assert not list((tmp_path / "state").glob("upload-*.json"))


def test_changed_file_restarts_the_upload(env, tmp_path, monkeypatch):
    cfg, client, bucket = env
    src = tmp_path / "f.bin"
    src.write_bytes(payload(2 * PART, seed=2))
    real = client.upload_part
    monkeypatch.setattr(client, "upload_part", lambda **kw: (_ for _ in ()).throw(ConnectionError("x"))
                        if kw["PartNumber"] == 2 else real(**kw))
    with pytest.raises(ConnectionError):
        s3.upload_file(client, src, bucket, "f.bin", cfg)
    monkeypatch.setattr(client, "upload_part", real)
    src.write_bytes(payload(2 * PART, seed=3))
    assert s3.upload_file(client, src, bucket, "f.bin", cfg) == "uploaded"
    assert client.get_object(Bucket=bucket, Key="f.bin")["Body"].read() == src.read_bytes()


def test_interrupted_download_resumes_from_part_file(env, tmp_path, monkeypatch):
    cfg, client, bucket = env
    data = payload(PART + 1000, seed=4)
    src = tmp_path / "w.bin"
    src.write_bytes(data)
    s3.upload_file(client, src, bucket, "w.bin", cfg)
    dest = tmp_path / "dl" / "w.bin"
    dest.parent.mkdir()
    etag = client.head_object(Bucket=bucket, Key="w.bin")["ETag"]
    dest.with_name("w.bin.part").write_bytes(data[:4096])
    dest.with_name("w.bin.part.json").write_text(json.dumps({"etag": etag}))
    ranges: list[str] = []
    real = client.get_object
    monkeypatch.setattr(client, "get_object", lambda **kw: (ranges.append(kw["Range"]), real(**kw))[1])
    assert s3.download_file(client, bucket, "w.bin", dest) == "resumed"
    assert ranges == ["bytes=4096-"]
    assert dest.read_bytes() == data


def test_part_file_of_another_version_is_discarded(env, tmp_path):
    cfg, client, bucket = env
    src = tmp_path / "v.bin"
    src.write_bytes(payload(10_000, seed=5))
    s3.upload_file(client, src, bucket, "v.bin", cfg)
    dest = tmp_path / "v-out.bin"
    dest.with_name("v-out.bin.part").write_bytes(b"old version bytes")
    dest.with_name("v-out.bin.part.json").write_text(json.dumps({"etag": '"stale"'}))
    assert s3.download_file(client, bucket, "v.bin", dest) == "downloaded"
    assert dest.read_bytes() == src.read_bytes()


def test_corrupted_object_is_detected(env, tmp_path):
    cfg, client, bucket = env
    src = tmp_path / "model.safetensors"
    src.write_bytes(payload(50_000, seed=6))
    s3.upload_file(client, src, bucket, "rel/model.safetensors", cfg)
    sha = s3.remote_sha256(client, bucket, "rel/model.safetensors")
    damaged = bytearray(src.read_bytes())
    damaged[1234] ^= 0xFF  # one byte flipped, same size, same recorded checksum
    client.put_object(Bucket=bucket, Key="rel/model.safetensors", Body=bytes(damaged), Metadata={s3.SHA_KEY: sha})
    dest = tmp_path / "out" / "model.safetensors"
    with pytest.raises(s3.ChecksumError, match="rel/model.safetensors"):
        s3.download_file(client, bucket, "rel/model.safetensors", dest)
    assert not dest.exists() and not list(dest.parent.glob("*.part*"))
    assert s3.verify(client, src, f"s3://{bucket}/rel/model.safetensors") == []
    client.put_object(Bucket=bucket, Key="rel/model.safetensors", Body=bytes(damaged))
    with pytest.raises(s3.ChecksumError, match="no nanotutor-sha256"):
        s3.download_file(client, bucket, "rel/model.safetensors", dest)


def test_cli_and_bad_input(env, tmp_path, capsys):
    cfg, client, bucket = env
    src = tmp_path / "a.txt"
    src.write_text("hello")
    args = [f"--endpoint_url={cfg.endpoint_url}", f"--state_dir={cfg.state_dir}"]
    assert s3.main(["upload", str(src), f"s3://{bucket}/x/a.txt", *args]) == 0
    assert s3.main(["verify", str(src), f"s3://{bucket}/x/a.txt", *args]) == 0
    src.write_text("changed")
    assert s3.main(["verify", str(src), f"s3://{bucket}/x/a.txt", *args]) == 1
    assert str(src) in capsys.readouterr().out
    with pytest.raises(ValueError, match="not an s3:// URL"):
        s3.split_url("bucket/key")
    with pytest.raises(FileNotFoundError, match="missing"):
        s3.upload(client, tmp_path / "missing", f"s3://{bucket}/m", cfg)
    with pytest.raises(KeyError, match="part_sizze"):
        s3.main(["upload", str(src), f"s3://{bucket}/y", "--part_sizze=5"])
