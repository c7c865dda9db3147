"""Group articles into stories (one real-world event each), online and incremental.

Each article, taken in publication order (ties by id), joins the best-scoring story or opens a
new one. The score says "same event", not "same topic":

* text: cosine between the article's TF-IDF vector and the story's centroid. Terms are content
  words of the title (counted ``title_weight`` times) and of the body paragraphs long enough to
  be prose (chrome lines are short), plus what tells events of one kind apart: names, numbers
  and, from ``Extraction``, canonical entity names and event dates, each boosted. Names are
  capitalised runs inside a sentence; capitals at a sentence start or in a title-case headline
  prove nothing, so there only names the article also writes inside a sentence, or words it
  never writes in lower case, count;
* headline: cosine of the title words to the story's titles, mixed in with ``title_share``. A
  headline says which event a report is about; two reports of one day on one topic ("Leader loses
  primary", "Rival enters race to succeed him") share their text, not their headline. Within
  ``grace_days``, the people a report leads with (named in its headline or first lines) count
  with its headline words: two reports of the same days whose headlines share no word but
  which lead with the same rare person ("Senator shot at charity run", "Gunfire spurs calls for
  security") are about one event;
* time: days between the article and the story's dates cost a penalty, which shrinks as the
  names agree and as the headline carries a name the story owns (one that few articles outside
  the story have). Two shootings in one city on different days bring different names and are
  two stories; the aftermath of a data breach weeks later still names the company;
* a story that grows re-tests the single-article stories near it (``adopt_size``): an article
  that came before its story was recognisable joins it then.

IDF comes from *running* document frequencies (every article seen so far, the current one
included): the state is a sum over stories, so it survives a round trip through the store and
half-then-rest gives the same stories as all at once. Candidates come from an inverted index
(term -> stories whose centroid holds it) queried with the article's most distinctive terms,
never from all stories, and at most ``max_candidates`` of them are scored, so an article costs
the same however many stories there are. Duplicates and rewrites (dedup links) join their
original's story and count once: their terms are not computed, and the centroid, the counts and
the corpus size IDF reads are those of the distinct reports.

Modules: :mod:`.options` (``ClusterOptions``), :mod:`.terms` (what an article brings: terms,
names, lede people, its day), :mod:`.vocab` (term ids and running counts as arrays),
:mod:`.state` (a story's state and stored features, a query), :mod:`.index` (``StoryIndex``:
candidates, scoring, adoption).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..records import Article, Extraction, Link, Story
from .index import StoryIndex
from .options import ClusterOptions
from .state import FEATURES_VERSION as FEATURES_VERSION
from .terms import article_terms, publication_key, stated_day, story_id

__all__ = ["ClusterOptions", "StoryIndex", "article_terms", "cluster", "originals", "story_id"]


def originals(links: Sequence[Link], options: ClusterOptions) -> dict[str, str]:
    """The article each copy follows into its story (the links of ``options.follow_links``), by copy id."""
    original: dict[str, str] = {}
    for link in sorted(links, key=lambda lk: (lk.article_id, lk.kind, lk.of_article_id)):
        if link.kind in options.follow_links:
            original.setdefault(link.article_id, link.of_article_id)
    return original


def cluster(articles: Sequence[Article], extractions: Mapping[str, Extraction], links: Sequence[Link],
            index: StoryIndex, terms: Mapping[str, Mapping[str, float]] | None = None) -> list[Story]:
    """Assign ``articles`` to stories in ``index`` (joining or opening them, in publication
    order) and return the stories created or changed, sorted by id. Stories merged into
    others on the way are left out; :meth:`StoryIndex.take_removed` names them. ``terms``: the
    :func:`article_terms` of some articles by id, made elsewhere (what is not given is made here)."""
    opts = index.options
    original = originals(links, opts)
    changed: set[str] = set()
    removed_before = index.removed_count()
    for article in sorted(articles, key=publication_key):
        if index.story_of(article.id) is not None:
            continue
        target = index.story_of(original[article.id]) if article.id in original else None
        given = terms.get(article.id) if terms is not None and target is None else None
        made = (given if given is not None else article_terms(article, extractions.get(article.id), opts)
                ) if target is None else {}
        stated = stated_day(article) if target is None and not article.published.value else None
        changed.add(index.add(article.id, article.title or "", article.published.value, made, target, stated))
    changed -= set(index.removed_since(removed_before))
    return [index.story(sid) for sid in sorted(changed)]
