"""Named people, organisations and places; the gazetteer; alias merging."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from crosswire.extract import gazetteer
from crosswire.extract.entities import entities, merge_aliases
from crosswire.extract.sentences import sentences
from crosswire.records import Article, Entity, Published

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"


def article(text: str, article_id: str = "a", published: str | None = None) -> Article:
    paragraphs = tuple(p.strip() for p in text.splitlines() if p.strip())
    return Article(id=article_id, document_id=article_id, origin="test", paragraphs=paragraphs,
                   published=Published(published, "day" if published else "unknown", "user"))


def run(text: str) -> tuple[Entity, ...]:
    a = article(text)
    found = entities(a, sentences(a.text))
    for e in found:
        assert a.text[e.span[0] : e.span[1]] == e.name or e.name.startswith(a.text[e.span[0] : e.span[1]])
    return found


def by_canonical(found: tuple[Entity, ...], kind: str) -> dict[str, list[Entity]]:
    out: dict[str, list[Entity]] = {}
    for e in found:
        if e.kind == kind:
            out.setdefault(e.canonical, []).append(e)
    return out


def test_gazetteer_resolves_places_with_context() -> None:
    aleppo = gazetteer.resolve_place("Aleppo")
    assert aleppo is not None and aleppo.country == "Syria" and aleppo.precision == "city"
    assert aleppo.lat == pytest.approx(36.2, abs=0.1) and aleppo.lon == pytest.approx(37.16, abs=0.1)
    assert gazetteer.resolve_place("Idleb").name == "Idlib"  # alternate spelling
    assert gazetteer.resolve_place("Syria").precision == "country"
    assert gazetteer.resolve_place("Damascus").country_code == "SY"  # the most populous reading
    maryland = gazetteer.resolve_place("Damascus", ["US"])  # the article is about the US
    assert maryland.country_code == "US" and maryland.admin1 == "Maryland"
    assert gazetteer.resolve_place("Texas").precision == "region"
    assert gazetteer.resolve_place("Nowhereville") is None
    assert gazetteer.admin1_name("US", "CA") == "California"
    assert gazetteer.country_of("Syrian") == "SY" and gazetteer.country_of("Turkish") == "TR"
    assert gazetteer.country_of("Aleppo") == "SY"
    assert gazetteer.resolve_place("Paris", ["US"]).admin1 == "Texas"  # the article is about the US
    assert gazetteer.resolve_place("Paris", ["GB", "US"]).country_code == "FR"  # a world city beats a namesake


def test_place_qualified_by_state_and_common_words_are_not_towns() -> None:
    found = run("Police said the storm hit Paris, Texas on Monday. Police in Britain said no one was hurt.")
    assert [(e.name, e.place.country_code) for e in found if e.kind == "place"] == [
        ("Paris", "US"), ("Texas", "US"), ("Britain", "GB")]
    found = run("Protesters marched in London and Paris on Saturday, police in Britain said.")
    assert {e.name: e.place.country_code for e in found if e.kind == "place"} == {
        "London": "GB", "Paris": "FR", "Britain": "GB"}


def test_people_roles_and_titles() -> None:
    found = run(
        "Lt. Col. Hassan Abdulghany, the military commander of the operations room, said the attack was "
        "necessary. Charles Lister, a US-based analyst, said rebels were close. Brig Gen Kioumars Pourhashemi "
        "was killed. Mayor Karen Bass said the city would recover."
    )
    people = by_canonical(found, "person")
    assert set(people) == {"Hassan Abdulghany", "Charles Lister", "Kioumars Pourhashemi", "Karen Bass"}
    assert people["Hassan Abdulghany"][0].role.startswith("Lt. Col.")
    assert "military commander" in people["Hassan Abdulghany"][0].role
    assert "analyst" in people["Charles Lister"][0].role
    assert people["Kioumars Pourhashemi"][0].role.startswith("Brig Gen")
    assert people["Karen Bass"][0].role == "Mayor"


def test_organisations_acronyms_and_prefix_forms_merge() -> None:
    found = run(
        "The militant group Hayat Tahrir al-Sham (HTS) seized the town. HTS fighters advanced, according to the "
        "Syrian Observatory for Human Rights. Hayat Tahrir's leaders spoke to the United Nations."
    )
    orgs = by_canonical(found, "organization")
    assert {e.name for e in orgs["Hayat Tahrir al-Sham"]} == {"Hayat Tahrir al-Sham", "HTS", "Hayat Tahrir"}
    assert "Syrian Observatory for Human Rights" in orgs
    assert "United Nations" in orgs


def test_us_shooting_story() -> None:
    found = run(
        "A gunman opened fire at a bar in Denver, Colorado late Tuesday. Police Chief Ron Thomas said the "
        "suspect was arrested by the Denver Police Department. Governor Jared Polis called it a tragedy. "
        "Thomas said three people died."
    )
    places = by_canonical(found, "place")
    assert places["Denver"][0].place.country_code == "US"
    assert places["Denver"][0].place.admin1 == "Colorado"
    assert places["Colorado"][0].place.precision == "region"
    people = by_canonical(found, "person")
    assert "Ron Thomas" in people and "Jared Polis" in people
    assert {e.name for e in people["Ron Thomas"]} == {"Ron Thomas", "Thomas"}
    assert "Denver Police Department" in by_canonical(found, "organization")


def test_ambiguous_place_follows_the_article_country() -> None:
    found = run("Protesters gathered in Damascus, Maryland, where police in the United States made arrests.")
    damascus = by_canonical(found, "place")["Damascus"][0].place
    assert damascus.country_code == "US"


def test_demonyms_and_generic_capitals_are_not_entities() -> None:
    found = run(
        "Syrian and Iranian forces clashed on Wednesday in December. The Islamist fighters said Reports were false."
    )
    assert found == ()


def test_merge_aliases_across_articles() -> None:
    def e(kind: str, name: str, article_id: str = "x") -> Entity:
        return Entity(article_id, kind, name, name, (0, len(name)))

    mapping = merge_aliases(
        [e("organization", "Hayat Tahrir al-Sham"), e("organization", "HTS", "y"), e("organization", "Hayat Tahrir"),
         e("person", "Bashar al-Assad"), e("person", "Assad", "y"), e("organization", "Al Qaeda"),
         e("organization", "Al-Qaeda", "y"), e("organization", "Al-Qaeda"), e("organization", "United Nations"),
         e("organization", "UN", "y"), e("person", "John Smith"), e("person", "Jane Smith"), e("person", "Smith")]
    )
    assert mapping["HTS"] == "Hayat Tahrir al-Sham"
    known = merge_aliases([e("organization", n) for n in ("Islamic State", "ISIL", "ISIS", "ISIS", "Daesh")])
    assert set(known) == {"Islamic State", "ISIL", "Daesh"} and set(known.values()) == {"ISIS"}
    assert mapping["Hayat Tahrir"] == "Hayat Tahrir al-Sham"
    assert mapping["Assad"] == "Bashar al-Assad"
    assert mapping["Al Qaeda"] == "Al-Qaeda"
    assert mapping["UN"] == "United Nations"
    assert "Smith" not in mapping  # two people share the surname


def _normal(name: str) -> str:
    return re.sub(r"[\s\-]+", " ", name).casefold()


def test_seed_entities_recall() -> None:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds missing")
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    found: list[Entity] = []
    for path in sorted(SEEDS.glob("*.txt")):
        published = gold["articles"][path.name]["published"]["not_before"]
        a = article(path.read_text(encoding="utf-8"), path.name[:3], published)
        found.extend(entities(a, sentences(a.text)))
    story = merge_aliases(found)
    canon = {(e.kind, story.get(e.canonical, e.canonical)) for e in found}
    names = {kind: {_normal(c) for k, c in canon if k == kind} | {_normal(e.name) for e in found if e.kind == kind}
             for kind in ("person", "organization", "place")}
    recall = {}
    for kind, key in (("place", "places"), ("organization", "organizations"), ("person", "people")):
        wanted = gold["entities"][key]
        hit = [w for w in wanted if _normal(w) in names[kind]]
        recall[kind] = len(hit) / len(wanted)
        print(f"{kind}: recall {recall[kind]:.2f} ({len(hit)}/{len(wanted)}); missed {sorted(set(wanted) - set(hit))}")
    assert recall["place"] >= 0.8
    assert recall["organization"] >= 0.8
    assert recall["person"] >= 0.85

    places = {e.canonical: e.place for e in found if e.kind == "place"}
    for name in ("Aleppo", "Idlib", "Damascus"):
        assert places[name].country == "Syria" and places[name].lat is not None
    assert places["Syria"].precision == "country"
    orgs = {story.get(e.canonical, e.canonical) for e in found if e.kind == "organization"}
    assert "Hayat Tahrir al-Sham" in orgs and "Syrian Observatory for Human Rights" in orgs
    aliases = {e.name for e in found if story.get(e.canonical, e.canonical) == "Hayat Tahrir al-Sham"}
    assert {"HTS", "Hayat Tahrir", "Hayat Tahrir al-Sham"} <= aliases
    roles = {e.canonical: e.role or "" for e in found if e.kind == "person" and e.role}
    assert re.match(r"Brig(adier)? Gen", roles["Kioumars Pourhashemi"])
    assert {"Charles Lister", "Geir Pedersen", "Hassan Abdulghany"} <= {
        story.get(e.canonical, e.canonical) for e in found if e.kind == "person"}
    assert {story.get(e.canonical, e.canonical) for e in found if e.name == "Assad"} == {"Bashar al-Assad"}
    for group in gold["entities"]["same_entity_groups"]:
        present = [n for n in group if any(_normal(e.name) == _normal(n) for e in found)]
        merged = {story.get(e.canonical, e.canonical) for e in found if _normal(e.name) in map(_normal, present)}
        print("group", group, "->", sorted(merged))


def test_admin1_outside_us() -> None:
    from crosswire.extract.gazetteer import resolve_place

    aleppo = resolve_place("Aleppo")
    assert aleppo is not None and aleppo.admin1 is not None and "Aleppo" in aleppo.admin1
    lyon = resolve_place("Lyon", ("FR",))
    assert lyon is not None and lyon.admin1 is not None and "Rh" in lyon.admin1
    dallas = resolve_place("Dallas", ("US",))
    assert dallas is not None and dallas.admin1 == "Texas"


def test_seats_of_government_exonyms_and_common_nouns() -> None:
    """"The White House said" is a government; "Cologne" is Köln even in an American story; "Police" at the start
    of a sentence is not Police, Poland; news's "Washington" and "New York" are the cities, not the states."""
    found = run("The White House said on Monday that police in Cologne had arrested a man. Police in Cologne are "
                "investigating. Officials in Washington and New York were told.")
    kinds = {(e.kind, e.name) for e in found}
    assert ("organization", "White House") in kinds
    assert not any(e.kind == "place" and e.name in ("White House", "Police") for e in found)
    places = {e.name: e.place for e in found if e.kind == "place" and e.place is not None}
    assert places["Cologne"].country_code == "DE" and places["Cologne"].precision == "city"
    assert places["Washington"].admin1 == "District of Columbia" and places["Washington"].precision == "city"
    assert places["New York"].name == "New York City"
    assert gazetteer.resolve_place("Florida", ["US"]).precision == "region"  # type: ignore[union-attr]
    assert gazetteer.resolve_place("White House", ["US"]) is None  # Casablanca in translation: never here


def test_an_acronym_is_not_given_to_a_name_that_lost_its_first_words() -> None:
    from crosswire.extract.entities import entities_in

    text = "The Democratic People's Republic of Korea (DPRK) fired a missile. The DPRK said it was a test."
    assert {e.canonical for e in entities_in("a", text, sentences(text)) if e.name == "DPRK"} == {"DPRK"}
    text = "The Syrian Observatory for Human Rights (SOHR) said 12 died. SOHR said more."
    assert {e.canonical for e in entities_in("a", text, sentences(text)) if e.name == "SOHR"} == {
        "Syrian Observatory for Human Rights"}


def test_a_town_the_text_places_in_a_country_is_not_its_namesake_elsewhere() -> None:
    from crosswire import records as r
    from crosswire.extract import extract

    paras = ["Hostages freed", "The hostages were freed on Thursday in the northeastern Nigerian town of Banki.",
             "A bomb exploded in the Syrian city of Aleppo on Friday."]
    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=tuple(paras), title=paras[0], outlet="x",
                  published=r.Published("2016-10-14", "day", "t"))
    places = {e.name: e.place for e in extract(a).entities if e.kind == "place"}
    assert places["Banki"] is not None and places["Banki"].country_code != "IN"  # the gazetteer's Banki is in India
    assert places["Aleppo"] is not None and places["Aleppo"].country_code == "SY"


def test_a_small_town_only_in_a_country_the_article_never_names_is_not_that_town() -> None:
    """"the coastal region of Mati, east of Athens", in a report about Greece: the gazetteer's only Mati is a town
    of the Philippines, which the article never names."""
    from crosswire import records as r
    from crosswire.extract import extract

    paras = ["Greek wildfires", "The fire spread to the coastal region of Mati, east of Athens, Greece, on Monday."]
    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=tuple(paras), title=paras[0], outlet="x",
                  published=r.Published("2018-07-24", "day", "t"))
    places = {e.name: e.place for e in extract(a).entities if e.kind == "place"}
    assert places["Mati"] is not None and places["Mati"].country_code != "PH"
    assert places["Athens"] is not None and places["Athens"].country_code == "GR"


def test_a_place_a_strike_falls_on_is_a_place() -> None:
    """"a Russian missile strike on Dnipro": with Russia named and Dnipro's country not, the town was taken for a
    capitalised word (as "Police" or "Tank" would be); what a strike falls on is a place."""
    from crosswire import records as r
    from crosswire.extract import extract

    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=(
        "Twenty-three people were killed by a Russian missile strike on Dnipro.",), title=None, outlet="x",
        published=r.Published("2023-01-15", "day", "t"))
    places = {e.name: e.place for e in extract(a).entities if e.kind == "place"}
    assert places.get("Dnipro") is not None and places["Dnipro"].country_code == "UA"


def test_capital_runs_are_found_as_one_pattern_finds_them() -> None:
    """``cap_runs`` (capitals found first, lower-case prefixes found by their hyphen) is ``_CAP_RUN.finditer``,
    also where a prefixed word starts a run, sits inside one, or follows a word character."""
    from crosswire.extract import chunks

    texts = ["Bashar al-Assad met pro-Assad forces and al-Qaeda in Idlib.", "xal-Assad _al-Assad 1al-Assad é-Assad",
             "al-Assad Foo bin Laden; the Mum-of-two Jane Doe", "al-\u00a0Assad al-Assad\u00a0of\u00a0Syria",
             "aTrump Trump's U.S. Army's 'Big' ‘Small’ A-B a-b-C", "", "al-", "-A", "a-A", "US-backed SDF"]
    for text in texts:
        assert chunks.cap_runs(text) == [(m.start(), m.group()) for m in chunks._CAP_RUN.finditer(text)], text


def test_chunks_end_where_runs_end() -> None:
    """Chunks are read run by run (and memoised per run): a name never continues into the next run, whatever
    separates them, and a run's chunks are placed at its offset."""
    from crosswire.extract.chunks import runs

    def raw_chunks(text: str) -> list[tuple[int, int, list[str], bool]]:  # the chunks stripped_chunks strips
        return [(base + c.start, base + c.end, list(c.words), c.adjectival) for base, c in runs(text)]

    text = "Talks in Abu Dhabi.  Rami Abdel Rahman\tJohn Smith's aide met Sen. Jane Doe, and Doe-backed HTS."
    found = raw_chunks(text)
    assert found == [(0, 5, ["Talks"], False), (9, 18, ["Abu", "Dhabi"], False),
                     (21, 38, ["Rami", "Abdel", "Rahman"], False), (39, 49, ["John", "Smith"], False),
                     (61, 74, ["Sen.", "Jane", "Doe"], False), (80, 83, ["Doe"], True), (91, 94, ["HTS"], False)]
    assert [(start, words) for start, _, words, _ in raw_chunks("x " + text)][1] == (11, ["Abu", "Dhabi"])


def test_lower_words_read_lazily_agree_with_the_set() -> None:
    """``LowerWords`` answers as ``lower_case_words``: a word counts only where the pattern matches all of it
    (not inside a longer word, a hashtag, a handle or a web address)."""
    from crosswire.extract.chunks import LowerWords, lower_case_words

    text = ("Police said the police-led raid on #croydon and @bbc (see tfl.gov.uk) found policemen; "
            "Reform's reform, x-ray, e-mail ‘trump’ don’t re-")
    words = lower_case_words(text)
    lazy = LowerWords(text)
    for w in {*words, "police", "polic", "croydon", "bbc", "tfl", "gov", "uk", "policemen", "reform", "trump",
              "don", "don’t", "re", "re-", "x", "ray", "mail", "e", "Police", ""}:
        assert (w in lazy) == (w in words), w
    assert lazy.isdisjoint(["croydon", "bbc", "police"]) and not lazy.isdisjoint(["bbc", "police-led"])


def test_sentence_initial_common_word_is_stripped_only_at_a_sentence_start() -> None:
    """The stripped form of a chunk depends on its place (memoised per words and place): "Police" opens a
    sentence as a common word when the text writes "police"."""
    found = run("Police Chief Ron Thomas spoke. The police said Police Commissioner Jane Doe would visit Lagos.")
    assert [(e.kind, e.name, e.role) for e in found] == [
        ("person", "Ron Thomas", "Chief"), ("organization", "Police Commissioner Jane Doe", None),
        ("place", "Lagos", None)]


def test_context_after_a_name_is_read_when_any_of_its_patterns_can_match() -> None:
    """The patterns read after a name run only where their union matches: each cue still decides."""
    from crosswire.extract import entities as ent

    for rx in (ent._ORG_AFTER, ent._PLACE_AFTER, ent._PERSON_AFTER, ent._APPOSITIVE, ent._TRAILING_PLACE,
               ent._REGION_AFTER):
        assert rx.flags == ent._AFTER_CUES.flags  # same case rule: the union matches where any of them does
    found = run("Fighters of Jaish Tahrir fighters took Kafr Nabudah countryside. Kafr Zita airport was hit. "
                "Omar Haddad, a local official, said so. Maarat Numan and nearby villages were shelled.")
    assert [(e.kind, e.name, e.role) for e in found] == [
        ("organization", "Fighters of Jaish Tahrir", None), ("place", "Kafr Nabudah", None),
        ("place", "Kafr Zita airport", None), ("person", "Omar Haddad", "local official"),
        ("place", "Maarat Numan", None)]


def test_place_cues_before_a_name_are_read_where_the_text_ends_with_their_last_word() -> None:
    """The place patterns before a name run only where the text before it ends with one of their last words
    ("in", "central", "of", "near", a comma, "and"): every such ending still finds its cue."""
    def places(text: str) -> list[str]:
        return [e.name for e in run("Fighting in Syria spread on Monday. " + text) if e.kind == "place"]

    assert places("Gunmen attacked a checkpoint in central Banki before dawn.") == ["Syria", "Banki"]
    assert places("Gunmen attacked a checkpoint in Banki before dawn.") == ["Syria", "Banki"]
    assert places("The gunmen said Banki was quiet after the attack.") == ["Syria"]  # no cue: a small town elsewhere
    assert places("Shelling was reported in the villages of Qaminas, Hass and Nayrab overnight.") == [
        "Syria", "Qaminas", "Hass", "Nayrab"]
    assert places("Shelling was reported in the villages of Qaminas,Hass and Nayrab overnight.") == [
        "Syria", "Qaminas", "Hass", "Nayrab"]
    assert places("Shelling was reported in the villages near Qaminas overnight.") == ["Syria", "Qaminas"]


def test_a_state_named_republic_of_the_is_one_place() -> None:
    """"the Democratic Republic of the Congo" was split at "of the", so its last word resolved alone to the Republic
    of the Congo (Brazzaville), a different country; written "of Congo", it resolved to nothing. "Democratic" is no
    party label before "Republic". "the Netherlands" and "Bosnia" resolved to nothing either."""
    from crosswire import records as r
    from crosswire.extract import extract

    paras = ("Rebels killed 12 villagers in an attack in the Democratic Republic of the Congo on Monday, "
             "the army said in a statement.",
             "Aid convoys also reached the Republic of the Congo, and officials in the Democratic Republic of Congo "
             "said more help was needed.",
             "The interior minister later spoke to reporters in the Kingdom of the Netherlands about the aid.",
             "A donor conference will be held in the Netherlands and in Bosnia next month.")
    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=paras, title=None, outlet="x",
                  published=r.Published("2024-01-15", "day", "t"))
    found = extract(a)
    places = by_canonical(found.entities, "place")
    assert [e.name for e in places["Democratic Republic of the Congo"]] == [
        "Democratic Republic of the Congo", "Democratic Republic of Congo"]
    assert {e.place.country_code for e in places["Democratic Republic of the Congo"]} == {"CD"}
    assert places["Republic of the Congo"][0].place.country_code == "CG"
    assert [e.name for e in places["The Netherlands"]] == ["Kingdom of the Netherlands", "Netherlands"]
    assert places["Bosnia and Herzegovina"][0].place.country_code == "BA"  # (GeoNames has one name each)
    assert [c.place for c in found.claims if c.measure == "killed"] == ["Democratic Republic of the Congo"]


def test_news_agencies_rivers_and_counties_named_for_towns() -> None:
    """A news agency whose name is a town's ("shared by Xinhua") is an organisation; a river named after "the banks
    of the" is no town of the same name (the Guadalupe, not Guadalupe in Mexico); a county named for a town the
    gazetteer knows ("Nyeri County") is that town's region, not unresolved."""
    from crosswire import records as r
    from crosswire.extract import extract

    paras = ("The death toll from the earthquake rose to 53, according to images shared by Xinhua on Tuesday.",
             "Campers were swept away on the banks of the Guadalupe near the town of Hunt in Texas.",
             "A fire at a boarding school in Kieni, Nyeri County, in Kenya killed 16 pupils.")
    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=paras, title=None, outlet="x",
                  published=r.Published("2025-01-07", "day", "t"))
    found = {(e.name, e.kind): e for e in extract(a).entities}
    assert ("Xinhua", "organization") in found and ("Xinhua", "place") not in found
    river = found.get(("Guadalupe", "place"))
    assert river is None or river.place is None or river.place.country_code != "MX"
    county = found[("Nyeri County", "place")].place
    assert county is not None and county.country_code == "KE" and county.precision == "region"


def test_a_province_no_town_is_named_for_resolves_as_a_region_of_its_one_country() -> None:
    """"Hebei", "Helmand", "Kerala": first-level divisions the tables of towns and countries lack resolve as regions
    of the one country that has a division so named; a name two countries share (Punjab) only with context."""
    for name, cc in (("Hebei", "CN"), ("Helmand", "AF"), ("Kerala", "IN"), ("Lombardy", "IT")):
        place = gazetteer.resolve_place(name)
        assert place is not None and (place.country_code, place.precision) == (cc, "region"), name
    assert gazetteer.resolve_place("Punjab") is None
    assert gazetteer.resolve_place("Punjab", ["PK"]).country_code == "PK"


def test_a_province_s_own_name_beats_a_city_s_other_name() -> None:
    """"Henan" is a province (officially "Henan Sheng"), not Hengyang, a city in Hunan that GeoNames also calls
    Henan; the division's suffix is no part of the name news uses."""
    place = gazetteer.resolve_place("Henan")
    assert place is not None and (place.name, place.precision, place.admin1) == ("Henan", "region", "Henan Sheng")
    assert gazetteer.resolve_place("Zhengzhou").admin1 == "Henan Sheng"  # (its cities keep the official name)
    assert gazetteer.resolve_place("Hengyang").precision == "city"
    assert gazetteer.resolve_place("Munich").precision == "city"  # an exonym of a city that names no province



def test_a_town_named_with_its_state_is_the_town_of_that_state() -> None:
    """"Parkland, Florida" is not Parkland, Washington; "York, Maine" is no York of another state, though the
    gazetteer lacks it (a town without coordinates, in Maine)."""
    from crosswire.extract import gazetteer as g

    assert g.resolve_within("Parkland", g.resolve_place("Florida")).admin1 == "Florida"
    york = g.resolve_within("York", g.resolve_place("Maine"))
    assert (york.name, york.admin1, york.country_code, york.lat) == ("York", "Maine", "US", None)
    assert g.resolve_within("Texas", g.resolve_place("Florida")) is None  # a division is no town of another


def test_a_name_that_begins_with_an_article_keeps_it() -> None:
    """"El Paso", "El Salvador", "La Paz", "Al Qaeda": the article is part of the name ("Salvador" alone is a
    Brazilian city, "Paso" nothing)."""
    from crosswire.extract.chunks import stripped_chunks

    text = "A gunman killed 20 people in El Paso, and protesters marched in La Paz, officials in El Salvador said."
    names = [" ".join(c.words) for c in stripped_chunks(text, {0}, set())]
    assert {"El Paso", "La Paz", "El Salvador"} <= set(names), names
