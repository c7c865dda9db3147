"""Forms of page chrome that survive an HTML extractor: link labels, contact and credit lines,
calls to action at the foot of an article, tagged cross-links, tag lists.

Each predicate looks at the shape of one line (a short label before a colon made of interface
words, a line that is nothing but addresses, an imperative sentence about newsletters and social
accounts); which of them apply only at the foot of the body is decided in :mod:`.text`.
"""

from __future__ import annotations

import re

_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ASCII_WORD_RE = re.compile(r"[a-z0-9]+(?:'[a-z0-9]+)*")  # _WORD_RE in lowered ASCII text


def vocab(text: str) -> frozenset[str]:
    """A word list written as one space-separated string."""
    return frozenset(text.split())


LABEL_WORDS = vocab(
    "related read see more also watch listen don't dont miss recommended most popular trending latest "
    "top stories story post posts news video videos photos photo gallery editor's editors picks pick "
    "further reading reading previous next up you may like in this the on")
CTA_VERBS = vocab("follow subscribe sign get listen share like tell email write reach click tap download "
                      "join read watch support donate visit contact send")
CTA_NOUNS = vocab(
    "newsletter newsletters inbox twitter facebook instagram youtube tiktok linkedin whatsapp telegram "
    "podcast podcasts subscribe subscribing subscription email e-mail app friend comments comment "
    "notifications alerts feed rss")
_ADDRESS_RE = re.compile(r"(?:https?://\S+|www\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w{2,}|"
                         r"(?:[a-z0-9-]+\.)+(?:com|org|net|co|uk|io|info|news)(?:/\S*)?)", re.I)
# A piece of text every address holds (its scheme, "www.", "@", or a dot before a top-level domain):
# the costly pattern above is tried only where this one finds something.
_ADDRESS_HINT = re.compile(r"://|www\.|@|\.(?:co|org|net|uk|io|info|news)", re.I)
# A token (between white space) with a letter or digit and no ".", "@" or "/": every address holds one of
# those, so none lies in such a token, and the token stays a word when the addresses are taken out.
_PLAIN_TOKEN = re.compile(r"(?<!\S)[^\s.@/]*[^\W_][^\s.@/]*(?!\S)")
_CREDIT_RE = re.compile(r"\b(?:contributed(?: to this)? (?:report|reporting|to this (?:report|story))|"
                        r"(?:additional )?reporting by|editing by|writing by|compiled by|produced by)\b", re.I)
_TAGS_RE = re.compile(r"^(?:tags?|filed under|topics?|categories|category)\s*:\s*(.+?)\s*\|?$", re.I)
_TAGGED_LINK_RE = re.compile(r"\[[A-Z][A-Z ]{2,}\]\s*\|?$")
_ALSO_ON_RE = re.compile(r"^also (?:on|at|in) \S+\.\w+", re.I)
# The signature an embedded social post ends with: "— Name (@handle) December 27, 2017".
_EMBED_RE = re.compile(r"[—–-]\s*[^—–()]{1,60}\(@\w{1,30}\)(?:\s+[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})?\s*$")
# A photo credit: capitalised names joined by slashes ("Jane Roe/AP", "Ann Lee/EPA /Landov").
_CAP = r"[A-Z][\w.'’&-]*"
_SLASH_CREDIT_RE = re.compile(rf"{_CAP}(?:\s+{_CAP}){{0,3}}(?:\s?/\s?{_CAP}(?:\s+{_CAP}){{0,3}})+")
# Words of image widgets that stand around such credits ("Enlarge this image toggle caption ...").
IMAGE_WIDGET_WORDS = vocab("enlarge this image images toggle caption hide show photo photos picture pictures "
                           "credit credits photograph photographer courtesy of via the")
# Author initials and agencies at the foot: "ab/cd (AFP, dpa)".
_INITIALS_RE = re.compile(r"^[a-z]{1,4}(?:/[a-z]{1,4})+(?:\s*\([^()]{1,60}\))?$")


def words(text: str) -> list[str]:
    """The words of ``text``, lower case; ASCII text (most lines) is lowered whole and read by the ASCII form
    of ``_WORD_RE``, which finds the same words there."""
    if text.isascii():
        return _ASCII_WORD_RE.findall(text.lower())
    return [w.lower() for w in _WORD_RE.findall(text)]


def _label_words(text: str, limit: int) -> int:
    """How many words ``text`` has when all of them are label words and there are at most ``limit``;
    else -1. Stops at the first word that is not one (every line of prose is tried as a label)."""
    n = 0
    for m in _WORD_RE.finditer(text):
        if n == limit or m[0].lower() not in LABEL_WORDS:
            return -1
        n += 1
    return n


def link_label(text: str) -> bool:
    """``Related: <headline>``, ``READ MORE: ...``, ``Also on rt.com ...``, ``You may also like...``."""
    if _ALSO_ON_RE.match(text):
        return True
    head, colon, rest = text.partition(":")
    if (colon and _label_words(head, 3) >= 1 and len(words(rest)) <= 20
            and not re.search(r"[.!?]\s", rest) and not rest.strip().endswith(".")):
        return True
    if _label_words(text.rstrip(".…:"), 5) < 2:
        return False
    ends = text.rstrip()
    return not ends.endswith(".") or ends.endswith("...")  # "You may also like..." is a label


def _label_token(token: str) -> bool:
    """Whether every word of one whitespace-free token is a label word."""
    if token.isalpha():  # letters only: the token is its one word
        return token.lower() in LABEL_WORDS
    return all(w in LABEL_WORDS for w in words(token))


def trailing_label(text: str) -> bool:
    """A headline that ends in a link label instead of sentence punctuation (``Rain returns Read more``)."""
    rest = text.strip().rstrip(":.…")
    last = rest.rsplit(None, 1)  # the last token ends the label whatever its length (k)
    if not last or not _label_token(last[-1]):
        return False
    tokens = rest.split()
    for k in (2, 3):
        head, label = " ".join(tokens[:-k]), tokens[-k:]
        if (len(tokens) > k and label[0][:1].isupper() and all(w in LABEL_WORDS for w in words(" ".join(label)))
                and not head.rstrip("\"”’')").endswith((".", "!", "?", ":", ";", ","))
                and 3 <= len(words(head)) <= 25):
            return True
    return False


# A kicker: two or more words in capitals ("ERUPTION OF ANGER", "'DAD WAS A PAEDO'") before a teaser headline.
_KICKER_RE = re.compile(r"(?<![\w'’])['‘’\"]?[A-Z][A-Z'’]+(?:\s+[A-Z][A-Z'’]*){1,6}['’\"]?(?![\w'’])")
_STRIP_HEAD_RE = re.compile(r"^(?:most\s+read|most\s+popular|more\s+from|more\s+on|more\s+stories|related|read\s+more|"
                            r"trending|recommended|you\s+may\s+also\s+like|top\s+stories|editor'?s\s+picks|"
                            r"latest\s+news|more\s+in)\b", re.I)
# A gallery's slides run together: a credit and the slide count before each caption ("Getty Images 22 ...").
_SLIDE_RE = re.compile(r"\b(?:Getty\s+Images|AFP|AP(?:\s+Photo)?|Reuters|EPA|PA(?:\s+Wire)?|Rex(?:\s+Features)?|"
                       r"Shutterstock|Alamy)(?:\s*/\s*[A-Z][\w ]{1,30})?\s+\d{1,3}\s+(?=[A-Z])")


STRIP_CHARS_PER_ITEM = 250  # a teaser or a caption is short; a paragraph longer than this per item is prose
KICKER_WITHIN = 40  # a strip opens on its first kicker
_KICKER_OPENING = re.compile(r"[A-Z][A-Z'’]")  # how every kicker starts, after its optional quote
SLIDE_WITHIN = 60  # a gallery opens on its first slide credit
# The words every slide credit opens with (EPA holds PA): one of them is near the start of a gallery.
_SLIDE_OPENINGS = ("Getty", "AFP", "AP", "Reuters", "PA", "Rex", "Shutterstock", "Alamy")


def teaser_strip(text: str) -> bool:
    """A strip of links to other stories run into one paragraph: a heading ("MOST READ IN NEWS") and kicker
    headlines in capitals, three or more of them ("ERUPTION ALERT Bali's volcano has erupted ...")."""
    if _KICKER_OPENING.search(text[:KICKER_WITHIN + 3]) is None:
        return False  # no kicker can start in time: its quote, capital and next capital would be here
    kickers = [m for m in _KICKER_RE.finditer(text) if len(m.group(0).strip("'‘’\"")) >= 6]
    dense = bool(kickers) and kickers[0].start() <= KICKER_WITHIN and len(text) <= STRIP_CHARS_PER_ITEM * len(kickers)
    if len(kickers) >= 3 and dense:
        return True  # the strip is the whole paragraph: it opens on a kicker and every item is headline-short
    return bool(_STRIP_HEAD_RE.match(text)) and text.upper() != text and len(kickers) >= 2 and dense


def gallery_captions(text: str) -> bool:
    """A photo gallery's captions, each after its credit and slide count: two slides or more, and nothing else
    (a paragraph of prose that runs into a gallery keeps its prose)."""
    head = text[: SLIDE_WITHIN + max(map(len, _SLIDE_OPENINGS))]
    if not any(name in head for name in _SLIDE_OPENINGS):
        return False  # no slide credit starts in time
    slides = list(_SLIDE_RE.finditer(text))
    return len(slides) >= 2 and slides[0].start() <= SLIDE_WITHIN and len(text) <= STRIP_CHARS_PER_ITEM * len(slides)


def social_embed(text: str) -> bool:
    """An embedded social post, which ends in its author's name and handle: quoted content, not chrome."""
    return bool(_EMBED_RE.search(text))


# Page furniture a flat text (one paragraph per article, as many scrapes store it) keeps inside its sentences:
# picture credits and captions, embedded posts, links, a gallery's slide credit, "more stories" strips.
_INLINE_MEDIA = re.compile(
    r"\b(?:Image\s+(?:copyright|caption)|Media\s+caption|Getty\s+Images|AP\s+Photo|Photo(?:graph)?\s*:|"
    r"(?:Photo|Picture|Image)\s+(?:credit|courtesy)|pic\.twitter\.com|MORE\s+(?:GREAT\s+)?STORIES|"
    r"(?:Click|Tap)\s+(?:here|to\s+(?:see|view|watch|read|share))|Watch\s+(?:the\s+)?video|Hide\s+Caption|"
    r"Thank\s+you\s+for\s+subscribing|Could\s+not\s+subscribe|Invalid\s+Email|Opens\s+in\s+(?:a\s+)?new\s+window|"
    r"Share\s+(?:this|on)\s+(?:article|story|Facebook|Twitter|WhatsApp)|Sign\s+up\s+(?:for|to)\s+(?:our|the)|"
    r"Find\s+out\s+what's\s+happening)\b|\((?:Photo|Picture|Image)\b|^(?:Photos?|Video|Watch)\s*:|"
    r"^File\s*[-–—]\s+(?:In\s+this|This)\b|\b(?:[Ii]n\s+this\s+(?:[\w,.]+\s+){0,5}?|undated\s+|handout\s+)"
    r"(?:file\s+|handout\s+)?(?:photo|image|picture)\b|^Read\s+(?:her|his|their|more|our)\b|^Updated\s*\||"
    r"https?://|\bwww\.\w|\(@\w{2,30}\)|^(?:Photo|Picture)\s+[A-Z]{3,}|(?<![\w'’])[A-Z]{3,}\s+[A-Z]{3,}\s+[A-Z][a-z]")


def inline_media(text: str) -> bool:
    """A sentence that carries page furniture inside it (an image credit or caption, an embedded post, a link,
    a "more stories" strip): not a sentence of the report, though it may hold one."""
    return bool(_INLINE_MEDIA.search(text))


def photo_credit(text: str) -> bool:
    """Nothing but photo credits in ``Name/Agency`` form, maybe among image-widget words
    (``Jane Roe/AP``, ``Enlarge this image toggle caption Jane Roe/AP Jane Roe/AP``)."""
    if "/" not in text or len(words(text)) > 16 or "//" in text:
        return False
    rest = _SLASH_CREDIT_RE.sub(" ", text)
    return rest != text and all(w in IMAGE_WIDGET_WORDS for w in words(rest))


# The credit that closes a picture's caption. Named as one: "(Photo: AP)", "(Video: Rescue Team)", "(Photo by JANE
# ROE / AFP)", "Photograph: Jane Roe/EPA", "[Photo/Xinhua]"; or a credit's form after the caption's last sentence:
# names and agencies between slashes "(Jane Roe/Reuters)", "—AFP/Jane Roe", "Pics/AFP", a photographer and an
# agency in brackets "[Stringer - Wire Agency]" (not a citation: "[Book 2]"), an agency after a bar "| Reuters".
_PICTURE_WORD = r"(?:Photo(?:graph)?|Picture|Image|Video|Pic)s?"
_NAMED_CREDIT = re.compile(
    rf"(?:\(\s*{_PICTURE_WORD}(?:\s+by|\s+courtesy(?:\s+of)?|\s*:)\s*[^()]{{1,80}}\)"
    rf"|\b{_PICTURE_WORD}\s*:\s*[^.!?:()]{{1,60}}"
    rf"|\[\s*{_PICTURE_WORD}\s*[/:]\s*[^\[\]]{{1,40}}\])\s*\|?\s*$")
_SLASH = _SLASH_CREDIT_RE.pattern
_FORM_CREDIT = re.compile(
    rf"(?:\(\s*{_SLASH}\s*\)|[—–]\s*{_SLASH}|(?<=[.!?”\"]\s){_SLASH}"
    r"|\[[A-Z][\w.'’& ]{0,40}\s[-–/]\s[A-Z][\w.'’& ]{0,40}\]"
    r"|\|\s*[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,2}(?:\s+(?:photo|photos|pic|image|file))?)\s*$")
CAPTION_MAX_WORDS = 80  # a caption is a sentence or two; a longer paragraph ending in a credit holds the story's text
CREDIT_WITHIN = 200  # characters from a line's end that hold any credit (each form is far shorter)


def caption_credit(text: str) -> bool:
    """A picture's caption, told by the credit that closes it (``A man carries a child from the rubble on Tuesday.
    Photograph: Jane Roe/EPA``, ``... (Jane Roe/Reuters)``, ``... (Photo: AP)``): what the picture shows, not a
    sentence of the report, and its figures are often stale. A credit in the form of a name (slashes, brackets, a
    bar) counts only after the caption's last sentence or at least four words of it."""
    at = max(0, len(text) - CREDIT_WITHIN)
    tail = text[at:]
    if "/" not in tail and "(" not in tail and "[" not in tail and "|" not in tail and ":" not in tail:
        return False  # every credit form holds one of these
    m = _NAMED_CREDIT.search(tail)
    if m is not None:
        return len(words(text[:at + m.start()])) >= 4 and len(words(text)) <= CAPTION_MAX_WORDS
    m = _FORM_CREDIT.search(tail)
    if m is None or len(words(text)) > CAPTION_MAX_WORDS:
        return False
    before = text[:at + m.start()].rstrip()
    ends = before.endswith((".", "!", "?", "”", "\"", ")")) or m[0].lstrip().startswith("|")  # a bar sets it apart
    return len(words(before)) >= 4 and ends


# An agency's archive-photo caption: "FILE - In this Sept. 30, 2016, file photo, Singer X poses ... (AP Photo/Y)".
_FILE_PHOTO = re.compile(r"^\s*FILE\s*[-–—:]\s+(?:In\s+this\s+|This\s+)?.{0,80}?\bfile\s+(?:photo|image|picture)\b")


def file_photo_caption(text: str) -> bool:
    """An agency's caption of an archive photo (``FILE - In this Sept. 30, 2016, file photo, ...``)."""
    return len(text) <= 600 and _FILE_PHOTO.match(text) is not None


def source_label(text: str) -> bool:
    """``Source: Wire agencies``: where the story came from, named in a few words at the foot."""
    head, colon, rest = text.partition(":")
    return (bool(colon) and words(head) in (["source"], ["sources"]) and 1 <= len(words(rest)) <= 4
            and not re.search(r"[.!?]\s", rest))


def initials_credit(text: str) -> bool:
    """Author initials and agencies on a line of their own (``ab/cd (AFP, dpa)``)."""
    return bool(_INITIALS_RE.match(text.strip()))


def tagged_link(text: str) -> bool:
    """A cross-link headline carrying a bracketed tag: ``... outbreak [NEWS]``."""
    return bool(_TAGGED_LINK_RE.search(text)) and len(text) <= 200


def address_line(text: str) -> bool:
    """Nothing but URLs, e-mail addresses or handles, maybe after a short label (``Listen: http://...``)."""
    rest = text
    head, colon, tail = text.partition(":")
    if colon and len(words(head)) <= 2 and not tail.startswith("//"):
        rest = tail
    if _PLAIN_TOKEN.search(rest) or not _ADDRESS_HINT.search(text) or not _ADDRESS_RE.search(text):
        return False
    return not words(_ADDRESS_RE.sub(" ", rest))


def credit_line(text: str) -> bool:
    """``Reporting by ...; editing by ...``, ``X contributed reporting from Y.``"""
    return bool(_CREDIT_RE.search(text)) and len(words(text)) <= 45


_CREDIT_SPLIT = re.compile(r"(?<=[.!?”\"])\s+(?=[(A-Z“\"])|\s+(?=\([^()]*\)\s*$)")


def split_credit(text: str) -> tuple[str, str] | None:
    """A line ending in credits (``... landscape. (Writing by X; Editing by Y)``) -> (the text before,
    the credits); the text before is empty when the whole line is credits; None when there are none."""
    if not _CREDIT_RE.search(text):
        return None  # each part is a stretch of the text between white space: none can hold a credit
    parts = _CREDIT_SPLIT.split(text.strip())
    cut = len(parts)
    while cut > 0 and credit_line(parts[cut - 1]):
        cut -= 1
    if cut == len(parts):
        return None
    return " ".join(parts[:cut]).strip(), " ".join(parts[cut:]).strip()


def tags_line(text: str) -> str | None:
    """``Filed under: Politics |`` -> ``Politics``."""
    m = _TAGS_RE.match(text.strip())
    return m[1].split(",")[0].strip() if m else None


# What a sign-up box says back: "Thank you for subscribing!", "Could not subscribe, try again later",
# "Invalid Email", "Please enter a valid email address", "Something went wrong, please try again later".
_FORM_MESSAGE = re.compile(
    r"^(?:thanks?(?:\s+you)?\s+for\s+(?:subscribing|signing\s+up|registering)|"
    r"could\s+not\s+(?:subscribe|sign\s+you\s+up)|invalid\s+e-?mail(?:\s+address)?|"
    r"please\s+enter\s+a\s+valid\s+e-?mail(?:\s+address)?|something\s+went\s+wrong|"
    r"you(?:'|’)re\s+(?:now\s+)?(?:subscribed|signed\s+up)|we\s+have\s+more\s+newsletters|"
    r"sorry,?\s+there\s+(?:was|has\s+been)\s+an?\s+error)"
    r"(?:[,.!]?\s*(?:please\s+)?try\s+again(?:\s+later)?|[,.!]?\s*show\s+me\s+\w+|"
    r"[,.!]?\s*see\s+our\s+privacy\s+notice)?\s*[.!]?$",
    re.IGNORECASE)


def form_message(text: str) -> bool:
    """A sign-up box's reply (``Thank you for subscribing!``, ``Invalid Email``), not the story's words."""
    return len(text) <= 90 and _FORM_MESSAGE.match(text.strip()) is not None


# A page's notices about itself: its age ("This story is over 5 years old."), its cookies.
_SITE_NOTICE = re.compile(
    r"^(?:this\s+(?:article|story|page|content|post)\s+is\s+(?:over|more\s+than)\s+\w+\s+(?:years?|months?)\s+old"
    r"|(?:this|our)\s+(?:web\s*)?site\s+uses\s+cookies|we\s+use\s+cookies)\b[^.!?]{0,120}[.!]?$", re.I)


def site_notice(text: str) -> bool:
    """A notice a site puts on its pages (``This story is over 5 years old.``, ``This website uses cookies.``)."""
    return len(text) <= 160 and _SITE_NOTICE.match(text.strip()) is not None


# A heading over a list of other stories: label words alone ("The Latest", "Also Read", "Related Stories"), or a
# list of a section ("Popular in World", "More from Business", "Most read in Sport").
_LIST_WORDS = vocab("related latest popular trending recommended read more stories picks also")
_SECTION_LIST = re.compile(r"^(?:most\s+)?(?:popular|read|viewed|latest|trending|recommended|more|top\s+stories)\s+"
                           r"(?:in|from|on)\s+[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*){0,2}$", re.I)


def list_heading(text: str) -> bool:
    """A heading over links to other stories (``The Latest``, ``Popular in World``, ``READ MORE``)."""
    t = text.strip().rstrip(":.…")
    if len(t) > 40:
        return False
    if _SECTION_LIST.match(t):
        return True
    n = _label_words(t, 4)
    return n >= 1 and any(w in _LIST_WORDS for w in words(t))


_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")


# A call to follow an outlet, as a line of its own: "Watch CBS News", "Listen to BBC Radio 4", "Download the
# Fox News app" - an imperative, then nothing but the outlet's name (capitalised words) and a word of the medium.
_OUTLET_CALL = re.compile(r"(?:Watch|Listen\s+to|Follow|Subscribe\s+to|Download|Get|Stream)\s+(?:the\s+|us\s+on\s+)?"
                          r"(?:[A-Z0-9][\w&.'’+-]*\s*){1,4}(?:\s*(?:live|now|app|online|on\s+\w+))?[.!:]?")


def outlet_call(text: str) -> bool:
    """A line that only invites the reader to watch, follow or install an outlet (``Watch CBS News``)."""
    return len(text) <= 60 and _OUTLET_CALL.fullmatch(text.strip()) is not None


def call_to_action(text: str, *, anywhere: bool = False) -> bool:
    """An imperative about newsletters, social accounts or comments (``Follow us on Instagram.``,
    ``Like this story? Share it with a friend!``), a "click here", or a sentence giving the author's
    addresses. An embedded social post (its link and handle quoted in the story) is not one.

    ``anywhere``: the line is judged away from the foot of the article, where only a plain imperative
    about newsletters or accounts is enough, and words inside a link do not count (a posted
    ``pic.example.com/x`` link is no invitation to follow anyone)."""
    lower = text.lower()
    named = any(noun in lower for noun in CTA_NOUNS)  # every word below is a piece of the text, lowered alike
    if anywhere and not named:
        return False  # no sentence can name a newsletter or an account
    hinted = _ADDRESS_HINT.search(text) is not None  # else no address to take out or to find
    if not (named or hinted or ("here" in lower and ("click" in lower or "tap" in lower))):
        return False  # no account named, no "click here", no address
    w = words(text)
    if not w or len(w) > 45 or social_embed(text):
        return False
    sentences = [ws for s in _SENTENCE_SPLIT.split(_ADDRESS_RE.sub(" ", text) if hinted else text)
                 if (ws := words(s))]
    nouns = sum(x in CTA_NOUNS for s in sentences for x in s)
    imperative = any(s[0] in CTA_VERBS for s in sentences)
    if anywhere:
        return imperative and nouns >= 1
    click_here = any(s[0] in ("click", "tap") and "here" in s for s in sentences)
    linked = sum(x in CTA_NOUNS for x in w)  # at the foot, links to accounts count ("twitter.com/AP")
    return ((imperative and nouns >= 1) or click_here
            or (hinted and bool(_ADDRESS_RE.search(text)) and (linked >= 1 or imperative)))


# The furniture at the foot of a page: copyright lines, comment counters, "most read" and "you may also like"
# headings, numbered teaser headlines.
_FOOT = re.compile(
    r"^(?:©|\(c\)\s|copyright\b|all\s+rights\s+reserved|comments?\s*(?:\(\d+\)|\d+)?$|\d+\s+comments?$|"
    r"comments\s+are\s+(?:closed|disabled|off)|(?:log|sign)\s+in\s+to\s+comment|join\s+the\s+conversation|"
    r"most\s+(?:read|popular|viewed|shared)$|you\s+(?:may|might)\s+also\s+like|related(?:\s+(?:stories|articles|"
    r"coverage))?:?$|read\s+more:?$|more\s+(?:stories|on\s+this\s+story):?$|listen\s+again:|photo\s+gallery:|"
    r"(?:get|download)\s+(?:our|the)\s+\w+\s+app)", re.IGNORECASE)
_NUMBERED_TEASER = re.compile(r"^\d{1,2}[.)]\s+[A-Z][^.!?]{3,90}$")


def foot_furniture(text: str) -> bool:
    """A line of the furniture under an article: a copyright line, a comment counter, a "most read" heading,
    a numbered teaser headline ("2. Council approves new bus routes")."""
    t = text.strip()
    return bool(_FOOT.match(t)) or (bool(_NUMBERED_TEASER.match(t)) and len(words(t)) <= 14)


def title_case_share(text: str) -> float:
    raw = _WORD_RE.findall(text)
    long = [x for x in raw if len(x) > 3]
    return sum(x[:1].isupper() or x[:1].isdigit() for x in long) / len(long) if long else 0.0


_MENU_SPLIT = re.compile(r"\s+[|·•/»>›]\s+|\s{2,}|\t+")


def horizontal_menu(text: str) -> bool:
    """A navigation bar or breadcrumb on one line: three or more short items (one to three words each)
    between bars, bullets, arrows or wide spaces, none of them a sentence (``World | Business | Markets``,
    ``Home  News  World  Sport``, ``You are here: News > Region``)."""
    body = re.sub(r"^[^:|]{1,20}:\s*", "", text.strip()) if ">" in text or "»" in text else text.strip()
    items = [i for i in _MENU_SPLIT.split(body) if i.strip()]
    if len(items) < 3 and not (len(items) == 2 and re.search(r"\s[>»›]\s", text)):
        return False
    return all(1 <= len(i.split()) <= 3 and not re.search(r"[.!?]$", i.strip()) for i in items)
