"""Who said it, and one name per originator."""

from crosswire.extract.attribution import (
    appositives,
    attribution,
    framing_attribution,
    link_descriptions,
    normalise_source,
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
