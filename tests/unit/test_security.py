"""The Content-Security-Policy the build writes."""

import base64
import hashlib
import re
from pathlib import Path

import material
import pytest
from mentorkit.site.security import _HEAD, PLACEHOLDER, REFERRER, headers_file, inline_hashes, policy, seal

PARTIALS = Path(material.__file__).parent / "templates" / "partials" / "javascripts"


def mark_page(html: str) -> str:
    """The page as the theme writes it: the policy placeholder first in <head>, the referrer policy after it."""
    head = _HEAD.search(html)
    return html[: head.end()] + PLACEHOLDER + REFERRER + html[head.end() :]


def theme_script(partial: str, **filled) -> str:
    """The text of the inline script a Material partial writes, with its {{ ... }} filled in."""
    body = re.search(r"<script>(.*?)</script>", (PARTIALS / partial).read_text(encoding="utf-8"), re.S).group(1)
    return re.sub(r"\{\{.*?\}\}", lambda _: filled.get("path", ""), body)


SCOPE = theme_script("base.html", path="../..")
PALETTE = theme_script("palette.html")
INJECTED = "window.injected = true"


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


PAGE = f"""<!doctype html><html><head><meta charset="utf-8"><script>{SCOPE}</script>
<style data-mentorkit-theme>.md-copyright{{color:red}}</style></head>
<body><script>{PALETTE}</script>
<article class="md-content__inner"><h1>Title</h1><script>{INJECTED}</script></article>
<script id="__config" type="application/json">{{"a": 1}}</script>
<script src="bundle.js"></script><script type="module">import "./x.js"</script></body></html>"""


def test_only_scripts_the_themes_templates_write_get_a_hash():
    scripts, styles = inline_hashes(PAGE)
    assert scripts == {sha(SCOPE), sha(PALETTE)}  # not the content's, not JSON, not src=, not an unknown module
    assert styles == {sha(".md-copyright{color:red}")}


@pytest.mark.parametrize(
    "page",
    [
        f"<article>a</article><script>{INJECTED}</script>",
        f"<body><article><p>text</p></article><script>{INJECTED}</script><article></article></body>",
        f"<head><title></title><script>{INJECTED}</script> - Site</title></head>",  # a front-matter title
        f'<head><meta name="description" content=""><script>{INJECTED}</script>"></head>',  # a description
        f"<nav><a href='x'><span><script>{INJECTED}</script></span></a></nav>",  # a title in the navigation
        f"<SCRIPT>{INJECTED}</SCRIPT >",
        f"<script>{PALETTE};{INJECTED}</script>",  # a theme script with something added
        "<script>" + theme_script("base.html", path='",alert(1),"') + "</script>",  # a path that leaves its string
    ],
    ids=[
        "after the content",
        "between articles",
        "title",
        "description",
        "navigation",
        "upper case",
        "appended",
        "path",
    ],
)
def test_no_text_in_a_content_page_makes_the_policy_trust_a_script(page):
    assert inline_hashes(page)[0] == set()


def test_a_theme_script_is_trusted_wherever_it_stands_and_whatever_path_it_was_given():
    scope_at_root = theme_script("base.html", path="/fr/")
    scripts, _ = inline_hashes(f"<article></article><script>{PALETTE}</script><p><script>{scope_at_root}</script>")
    assert scripts == {sha(PALETTE), sha(scope_at_root)}  # the same text the theme runs anyway


def test_the_policy_allows_no_inline_code_or_style_and_no_eval_and_no_other_origin():
    text = policy({"'sha256-abc'"}, {"'sha256-def'"})
    directives = dict(d.split(" ", 1) for d in text.split("; "))
    assert directives["script-src"] == "'self' 'sha256-abc'"
    assert directives["style-src"] == "'self' 'sha256-def'"
    assert "unsafe" not in text
    assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'" and "http" not in text


def test_the_policy_is_the_first_thing_in_head_so_it_covers_every_script(tmp_path):
    (tmp_path / "index.html").write_text(mark_page(PAGE), encoding="utf-8")
    seal(tmp_path)
    sealed = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert PLACEHOLDER not in sealed
    head = sealed[sealed.index("<head>") + len("<head>") :]
    assert head.startswith('<meta http-equiv="Content-Security-Policy" content="default-src')
    assert head.index("Content-Security-Policy") < head.index(REFERRER) < head.index("<script")


def test_sealing_a_folder_of_several_sites_gives_all_one_policy_again(tmp_path):
    french = PAGE.replace(SCOPE, theme_script("base.html", path=".."))
    (tmp_path / "fr").mkdir()
    (tmp_path / "index.html").write_text(mark_page(PAGE), encoding="utf-8")
    (tmp_path / "fr" / "index.html").write_text(mark_page(french), encoding="utf-8")
    seal(tmp_path / "fr")  # each site sealed alone after its build: two policies
    seal(tmp_path)  # then the published folder as a whole: one
    metas = {p.read_text(encoding="utf-8").split('content="')[1].split('"')[0] for p in tmp_path.rglob("*.html")}
    assert len(metas) == 1
    (policy_text,) = metas
    assert policy_text.count("sha256-") == len(inline_hashes(PAGE)[0] | inline_hashes(french)[0]) + 1  # + the style
    assert policy_text in (tmp_path / "_headers").read_text(encoding="utf-8")
    assert all(p.read_text(encoding="utf-8").count(REFERRER) == 1 for p in tmp_path.rglob("*.html"))


def test_the_headers_file_adds_what_a_meta_element_cannot():
    text = headers_file({"'sha256-abc'"})
    assert text.startswith("/*\n")
    assert "frame-ancestors 'none'" in text and "X-Content-Type-Options: nosniff" in text
