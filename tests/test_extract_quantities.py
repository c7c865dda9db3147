"""Count claims and measurements on general news wording (wars, shootings, crashes, disasters, protests)."""

import pytest

from crosswire.errors import ConfigError
from crosswire.extract import ExtractOptions, extract
from crosswire.extract.numbers import numbers, parse_number
from crosswire.extract.quantities import quantities
from crosswire.extract.sentences import sentences
from crosswire.records import Article, Published


def _q(sentence: str) -> list[tuple[str, str, str, float | None, float | None]]:
    return [(sentence[q.span[0] : q.span[1]], q.measure, q.subject, q.low, q.high) for q in quantities(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The gunman killed 10 Americans among 12 dead.",
            [("10 Americans", "killed", "americans", 10, 10), ("12 dead", "killed", "people", 12, 12)],
        ),
        ("Two people died when the bus overturned.", [("Two people", "killed", "people", 2, 2)]),
        ("The death toll rose to 45 on Tuesday.", [("45", "killed", "people", 45, 45)]),
        (
            "At least 1,200 homes were destroyed by the earthquake.",
            [("At least 1,200 homes", "destroyed", "homes", 1200, None)],
        ),
        ("Between 10 to 12 people are missing after the flood.", [("10 to 12 people", "missing", "people", 10, 12)]),
        ("Police arrested 35 protesters.", [("35 protesters", "arrested", "protesters", 35, 35)]),
        ("Up to 5,000 residents were affected.", [("Up to 5,000 residents", "affected", "people", None, 5000)]),
        (
            "The storm left 3 dead and 15 injured.",
            [("3 dead", "killed", "people", 3, 3), ("15 injured", "injured", "people", 15, 15)],
        ),
        ("A dozen soldiers were captured.", [("A dozen soldiers", "captured", "soldiers", 12, 12)]),
        ("More than 100 people were killed.", [("More than 100 people", "killed", "people", 101, None)]),
    ],
)
def test_count_claims(sentence: str, expected: list) -> None:
    assert _q(sentence) == expected


def test_negated_and_vague() -> None:
    (q,) = quantities("No one was injured in the crash.")
    assert q.negated and q.low == q.high == 0 and q.measure == "injured"
    (q,) = quantities("Dozens were wounded in the blast.")
    assert q.vague and q.low == 24 and q.high is None and q.measure == "injured"
    (q,) = quantities("Hundreds of families fled the fighting.")
    assert q.vague and (q.low, q.high) == (200, 999) and q.unit == "family" and q.measure == "displaced"


def test_approx_and_upper_bounds() -> None:
    (q,) = quantities("Some 300 people were evacuated.")
    assert q.approx and q.low == q.high == 300 and q.measure == "evacuated"
    (q,) = quantities("Nearly 7,000 families were displaced.")
    assert q.approx and q.low is None and q.high == 7000


def test_parts_of_a_total() -> None:
    qs = quantities("More than 100 people were killed, including 30 children and 12 police officers.")
    assert [q.part_of for q in qs] == [None, 0, 0]
    assert qs[2].subject == "police officers" and qs[2].measure == "killed"
    # the predicate after a list of parts decides the total's measure, however long the list
    qs = quantities("Six people, including two congressmen, two police officers, a congressional aide and a "
                    "lobbyist, were injured in the attack.")
    assert [(q.measure, q.subject, q.low, q.part_of) for q in qs] == [
        ("injured", "people", 6, None), ("injured", "officials", 2, 0), ("injured", "police officers", 2, 0)]
    total, part = quantities("Four soldiers \u2014 among them a commander and two drivers \u2014 died in the ambush.")
    assert (total.measure, total.subject, total.low) == ("killed", "soldiers", 4)
    assert (part.measure, part.subject, part.low, part.part_of) == ("killed", "drivers", 2, 0)


def test_not_counts() -> None:
    # an age and a time are not counts; the man himself is one victim
    assert _claims("A 45-year-old man was killed at 3:30 pm.") == [
        ("A 45-year-old man was killed", "killed", "people", 1)]
    for s in (
        "The M5 highway and Base 46 were taken in 2020.",
        "The company lost $5 million and 20 percent of staff.",
        "The 46th Regiment withdrew since 2011.",
        "It was one of the worst attacks.",
    ):
        assert quantities(s) == [], s


def test_distances_convert_and_absorb_parenthetical() -> None:
    (q,) = quantities("Rebels advanced nearly 10 kilometres (6 miles) from the city.")
    assert (q.measure, q.unit, q.high, q.original_unit, q.original_value) == ("distance", "km", 10, "km", 10)
    (q,) = quantities("They came within approximately six miles of central Aleppo.")
    assert q.approx and q.unit == "km" and abs(q.low - 9.656) < 0.01 and q.original_unit == "mile"


def test_numbers() -> None:
    assert parse_number("two million") == 2_000_000
    assert parse_number("half a million") == 500_000
    assert parse_number("a dozen") == 12
    assert parse_number("1,200") == 1200
    assert parse_number("2.5 million") == 2_500_000
    assert parse_number("twenty-three") == 23
    (n,) = numbers("10-12")
    assert (n.low, n.high, n.range) == (10, 12, True)


def test_sentences_keep_abbreviations() -> None:
    text = "Lt. Col. J. Smith said 3.5 km. The U.S. Army agreed. Dr. Ali left!\n\nBrig. Gen. Omar spoke."
    got = [text[s:e] for s, e in sentences(text)]
    assert got == ["Lt. Col. J. Smith said 3.5 km.", "The U.S. Army agreed.", "Dr. Ali left!", "Brig. Gen. Omar spoke."]
    text = "Protesters in Ferguson, Mo. Marched again. A letter to Sen. Smith cited the Sept. 11 attack. It rained."
    assert [text[s:e] for s, e in sentences(text)] == [
        "Protesters in Ferguson, Mo. Marched again.", "A letter to Sen. Smith cited the Sept. 11 attack.", "It rained."]


def test_the_brief_splits_sentences_as_extract_does() -> None:
    from crosswire import records as r
    from crosswire.brief import sentences as brief_sentences

    a = r.Article(id="a", document_id="a", origin="a.txt", paragraphs=("T", "Near St. Louis, \u201cwe ran,\u201d she "
                  "said. An additional 2.5 million were hit."), title="T", published=r.Published(None, None, None))
    assert [a.text[s:e] for s, e in brief_sentences(a)][1:] == [
        "Near St. Louis, \u201cwe ran,\u201d she said.", "An additional 2.5 million were hit."]


def test_extract_entry_ids_spans_and_as_of() -> None:
    art = Article(
        id="a1",
        document_id="d1",
        origin="x",
        paragraphs=("Police said two people died on Monday in Leeds.", "No one was injured."),
        published=Published("2024-05-08T10:00:00", "datetime"),
    )
    ex = extract(art)
    assert [c.id for c in ex.claims] == ["a1:c1", "a1:c2"]
    for c in ex.claims:
        assert art.text[c.span[0] : c.span[1]] == c.text
    assert ex.claims[0].attributed_to == "Police" and ex.claims[0].as_of == "2024-05-06"
    assert ex.claims[1].as_of == "2024-05-08" and ex.claims[1].negated


def test_options_validated() -> None:
    with pytest.raises(ConfigError):
        ExtractOptions(carry_attribution=-1)


@pytest.mark.parametrize(
    "sentence",
    [
        "The gallery has 25 photos of the parade.",  # not an event unit
        "He played five seasons with the club and scored 12 points.",
        "In 2015 attacks on the border rose sharply.",  # a year, not a count
        "The attack shattered more than 100 lives.",  # "lives" with no death verb
    ],
)
def test_what_is_not_a_claim(sentence: str) -> None:
    assert quantities(sentence) == []


def _claims(sentence: str) -> list[tuple[str, str, str, float | None]]:
    return [(sentence[q.span[0]:q.span[1]], q.measure, q.subject, q.low) for q in quantities(sentence)]


@pytest.mark.parametrize("verb", ["soared to", "surged to", "swelled to", "climbs to", "jumped to", "has passed",
                                  "topped", "reached"])
def test_a_toll_word_far_from_its_figure_governs_it_through_its_verb(verb: str) -> None:
    # "The death toll in Libya's coastal city of Derna has soared to 11,300": the toll word is too far from the
    # figure to govern it alone; the verb of a rising toll carries it
    sentence = f"The death toll in the eastern coastal city of Arvela has {verb} 11,300, the Red Crescent said."
    assert _claims(sentence) == [("11,300", "killed", "people", 11300)]


def test_martyred_passed_away_and_the_toll_out_of_a_group() -> None:
    # the wording of Pakistani, Arab and Iranian outlets, of agency English, and of air and ferry crashes
    assert _claims("A suicide bomber struck a mosque in Halvar on Monday, martyring 44 worshippers and injuring "
                   "more than 157 others.") == [("44 worshippers", "killed", "people", 44),
                                                ("more than 157 others", "injured", "people", 158)]
    assert _claims("Twelve policemen were martyred in the attack.")[0][1:] == ("killed", "police officers", 12)
    assert _claims("Two people passed away in hospital.") == [("Two people", "killed", "people", 2)]
    # the crew listed after the passengers on board are on board too; "of which 179 passed away" is the toll
    carried = quantities("The aircraft was carrying 175 passengers and six crew members, of which 179 passed away.")
    assert carried[-1].part_of is None  # no part of the people on board: the toll
    assert _claims("The aircraft was carrying 175 passengers and six crew members, of which 179 passed away.") == [
        ("175 passengers", "count", "passengers", 175), ("six crew members", "count", "members", 6),
        ("179 passed away", "killed", "people", 179)]
    # "N of its M ...": the toll is N; M is how many there were
    assert _claims("The crash killed at least 28 of its 181 passengers and crew.") == [
        ("at least 28", "killed", "people", 28)]
    assert _claims("The crash on Sunday killed 179 of the 181 people on board.") == [("179", "killed", "people", 179)]
    assert _claims("Gunmen killed 12 of the 40 villagers.") == [("12", "killed", "people", 12)]


def test_still_missing_forced_to_flee_and_an_old_year_before_a_verb() -> None:
    assert _claims("The death toll has risen to 57, with 56 passengers still missing.")[1] == (
        "56 passengers", "missing", "passengers", 56)  # not the passengers a vehicle carried
    assert _claims("A total of 21,991 were forced to flee their homes.") == [
        ("21,991 were forced to flee", "displaced", "people", 21991)]
    assert _claims("The eruption of the volcano in 1883 had killed 36,000 people.") == [
        ("36,000 people", "killed", "people", 36000)]  # no toll of 1,883


def test_the_drowned_are_dead_and_the_rescued_no_toll() -> None:
    assert _claims("At least 59 migrants have drowned after their boat sank.") == [
        ("At least 59 migrants", "killed", "migrants", 59)]
    assert _claims("At least 79 migrants drowned when their boat capsized and hundreds more were missing.")[0][1] == \
        "killed"
    assert _claims("787 people were inside the mine: 274 died and 363 were rescued.") == [
        ("787 people", "count", "people", 787), ("274 died", "killed", "people", 274),
        ("363 were rescued", "count", "people", 363)]
    rescued = quantities("72 people sustained injuries, including 13 children, and 39 were rescued.")
    assert (rescued[-1].measure, rescued[-1].part_of) == ("count", None)  # no part of the injured


@pytest.mark.parametrize("sentence", [
    "The death toll from the floods could reach 20,000 in the city of Arvela alone, the mayor said.",
    "It can reach 18,000 to 20,000 deaths based on the destroyed districts, the mayor said.",
    "Officials fear the toll may rise to 1,000.",
    "The number of dead is expected to exceed 500.",
])
def test_a_forecast_is_no_toll(sentence: str) -> None:
    assert [c for c in _claims(sentence) if c[1] == "killed"] == []


def test_a_toll_beside_a_forecast_is_kept() -> None:
    assert _claims("The quake killed 300 people and the toll could rise to 1,000.") == [
        ("300 people", "killed", "people", 300)]


def test_a_toll_revised_or_set_far_from_its_toll_word() -> None:
    assert _claims("The toll was revised down from 45 to 40.") == [("45", "killed", "people", 45),
                                                                   ("40", "killed", "people", 40)]
    for sentence in ("Authorities revised the death toll from the market blast in Varnia down to 40 from 45.",
                     "Authorities lowered the death toll from the market blast in Varnia to 40.",
                     "The health ministry put the death toll from Monday's attack on the market at 40."):
        assert _claims(sentence)[0] == ("40", "killed", "people", 40)


def test_more_injured_injuries_numbered_and_a_toll_gone_up_to() -> None:
    assert _claims("At least 27 people have died and 39 more are injured after a bus plunged into a ravine.") == [
        ("At least 27 people", "killed", "people", 27), ("39 more are injured", "injured", "people", 39)]
    assert _claims("By Wednesday the death toll was 2,946 and the number of injuries was 6,125.") == [
        ("2,946", "killed", "people", 2946), ("6,125", "injured", "people", 6125)]
    # "has gone up to 2,497": the count now, no "up to" bound; "up to 40 people" still is one
    (gone,) = quantities("The death toll from the earthquake has gone up to 2,497, the ministry said.")
    assert (gone.low, gone.high) == (2497, 2497)
    (bound,) = quantities("Up to 40 people were killed.")
    assert (bound.low, bound.high) == (None, 40)


def test_people_treated_in_several_hospitals_are_the_injured_not_the_dead_before_them() -> None:
    claims = _claims("Twelve fatalities confirmed as 78 people also treated in six hospitals across the capital.")
    assert claims[:2] == [("Twelve fatalities", "killed", "people", 12), ("78 people", "injured", "people", 78)]


def test_implied_people_severity_and_hospital() -> None:
    assert _claims("Dozens were wounded and two have died.") == [
        ("Dozens were wounded", "injured", "people", 24), ("two have died", "killed", "people", 2)]
    assert _claims("Four people were critically injured and 20 slightly hurt.") == [
        ("Four people", "injured", "people, seriously hurt", 4),
        ("20 slightly hurt", "injured", "people, slightly hurt", 20)]
    # injuries said not to be serious are the slight ones, not the serious ones
    assert _claims("The other four victims did not suffer life-threatening injuries.")[0][2] == "people, slightly hurt"
    assert _claims("Two people suffered non-life-threatening injuries.")[0][2] == "people, slightly hurt"
    assert _claims("At least 84 people were taken to hospital.") == [("At least 84 people", "injured", "people", 84)]
    assert _claims("Five people remain in hospital after the crash.") == [
        ("Five people", "injured", "people still in hospital", 5)]  # (a part of the injured)
    assert _claims("Two other men remain in critical, but stable condition.") == [
        ("Two other men", "injured", "men", 2)]
    assert _claims("Four men were in serious trouble with the law.") == [("Four men", "count", "men", 4)]
    assert _claims("Nine people were being treated in hospital, among them two children.") == [
        ("Nine people", "injured", "people", 9), ("two children", "injured", "children", 2)]
    assert _claims("Gunmen kidnapped 30 students from the school.") == [("30 students", "abducted", "students", 30)]


def test_head_noun_decides_the_subject() -> None:
    assert [c[2] for c in _claims("One woman told police she had been followed.")] == ["women"]  # not police
    assert _claims("Two American soldiers were killed.") == [("Two American soldiers", "killed", "soldiers", 2)]
    assert _claims("Five members of a Texas family were among those killed.")[0][2] == "relatives"
    assert _claims("Three Algerians and two Tunisians died.") == [  # and the list's people in all
        ("Three Algerians", "killed", "algerians", 3), ("two Tunisians", "killed", "tunisians", 2),
        ("Three Algerians and two Tunisians", "killed", "people", 5)]
    assert _claims("The blast claimed 12 lives.") == [("12 lives", "killed", "people", 12)]


def test_one_victim_and_hypotheticals() -> None:
    assert _claims("Her cousin, Dana Reyes, 21, was killed on Tuesday.") == [
        ("Her cousin, Dana Reyes, 21, was killed", "killed", "people", 1)]
    assert _claims("A boy trapped in a disused well has been found dead.")[0][1:] == ("killed", "people", 1)
    assert _claims("The gunman was shot dead by police after the attack.") == []  # the perpetrator
    assert _claims("Officials warned that thousands of people would die without aid.") == []  # a hypothetical


def test_a_spaced_dash_is_not_a_minus_sign() -> None:
    assert _claims("The tram crash - six men and one woman died.") == [
        ("six men", "killed", "men", 6), ("one woman", "killed", "women", 1),
        ("six men and one woman", "killed", "people", 7)]
    assert [n.low for n in numbers("temperatures of -5 degrees")] == [-5]  # an attached minus still is
    assert _claims("The crash -12 people died.") == []  # no count is negative


@pytest.mark.parametrize("text", ["He-led forces attacked the town.", "Syria said. The-backed group fled.",
                                  "Numerouſ people fled.", "Five people were kılled."])
def test_odd_words_do_not_break_extraction(text: str) -> None:
    from crosswire.extract import extract
    from crosswire.records import Article

    extraction = extract(Article(id="a", document_id="a", origin="x", paragraphs=(text,)))
    assert all(c.low is None or c.low >= 0 for c in extraction.claims)


def test_words_that_only_look_like_tolls() -> None:
    """"held" is an arrest only when someone is held in custody; "bodies" are the dead only where the sentence
    speaks of the dead; a size ("80-foot-long") is no distance; arrests are counted people; people struck by a
    gunman's fire are hurt."""
    assert _claims("The Bible was held by his wife as their three adult children watched.") == [
        ("three adult children", "count", "children", 3)]
    assert _claims("Five men were being held in custody.") == [("Five men", "arrested", "men", 5)]
    assert _claims("Republicans picked up 19 state legislative bodies.") == []
    assert _claims("Divers recovered 12 bodies from the river.") == [("12 bodies", "killed", "people", 12)]
    assert _claims("He rented an 80-foot-long room 3 miles from the base.")[0][1] == "distance"
    assert len(_claims("He rented an 80-foot-long room 3 miles from the base.")) == 1
    # a calibre, a height and an amount in small units are sizes too; a distance from somewhere stays
    assert _claims("He used a 9 mm handgun and a 12-gauge shotgun.") == []
    assert _claims("He was 5-foot-11 and weighed 215 pounds.") == []
    assert _claims("Agents found 6 inches of PVC pipe and 200 mm of rain fell.") == []
    assert _claims("The 9mm pistol was found 200 metres away.") == [("200 metres", "distance", "distance", 0.2)]
    assert _claims("It fell within 500 metres of the embassy.") == [("500 metres", "distance", "distance", 0.5)]
    assert _claims("Police made 47 arrests overnight.") == [("47 arrests", "arrested", "people", 47)]
    assert _claims("A gunman opened fire on the field, striking four people.") == [
        ("four people", "injured", "people", 4)]
    # people shot and nobody said dead are hurt; with deaths in the sentence the figure stays a count of people
    assert _claims("At least five people have been shot in Seattle, police said.") == [
        ("At least five people", "injured", "people", 5)]
    assert _claims("A gunman shot four people at a bar.") == [("four people", "injured", "people", 4)]
    assert _claims("Five people were shot, two of them fatally.")[0][1] == "count"
    assert _claims("Two men were shot dead.") == [("Two men", "killed", "men", 2)]


def test_one_named_and_n_others_are_n_plus_one() -> None:
    assert _claims("The attack killed Ambassador J. Christopher Stevens and three other Americans.") == [
        ("Ambassador J. Christopher Stevens and three other Americans", "killed", "americans", 4)]
    assert _claims("Smith and two others were injured.") == [("Smith and two others", "injured", "people", 3)]
    assert _claims("Police and 20 other people were hurt.") == [("20 other people", "injured", "people", 20)]
    assert _claims("Militants killed two soldiers and three other people.")[1][3] == 3


def test_a_number_takes_the_verb_of_its_own_clause() -> None:
    assert _claims("Thousands of revellers fled and two people suffered minor injuries.") == [
        ("Thousands of revellers", "count", "people", 2000), ("two people", "injured", "people, slightly hurt", 2)]
    assert _claims("London Fire Brigade, which has 70 officers in attendance, said at least 40 people were "
                   "injured.") == [("70 officers", "count", "police officers", 70),
                                   ("at least 40 people", "injured", "people", 40)]
    assert _claims("The plane was carrying 100 passengers and no one was hurt.")[1] == (
        "100 passengers", "count", "passengers", 100)
    assert _claims("Two city hospitals treated 30 injured people.")[0][1] == "count"  # hospitals are not hurt
    assert _claims("Four detained Boko Haram leaders were released.") == []
    assert _claims("He took responsibility for the Sept. 11 attack after neighbours called 911.") == []
    assert _claims("More than 48,000 people have fled their homes.")[0][1] == "displaced"


def test_a_range_written_with_one_thousands_suffix_is_in_thousands() -> None:
    from crosswire.extract.numbers import numbers

    assert [(n.low, n.high) for n in numbers("about 5-6,000 people were moved")] == [(5000, 6000)]
    assert [(n.low, n.high) for n in numbers("between 10-15,000 fled")] == [(10000, 15000)]
    assert [(n.low, n.high) for n in numbers("aged 18-25")] == [(18, 25)]


def test_an_abbreviation_with_dots_can_modify_the_counted_noun() -> None:
    assert _claims("The crash killed 10 U.S. citizens and two local pilots.")[0][1:] == ("killed", "americans", 10)
    # the same people as "10 Americans", so one fact
    assert _claims("The crash killed 10 US citizens.")[0][2] == _claims("The crash killed 10 Americans.")[0][2]
    assert _claims("Two U.N. peacekeepers were wounded.") == [("Two U.N. peacekeepers", "injured", "peacekeepers", 2)]


def test_a_toll_that_lay_dead_and_a_crowd_after_it() -> None:
    claims = _claims("At least 84 now lay dead after a lorry tore into thousands of Bastille Day revellers.")
    assert claims[0][1:] == ("killed", "people", 84) and claims[1][1] == "count"
    assert _claims("Three people were killed, including two children.")[1][1:] == ("killed", "children", 2)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a measure word before a subordinate clause is not the measure of a figure inside it
        ("Tributes were held for those who died on Saturday, when a group of up to 100 people marched.",
         [("up to 100 people", "count", "people", None, 100)]),
        # nor one after a reporting clause, of a figure before it
        ("The group released a video of dozens of the schoolgirls, saying that some have been killed in airstrikes.",
         [("dozens of the schoolgirls", "count", "girls", 24, None)]),
        # a new subject after "but" starts another clause
        ("Dozens of the girls have escaped on their own, but most remain missing.",
         [("Dozens of the girls", "count", "girls", 24, None)]),
        ("Twenty people were trapped and five died.",
         [("Twenty people", "trapped", "people", 20, 20), ("five died", "killed", "people", 5, 5)]),
        # "over" that belongs to the verb bounds nothing
        ("The militants handed over 21 schoolgirls to the authorities.",
         [("21 schoolgirls", "count", "girls", 21, 21)]),
        ("More than 30 people were killed.", [("More than 30 people", "killed", "people", 31, None)]),
        # taken to hospitals is no capture, and hospitals are no part of the people
        ("The injured were taken to two hospitals in the area.", [("two hospitals", "count", "hospitals", 2, 2)]),
        ("Rebels have taken two towns.", [("two towns", "captured", "towns", 2, 2)]),
        # the companions of one of the dead
        ("Among the dead were a mother with two young children.", [("two young children", "count", "children", 2, 2)]),
        ("A soldier was killed along with five civilians.", [("five civilians", "killed", "civilians", 5, 5)]),
        # each noun governs its own figure
        ("The war has caused the deaths of more than 20,000 people and displacement of 2.3 million.",
         [("more than 20,000 people", "killed", "people", 20001, None),
          ("2.3 million", "displaced", "people", 2_300_000, 2_300_000)]),
        # a size, with its conversion in brackets, is no distance
        ("The well is 30 centimetres wide (11.8 inches) and 40 metres deep (131 feet).", []),
        # a place name is no head noun when the phrase goes on
        ("Two New York City subway work trains collided.", []),
        # devices, packages and the machines sent to a scene are counted by their own nouns
        ("Twelve crude explosive devices have been found.",
         [("Twelve crude explosive devices", "count", "devices", 12, 12)]),
        ("Eight fire engines were sent to the scene.", [("Eight fire engines", "count", "engines", 8, 8)]),
        ("Some 60 excavators were brought in.", [("Some 60 excavators", "count", "excavators", 60, 60)]),
        # a hospital's own patients, and the part of them it says are badly hurt, are that hospital's
        ("St George's Hospital in Tooting said 20 people have been brought in for treatment, of which four are "
         "seriously injured.", [("20 people", "injured", "people, at one hospital", 20, 20),
                                ("four are seriously injured", "injured", "people, seriously hurt, at one hospital",
                                 4, 4)]),
        ("Officials said 20 people were treated.", [("20 people", "injured", "people", 20, 20)]),
        ("Officials said 20 people were treated as suspects.", [("20 people", "count", "people", 20, 20)]),
        # one victim named, with an age or a title, or dying of what was done to them
        ("Tavon Alleyne, 21, was fatally shot on Sunday.",
         [("Tavon Alleyne, 21, was fatally shot", "killed", "people", 1, 1)]),
        ("Alleyne died Tuesday after being shot in the neck.", [("Alleyne died", "killed", "people", 1, 1)]),
        ("Smith died of cancer in 2010.", []),
        ("Harambe, who was 17, was shot dead.", []),
        # "N or M" and "between N and M" are a range, not the last figure
        ("Witnesses heard between 30 and 40 gunshots.", [("30 and 40 gunshots", "count", "gunshots", 30, 40)]),
        ("Two or three people were injured.", [("Two or three people", "injured", "people", 2, 3)]),
        ("Police arrested 140 rebels and 87 soldiers.",
         [("140 rebels", "arrested", "rebels", 140, 140), ("87 soldiers", "arrested", "soldiers", 87, 87),
          ("140 rebels and 87 soldiers", "arrested", "people", 227, 227)]),
        # a depth, height or altitude is a size, not a distance from somewhere
        ("The water flooded the streets to a depth of more than two metres.", []),
        # a speed is no distance; people in custody or detention are held
        ("The car hit 40 miles per hour before the crash.", []),
        ("Eight suspects are currently in detention.", [("Eight suspects", "arrested", "suspects", 8, 8)]),
        # a span of time counts time, not the people after it
        ("Training takes 40-60 hours per person.", []),
        ("France declared three days of national mourning for the foreigners killed.", []),
        # the people a report names as its sources are no figure of the event
        ("Two people briefed on the matter said the suspect was arrested.",
         [("the suspect was arrested", "arrested", "people", 1, 1)]),
        # one person described and arrested
        ("The driver of the tram has been arrested.", [("The driver of the tram has been arrested", "arrested",
                                                         "people", 1, 1)]),
        ("A second man has been arrested, police said.", [("A second man has been arrested", "arrested", "people",
                                                            2, None)]),
        ("The suspect was arrested and later released.", []),
        ("According to two Defense Department officials, 7,000 troops will leave.",
         [("7,000 troops", "count", "soldiers", 7000, 7000)]),
        ("Two of the officials said five bombs were found.", [("five bombs", "count", "bombs", 5, 5)]),
        ("Two people said they saw the car.", [("Two people", "count", "people", 2, 2)]),
        ("Three injured people told reporters they saw it.", [("Three injured people", "injured", "people", 3, 3)]),
    ],
)
def test_a_figure_takes_the_measure_of_its_own_clause_and_noun(sentence, expected) -> None:
    assert _q(sentence) == expected


def test_where_people_come_from_is_not_where_it_happened() -> None:
    paras = ("Truck attack in city", "A truck ploughed into a crowd in Nice on Thursday, killing 84 people.",
             "Two children from Algeria died in the attack, officials said.",
             "Three people were killed in Tunisia last year in a similar attack.")
    a = Article(id="a", document_id="a", origin="a.txt", paragraphs=paras, title=paras[0], outlet="x",
                published=Published("2016-07-15", "day", "t"))
    places = {c.text: c.place for c in extract(a).claims}
    assert places["Two children"] != "Algeria"
    assert places["Three people"] == "Tunisia" and places["84 people"] == "Nice"


def test_a_place_in_the_speaker_s_name_is_not_the_claim_s_place() -> None:
    paras = ("Truck attack in city", "A truck ploughed into a crowd in Nice on Thursday, killing 84 people.",
             "Two Chinese tourists were injured, according to the Chinese Consulate General in Marseille.")
    a = Article(id="a", document_id="a", origin="a.txt", paragraphs=paras, title=paras[0], outlet="x",
                published=Published("2016-07-15", "day", "t"))
    claims = {c.text: c for c in extract(a).claims}
    assert claims["Two Chinese tourists"].attributed_to == "Chinese Consulate General in Marseille"
    assert claims["Two Chinese tourists"].place != "Marseille"


@pytest.mark.parametrize(
    ("text", "value"),
    [("007", 7.0), ("12", 12.0), ("\u0663", 3.0), (" 5", 5.0), ("1,200", 1200.0), ("a", 1.0), ("an", 1.0),
     ("no", 0.0), ("zero", 0.0), ("one", 1.0), ("twenty", 20.0), ("Twenty", 20.0), ("twenty one", 21.0)],
)
def test_a_number_s_value_by_the_short_ways_and_the_long(text, value) -> None:
    assert parse_number(text) == value and isinstance(parse_number(text), float)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what may stand before a mention's first number word or digit: the search for mentions starts before it
        ("The temperature fell to minus  5 overnight.", [((24, 32), -5.0, -5.0)]),
        ("it was  negative\n a dozen", [((8, 25), -12.0, -12.0)]),
        ("they bought a - half million", [((12, 28), 500000.0, 500000.0)]),
        ("an hundred men", [((0, 10), 100.0, 100.0)]),
        ("a   handful of people", [((0, 11), 3, 9)]),
        ("costs .5 dollars", [((6, 8), 0.5, 0.5)]),
        ("x.5", []),
        ("it was -5 today", [((7, 9), -5.0, -5.0)]),
        ("Some, a dozen. More", [((6, 13), 12.0, 12.0)]),
    ],
)
def test_a_mention_is_found_from_its_first_word(text, expected) -> None:
    assert [(n.span, n.low, n.high) for n in numbers(text)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a qualifier is looked for only after the word it ends with, in any case, after any space
        ("ALMOST 5 people died.", [((0, 15), "killed", "people", None, 5.0)]),
        ("At  least\n5 people died.", [((0, 18), "killed", "people", 5.0, None)]),
        ("Rebels handed over 21 girls.", [((19, 27), "count", "girls", 21.0, 21.0)]),
        ("Rebels handed\tover 21 girls.", [((14, 27), "count", "girls", 22.0, None)]),
        ("At least 2016 people died.", [((0, 20), "killed", "people", 2016.0, None)]),
        ("in 2015 attacks", []),
        # a governing verb is looked for only where one of its stems is, in any case
        ("Troops killed \u017fome 5 rebels.", [((14, 27), "killed", "rebels", 5.0, 5.0)]),
        ("The strike, KILLING 12, hit a school.", []),
        # a capital, a sign or "called" before a figure makes it no count
        ("He was kept at Base 46 with 3 others.", [((28, 36), "count", "people", 3.0, 3.0)]),
        ("It cost $5 to 10 people.", []),
        ("He lives at No. 5 with 4 children.", [((23, 33), "count", "children", 4.0, 4.0)]),
        ("Neighbours called 911 after 3 men fled.", [((28, 33), "count", "men", 3.0, 3.0)]),
        # a toll is looked for only in a sentence that says "toll" or "number"
        ("The death toll rose to 45.", [((23, 25), "killed", "people", 45.0, 45.0)]),
        ("The number of dead stands at 30.", [((29, 31), "killed", "people", 30.0, 30.0)]),
        ("The toll of the storm rose to 45 on Friday.", [((30, 32), "killed", "people", 45.0, 45.0)]),
    ],
)
def test_the_words_around_a_figure_are_read_only_where_they_can_be(sentence, expected) -> None:
    assert [(q.span, q.measure, q.subject, q.low, q.high) for q in quantities(sentence)] == expected


@pytest.mark.parametrize(
    "text",
    ["", "5", "one", "x one", "xone", "tenant 5", "a5 ten", "_ten", "é ten", "(ten", "-ten 4", "no number here",
     "it was 12, then ten", "ten-year", "many", "the 1990s", "\u0663 cars", "Twenty", "é\u0663"],
)
def test_the_first_number_cue_is_found_by_the_quicker_searches(text) -> None:
    from crosswire.extract.cues import fold
    from crosswire.extract.numbers import NUMBER_CUE, first_cue

    folded = fold(text)
    cue = NUMBER_CUE.search(folded)
    assert first_cue(folded) == (cue.start() if cue else None)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # no number: a claim needs one of the words the other patterns look for, in any case
        ("No one was killed.", [((0, 17), "killed", "people", 0, 0)]),
        ("NOBODY WAS HURT.", [((0, 15), "injured", "people", 0, 0)]),
        ("Half of the residents fled.", [((0, 21), "count", "residents", 0.5, 0.5)]),
        ("A THIRD OF THE HOMES WERE DAMAGED.", [((0, 20), "destroyed", "homes", 1 / 3, 1 / 3)]),
        ("A man has been arrested.", [((0, 23), "arrested", "people", 1, 1)]),
        ("Tavon Alleyne, 21, was fatally shot.", [((0, 35), "killed", "people", 1, 1)]),
        ("Thousands of people would die.", []),
        ("The weather was fine.", []),
    ],
)
def test_a_sentence_without_a_number_is_read_for_its_words(sentence, expected) -> None:
    assert [(q.span, q.measure, q.subject, q.low, q.high) for q in quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a negation turns a bound over: "no more than" is an upper bound, "not less than" a lower one
        ("The governor said no more than 30 residents were killed.",
         [("no more than 30 residents", "killed", "people", None, 30)]),
        ("Not more than 12 miners died in the collapse.", [("Not more than 12 miners", "killed", "workers", None, 12)]),
        ("Not less than 20 villagers drowned and were killed.", [("Not less than 20 villagers", "killed", "people", 20,
                                                                 None)]),
        ("Not fewer than 15 guards were hurt.", [("Not fewer than 15 guards", "injured", "guards", 15, None)]),
        ("No fewer than 15 guards were hurt.", [("No fewer than 15 guards", "injured", "guards", 15, None)]),
        ("The toll did not exceed 9 dead.", [("did not exceed 9 dead", "killed", "people", None, 9)]),
        ("At most 9 pilgrims were injured.", [("At most 9 pilgrims", "injured", "people", None, 9)]),
        ("Fewer than 10 visitors died.", [("Fewer than 10 visitors", "killed", "people", None, 9)]),
        ("As many as 50 visitors died.", [("As many as 50 visitors", "killed", "people", None, 50)]),
        ("Up to 50 visitors died.", [("Up to 50 visitors", "killed", "people", None, 50)]),
    ],
)
def test_negated_and_upper_bounds(sentence, expected) -> None:
    assert _q(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # people on board are a vehicle's load, not its toll
        ("The ferry, carrying about 240 passengers, capsized off the coast, killing 19.",
         [("about 240 passengers", "count", "passengers", 240, 240), ("19", "killed", "people", 19, 19)]),
        ("At least 30 travellers were killed when a coach with 52 passengers and two drivers overturned.",
         [("52 passengers", "count", "passengers", 52, 52), ("two drivers", "count", "drivers", 2, 2)]),
        ("Twelve people died after the minibus with 18 people on board hit a wall.",
         [("Twelve people", "killed", "people", 12, 12), ("18 people", "count", "people", 18, 18)]),
        # ... unless the figure's own verb makes them casualties
        ("All 64 people on board were killed.", [("64 people", "killed", "people", 64, 64)]),
        ("The airliner came down, killing all 64 passengers aboard.",
         [("64 passengers", "killed", "passengers", 64, 64)]),
        # survivors are no toll
        ("Officials said 40 were confirmed dead, while 3 sailors survived.",  # (the 40 read since "confirmed dead")
         [("40 were confirmed dead", "killed", "people", 40, 40), ("3 sailors", "count", "crew", 3, 3)]),
        ("Rescuers pulled 11 survivors from the rubble.", [("11 survivors", "count", "survivors", 11, 11)]),
        # the dead taken somewhere are the dead
        ("The remains of 14 people were flown to the capital's hospital.",
         [("14 people", "killed", "people", 14, 14)]),
        ("Medics said the bodies of 23 people were taken to hospital.", [("23 people", "killed", "people", 23, 23)]),
        # casualties of whom some died are neither the injured nor the killed
        ("Ambulances took 12 wounded visitors to hospitals, three of whom died.",
         [("12 wounded visitors", "count", "casualties", 12, 12)]),
        ("Fourteen people were hurt, two of whom later died.", [("Fourteen people", "count", "casualties", 14, 14)]),
    ],
)
def test_people_who_are_no_casualties(sentence, expected) -> None:
    assert [x for x in _q(sentence) if x[0] != "40"] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a changing toll written "from N to M" gives both figures, not a range
        ("The toll rose from 31 to 45 overnight.",
         [("31", "killed", "people", 31, 31), ("45", "killed", "people", 45, 45)]),
        ("The death toll was revised from 18 to 16.", [("18", "killed", "people", 18, 18),
                                                            ("16", "killed", "people", 16, 16)]),
        ("From 20 to 30 people were killed.", [("20 to 30 people", "killed", "people", 20, 30)]),
    ],
)
def test_a_changing_toll_gives_both_figures(sentence, expected) -> None:
    assert _q(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "a 9th victim": the toll has reached nine
        ("A 9th victim died in hospital on Friday.", [("A 9th victim died", "killed", "people", 9, None)]),
        ("A fourth climber was found dead.", [("A fourth climber was found dead", "killed", "people", 4, None)]),
    ],
)
def test_an_nth_victim_says_the_toll_has_reached_n(sentence, expected) -> None:
    assert _q(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["Two-thirdſ of the villages were emptied.", "A  third of the homes were damaged.", "One\tquarter of the crops",
     "The bomb kılled 5 people.", "Five guards, including two boys, were kılled.", "It was at leaſt 4 people.",
     "THREE-QUARTERS OF THE HOUSES BURNED."],
)
def test_wording_never_breaks_extraction(sentence) -> None:
    """Letters an ignore-case pattern matches to ASCII (the long s, the dotless i), doubled spaces and tabs: every
    table lookup of a matched word goes through the same folding."""
    found = quantities(sentence)
    extract(Article(id="a", document_id="a", origin="a", paragraphs=(sentence,)))
    if "third" in sentence.lower() or "quarter" in sentence.lower():
        assert found and found[0].unit == "share"


def test_a_closing_quote_glued_to_the_next_sentence_ends_it() -> None:
    text = "He said: \u201cThe figure is 12.\u201dLater that day, the mayor said 15 people died."
    assert [text[s:e] for s, e in sentences(text)] == ["He said: \u201cThe figure is 12.\u201d",
                                                      "Later that day, the mayor said 15 people died."]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an ordinal after "her"/"his" is some other order, and one joined to a noun is no count of victims
        ("Her third son was killed in the crossfire.", [("Her third son was killed", "killed", "people", 1, 1)]),
        ("A 3rd-year student was killed on the bridge.",
         [("A 3rd-year student was killed", "killed", "people", 1, 1)]),
        ("The 14th victim, a nurse, died on Monday.", [("The 14th victim, a nurse, died", "killed", "people", 14,
                                                         None)]),
    ],
)
def test_only_an_ordinal_after_an_article_counts_the_victims(sentence, expected) -> None:
    assert _q(sentence) == expected


def test_one_as_a_pronoun_is_no_figure() -> None:
    """"a more powerful one killed 61 people" counts 61, not one; "one" that counts stays a figure."""
    def read(sentence: str) -> list[tuple[str, float | None]]:
        return [(q.measure, q.low) for q in quantities(sentence)]

    assert read("It came just weeks after a more powerful one killed 61 people.") == [("killed", 61)]
    assert read("The first one hit at dawn, killing four.") == [("killed", 4)]
    assert read("Police said the attack killed one.") == [("killed", 1)]
    assert read("The one person who died was a guard.") == [("killed", 1)]
    assert read("One killed in crash on highway.") == [("killed", 1)]


def test_a_magnitude_is_no_count() -> None:
    """Nothing is counted in fractions: "Mexico's 7.1 earthquake" is a magnitude (a million-scale figure is
    whole)."""
    assert quantities("Rescuers found a child in the ruins of a school that collapsed in Mexico's 7.1 earthquake.") \
        == []
    assert quantities("A 7.1 magnitude earthquake struck central Mexico.") == []
    assert [(q.measure, q.low) for q in quantities("About 1.1 million people were displaced.")] \
        == [("displaced", 1_100_000)]


def test_the_missing_far_after_a_figure_are_other_people() -> None:
    """"the missing" / "the dead" name the figure's people only when it is among them."""
    assert [q.measure for q in quantities("One man could be seen tying the names of the missing onto a pole.")] \
        == ["count"]
    assert [q.measure for q in quantities("Two of the dead were children.")] == ["killed"]
    assert [q.measure for q in quantities("Five people were among the dead.")] == ["killed"]


def test_a_figure_takes_the_measure_word_right_after_it_over_one_before_and() -> None:
    found = quantities('Five people were killed and several others "gravely" wounded Thursday, when a man opened fire.')
    assert [(q.measure, q.low, q.vague) for q in found] == [("killed", 5, False), ("injured", None, True)]


def test_a_word_of_a_name_is_no_head_noun() -> None:
    """"two National Guardsmen" are soldiers, not nationals; "60 House Democrats" count no houses."""
    found = quantities("The gunman killed three people, including two National Guardsmen in uniform.")
    assert [(q.measure, q.low, q.subject) for q in found][:1] == [("killed", 3, "people")]
    assert ("soldiers", 2) in [(q.subject, q.low) for q in found]
    assert quantities("About 60 House Democrats boycotted the event.") == []
    assert [(q.subject, q.low) for q in quantities("Two US Marines died.")] == [("soldiers", 2)]


def test_each_figure_of_a_list_keeps_the_verb_that_governs_it() -> None:
    def read(sentence: str) -> list[tuple[str, float | None, str]]:
        return [(q.measure, q.low, q.subject) for q in quantities(sentence)]

    # a figure listed right after another shares its measure
    assert read('"Bodies of two women and one child have been recovered so far," said an officer.') == [
        ("killed", 2, "women"), ("killed", 1, "children"), ("killed", 3, "people")]
    # a verb of its own after "and"
    assert read("Police arrested two men and questioned three women.") == [
        ("arrested", 2, "men"), ("count", 3, "women")]
    # "abducted" elsewhere in the sentence does not make the killed abducted
    assert read("Gunmen killed four people and abducted 12 others.") == [
        ("killed", 4, "people"), ("abducted", 12, "people")]
    assert read("At least 30 people were abducted and five were killed.") == [
        ("abducted", 30, "people"), ("killed", 5, "people")]
    assert read("Twelve people were kidnapped on Sunday.") == [("abducted", 12, "people")]


def test_a_height_is_no_distance() -> None:
    assert quantities("The waves are as high as 3-4 meters, an official said.") == []


def test_a_list_of_people_hurt_alike_counts_its_people_in_all() -> None:
    """"killing the 10 US citizens and two local crew members": 12 killed, each figure a part of them; no total
    where the list is among a larger number, has a member with no figure, or already has its total."""
    found = quantities("The plane crashed, killing the 10 US citizens and two local crew members on board.")
    total = found[-1]
    assert (total.measure, total.subject, total.low, total.high) == ("killed", "people", 12, 12)
    assert [q.part_of for q in found] == [2, 2, None]
    assert [q.subject for q in quantities("Two women and two children were among the dead.")] == ["women", "children"]
    assert [q.low for q in quantities("The attack killed four police officers, two soldiers and a civilian.")] \
        == [4, 2]
    assert [q.low for q in quantities("The blast killed 12 people, including two women and one child.")] == [12, 2, 1]


def test_several_is_no_severity_and_the_number_of_injured_is_a_toll() -> None:
    def read(sentence: str) -> list[tuple[str, float | None, str]]:
        return [(q.measure, q.low, q.subject) for q in quantities(sentence)]

    assert read("At least 97 people have been killed and several others injured, police said.") == [
        ("killed", 97, "people"), ("injured", None, "people")]
    assert read("Ten were gravely wounded.") == [("injured", 10, "people, seriously hurt")]
    assert read("The number of injured rose to 934.") == [("injured", 934, "people")]
    assert read("The number hurt rose to 934 on Saturday.") == [("injured", 934, "people")]
    assert read("Iran, which lost at least 95 of its citizens in the crush, criticized Riyadh.") == [
        ("killed", 95, "citizens")]
    assert read("Farmers lost 2,000 cattle in the flood.") == []


def test_a_qualifier_is_a_whole_word_and_a_clause_about_when_is_its_own() -> None:
    def read(sentence: str) -> list[tuple[str, float | None, float | None]]:
        return [(q.measure, q.low, q.high) for q in quantities(sentence)]

    assert read("We were able to recover four additional bodies in the rubble.") == [("killed", 4, 4)]  # no "over"
    assert read("Another 863 people were injured in the incident, which occurred as two million pilgrims were "
                "taking part in the rite.") == [("injured", 863, 863), ("count", 2_000_000, 2_000_000)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the toll named far before its change ("the number of ... killed ... has risen to")
        ("The number of Afghans killed in a suicide bomb attack on Kabul airport on Thursday has risen to 79, a "
         "hospital official said.", [("79", "killed", "people", 79, 79)]),
        ("The chief secretary said that the number of deaths in the incident has been revised to 275 after "
         "factoring out double counting.", [("275", "killed", "people", 275, 275)]),
        ("Fatalities in the ongoing protests in the capital have surged to at least 39, as reported by AFP.",
         [("at least 39", "killed", "people", 39, None)]),
        # an adverb and a day between the verb and "from"; both figures are the toll
        ("The death toll in Thursday's attack at the airport rose sharply Friday from 90 to 170, reports the BBC.",
         [("90", "killed", "people", 90, 90), ("170", "killed", "people", 170, 170)]),
        ("The number of lives lost in recent flooding has risen to 131, with officials warning of more rain.",
         [("131", "killed", "people", 131, 131)]),
        ("The governor said storm-related deaths had reached 131 across the state, up from 120 reported on Friday.",
         [("131", "killed", "people", 131, 131), ("120", "killed", "people", 120, 120)]),
        ("The number of injured increased to 3,408, while the missing figure rose to 139.",
         [("3,408", "injured", "people", 3408, 3408), ("139", "missing", "people", 139, 139)]),
        ("The number of missing people has risen to 93.", [("93", "missing", "people", 93, 93)]),
        # "from N to M" after a verb setting the toll far before it: two figures, not a range (dots of "U.S." kept)
        ("Authorities revised the death toll from the stadium stampede in Malang from 174 to 125 on Sunday.",
         [("174", "killed", "people", 174, 174), ("125", "killed", "people", 125, 125)]),
        ("The governor raised the U.S. territory's official death toll from the hurricane from 64 to 2,975.",
         [("64", "killed", "people", 64, 64), ("2,975", "killed", "people", 2975, 2975)]),
        ("From 10 to 12 people were killed.", [("10 to 12 people", "killed", "people", 10, 12)]),
        # the last toll named before the verb says which toll changed
        ("The death toll rose to 50, while the number of wounded rose to 107.",
         [("50", "killed", "people", 50, 50), ("107", "injured", "people", 107, 107)]),
        # a verb setting the toll far from it; "to N from M"; the injured set in the same sentence
        ("The government on Sunday revised the death toll in the three-train crash on Friday to 275 from 288 and "
         "put the number of injured at 1,175.",
         [("275", "killed", "people", 275, 275), ("288", "killed", "people", 288, 288),
          ("1,175", "injured", "people", 1175, 1175)]),
        ("Authorities have raised the death toll from Saturday's suicide bombing in the capital, which claimed the "
         "life of a foreign national, to 103.", [("103", "killed", "people", 103, 103)]),
        # a number in words restated in digits in brackets
        ("Our records indicate that thirty-nine (39) people have died and three hundred and sixty-one (361) injured "
         "in the protests.", [("thirty-nine (39) people", "killed", "people", 39, 39),
                              ("three hundred and sixty-one (361) injured", "injured", "people", 361, 361)]),
        # no toll: bodies identified so far, a share of each place, an active "identified"
        ("Out of 275, 88 bodies have been identified.", [("88 bodies", "killed", "bodies identified", 88, 88)]),
        ("Authorities have successfully identified 163 victims through DNA testing.",
         [("163 victims", "killed", "bodies identified", 163, 163)]),
        ("Nakuru, Kajiado and Mombasa reported 3 deaths each.", []),
        ("Even with pandemonium on the streets, one officer has clearly identified where the shooting is coming "
         "from.", [("one officer", "count", "police officers", 1, 1)]),
        # those who died in care, of a group the sentence names, are a part
        ("Of the 71 injured persons admitted to the hospital after the crash, nine are undergoing treatment while "
         "two died during treatment.", [("71 injured persons", "injured", "people", 71, 71),
                                        ("two died", "killed", "died in hospital", 2, 2)]),
        ("Only 6 had died in hospitals, the director said.", [("Only 6 had died", "killed", "died in hospital", 6, 6)]),
        ("Two people died in hospital after the stabbing.", [("Two people", "killed", "people", 2, 2)]),
        # "Of those killed, ...": its figures are parts of the toll
        ("Of those killed, four people, including a child, died in Chooralmala, while a child died in a village.",
         [("four people", "killed", "people among the dead", 4, 4)]),
        # a verb of killing other than "killed"; the second of a list a verb governs; a range of one kind
        ("The bomber murdered 22 people and wounded 116 near the arena exit.",
         [("22 people", "killed", "people", 22, 22), ("116", "injured", "people", 116, 116)]),
        ("The bombings killed at least 170 Afghans and 13 US troops, and injured more than 150 Afghans.",
         [("at least 170 Afghans", "killed", "afghans", 170, None), ("13 US troops", "killed", "soldiers", 13, 13),
          ("more than 150 Afghans", "injured", "afghans", 151, None)]),
        ("The blast killed 5 people and 10 were injured.",
         [("5 people", "killed", "people", 5, 5), ("10 were injured", "injured", "people", 10, 10)]),
        ("Health officials gave varying estimates of the toll, from 120 wounded to 140.",
         [("120 wounded", "injured", "people", 120, 120), ("140", "injured", "people", 140, 140)]),
        # those still in hospital are a part of the injured; those who sought treatment after an attack are hurt
        ("Officials said 64 people were still hospitalized.",
         [("64 people", "injured", "people still in hospital", 64, 64)]),
        ("Twenty-three people are still receiving critical hospital care after the bombing.",
         [("Twenty-three people", "injured", "people still in hospital", 23, 23)]),
        ("Health officials said 119 people sought medical treatment at hospitals after the suicide attack.",
         [("119 people", "injured", "people", 119, 119)]),
        ("Authorities announced that two infected individuals sought treatment at a hospital in the capital.",
         [("two infected individuals", "count", "people", 2, 2)]),
        ("Two people were still at large.", [("Two people", "count", "people", 2, 2)]),
        # people naming the things counted; an attacker doing the killing; the missing whose bodies are sought
        ("Two passenger trains collided near the station.", [("Two passenger trains", "count", "trains", 2, 2)]),
        ("Protesters set fire to 13 police cars.", [("13 police cars", "count", "cars", 13, 13)]),
        ("Gregg says two men shot when a gunman opened fire were improving.", [("two men", "injured", "men", 2, 2)]),
        ("At least one gunman killed 49 people at two mosques.",
         [("At least one gunman", "count", "attackers", 1, None), ("49 people", "killed", "people", 49, 49),
          ("two mosques", "count", "mosques", 2, 2)]),
        ("Rescuers continued the search for the bodies of another 141 people who were reported missing.",
         [("141 people", "missing", "people", 141, 141)]),
        # thousands grouped with a space
        ("The stadium holds 42 000 people.", [("42 000 people", "count", "people", 42000, 42000)]),
        # a capitalised word after a dateline's dash opens the sentence; "feared missing"; a toll named before
        # another figure does not reach past it
        ("KERRVILLE, Texas — Just three people remained missing, officials said Saturday.",
         [("three people", "missing", "people", 3, 3)]),
        ("Unconfirmed reports put the death toll at 249, while 240 were feared missing.",
         [("249", "killed", "people", 249, 249), ("240 were feared missing", "missing", "people", 240, 240)]),
        ('Obama endorsed the "Ground Zero mosque" in a speech.', []),
        # all but one
        ("All but one of the 242 persons on board the plane were killed after it crashed.",
         [("All but one of the 242 persons", "killed", "people", 241, 241)]),
        ("Only one of the 242 passengers and crew onboard survived while others were killed.",
         [("Only one of the 242 passengers", "killed", "people", 241, 241)]),  # (passengers and crew: everyone)
    ],
)
def test_tolls_worded_far_from_their_figure_and_counts_that_are_no_toll(
        sentence: str, expected: list[tuple[str, str, str, float | None, float | None]]) -> None:
    assert _q(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # an apposition between the count and its verb
        ("A total of 212 people, mostly pupils on a school trip, have been confirmed dead with nine still missing.",
         ("killed", 212)),
        # everyone on board, killed
        ("The co-pilot flew the plane into the mountain, killing all 132 on board.", ("killed", 132)),
        ("The crash killed all 132 on board.", ("killed", 132)),
        ("The plane crashed into the sea, killing 132 on board.", ("killed", 132)),
        ("All 72 people on the plane, including the crew and five foreigners, are feared dead.", ("killed", 72)),
        # injuries sustained, and a denial of any death (a zero)
        ("The panel said 24 sustained gunshot injuries, while 15 others were assaulted.", ("injured", 24)),
        ("About 20 sustained gunshot wounds.", ("injured", 20)),
        ("We have not recorded any fatality, the governor said.", ("killed", 0)),
        ("Not a single death was reported.", ("killed", 0)),
    ],
)
def test_a_toll_s_wording_past_an_apposition_of_all_on_board_of_injuries_sustained_or_a_denial(sentence: str,
                                                                                               expected) -> None:
    got = [(m, lo) for _t, m, _s, lo, _hi in _q(sentence)]
    assert expected in got, got


def test_people_on_board_stay_a_load_without_a_verb_of_harm() -> None:
    assert [(m, lo) for _t, m, _s, lo, _hi in _q("A bus carrying 50 passengers crashed, killing 12.")] == [
        ("count", 50), ("killed", 12)]


def test_the_toll_of_a_similar_strike_recalled_is_another_event_s() -> None:
    from crosswire.extract.order import sentence_cues

    s = ("The ministry said the missile was of a type similar to one that hit the centre of the city on March 14, "
         "killing 17 people, an agency reported.")
    at = s.index("17 people")
    (cues,) = sentence_cues(s, [(at, at + 9)])
    assert cues.other_event == "similar to one", cues


def test_people_who_disappeared_are_missing_and_tensions_that_disappear_are_no_toll() -> None:
    got = [(m, lo) for _t, m, _s, lo, _hi in _q("In the city, 292 people died and 47 residents disappeared.")]
    assert ("killed", 292) in got and ("missing", 47) in got, got
    got = [m for _t, m, *_ in _q("Tensions between the two politicians have not disappeared since the vote.")]
    assert "missing" not in got, got


def test_a_toll_summed_over_many_incidents_since_a_date_is_another_event_s() -> None:
    from crosswire.extract.order import sentence_cues

    s = ("There have been 19 mass shootings in the country since May 11 that, including the one in Harlow, left at "
         "least 44 people dead, according to an archive's statistics.")
    at = s.index("at least 44")
    (cues,) = sentence_cues(s, [(at, at + len("at least 44 people"))])
    assert cues.other_event is not None and cues.other_event.startswith("19 mass shootings"), cues
    s = "Eight bombings on Sunday killed 253 people, officials said."  # coordinated attacks: the event's own toll
    at = s.index("253")
    (cues,) = sentence_cues(s, [(at, at + 10)])
    assert cues.other_event is None


def test_people_who_acted_are_no_toll_of_a_later_figure_s_word() -> None:
    sentence = "A report says nearly 400 officers rushed to a shooting that left 21 people dead at a school."
    got = [(m, lo, hi) for _t, m, _s, lo, hi in _q(sentence)]
    assert ("killed", 21, 21) in got and not [g for g in got if g[0] == "killed" and g[2] == 400], got



def test_a_change_by_some_people_and_a_total_of_hurt_and_dead_are_no_toll() -> None:
    """"The toll rose by 12 overnight to 160": 12 is how much it rose; "six are injured and 71 died for a total of 77
    people": 77 is everyone counted, no death toll; "soared past 4,300" is the toll now."""
    got = [(m, lo) for _t, m, _s, lo, _hi in _q("The toll rose by 12 overnight to 160.")]
    assert ("killed", 12) not in got, got
    assert not _q("Officials lowered the death toll by four on Wednesday.")
    got = [(m, lo) for _t, m, _s, lo, _hi in _q("Six are injured and 71 died for a total of 77 people.")]
    assert ("killed", 71) in got and ("killed", 77) not in got and ("count", 77) in got, got
    got = [(m, lo) for _t, m, _s, lo, _hi in _q("The death toll from the earthquake soared past 4,300 on Monday.")]
    assert ("killed", 4301) in got, got  # (past 4,300: more than it)


def test_a_count_since_a_coup_or_a_leader_took_power_is_another_period_s() -> None:
    from crosswire.extract.order import sentence_cues

    for s, fig in (("The monitor said there are now 423 deaths since the coup.", "423 deaths"),
                   ("At least 40 people have lost their lives in the streets since President Tom Vale launched a "
                    "self-coup.", "At least 40 people")):
        at = s.index(fig)
        (cues,) = sentence_cues(s, [(at, at + len(fig))])
        assert cues.other_event is not None and cues.other_event.startswith("since"), (s, cues)
    s = "At least 40 people have been killed since the attack began on Saturday."  # this event's running toll
    at = s.index("At least 40")
    (cues,) = sentence_cues(s, [(at, at + 18)])
    assert cues.other_event is None


def test_a_day_naming_the_incident_does_not_date_a_count_now_but_dates_a_count_then() -> None:
    from crosswire.extract import extract
    from crosswire.records import Article, Published

    def claim_dates(text: str) -> list[tuple[str, str | None]]:
        a = Article(id="a", document_id="a", origin="a", paragraphs=(text,), outlet="x",
                    published=Published("2015-05-12", "day", "t"))
        return [(c.text, c.as_of) for c in extract(a).claims]

    # the count now: the report's day, not the quake's
    assert claim_dates("The death toll in the Harlow Earthquake on April 25 has reached 8,046 so far.") == [
        ("8,046", "2015-05-12")]
    assert claim_dates("The death toll from Saturday's earthquake soared past 4,300 on Monday, officials said.") == [
        ("past 4,300", "2015-05-11")]
    # a count of then: the incident's day
    assert claim_dates("Four Americans were killed in the attack on September 11, 2012.") == [
        ("Four Americans", "2012-09-11")]


def test_everyone_on_board_a_toll_brought_up_to_a_figure_and_another_gunman_s_dead() -> None:
    from crosswire.extract.order import sentence_cues

    got = [(m, s, lo) for _t, m, s, lo, _hi in _q("All 157 passengers and crewmembers on board were killed.")]
    assert got == [("killed", "people", 157)], got  # (not 157 passengers against another report's 149)
    got = [(m, lo, hi) for _t, m, _s, lo, hi in _q("The 22nd victim died on Monday, bringing the total fatalities from "
                                                   "the shooting up to 22.")]
    assert ("killed", 22, 22) in got, got  # the count now, not "at most 22"
    assert [(lo, hi) for *_, lo, hi in _q("Up to 20 people may have died, officials said.")] == [(None, 20)]
    s = "Last weekend a different gunman killed 20 people at a store in another state."
    at = s.index("20 people")
    (cues,) = sentence_cues(s, [(at, at + 9)])
    assert cues.other_event == "a different gunman"


def test_a_mountain_range_is_no_town() -> None:
    from crosswire.extract import extract
    from crosswire.records import Article, Published

    a = Article(id="a", document_id="a", origin="a", paragraphs=(
        "The plane crashed in the Andes mountains near Medellin, Colombia, killing 71 people.",), outlet="x",
        published=Published("2016-11-29", "day", "t"))
    andes = next(e for e in extract(a).entities if e.name == "Andes")
    assert andes.place is None or andes.place.precision == "unknown", andes.place


def test_a_toll_now_above_a_figure_and_people_at_risk() -> None:
    sentence = "The death toll from the cyclone is now above 1,000, officials said."
    got = [(m, lo, hi) for _t, m, _s, lo, hi in _q(sentence)]
    assert got == [("killed", 1001, None)], got
    sentence = "Some 350,000 people are at risk, the UN said, as the death toll rose."
    got = [(m, lo) for _t, m, _s, lo, _hi in _q(sentence)]
    assert got == [("affected", 350000)], got  # (not 350,000 dead)


def test_bodies_found_bringing_the_total_to_a_figure_is_the_toll() -> None:
    sentence = "More bodies were found in the rubble of the tremor, bringing the confirmed total to 35,224."
    assert [(m, lo) for _t, m, _s, lo, _hi in _q(sentence)] == [("killed", 35224)]
    sentence = "Police made 12 more arrests, bringing the total to 50."  # no death word: no toll
    assert "killed" not in [m for _t, m, *_ in _q(sentence)]
    # the total number of people on board, revised: a load, no toll (the Chapecoense record said 77)
    sentence = ("The agency had earlier announced that 75 had died, but it revised the total number of people who "
                "had been on board from 81 to 77.")
    assert [(m, lo) for _t, m, _s, lo, _hi in _q(sentence) if m == "killed"] == [("killed", 75)]
