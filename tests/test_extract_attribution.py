"""Who said it, and one name per originator."""

import pytest

from crosswire.extract.attribution import (
    appositives,
    attribution,
    framing_attribution,
    is_generic_source,
    link_descriptions,
    normalise_source,
    rival_sources,
)
from crosswire.records import Entity, Extraction


def test_patterns() -> None:
    assert attribution("At least 9 died, according to the Red Cross.") == ("Red Cross", "the Red Cross")
    assert attribution("The Health Ministry said 12 people were killed.") == ("Health Ministry", "The Health Ministry")
    assert attribution("Reports from a UK-based monitor indicate 40 deaths.")[0] == "UK-based monitor"
    assert attribution("Amnesty International, a rights group, said 5 were held.")[0] == "Amnesty International"
    assert attribution("Despite the claims of success, 3 died.") is None
    assert attribution("He said it was over.") is None
    assert framing_attribution("According to Reuters, the city fell.") == ("Reuters", "Reuters")
    assert framing_attribution("Reuters said the city fell.") is None


def test_a_day_after_a_speaker_s_name_is_no_part_of_it() -> None:
    assert normalise_source("Odisha Chief Secretary Pradeep Jena on Sunday") == "Pradeep Jena" or \
        normalise_source("Odisha Chief Secretary Pradeep Jena on Sunday").endswith("Pradeep Jena")
    assert normalise_source("Mr. Obama on Thursday") == "Obama" or "Thursday" not in normalise_source(
        "Mr. Obama on Thursday")


def test_normalise() -> None:
    assert (
        normalise_source("the Syrian Observatory for Human Rights, a monitor") == "Syrian Observatory for Human Rights"
    )
    assert normalise_source("  The  UN ") == "UN"
    assert normalise_source("a UK-based monitoring organization") == "UK-based monitoring organization"


def test_appositive_links_descriptions_across_articles() -> None:
    pairs = appositives("deaths, according to the Syrian Observatory for Human Rights, a UK-based monitoring group.")
    assert pairs == [("UK-based monitoring group", "Syrian Observatory for Human Rights")]
    ex = Extraction("a", entities=(Entity("a", "source-alias", pairs[0][0], pairs[0][1], (0, 1)),))
    assert link_descriptions([ex, Extraction("b")]) == {
        "UK-based monitoring group": "Syrian Observatory for Human Rights"
    }


def test_speakers_named_by_what_they_are() -> None:
    """"officials said", "police said": common in wire copy, and who said it all the same."""
    assert attribution("It killed at least four civilians and wounded scores, officials said.") == (
        "officials", "officials")
    assert attribution("The other four victims did not suffer life-threatening injuries, police said.")[0] == "police"
    assert attribution("Five people were killed, Seattle police said.")[0] == "Seattle police"
    assert attribution("The toll rose to 20, hospital officials said on Friday.")[0] == "hospital officials"
    assert attribution("A spokeswoman for the London ambulance service said eight people were badly hurt.") == (
        "London ambulance service", "A spokeswoman for the London ambulance service")
    assert attribution("The policemen said nothing.") is None
    assert attribution("The police station said to be damaged was shut.") is None


def test_a_generic_speaker_is_no_one_body() -> None:
    from crosswire.reconcile.judge import independent_count
    from crosswire.records import Report

    def rep(article: str, by: str | None) -> Report:
        return Report(f"{article}:c1", article, "4", (0, 1), 4, 4, False, None, by, "people", "person")

    assert is_generic_source("officials") and is_generic_source("Local officials") and is_generic_source("Witnesses")
    assert not is_generic_source("Seattle police") and not is_generic_source("Health Ministry")
    # two articles each quoting "officials" are two sources; two quoting the Health Ministry are one
    assert independent_count([rep("a", "officials"), rep("b", "officials")], {}) == 2
    assert independent_count([rep("a", "Health Ministry"), rep("b", "Health Ministry")], {}) == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the speaker after the verb: a name wins over what the speaker is
        ("More than 100 were wounded, said local doctor Noor Mohammad Fayez.", "Noor Mohammad Fayez"),
        ("They were exchanged for four militants in Banki, Borno state, said local sources.", "local sources"),
        ('"We will rebuild," said Mr. Smith.', "Mr. Smith"),
        ("Two died, said Sayid Sarwar Hussaini, spokesman for the regional police zone.", "Sayid Sarwar Hussaini"),
        # a body in a place speaks, not its place
        ("St George's Hospital in Tooting said 20 people have been brought in.", "St George's Hospital"),
        # a generic speaker in a place is that speaker, not the place
        ("Five people were hurt in Cannes, police in Nice said.", "police"),
        ("Officials and witnesses in Nice said the truck sped up.", "witnesses"),
        # remarks by someone, a body reporting, a title before a name, sources named by what they are
        ("Recent remarks by the UN's special envoy for Syria, Geir Pedersen, suggested that the fighting spread.",
         "Geir Pedersen"),
        ("The toll is rising, with the Syria Civil Defence reporting casualties from air raids.",
         "Syria Civil Defence"),
        ("Lt. Col. Hassan Abdulghany said the rebels had taken the town.", "Hassan Abdulghany"),
        ("Pro-government websites claimed that the army had hit the group's hideouts.", "Pro-government websites"),
        # a name inside the speaker's description is not the speaker
        ("A family in the suburbs of New York City said five of the dead were relatives.", None),
        # an abbreviation's dots do not end the source
        ("He was killed, according to a U.S. law enforcement official.", "U.S. law enforcement official"),
        ("Five died, according to a spokesman for the U.N. mission, who spoke on Monday.",
         "spokesman for the U.N. mission"),
        # unchanged
        ("Five were killed, police said.", "police"),
        ("Five were killed, according to the Health Ministry.", "Health Ministry"),
        ("The storm hit the city, said Tuesday that 5 died.", None),
    ],
)
def test_a_speaker_named_after_the_verb_or_in_a_place(sentence, expected) -> None:
    got = attribution(sentence)
    assert (got[0] if got else None) == expected


def test_every_speaker_of_an_article_is_a_source_figure_or_not() -> None:
    from crosswire.extract import extract
    from crosswire.records import Article, Published

    paras = ("Camp floods", "According to the Red Cross, the camp was flooded overnight.",
             "A statement by the Camp Authority blamed the drains.")
    a = Article(id="a", document_id="a", origin="a.txt", paragraphs=paras, title=paras[0], outlet="x",
                published=Published("2025-03-01", "day", "t"))
    sources = {e.canonical for e in extract(a).entities if e.kind == "source"}
    assert {"Red Cross", "Camp Authority"} <= sources, sources


@pytest.mark.parametrize(
    "sentence",
    [
        "Five died, officials SAID.", "Five died, police ſaid on Monday.", "According to reports, it fell.",
        "The statement came late.", "Remarks were made.", "Saidov left.", "Five died.", "they reported",
        "\u212aiev was quiet, officials stated", "It was a briefing", "he tweeted",
    ],
)
def test_the_cheap_speech_test_agrees_with_the_speech_cue(sentence) -> None:
    from crosswire.extract.attribution import SPEECH_CUE, may_attribute

    assert may_attribute(sentence) == bool(SPEECH_CUE.search(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the last verb ends the search: a verb at the very end, a verb before more words, "has said"
        ("Five died, the Health Ministry said", "Health Ministry"),
        ("The Health Ministry said", "Health Ministry"),
        ("The Health Ministry has said that five died and more were hurt in the north of the city", "Health Ministry"),
        ("Five died, officials said.", "officials"),
        ("Five died, officials saidx.", None),  # no verb: neither _SAID nor _GENERIC_SAID can match
        ("Reports from a UK-based monitor indicate 40 deaths.", "UK-based monitor"),
        ("REPORTS from a UK-based monitor indicate 40 deaths.", "UK-based monitor"),
        ("Comments from the Interior Minister Ali Hassan suggested more.", "Interior Minister Ali Hassan"),
        # a generic speaker in a place; "IN Nice" reads as a name, and a name opening with "in" is no speaker
        ("Five people were hurt in Cannes, police IN Nice said.", None),
        ("Five people were hurt in Cannes, police at  Nice said.", "police"),
        ("Five people were hurt in Cannes, police\tin\nNice said.", "police"),
        ("The Red Cross Hospital at Gaza City said 20 were brought in.", "Red Cross Hospital"),
        # a long run of capitalised words before the verb
        ("The United Nations Office for the Coordination of Humanitarian Affairs Regional Office said 5 died.",
         "United Nations Office for the Coordination of Humanitarian Affairs Regional Office"),
        ("THE UNITED NATIONS OFFICE FOR THE COORDINATION OF HUMANITARIAN AFFAIRS SAID 5 DIED.", None),
    ],
)
def test_the_speaker_is_found_wherever_the_search_stops(sentence, expected) -> None:
    got = attribution(sentence)
    assert (got[0] if got else None) == expected


def test_repeated_sentences_read_once_and_placed_in_each_article() -> None:
    """A sentence two reports share is read once (the memo), yet each report's claims keep their own offsets,
    ids, sources and dates, exactly as a cold read gives them."""
    from crosswire.extract import extract, read_sentence
    from crosswire.records import Article, Published

    shared = "At least 14 people were killed in the blast, the Interior Ministry said."
    first = Article(id="one", document_id="one", origin="one.txt", paragraphs=("Blast hits market", shared),
                    title="Blast hits market", outlet="x", published=Published("2024-03-02", "day", "header"))
    second = Article(id="two", document_id="two", origin="two.txt",
                     paragraphs=("Market blast", "Rescuers worked through the night.", shared),
                     title="Market blast", outlet="y", published=Published("2024-03-03", "day", "header"))
    read_sentence.cache_clear()
    cold = [extract(first), extract(second)]
    misses = read_sentence.cache_info().misses
    warm = [extract(first), extract(second)]
    assert read_sentence.cache_info().misses == misses  # nothing read twice
    assert warm == cold
    one, two = (ex.claims[0] for ex in cold)
    assert (one.low, one.attributed_to) == (two.low, two.attributed_to) == (14, "Interior Ministry")
    assert first.text[one.span[0]:one.span[1]] == second.text[two.span[0]:two.span[1]] == one.text
    assert one.span != two.span and one.id.startswith("one:") and two.id.startswith("two:")
    assert (one.as_of, two.as_of) == ("2024-03-02", "2024-03-03")


def test_a_second_speaker_in_one_sentence_owns_the_figures_after_it() -> None:
    """Crackdown and war tolls are told so: the government's figure, then the opposition's, in one sentence."""
    from crosswire.extract import extract
    from crosswire.records import Article, Published

    sentence = ("The Marosian health ministry said on Thursday that 61 people were killed but the opposition put "
                "the toll at more than 100.")
    assert attribution(sentence) == ("Marosian health ministry", "The Marosian health ministry")
    assert [src for _, src in rival_sources(sentence, attribution(sentence))] == [("opposition", "opposition")]
    other = ("The Ministry of Health announced today that no more than 46 people were killed, after the Central "
             "Committee of Doctors reported that the death toll stands at 108.")
    assert [src[0] for _, src in rival_sources(other, attribution(other))] == ["Central Committee of Doctors"]
    assert rival_sources("Police said 12 people were killed and 30 injured.", ("Police", "Police")) == []
    gaza = ("A civil defence chief said 300 people were killed, while health ministry sources put the figure at "
            "500.")
    assert attribution(gaza)[0] == "civil defence chief"
    assert [src[0] for _, src in rival_sources(gaza, attribution(gaza))] == ["health ministry sources"]
    assert attribution("The toll has gone up to 2,497, the interior ministry said.")[0] == "interior ministry"
    article = Article(id="a", document_id="a", origin="a", paragraphs=(sentence, other), title=None,
                      published=Published(value="2031-06-06", precision="day"))
    claims = {c.text: c.attributed_to for c in extract(article).claims}
    assert claims == {"61 people": "Marosian health ministry", "more than 100": "opposition",
                      "no more than 46 people": "Ministry of Health", "108": "Central Committee of Doctors"}


def test_a_determiner_or_an_adjective_of_a_report_is_no_source() -> None:
    """"The confirmed death toll rose to 58, ..., authorities said": "confirmed" is no verb of a speaker "The";
    "Earlier reports indicated", "Unconfirmed reports put": no one named. A source may still start with "The"."""
    s = "The confirmed death toll rose to 58, with up to 300 people still missing, authorities said."
    assert attribution(s) == ("authorities", "authorities")
    assert attribution("Earlier reports indicated that 20 people had died.") is None
    assert attribution("Unconfirmed reports put the death toll at 249.") is None
    assert attribution("The Syrian Observatory for Human Rights said 20 people were killed.")[0] == \
        "Syrian Observatory for Human Rights"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("The interior minister said eight people were killed in the clashes.", "interior minister"),
        ("Arvonia's interior minister said eight people were killed in the clashes.", "Arvonia's interior minister"),
        ("Arvonia's interior minister, Pavel Dorn, said on Friday that eight people were killed.", "Pavel Dorn"),
        ("The governor of Lusa province, Carla Ruiz, said eight people were killed in the crash.", "Carla Ruiz"),
        ("The toll rose to 85, Marc Aubry, president of the Lusa region, announced on Thursday.", "Marc Aubry"),
        ("The mayor of Dellport said 12 people were killed.", "mayor of Dellport"),
        ("Twelve people were killed, the mayor told reporters.", "mayor"),
        ("The country's health minister said 45 people were killed.", "country's health minister"),
        ("A spokesman for the Red Cross, Ian Moor, said 45 people were killed.", "Red Cross"),  # the body speaks
    ],
)
def test_an_office_holder_is_who_said_it(sentence: str, source: str) -> None:
    from crosswire.extract.attribution import attribution

    got = attribution(sentence)
    assert got is not None and got[0] == source, got
