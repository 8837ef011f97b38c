"""The Content-Security-Policy the build writes."""

from mentorkit.security import PLACEHOLDER, headers_file, inline_script_hashes, mark_page, policy, seal

PAGE = """<!doctype html><html><head><meta charset="utf-8"><script>var theme = 1</script></head>
<body><script>var palette = 2</script>
<article class="md-content__inner"><h1>Title</h1><script>window.injected = true</script></article>
<script id="__config" type="application/json">{"a": 1}</script>
<script src="bundle.js"></script><script type="module">import "./x.js"</script></body></html>"""


def test_only_the_themes_inline_scripts_get_a_hash():
    hashes = inline_script_hashes(PAGE)
    assert len(hashes) == 3  # head, palette, module; not the one in the content, not JSON, not src=
    assert inline_script_hashes("<html><body><script>var theme = 1</script></body></html>") <= hashes
    assert not inline_script_hashes("<article><script>window.injected = true</script></article>")


def test_content_is_never_hashed_whatever_the_case_of_its_tags_or_if_left_open():
    assert not inline_script_hashes("<ARTICLE class=x><script>window.injected = true</script></Article>")
    assert not inline_script_hashes("<article><p>unclosed<script>window.injected = true</script>")
    assert len(inline_script_hashes("<article>a</article><script>var after = 1</script>")) == 1


def test_the_policy_allows_no_inline_code_and_no_eval_and_no_other_origin():
    text = policy({"'sha256-abc'"})
    script_src = next(d for d in text.split("; ") if d.startswith("script-src"))
    assert script_src == "script-src 'self' 'sha256-abc'"
    assert "unsafe-eval" not in text and "unsafe-inline" not in script_src
    assert "default-src 'self'" in text and "object-src 'none'" in text and "http" not in text


def test_the_policy_is_the_first_thing_in_head_so_it_covers_every_script(tmp_path):
    (tmp_path / "index.html").write_text(mark_page(PAGE), encoding="utf-8")
    seal(tmp_path)
    sealed = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert PLACEHOLDER not in sealed
    head = sealed[sealed.index("<head>") + len("<head>") :]
    assert head.startswith('<meta http-equiv="Content-Security-Policy" content="default-src')
    assert head.index("Content-Security-Policy") < head.index("<script")


def test_sealing_a_folder_of_several_sites_gives_all_one_policy_again(tmp_path):
    (tmp_path / "fr").mkdir()
    (tmp_path / "index.html").write_text(mark_page(PAGE), encoding="utf-8")
    (tmp_path / "fr" / "index.html").write_text(
        mark_page(PAGE.replace("var theme = 1", "var theme = 'fr'")), encoding="utf-8"
    )
    seal(tmp_path / "fr")  # each site sealed alone after its build: two policies
    seal(tmp_path)  # then the published folder as a whole: one
    metas = {p.read_text(encoding="utf-8").split('content="')[1].split('"')[0] for p in tmp_path.rglob("*.html")}
    assert len(metas) == 1
    (policy_text,) = metas
    assert len(
        inline_script_hashes(PAGE) | inline_script_hashes(PAGE.replace("var theme = 1", "var theme = 'fr'"))
    ) == policy_text.count("sha256-")
    assert policy_text in (tmp_path / "_headers").read_text(encoding="utf-8")


def test_the_headers_file_adds_what_a_meta_element_cannot():
    text = headers_file({"'sha256-abc'"})
    assert text.startswith("/*\n")
    assert "frame-ancestors 'none'" in text and "X-Content-Type-Options: nosniff" in text
