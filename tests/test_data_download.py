"""data.download against a local HTTP server on 127.0.0.1 serving the authored fixtures in the published layouts:
URLs, sha256 checks, conversion to the mirror layout (byte for byte), no re-download, clean failures. Opt-in
(full_data): the pinned hashes match a real mirror's files."""
import json
import shutil
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from common import sha256_file
from data.download import FILES, DownloadConfig, download, fetch, write_gsm8k_overlap
from data.sources import SOURCES

SERVED = ("gsm8k", "arc", "openbookqa", "sciq", "mathdial", "bfcl", "cima")


class CountingHandler(SimpleHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):
        CountingHandler.requests.append(self.path)
        super().do_GET()

    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path, data_dir, monkeypatch):
    """Serves https://HOST/PATH of every pinned file as http://127.0.0.1:PORT/HOST/PATH, from the fixture copies
    (whose hashes stand in for the pinned ones)."""
    www = tmp_path / "www"
    for name in SERVED:
        monkeypatch.setitem(FILES, name, [(url, rel, sha256_file(data_dir / rel)) for url, rel, _ in FILES[name]])
        for url, rel, _ in FILES[name]:
            target = www / url.split("://", 1)[1]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(data_dir / rel, target)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(CountingHandler, directory=str(www)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    CountingHandler.requests = []
    yield www, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()
    thread.join()


def test_download_builds_the_staged_layout(tmp_path, data_dir, server):
    www, prefix = server
    cfg = DownloadConfig(sources=",".join(SERVED), root=str(tmp_path / "mirror"), url_prefix=prefix, retries=1)
    root = download(cfg)
    expected = sum(len(FILES[n]) for n in SERVED)
    assert len(CountingHandler.requests) == expected
    for rel in ("gsm8k/train.jsonl", "arc/arc_easy_train.jsonl", "arc/arc_challenge_test.jsonl",
                "openbookqa/obqa_dev.jsonl", "openbookqa/obqa_train_llm_adapters.jsonl", "sciq/sciq_test.jsonl",
                "mathdial/test_gsm8k_overlap.json", "bfcl_function_calling/possible_answer/BFCL_v4_parallel.json"):
        assert (root / rel).read_bytes() == (data_dir / rel).read_bytes(), rel
    assert list(SOURCES["arc"].parse(root)) == list(SOURCES["arc"].parse(data_dir))
    download(cfg)  # everything present with the right hash: nothing is fetched again
    assert len(CountingHandler.requests) == expected
    assert not list(root.rglob("*.part"))


def test_bad_hash_missing_file_and_dead_server(tmp_path, server):
    www, prefix = server
    url, rel, sha = FILES["gsm8k"][1]
    (www / url.split("://", 1)[1]).write_text("tampered\n")
    dest = tmp_path / rel
    with pytest.raises(ValueError, match="sha256 .* does not match"):
        fetch(prefix + url.split("://", 1)[1], dest, sha)
    assert not dest.exists() and not list(dest.parent.glob("*.part"))
    with pytest.raises(RuntimeError, match="HTTP 404"):
        fetch(prefix + "nowhere/file.json", tmp_path / "x.json")
    dead = DownloadConfig(sources="gsm8k", root=str(tmp_path / "m"), url_prefix="http://127.0.0.1:9/", retries=1,
                          timeout=2.0)
    with pytest.raises(RuntimeError, match="after 1 attempts"):
        download(dead)
    with pytest.raises(KeyError, match="no download for 'openstax_physics'"):
        download(DownloadConfig(sources="openstax_physics", root=str(tmp_path / "m")))


@pytest.mark.full_data
def test_pinned_hashes_match_the_full_mirror(full_data_dir):
    present = [(rel, sha) for files in FILES.values() for _, rel, sha in files if (full_data_dir / rel).is_file()]
    assert len(present) >= len(FILES)
    for rel, sha in present:
        assert sha256_file(full_data_dir / rel) == sha, rel


@pytest.mark.full_data
def test_gsm8k_overlap_is_derived_as_staged(full_data_dir, tmp_path):
    for rel in ("gsm8k/test.jsonl", "gsm8k/train.jsonl", "mathdial/test.jsonl"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(full_data_dir / rel, tmp_path / rel)
    write_gsm8k_overlap(tmp_path)
    assert json.loads((tmp_path / "mathdial" / "test_gsm8k_overlap.json").read_text()) == \
        json.loads((full_data_dir / "mathdial" / "test_gsm8k_overlap.json").read_text())
