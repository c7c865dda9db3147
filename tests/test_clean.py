"""clean: Document -> Article. Seeds (read at run time from ../shared/seeds) and text written here."""

from __future__ import annotations

import gzip
import hashlib
import json
import pickle
import re
from pathlib import Path

import pytest

from crosswire.clean import CleanContext, CleanOptions, build_context, clean, decode
from crosswire.clean.decode import UndecodableError
from crosswire.errors import ConfigError, DocumentError
from crosswire.records import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
_MARKER = re.compile(r"^(?:[-*•]|\d{1,2}[.)])\s+")


def doc(raw: bytes | str, media_type: str = "text/plain", origin: str = "test.txt",
        hints: tuple[tuple[str, str], ...] = ()) -> Document:
    data = raw.encode("utf-8") if isinstance(raw, str) else raw
    return Document(id=hashlib.sha256(data).hexdigest(), origin=origin, media_type=media_type, raw=data,
                    received_at="2024-12-01T00:00:00Z", hints=tuple(sorted(hints)))


def _gold() -> dict:
    if not SEEDS.exists():
        pytest.skip("shared seeds missing")
    return json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))


def _seed(name: str):
    raw = (SEEDS / name).read_bytes()
    return raw.decode("utf-8").splitlines(), clean(doc(raw, origin=name))


def _variants(line: str) -> set[str]:
    line = line.strip()
    return {line, _MARKER.sub("", line)}


# -- the five seeds, each alone (no batch context) -------------------------------------------------
def test_seed_boilerplate_out_content_in_each_once() -> None:
    gold = _gold()
    for name, g in gold["articles"].items():
        lines, article = _seed(name)
        out = set(g.get("boilerplate_lines", [])) | set(g.get("provenance_lines", []))
        later_copies = {n for pair in g.get("duplicated_paragraph_lines", []) for n in pair[1:]}
        later_copies |= set(g.get("repeated_title_lines", [])[1:])
        paragraphs = set(article.paragraphs)
        removed_numbers = {r.line for r in article.removed}
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            if n in out:
                assert not _variants(line) & paragraphs, f"{name}:{n} boilerplate kept: {line!r}"
                assert line.strip() not in article.text or len(line.strip()) < 12, f"{name}:{n} in text"
                assert n in removed_numbers, f"{name}:{n} not recorded as removed"
            elif n in later_copies:
                assert n in removed_numbers, f"{name}:{n} repeated copy not removed"
            else:
                assert _variants(line) & paragraphs, f"{name}:{n} content lost: {line[:60]!r}"
                assert article.text.count(line.strip()) == 1, f"{name}:{n} not exactly once"


def test_seed_000_repeated_headline_and_paragraphs_kept_once() -> None:
    g = _gold()["articles"]["000_4f0b7b14097c659a.txt"]
    lines, article = _seed("000_4f0b7b14097c659a.txt")
    first, *copies = g["repeated_title_lines"]
    assert article.title == lines[first - 1].strip()
    assert article.text.count(lines[first - 1].strip()) == 1
    reasons = {r.line: r.reason for r in article.removed}
    assert all(reasons[n] == "repeated-title" for n in copies)
    for keep, *again in g["duplicated_paragraph_lines"]:
        assert article.text.count(lines[keep - 1].strip()) == 1
        assert all(reasons[n] == "repeated-paragraph" for n in again)
    assert article.published.value is None and article.published.evidence == "none"


def test_seed_003_metadata_lifted() -> None:
    g = _gold()["articles"]["003_8b17fbdd45292f22.txt"]
    _, article = _seed("003_8b17fbdd45292f22.txt")
    assert article.published.value is not None
    assert article.published.value.startswith(g["published"]["not_before"])
    assert article.published.precision == "datetime"
    assert article.published.evidence == "text:" + g["published_datetime_text"]
    assert article.byline == g["byline"]
    assert article.section == g["section"]
    assert article.title is not None and article.title in article.text


def test_seed_002_original_source_and_chrome() -> None:
    g = _gold()["articles"]["002_b2369b4b84a7bf49.txt"]
    _, article = _seed("002_b2369b4b84a7bf49.txt")
    assert article.original_source == g["original_source"]
    reasons = {r.line: r.reason for r in article.removed}
    assert all(reasons[n] == "metadata:original_source" for n in g["provenance_lines"])
    assert all(reasons[n] == "chrome" for n in g["boilerplate_lines"])


def test_seed_001_caption_kept_menu_removed() -> None:
    g = _gold()["articles"]["001_e40010e4dce9fb33.txt"]
    lines, article = _seed("001_e40010e4dce9fb33.txt")
    assert lines[10].strip() in article.paragraphs  # the photo caption (gold note) is content
    reasons = {r.line: r.reason for r in article.removed}
    assert {reasons[n] for n in g["boilerplate_lines"]} <= {"separator", "menu"}
    assert article.language == "en" and article.outlet is None


def test_seeds_article_identity_and_determinism() -> None:
    _gold()
    raw = (SEEDS / "003_8b17fbdd45292f22.txt").read_bytes()
    d = doc(raw)
    a, b = clean(d), clean(d)
    assert a == b and a.id == d.id[:16] and a.document_id == d.id


def test_seed_batch_context_changes_nothing_for_bare_files() -> None:
    _gold()
    docs = [doc((SEEDS / n).read_bytes(), origin=n) for n in sorted(_gold()["articles"])]
    context = build_context(docs)
    assert [clean(d, context=context) for d in docs] == [clean(d) for d in docs]


# -- generalisation: text written here ----------------------------------------------------------------
PAGE = """Skip to content
- Home
- World
- Business
- Opinion
- Climate
Flooding kills 14 in coastal province as rivers burst banks
By Jane Doe
Updated 10:42 GMT, 3 March 2023
At least 14 people died and dozens are missing after two rivers burst their banks overnight, officials said.
Rescue teams reached the worst-hit villages by boat on Friday morning.
A resident carries a child through floodwater in the provincial capital.
At least 14 people died and dozens are missing after two rivers burst their banks overnight, officials said.
Share this article
Subscribe to our newsletter
© 2023 Example Media. All rights reserved.
"""


def test_generalisation_menu_chrome_byline_timestamp() -> None:
    article = clean(doc(PAGE))
    assert article.title == "Flooding kills 14 in coastal province as rivers burst banks"
    assert article.byline == "Jane Doe"
    assert article.published.value == "2023-03-03T10:42:00"
    assert article.published.precision == "datetime"
    assert article.published.evidence == "text:Updated 10:42 GMT, 3 March 2023"
    assert article.paragraphs == (
        "Flooding kills 14 in coastal province as rivers burst banks",
        "At least 14 people died and dozens are missing after two rivers burst their banks overnight, "
        "officials said.",
        "Rescue teams reached the worst-hit villages by boat on Friday morning.",
        "A resident carries a child through floodwater in the provincial capital.",  # caption: content
    )
    reasons = {r.line: r.reason for r in article.removed}
    assert reasons[1] in ("chrome", "menu") and {reasons[n] for n in range(2, 7)} <= {"menu", "chrome"}
    assert reasons[8] == "metadata:byline" and reasons[9] == "metadata:published"
    assert reasons[13] == "repeated-paragraph"
    assert {reasons[14], reasons[15], reasons[16]} == {"chrome"}


@pytest.mark.parametrize(("line", "value", "precision"), [
    ("Published: 2023-03-03", "2023-03-03", "day"),
    ("Posted on March 3, 2023 at 4:15 pm", "2023-03-03T16:15:00", "datetime"),
    ("Friday 3 March 2023", "2023-03-03", "day"),
    ("2023-03-03T08:05:00Z", "2023-03-03T08:05:00", "datetime"),
])
def test_generalisation_timestamp_forms(line: str, value: str, precision: str) -> None:
    text = f"Quake strikes mountain region overnight\n{line}\nThe earthquake destroyed hundreds of homes, " \
           "the civil protection agency said on Friday.\n"
    article = clean(doc(text))
    assert (article.published.value, article.published.precision) == (value, precision)
    assert article.published.evidence == f"text:{line}"
    assert line not in article.text


def test_generalisation_name_line_and_section_next_to_stamp() -> None:
    text = ("Protesters clash with police in capital\n- In World News\n- 11:20 AM, Mar 5, 2023\n- Amal Haddad\n"
            "Police fired tear gas at thousands of protesters who gathered outside parliament on Sunday.\n")
    article = clean(doc(text))
    assert article.section == "World News" and article.byline == "Amal Haddad"
    assert article.published.value == "2023-03-05T11:20:00"
    assert len(article.paragraphs) == 2


def test_generalisation_other_menus_and_non_latin_items() -> None:
    text = ("Two miners rescued after five days underground, company says.\n"
            "The men were brought to the surface late on Tuesday and taken to hospital.\n"
            "---\nSport\nCulture\nالعربية\n中文\nPodcasts\nLog in\n")
    article = clean(doc(text))
    assert article.paragraphs == ("Two miners rescued after five days underground, company says.",
                                  "The men were brought to the surface late on Tuesday and taken to hospital.")
    assert {r.reason for r in article.removed} <= {"separator", "menu", "chrome"}


def test_generalisation_credit_line_without_www() -> None:
    text = ("Ferry capsizes off the coast with 40 aboard, coastguard says.\n"
            "Source: https://www.Example-News.co.uk/world/ferry\n")
    article = clean(doc(text))
    assert article.original_source == "example-news.co.uk"
    assert article.paragraphs == ("Ferry capsizes off the coast with 40 aboard, coastguard says.",)


def test_generalisation_short_real_sentences_kept() -> None:
    text = "Three people were hurt.\nThe fire is out.\nPolice said an investigation had begun.\n"
    assert clean(doc(text)).paragraphs == tuple(text.splitlines())


def test_generalisation_foot_of_article_and_combined_stamp() -> None:
    text = ("Hospital struck in overnight shelling\n"
            "5:45 AM PST 11/19/2019 by Maria Lopez\n"
            "Two patients were killed when shells hit the hospital's east wing, the health ministry said.\n"
            "Related: Aid convoy reaches besieged city after weeks of talks\n"
            "Doctors moved the wounded to a basement ward. (Reporting by Maria Lopez; Editing by Tom Hale)\n"
            "Follow our live coverage on Twitter and sign up for the morning newsletter.\n"
            "Reach the author at maria.lopez@example.com\n")
    article = clean(doc(text))
    assert article.byline == "Maria Lopez" and article.published.value == "2019-11-19T05:45:00"
    assert article.paragraphs == (
        "Hospital struck in overnight shelling",
        "Two patients were killed when shells hit the hospital's east wing, the health ministry said.",
        "Doctors moved the wounded to a basement ward.",
    )
    reasons = {(r.line, r.reason) for r in article.removed}
    assert {(4, "link"), (5, "credit"), (6, "chrome")} <= reasons
    assert (7, "contact") in reasons or (7, "chrome") in reasons


def test_generalisation_photo_credits_widgets_and_trailing_link_labels() -> None:
    text = ("Lighthouse keeper rescues kayakers in rising gale\n"
            "Enlarge this image toggle caption Priya Marsh/Harbour Press Priya Marsh/Harbour Press\n"
            "Two kayakers were pulled from the water near the north pier on Sunday, the harbour master said.\n"
            "Tomas Vell/Coastal Wire\n"
            "Facebook Twitter Pinterest The old lighthouse stands above the harbour wall at dusk.\n"
            "Slideshow (4 Images)\n"
            "Gales are expected to ease by Tuesday, forecasters said, though the ferry stays in port.\n"
            "Winter storms hit the islands early this year Read more\n"
            "The lifeboat crew said both kayakers were wearing buoyancy aids.\n")
    article = clean(doc(text))
    assert article.paragraphs == (
        "Lighthouse keeper rescues kayakers in rising gale",
        "Two kayakers were pulled from the water near the north pier on Sunday, the harbour master said.",
        "The old lighthouse stands above the harbour wall at dusk.",  # the caption stays, its share buttons go
        "Gales are expected to ease by Tuesday, forecasters said, though the ferry stays in port.",
        "The lifeboat crew said both kayakers were wearing buoyancy aids.",
    )
    reasons = {(r.line, r.reason) for r in article.removed}
    assert {(2, "credit"), (4, "credit"), (5, "chrome"), (6, "chrome"), (8, "link")} <= reasons


def test_generalisation_subheading_and_embedded_post_are_content() -> None:
    text = ("Orchard app update lets growers track frost\n"
            "The new version adds alerts for frost and a map of weather stations near each orchard.\n"
            "Share photos\n"
            "Growers can now share photos of frost damage with their insurer straight from the map.\n"
            "Frost came early to the valley this year, growers said.\n"
            "First frost on the blossom already! pic.example.net/aBc123 — Valley Growers (@valleygrowers) "
            "April 2, 2024\n")
    article = clean(doc(text))
    assert "Share photos" in article.paragraphs  # a subheading the next paragraph takes up, not a widget
    assert article.paragraphs[-1].startswith("First frost on the blossom already!")  # a quoted post, not chrome


def test_generalisation_short_calls_to_action_anywhere_and_labelled_stamp() -> None:
    text = ("Get the Weekend Gardener newsletter. SUBSCRIBE\n"
            "Coastal Wire | Updated: 2022-06-14 08:30\n"
            "Ines Okafor, example-gazette.net\n"
            "A rare orchid has flowered in the botanical garden for the first time in 40 years, staff said.\n"
            "Scroll down for video\n"
            "Visitors queued for an hour on Monday to see the bloom, which lasts only a few days.\n"
            "The garden said it would open late on Tuesday.\n"
            "We pay for photos too. Click here to send yours.\n"  # "click here" only at the foot
            "ab/cd (Coastal Wire, Harbour Press)\n")
    article = clean(doc(text))
    assert article.paragraphs == (
        "A rare orchid has flowered in the botanical garden for the first time in 40 years, staff said.",
        "Visitors queued for an hour on Monday to see the bloom, which lasts only a few days.",
        "The garden said it would open late on Tuesday.",
    )
    assert article.published.value == "2022-06-14T08:30:00" and article.byline == "Ines Okafor"
    reasons = {(r.line, r.reason) for r in article.removed}
    assert {(1, "chrome"), (2, "metadata:published"), (3, "metadata:byline"), (5, "chrome"), (8, "chrome"),
            (9, "credit")} <= reasons


def test_a_sign_up_box_s_replies_are_chrome() -> None:
    text = ("A rare orchid has flowered in the botanical garden for the first time in 40 years, staff said.\n"
            "Thank you for subscribing!\n"
            "Could not subscribe, try again later\n"
            "Invalid Email\n"
            "Visitors queued for an hour on Monday to see the bloom, which lasts only a few days.\n"
            "Something went wrong, the gardener admitted, but the plant survived the winter.\n")
    article = clean(doc(text))
    assert article.paragraphs == (
        "A rare orchid has flowered in the botanical garden for the first time in 40 years, staff said.",
        "Visitors queued for an hour on Monday to see the bloom, which lasts only a few days.",
        "Something went wrong, the gardener admitted, but the plant survived the winter.",
    )


def test_an_agency_s_archive_photo_caption_is_a_credit() -> None:
    text = ("FILE - In this Sept. 30, 2016, file photo, a singer poses for photographers in Paris. (AP Photo/Jo Roe)\n"
            "A cousin of the singer was shot dead on Tuesday in Barbados, police said.\n"
            "Police said they were searching for a suspect.\n")
    article = clean(doc(text))
    assert article.paragraphs == ("A cousin of the singer was shot dead on Tuesday in Barbados, police said.",
                                  "Police said they were searching for a suspect.")
    assert (1, "credit") in {(r.line, r.reason) for r in article.removed}


def test_generalisation_foot_source_label_write_to_and_zone_stamp() -> None:
    text = ("Dam repairs finish a month early\n"
            "June 2, 2021 - 16:05 WAT\n"
            "Workers finished repairs on the old dam a month early, the water board said on Wednesday.\n"
            "You may also like...\n"
            "The reservoir will be refilled over the summer.\n"
            "Write to Ama Owusu at ama.owusu@example-wire.org\n"
            "Source: Wire agencies\n")
    article = clean(doc(text))
    assert article.published.value == "2021-06-02T16:05:00"
    assert article.paragraphs == (
        "Dam repairs finish a month early",
        "Workers finished repairs on the old dam a month early, the water board said on Wednesday.",
        "The reservoir will be refilled over the summer.",
    )
    reasons = {(r.line, r.reason) for r in article.removed}
    assert {(2, "metadata:published"), (4, "link"), (6, "chrome"), (7, "credit")} <= reasons


def test_bracketed_lines_are_not_hosts() -> None:
    # "[W..." parses as a malformed IPv6 host in urlsplit: a line shaped like a credit or a byline with
    # brackets in it must be judged, not crash the cleaner
    text = ("Jane Doe, [W]example.com\nSource: [W] Wire\n"
            "The bridge reopened on Friday after two weeks of repairs, the council said.\n")
    article = clean(doc(text, origin="bracket.txt", hints=(("url", "[W]x"),)))
    assert article.paragraphs[-1] == "The bridge reopened on Friday after two weeks of repairs, the council said."


def test_quoted_call_to_action_and_posted_links_in_the_body_are_content() -> None:
    text = ("Police urge residents to stay indoors as floods rise\n"
            "“Follow us on Twitter for updates,” the police said.\n"
            "Stay off the river road tonight pic.example.com/Qx7Lm2\n"
            "Water reached the first floor of homes near the river on Thursday, the fire service said.\n"
            "Click here for the list of open shelters in the district.\n"
            "Shelters opened in three schools on Thursday evening.\n")
    paragraphs = clean(doc(text)).paragraphs
    assert "“Follow us on Twitter for updates,” the police said." in paragraphs
    assert "Stay off the river road tonight pic.example.com/Qx7Lm2" in paragraphs  # a link in a quoted post
    assert "Click here for the list of open shelters in the district." in paragraphs  # mid-body: kept


def test_one_line_article() -> None:
    article = clean(doc("Authorities confirmed two deaths after the bridge collapsed on Monday.\n"))
    assert article.paragraphs == ("Authorities confirmed two deaths after the bridge collapsed on Monday.",)
    assert article.text == article.paragraphs[0]


def test_empty_after_cleaning_raises_document_error() -> None:
    d = doc("Loading...\n***\n- Home\n- News\n- Sport\n- Weather\nFollow us on Twitter\nComments\n")
    with pytest.raises(DocumentError) as info:
        clean(d)
    assert info.value.stage == "clean" and info.value.document_id == d.id and info.value.origin == d.origin
    with pytest.raises(DocumentError):
        clean(doc("   \n\n  \n"))


# -- decoding -------------------------------------------------------------------------------------
def test_decode_utf8_bom_latin1_and_refusal() -> None:
    assert decode("Zürich".encode("utf-8-sig")) == "Zürich"
    latin = ("Les secours sont arrivés à Genève après l'éboulement qui a fait trois blessés, "
             "selon la police cantonale.").encode("cp1252")
    assert decode(latin).startswith("Les secours sont arrivés à Genève")
    with pytest.raises(UndecodableError):
        decode(bytes(range(256)) * 4)
    with pytest.raises(DocumentError):
        clean(doc(b"\x00\x01\x02\x03\xff\xfe\x00binary" * 50))


def test_decode_mostly_utf8_with_stray_legacy_bytes() -> None:
    # A UTF-8 page with one cp1252 apostrophe: the UTF-8 stays UTF-8, the stray byte is read as cp1252.
    raw = "Les blessés ont été conduits à l'hôpital de Genève. It".encode() + b"\x92s over."
    assert decode(raw) == "Les blessés ont été conduits à l'hôpital de Genève. It’s over."
    # Bytes of another script around stray ones are kept as well, none dropped.
    assert decode("Tōkyō 東京 report ".encode() + b"\xff") == "Tōkyō 東京 report ÿ"
    # A legacy page with no UTF-8 in it still goes to detection.
    assert decode("Trois blessés à Genève, dit la police.".encode("cp1252")) == "Trois blessés à Genève, dit la police."


def test_decode_gzip_members_truncation_and_bomb() -> None:
    assert decode(gzip.compress(b"First part. ") + gzip.compress(b"Second part.")) == "First part. Second part."
    with pytest.raises(UndecodableError, match="truncated gzip"):
        decode(gzip.compress(b"word " * 1000)[:25])
    with pytest.raises(UndecodableError, match="decompression bomb"):
        decode(gzip.compress(b" " * 50_000_000))


# -- other media types ------------------------------------------------------------------------------
HTML = """<html><head><title>Storm hits coast | Daily Example</title>
<meta property="og:site_name" content="Daily Example"></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Storm hits coast, killing three</h1>
<p>A powerful storm swept across the northern coast on Saturday, killing three people and cutting power
to tens of thousands of homes, emergency services said.</p>
<p>Winds of up to 150 kilometres an hour uprooted trees and tore roofs from houses in several towns,
and the regional government declared a state of emergency late in the evening.</p>
<p>Forecasters expect the storm to weaken as it moves inland on Sunday, but warned of flooding in low-lying
areas along the rivers that drain the coastal hills.</p>
<p>Follow us on Twitter and Facebook for updates.</p>
</article><footer>Copyright 2024 Daily Example</footer></body></html>"""


def test_html_path() -> None:
    article = clean(doc(HTML, "text/html", "page.html", (("url", "https://www.daily-example.com/a/storm"),)))
    assert article.outlet == "daily-example.com" and article.url == "https://www.daily-example.com/a/storm"
    assert any(p.startswith("A powerful storm swept") for p in article.paragraphs)
    assert "Follow us on Twitter" not in article.text and "Home" not in article.paragraphs
    assert article.title and "Storm" in article.title


def test_html_headline_copy_at_the_top_of_the_body_is_the_title() -> None:
    page = ("<html><head><title>Tram derails in city centre | Example Post</title>"
            "<meta property='og:title' content='Tram derails in city centre'></head><body><article>"
            "<h1>Tram derails in city centre</h1>"
            "<p>A tram left the rails on the main square early on Saturday, injuring four passengers, the "
            "transport authority said.</p><p>Engineers were checking the points on Sunday and services resumed "
            "in the afternoon, the operator said on its website.</p></article></body></html>")
    article = clean(doc(page, "text/html", "tram.html"))
    assert article.title == "Tram derails in city centre"
    assert article.paragraphs[0].startswith("A tram left the rails")
    assert ("Tram derails in city centre", "repeated-title") in {(r.text, r.reason) for r in article.removed}
    only = clean(doc("<html><head><title>Tram derails</title></head><body><h1>Tram derails</h1></body></html>",
                     "text/html", "only.html"))
    assert "Tram derails" in only.text  # a body that is only its headline keeps it


def test_html_nested_deeper_than_the_parser_goes_still_yields_its_text() -> None:
    depth = 5000  # libxml2 stops at 256 levels; the text between the tags is still read
    page = ("<html><head><script>var menu = '<p>not text</p>';</script></head><body>" + "<div>" * depth
            + "<p>The ferry resumed service on Thursday after repairs to its hull, the operator said.</p>"
            + "<p>Passengers were offered refunds for the cancelled crossings &amp; a voucher.</p>"
            + "</div>" * depth + "</body></html>")
    article = clean(doc(page, "text/html", "deep.html"))
    assert article.paragraphs == (
        "The ferry resumed service on Thursday after repairs to its hull, the operator said.",
        "Passengers were offered refunds for the cancelled crossings & a voucher.",
    )


def test_html_without_body_text_raises() -> None:
    with pytest.raises(DocumentError):
        clean(doc("<html><body><script>var x = 1;</script></body></html>", "text/html", "empty.html"))


def test_newsplease_record() -> None:
    record = {"title": "Bus crash kills 12", "maintext": "Subscribe to our newsletter\nA bus plunged into a "
              "ravine on Monday, killing 12 passengers, police said.\nRescuers worked through the night.",
              "date_publish": "2023-05-08 14:30:00", "source_domain": "www.example-times.com",
              "url": "https://www.example-times.com/bus", "authors": ["Ana Lima"]}
    article = clean(doc(json.dumps(record), "application/x-newsplease+json", "rec.json"))
    assert article.title == "Bus crash kills 12" and article.outlet == "example-times.com"
    assert article.published.value == "2023-05-08T14:30:00"
    assert article.published.evidence == "metadata:date_publish"
    assert article.byline == "Ana Lima"
    assert article.paragraphs[0].startswith("A bus plunged") and len(article.paragraphs) == 2


def test_basil_body_paragraphs() -> None:
    record = {"title": "Vote count continues", "body-paragraphs": [["Officials kept counting ballots on "
              "Wednesday in the closely watched race."], ["Results are expected by Friday."]]}
    article = clean(doc(json.dumps(record), "application/x-newsplease+json", "basil.json"))
    assert article.paragraphs == ("Officials kept counting ballots on Wednesday in the closely watched race.",
                                  "Results are expected by Friday.")


def test_feed_entry() -> None:
    entry = {"title": "Wildfire forces evacuations", "link": "https://news.example.org/fire",
             "published": "2023-08-01T06:00:00Z", "author": "Sam Roe",
             "content": "<p>Thousands of residents were ordered to leave their homes as a wildfire spread "
                        "towards the town on Tuesday.</p><p>No injuries have been reported.</p>"}
    article = clean(doc(json.dumps(entry), "application/x-feed-entry+json", "feed.xml#entry-1"))
    assert article.title == "Wildfire forces evacuations" and article.byline == "Sam Roe"
    assert article.published.value == "2023-08-01T06:00:00+00:00"
    assert article.outlet == "news.example.org"
    assert "wildfire spread towards the town" in article.text


# -- batch context ------------------------------------------------------------------------------
def test_context_removes_lines_recurring_across_one_site() -> None:
    docs = []
    for i, event in enumerate(["a fire destroyed a warehouse", "a storm damaged the pier",
                               "a crash closed the motorway", "a flood cut the rail line"]):
        body = (f"Regional desk\nOfficials said {event} on day {i}, and crews were still at the scene.\n"
                "Our journalism depends on readers like you.\n")
        docs.append(doc(body, origin=f"r{i}.txt", hints=(("url", f"https://www.site.example/{i}"),)))
    context = build_context(docs)
    assert isinstance(context, CleanContext)
    cleaned = clean(docs[0], context=context)
    assert cleaned.paragraphs == ("Officials said a fire destroyed a warehouse on day 0, and crews were still "
                                  "at the scene.",)
    assert "recurring" in {r.reason for r in cleaned.removed}
    assert "Our journalism depends on readers like you." in clean(docs[0]).paragraphs
    again = pickle.loads(pickle.dumps(context))  # the context travels to worker processes
    assert again == context and clean(docs[1], context=again) == clean(docs[1], context=context)
    assert build_context(docs[:2]) == CleanContext()  # too few documents of the site to tell


def test_options_are_validated() -> None:
    with pytest.raises(ConfigError):
        CleanOptions(html_favor="speed")
    with pytest.raises(ConfigError):
        CleanOptions(min_menu_run=1)
    with pytest.raises(ConfigError):
        CleanOptions(recurring_min_share=0)
    with pytest.raises(TypeError):
        CleanOptions("balanced")  # type: ignore[misc]


def test_scrub_takes_out_what_xml_refuses() -> None:
    from crosswire.clean.decode import scrub

    assert scrub("a\x1fb\x00c\tD\r\nE") == "abc\tD\r\nE"
    assert scrub("page one\x0cpage two") == "page one\npage two"  # a line break stays a line break
    assert scrub("x\ud800y\ufffez") == "x\ufffdyz"
    assert scrub("plain text") == "plain text"


def test_generalisation_site_banner_above_the_menu_is_not_the_title() -> None:
    page = "\n".join([
        "The Harbour Courier - Your Town, Your News",
        "Trending: Storm | Sport | Weather | Opinion",
        "Menu",
        "Ferry capsizes off Port Alder, nine missing",
        "Nine people were missing after a ferry capsized off Port Alder on Sunday, the coastguard said.",
        "Divers searched the wreck through the night.",
    ])
    article = clean(doc(page))
    assert article.title == "Ferry capsizes off Port Alder, nine missing"
    assert "The Harbour Courier - Your Town, Your News" not in article.text
    assert "Nine people were missing" in article.text


def test_generalisation_one_line_menus_breadcrumbs_and_agency_bylines() -> None:
    page = "\n".join([
        "NORTHLIGHT GAZETTE",
        "Home | World | Money | Sport | Culture",
        "You are here: News > Region",
        "Bridge collapse in Varnby leaves three dead",
        "Petra Lund, Baltic Wire",
        "Published Monday 3 March 2025 10:15",
        "Three people died when a road bridge collapsed in Varnby on Monday morning, police said.",
        "The table below lists the closed roads.",
        "Route 4 | North | Closed",
        "Route 9 | East | Open",
        "Engineers will inspect the other bridges on the river this week, the council said.",
        "Home | Contact | Privacy | Terms",
    ])
    article = clean(doc(page))
    assert article.title == "Bridge collapse in Varnby leaves three dead"
    assert article.byline == "Petra Lund"
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Home | World | Money | Sport | Culture"] == "menu"
    assert reasons["You are here: News > Region"] == "menu"
    assert reasons["Home | Contact | Privacy | Terms"] == "menu"
    assert "NORTHLIGHT GAZETTE" not in article.text
    assert "Route 4 | North | Closed" in article.text  # a table row in the body is content


def test_teaser_strips_and_gallery_captions_are_removed() -> None:
    """A "MOST READ" strip of kicker headlines run into one paragraph, and a gallery's captions after their
    credit and slide count, are links and credits: their "five killed" and "22 workers" are no claims."""
    text = (
        "Tram derails in city\n\n"
        "Seven people were killed when a tram derailed on Wednesday, police said.\n\n"
        "MOST READ IN NEWS 'DAD WAS A PAEDO' Actor's son makes a claim about his father ERUPTION ALERT Volcano "
        "erupts leaving flights in chaos JOYRIDE CARNAGE Faces of five killed after stolen car smashes into tree\n\n"
        "Getty Images 22 Rail workers at the site work to fix the track Getty Images 22 Tributes left for a victim "
        "near the tram stop\n\n"
        "Investigators said the tram was going too fast on the bend."
    )
    article = clean(doc(text))
    assert "JOYRIDE" not in article.text and "Rail workers" not in article.text
    assert "Seven people were killed" in article.text and "going too fast" in article.text
    reasons = {r.reason for r in article.removed if "JOYRIDE" in r.text or "Rail workers" in r.text}
    assert reasons == {"link", "credit"}


def test_html_recall_run_is_skipped_when_the_page_holds_too_little_text_for_it_to_win(monkeypatch) -> None:
    from crosswire.clean import html as html_mod

    calls: list[bool] = []
    real = html_mod._run

    def counted(*args, **kwargs):
        calls.append(kwargs["recall"])
        return real(*args, **kwargs)

    monkeypatch.setattr(html_mod, "_run", counted)
    got = html_mod.extract_html(HTML, None)
    assert got is not None and any(p.startswith("A powerful storm swept") for p in got.paragraphs)
    assert calls == [False]  # the body is most of the page: recall mode could not keep twice as much
    calls.clear()
    menu = "".join(f"<li><a href='/s/{i}'>Section number {i} of the site with its own long menu label</a></li>"
                   for i in range(60))
    html_mod.extract_html(HTML.replace("<body>", f"<body><aside><ul>{menu}</ul></aside>"), None)
    assert calls == [False, True]  # a page of menus: recall mode might keep enough more to win


def test_html_skipping_the_recall_run_never_changes_the_extraction_of_real_pages() -> None:
    """The page's visible text bounds what recall mode keeps, so skipping it gives what running both gives."""
    from crosswire.clean import html as html_mod
    from crosswire.clean.decode import scrub

    pages = sorted((SHARED / "data" / "article-extraction" / "html").glob("*.html.gz"))[:40]
    assert pages
    skipped = 0
    for page in pages:
        markup = scrub(gzip.decompress(page.read_bytes()).decode("utf-8", "replace"))
        narrow = html_mod._text(html_mod._run(markup, None, precision=True, recall=False, tables=True))
        wide = html_mod._text(html_mod._run(markup, None, precision=False, recall=True, tables=True))
        tree = html_mod._load(markup)
        assert tree is not None, page.name
        bound = html_mod.visible_length(tree)
        assert len(wide) <= bound * html_mod.VISIBLE_MARGIN, page.name
        expected = wide if len(wide) * 0.5 > len(narrow) else narrow
        got = html_mod.extract_html(markup, None)
        assert got is not None and got.paragraphs == html_mod._lines(expected), page.name
        skipped += bound * html_mod.VISIBLE_MARGIN * 0.5 <= len(narrow)
    assert skipped >= 5  # the shortcut is taken on real pages, not only on made-up ones


def test_a_headline_glued_to_the_first_paragraph_is_cut_off() -> None:
    """A body kept as one paragraph that opens with its headline, no stop between them."""
    record = {"title": "Explosion reported outside consulate in northern city",
              "maintext": "Explosion reported outside consulate in northern city The blast was followed by gunfire, "
                          "according to witnesses, and police sealed off the area around the building."}
    article = clean(doc(json.dumps(record), "application/x-newsplease+json", "rec.json"))
    assert not any("city The blast" in p for p in article.paragraphs), article.paragraphs
    assert any(p.startswith("The blast was followed by gunfire") for p in article.paragraphs)
    assert ("Explosion reported outside consulate in northern city", "repeated-title") in {
        (r.text, r.reason) for r in article.removed}
    record["maintext"] = "Explosion reported outside consulate in northern city as police seal off the area at night."
    article = clean(doc(json.dumps(record), "application/x-newsplease+json", "rec2.json"))
    assert any(p.startswith("Explosion reported outside consulate in northern city as police")
               for p in article.paragraphs)  # the headline's words going on in lower case are a sentence


@pytest.mark.parametrize(("sentence", "furniture"), [
    ("Could not subscribe, try again later Invalid Email At least seven passengers died.", True),
    ("Robert Huxley Click to share on WhatsApp (Opens in new window) The tram overturned.", True),
    ("Photos: Mass shooting in the city Debris is scattered on the road.", True),
    ("File - In this Thursday, Dec. 28, 2017 file photo, the activist appears in court.", True),
    ("Image copyright Reuters Image caption Rescuers searched the river.", True),
    ("In this May 18, 2017 file photo, the actress poses for photographers.", True),
    ("The gorilla is pictured in this undated handout photo.", True),
    ("Read her other columns here.", True),
    ("He took a photo of the crash from the bridge.", False),
    ("A ferry capsized on the river on Tuesday, killing 12 passengers.", False),
    ("Police watch the crowd from the roof of the FBI building.", False),
    ("KUNDUZ, Afghanistan (AP) — A suicide bomber struck the consulate.", False),
])
def test_page_furniture_inside_a_sentence(sentence: str, furniture: bool) -> None:
    from crosswire.clean.chrome import inline_media

    assert inline_media(sentence) is furniture


# -- fast paths: each cheap pre-test must let through every line its detector can accept --------------------
def test_detector_fast_paths_keep_the_cases_on_their_edges() -> None:
    from crosswire.clean import chrome, metadata
    from crosswire.clean.text import _copyright, _line, _title_prefix

    strip = ("'DAD WAS A PAEDO' Actor's son makes a claim about his father ERUPTION ALERT Volcano erupts "
             "JOYRIDE CARNAGE Faces of five killed after stolen car smashes into tree")
    assert chrome.teaser_strip("a" * 39 + " " + strip)  # the first kicker (its quote) starts at 40
    assert chrome.teaser_strip("a" * 39 + " " + strip[1:].replace("'", "", 1))  # no quote: its capitals at 40-41
    assert not chrome.teaser_strip("a" * 40 + " " + strip)
    gallery = "Shutterstock 22 Rail workers fix the track Getty Images 3 Tributes left near the stop"
    assert chrome.gallery_captions("a" * 59 + " " + gallery)  # the first credit starts at 60
    assert chrome.gallery_captions("a" * 40 + " EPA 4 Crowds gather " + gallery)  # EPA holds PA
    assert not chrome.gallery_captions("a" * 60 + " " + gallery)
    assert chrome.trailing_label("Rain returns to the northern valleys Read more")
    assert chrome.trailing_label("Rain returns to the northern valleys Read more: ")
    assert chrome.trailing_label("Rain returns to the northern valleys Read more…")
    assert not chrome.trailing_label("Rain returns to the northern valleys, officials said.")
    assert metadata.parse_stamp_and_byline("5:45 AM PST 11/19/2019 BY Jane Doe") is not None
    assert metadata.parse_labelled_stamp("Wire Agency | Updated: 2024-03-05 10:12") is not None
    assert metadata.parse_labelled_stamp("Updated: 2024-03-05 10:12") is None
    assert _copyright(_line(0, None, "copyright 2024 Example Media. All rights reserved."))
    assert _copyright(_line(0, None, "(c) Example Media"))
    body = "EXPLOSION OUTSIDE CONSULATE The blast was heard across the city, witnesses said on Sunday evening."
    assert _title_prefix(body, "Explosion outside consulate") == len("EXPLOSION OUTSIDE CONSULATE")
    assert _title_prefix("“Élan vital returns” The festival opened on Friday with a parade through the old town.",
                         "ÉLAN VITAL RETURNS") is not None  # not ASCII: left to the full pattern
    assert _title_prefix("The blast was heard across the city, witnesses said on Sunday evening.",
                         "Explosion outside consulate") is None
    title = "Explosion outside consulate kills two"
    tail = " The blast was heard across the city, witnesses said on Sunday evening."
    assert _title_prefix("Explosion -- outside: consulate KILLS two" + tail, title) == len(title) + 4
    assert _title_prefix(title.replace("k", "\u212a") + tail, title) == len(title)  # the Kelvin sign is a k
    assert _title_prefix("Explosion outside consulate kill two" + tail, title) is None
    assert _title_prefix("Explosion outside consulates kills two" + tail, title) is None
    # a Greek iota matches the combining ypogegrammeni, a non-word character: such a title goes to the pattern
    assert _title_prefix("\u0345a bb cc" + tail, "ιa bb cc") == len("\u0345a bb cc")
    glued = "TRUMP’S TRADE WAR WIDENS"
    assert _title_prefix(glued + tail, "Trump’s trade war widens") == len(glued)


def test_address_and_call_to_action_pre_tests_keep_every_case_and_spelling() -> None:
    from crosswire.clean import chrome

    assert chrome.call_to_action("Follow us on Lin\u212aedIn", anywhere=True)  # the Kelvin sign lowers to k
    assert chrome.call_to_action("FOLLOW US ON INSTAGRAM", anywhere=True)
    assert not chrome.call_to_action("Follow the river north to the bridge.", anywhere=True)
    assert chrome.address_line("Email: JANE@EXAMPLE.COM") and chrome.address_line("WWW.EXAMPLE.ORG/news")
    assert chrome.address_line("Listen: HTTPS://x.example/y") and chrome.address_line("example.NEWS")
    assert chrome.call_to_action("Listen: HTTPS://x.example/y")  # at the foot, an imperative with a link
    assert chrome.call_to_action("Read more at Example.Co.UK")
    assert not chrome.address_line("The river rose 2.5 metres overnight.")
    assert chrome.address_line("a_b@x.co.uk @AP twitter.com/AP")  # every token holds ".", "@" or "/"
    assert chrome.address_line("Email:jane@example.com") and chrome.address_line("mailto:jane@x.org")
    assert not chrome.address_line("jane@example.com or call")  # one plain word is enough to keep the line


def test_word_and_language_fast_forms_agree_with_the_plain_patterns() -> None:
    from crosswire.clean import _EN_STOP, _language, chrome
    from crosswire.clean.text import _WORD_RE, find_words

    samples = ["The U.S. team's 3-2 win, its first in 2024.", "DON'T MISS: Editor's Picks_2 o'clock",
               "O’Brien said it was “fine” in İstanbul.",
               "snake_case and x--y and ...dots... and 'quoted'", "\u212aelvin and ſong", ""]
    for text in samples:
        assert find_words(text) == _WORD_RE.findall(text)
        assert chrome.words(text) == [w.lower() for w in chrome._WORD_RE.findall(text)]

    def slow(paragraphs: list[str]) -> str | None:
        words = re.findall(r"[a-z]+", " ".join(paragraphs).lower())
        if len(words) < 5:
            return None
        return "en" if sum(w in _EN_STOP for w in words) / len(words) >= 0.12 else None

    for paragraphs in (["İstanbul İzmir the Bursa Konya Adana Ankara"],  # İ lowers to i + a dot: 1 in 9 words
                       ["\u212aaffee \u212aakao Tee the Milch Zucker Wasser Saft Bier"],  # the Kelvin sign lowers to k
                       ["Le chat est sur la table, et le chien dort près de la porte."],
                       ["The council said the bridge would reopen on Monday."], ["a b"]):
        assert _language(paragraphs) == slow(paragraphs)


def test_html_metadata_are_trafilaturas_and_one_parse_serves_both_runs() -> None:
    """page_metadata gives the fields bare_extraction's own metadata gives, and a run handed the parsed tree
    extracts what a run handed the markup does (trafilatura copies the tree and leaves it as it was)."""
    import trafilatura
    from lxml import etree

    from crosswire.clean import html as html_mod
    from crosswire.clean.decode import scrub

    pages = sorted((SHARED / "data" / "article-extraction" / "html").glob("*.html.gz"))[:12]
    if not pages:
        pytest.skip("shared HTML pages missing")
    for n, page in enumerate(pages):
        markup = scrub(gzip.decompress(page.read_bytes()).decode("utf-8", "replace"))
        url = "https://www.example.com/news/a" if n % 2 else None
        whole = trafilatura.bare_extraction(markup, url=url, with_metadata=True, include_comments=False,
                                            favor_precision=True)
        tree = html_mod._load(markup)
        before = etree.tostring(tree)
        ours = html_mod._run(tree, url, precision=True, recall=False, tables=True)
        assert etree.tostring(tree) == before, page.name
        for key in html_mod._META_FIELDS:
            assert getattr(ours, key) == getattr(whole, key), (page.name, key)
        assert ours.text == whole.text, page.name


def test_context_keeps_short_keys_of_long_lines_and_reads_json_as_json_loads() -> None:
    """The pre-test that skips long lines in build_context judges the key, not the line: white space collapses
    and a list marker goes. A record left starting with a byte-order mark fails as json.loads has it."""
    spaced = "Subscribe" + " " * 300 + "to\tour newsletter"
    marked = "10) " + "x" * 120  # its key is exactly the longest a recurring line may be
    docs = [doc(f"{spaced}\n{marked}\nOfficials said event {i} happened on day {i} in the old town.\n",
                origin=f"r{i}.txt", hints=(("url", f"https://www.site.example/{i}"),)) for i in range(3)]
    recurring = build_context(docs).lines_for("site.example")
    assert "subscribe to our newsletter" in recurring and "x" * 120 in recurring
    assert not any("officials" in line for line in recurring)
    bom = doc("\ufeff\ufeff" + json.dumps({"maintext": "Text."}), "application/x-newsplease+json", "b.json")
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads("\ufeff" + json.dumps({"maintext": "Text."}), strict=False)
    with pytest.raises(DocumentError, match=re.escape(str(expected.value))):
        clean(bom)


def test_foot_pre_tests_keep_clicks_addresses_credits_and_headlines() -> None:
    from crosswire.clean import chrome
    from crosswire.clean.text import headline_like

    assert chrome.call_to_action("CLICK HERE for the full schedule.")  # no account named, no address
    assert chrome.call_to_action("Tap here to see the gallery")
    assert chrome.call_to_action("Write to jane@example.com")  # an address and an imperative
    assert chrome.call_to_action("Email us to share your story")
    assert not chrome.call_to_action("Click the link below")
    assert chrome.split_credit("The river rose. (Reporting by Ann Lee; Editing by Tom Roe)") == (
        "The river rose.", "(Reporting by Ann Lee; Editing by Tom Roe)")
    assert chrome.split_credit("Prices fell sharply. Reporting by Ann Lee") == ("Prices fell sharply.",
                                                                              "Reporting by Ann Lee")
    assert chrome.split_credit("Prices fell sharply on Monday.") is None
    assert headline_like("10 Things You Did Not Know") and headline_like("“Quoted Headline Here Now”")
    assert not headline_like("Ends with a stop.") and not headline_like("Two Words")


# -- publication dates in a page's first lines (labels glued to the text, datelines, several stamps) ---------------
def test_a_labelled_date_glued_to_the_first_line_is_read_and_cut_off() -> None:
    """A label and a date run into the first line of text: the stamp is the publication date and is cut off, the
    text after it stays the first paragraph (and a headline after it is the title)."""
    text = ("Landslide buries hillside hamlet\n"
            " date 2021-03-14 A landslide buried six houses in the hamlet of Orvel overnight, the district office "
            "said.\nRescue teams dug through the mud until dawn.\n")
    article = clean(doc(text))
    assert (article.published.value, article.published.evidence) == ("2021-03-14", "text:date 2021-03-14")
    assert article.paragraphs[1].startswith("A landslide buried six houses")
    assert "2021-03-14" not in article.text
    assert ("date 2021-03-14", "metadata:published") in {(r.text, r.reason) for r in article.removed}
    headline = clean(doc("Date: 2021-03-14 Landslide buries hillside hamlet\n"
                         "A landslide buried six houses in the hamlet of Orvel overnight, the district office said.\n"))
    assert headline.published.value == "2021-03-14" and headline.title == "Landslide buries hillside hamlet"


@pytest.mark.parametrize(("line", "value"), [
    ("Published: 05 Mar 2022 09:40 PM BdST Updated: 05 Mar 2022 11:02 PM BdST", "2022-03-05T21:40:00"),
    ("Published : Tuesday, 15 March, 2022 at 12:00 AM  Count : 118", "2022-03-15T00:00:00"),
    ("April 2, 2020 at 8:15 pm | Published in: Europe, News, Weather", "2020-04-02T20:15:00"),
    ("and last updated 2022-03-05 18:10:00-05", "2022-03-05T18:10:00"),
    ("sport Updated: Mar 5, 2022 19:01 IST", "2022-03-05T19:01:00"),
    ("Last Updated: 5 March 2022 10:15 GMT+6", "2022-03-05T10:15:00"),
    ("Published: 05.03.2022", "2022-03-05"),  # dots: the day comes first
])
def test_stamp_lines_with_two_labels_counters_sections_and_zones(line: str, value: str) -> None:
    text = (f"Ferry fire forces evacuation\n{line}\nAll 212 passengers left the burning ferry in lifeboats on "
            "Saturday, the coastguard said.\n")
    article = clean(doc(text))
    assert article.published.value == value
    assert line.strip() not in article.text
    assert article.paragraphs[-1].startswith("All 212 passengers")


def test_a_date_leading_the_first_paragraph_like_a_dateline_is_the_publication_date() -> None:
    for opening in ("March 9, 2021 - ", "9 March 2021 — ", "March 9, 2021"):
        text = (f"Miners trapped after flooding\n{opening}Eleven miners were trapped when water flooded a shaft near "
                "Kesra on Monday, the operator said.\n")
        article = clean(doc(text))
        assert article.published.value == "2021-03-09", opening
        assert article.paragraphs[1].startswith("Eleven miners were trapped"), opening


def test_a_date_in_running_prose_is_no_stamp() -> None:
    text = ("Miners trapped after flooding\n"
            "Eleven miners were trapped when water flooded a shaft near Kesra on Monday, the operator said.\n"
            "March 9, 2021 - the day the pumps failed - was the worst day in the mine's history, he said.\n"
            "On March 9, 2021 - a Tuesday - the inspectors came back.\n")
    article = clean(doc(text))
    assert article.published.value is None
    assert any(p.startswith("March 9, 2021 - the day") for p in article.paragraphs)
    assert any(p.startswith("On March 9, 2021") for p in article.paragraphs)


def test_an_agency_glued_to_its_stamp_is_read_and_named_the_byline() -> None:
    for stamp in ("WIREApril 3, 2022", "WIREUpdated April 3, 2022"):
        text = (f"Storm cuts power to coastal towns\n{stamp}\nA storm cut power to 40,000 homes along the coast on "
                "Sunday, the grid operator said.\n")
        article = clean(doc(text))
        assert article.published.value == "2022-04-03" and article.byline == "WIRE", stamp
        assert stamp not in article.text


def test_a_date_line_never_fails_a_document() -> None:
    """A long s (U+017F) matches "s" in a case-insensitive pattern; the month table must not fail on it."""
    from crosswire.clean.metadata import parse_timestamp_line

    assert parse_timestamp_line("\u017feptember 3, 2024") is not None
    article = clean(doc("Bridge reopens\n\u017feptember 3, 2024\nThe bridge reopened to traffic on Tuesday after "
                        "repairs, the council said.\n"))
    assert article.paragraphs[-1].startswith("The bridge reopened")


def test_the_publication_stamp_is_preferred_over_an_update_and_a_page_header_date() -> None:
    """A date alone at the top of the page (the day it was served) loses to the stamp by the byline; a published
    stamp wins over an updated one wherever they stand."""
    text = ("close\nMonday March 04, 2024\nTrain derails near Osterby\nBy Ines Okafor\nJune 2, 2021\n"
            "A freight train derailed near Osterby on Wednesday, blocking the line for hours, the rail operator "
            "said.\n")
    assert clean(doc(text)).published.value == "2021-06-02"
    text = ("Train derails near Osterby\nUpdated: June 3, 2021\nPosted on June 2, 2021\n"
            "A freight train derailed near Osterby on Wednesday, blocking the line for hours, the rail operator "
            "said.\n")
    assert clean(doc(text)).published.value == "2021-06-02"


# -- chrome: captions closed by a credit, lists of other stories, titles taken from chrome ---------------------------
@pytest.mark.parametrize("caption", [
    "A rescuer carries a boy from the collapsed school in Tarvo on Monday. Photograph: Ann Lee/Example Agency",
    "Firefighters spray water on the warehouse. Officials say 40 people were hurt. (Ann Lee/Example Wire)",
    "Volunteers search the rubble in Tarvo on March 2, 2022. (Photo: Example Wire)",
    "A survivor is treated in a field hospital in Tarvo. Pics/EXW",
    "tarvo-quake-photo A woman holds her injured son outside the hospital in Tarvo | Example Wire",
    "Soldiers clear a road in Tarvo after the quake on March 2, 2022. [Staff photographer - Example Agency]",
])
def test_a_caption_closed_by_its_credit_is_no_body_text(caption: str) -> None:
    text = ("Quake shakes Tarvo\n"
            f"{caption}\n"
            "A magnitude 6.1 earthquake struck near Tarvo on Monday, killing at least 12 people, officials said.\n"
            "Rescue teams worked through the night.\n")
    article = clean(doc(text))
    assert caption not in article.text
    assert ("credit" in {r.reason for r in article.removed if r.text == caption})
    assert article.paragraphs[1].startswith("A magnitude 6.1 earthquake")


def test_a_sentence_ending_in_a_slash_pair_or_a_citation_is_not_a_caption() -> None:
    text = ("Rail link reopens\nThe trains now run twice a day between the two cities (Osterby/Kesra)\n"
            "The operator said the line was repaired in nine days.\n")
    assert "(Osterby/Kesra)" in clean(doc(text)).text
    cited = "“Be just, for justice is the nearer way.” [Book of Sayings 8]"
    text = f"Rail link reopens\n{cited}\nThe operator said the line was repaired in nine days.\n"
    assert cited in clean(doc(text)).text


def test_lists_of_other_stories_are_removed_with_their_figures() -> None:
    """Teaser lists carry figures of other events ("Four killed in ...", "70 hurt as ..."): under a list heading
    or under a rule at the foot of the page they are links, not the report's sentences."""
    body = ("Ferry capsizes off Port Alder, nine missing\n"
            "Nine people were missing after a ferry capsized off Port Alder on Sunday, the coastguard said.\n"
            "Divers searched the wreck through the night, and the search will resume at first light.\n")
    latest = clean(doc(body + "The Latest\n"
                       "A choir from the valley won the national contest for the third year in a row.\n"
                       "Bakers in the old town say flour prices have doubled since the spring.\n"))
    assert "choir" not in latest.text and "flour" not in latest.text
    popular = clean(doc(body + "Popular in Sport\n-\nFour killed in stadium crush in Velmar\n-\n"
                        "70 hurt as grandstand gives way in Osterby\n"))
    assert "Four killed" not in popular.text and "70 hurt" not in popular.text
    ruled = clean(doc(body + "-\nFour killed as bus overturns in Kesra\nA bus carrying workers overturned on a "
                      "mountain road near Kesra on Friday World News -\n70 hurt as train derails in Velmar\n"
                      "The train was heading to the capital when it left the tracks Europe -\n"))
    assert "Four killed" not in ruled.text and "70 hurt" not in ruled.text and "grandstand" not in ruled.text
    for article in (latest, popular, ruled):
        assert "Divers searched the wreck" in article.text


def test_a_list_heading_keeps_the_report_that_goes_on_after_it() -> None:
    text = ("Ferry capsizes off Port Alder, nine missing\n"
            "Nine people were missing after a ferry capsized off Port Alder on Sunday, the coastguard said.\n"
            "Also Read\nFour killed in stadium crush in Velmar\nSeventy hurt as grandstand gives way in Osterby\n"
            "Divers searched the ferry's wreck off Port Alder through the night, the coastguard said.\n"
            "READ MORE\n"
            "The ferry had been inspected in May, and the coastguard said the port's ferries would be checked.\n")
    article = clean(doc(text))
    assert "Four killed" not in article.text and "Seventy hurt" not in article.text
    assert "Divers searched the ferry's wreck" in article.text and "inspected in May" in article.text


def test_titles_are_not_taken_from_page_chrome() -> None:
    skip = clean(doc("Skip to main content\nDam bursts above Velmar\nA dam burst above Velmar on Sunday, flooding "
                     "the lower town, the mayor said.\n"))
    assert skip.title == "Dam bursts above Velmar" and "Skip to main content" not in skip.text
    banner = clean(doc("The Valley HeraldNews Without Fear\nDam bursts above Velmar, flooding the lower town\n"
                       "A dam burst above Velmar on Sunday, flooding the lower town and forcing 300 people from "
                       "their homes, the mayor said.\n"))
    assert banner.title == "Dam bursts above Velmar, flooding the lower town"
    assert "HeraldNews" not in banner.text
    quoted = clean(doc('A dam burst above Velmar on Sunday, flooding the lower town, the mayor said.\n'
                       'The mayor called it "the worst night this town has known."\n'))
    assert quoted.title is None


def test_a_site_s_notices_about_itself_are_chrome() -> None:
    text = ("This story is over 5 years old.\nDam bursts above Velmar\nA dam burst above Velmar on Sunday, flooding "
            "the lower town, the mayor said.\nThis website uses cookies.\n")
    article = clean(doc(text))
    assert "years old" not in article.text and "cookies" not in article.text


def test_a_line_inviting_the_reader_to_watch_the_outlet_is_chrome_not_the_title() -> None:
    """"Watch Meridian News" over the headline, the dateline crediting the same outlet: the call is page
    furniture, the headline below it the title."""
    raw = ("Watch Meridian News\n\nFlood Toll Rises To 40 As Rescuers Search Valley\n\n"
           "HARLOW (Meridian News) -- Rescuers searched the flooded valley on Wednesday as the death toll rose "
           "to 40, officials said.\n\nMore rain is expected on Thursday, forecasters said.")
    article = clean(doc(raw))
    assert article.title == "Flood Toll Rises To 40 As Rescuers Search Valley"
    assert ("Watch Meridian News", "chrome") in [(r.text, r.reason) for r in article.removed]
