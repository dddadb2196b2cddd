"""Page-furniture removal and metadata detection for one article.

`clean` never rewrites `Article.text`. It walks the text line by line, decides which lines are
article body and records them as `Article.body` spans (one per line, with surrounding
whitespace and any leading bullet character left outside). Everything else is page furniture:
labels, widgets, date stamps, photo captions, bylines, related-news lists and the reader-comment
block. While doing so it picks up the metadata the page carries: the headline (`title`, kept
out of the body), the outlet named in a byline, else the one of its URL (`source`, see
`kg.ingest.outlets`) and the publication date (`published`, ISO `YYYY-MM-DD`). Metadata given
by the input (JSON fields, HTML meta tags) is never overwritten.

The rules are general, not tuned to one site: they are the `FURNITURE` families below plus a few
structural rules (see `_classify`). Patterns are matched against a folded form of each line
(diacritics and tatweel out, alef variants, `ى` and `ة` unified, case ignored), so one spelling
covers its variants.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.arabic import fold_letters
from kg.ingest.outlets import outlet_for_url
from kg.records import Article, TextSpan
from kg.vocabulary import LATIN_MONTH_NAMES, MONTH_NAMES, WEEKDAY_NAMES, iso_date, word_set

_INVISIBLE = "\u200b\u200c\u200d\u200e\u200f\u061c\ufeff"
_BULLETS = "•·▪●◦‣∙○■□►▶✓✔"
_LINE = re.compile(r"[^\n\r\u2028\u2029\x0b\x0c\x85]+")
_LEAD = re.compile(rf"(?:[\s{_INVISIBLE}{_BULLETS}]|[-*–—](?=\s))*")
_TERMINAL = re.compile(r"[.!?؟…！۔][\"'”’»)\]]*$")
_PARAGRAPH_END = re.compile(r"[.…][\"'”’»)\]]*$")
# A line of HTML tags around short link texts: a site menu pasted into a text file.
_MARKUP_LINE = re.compile(r"\s*(?:<[^<>]*>[^<>]{0,40})+")
_DASH_SPLIT = re.compile(r"\s+[-–—ـ|]\s*|[-–—ـ|]\s+")
_CAPTION_CREDIT = re.compile(r"(?:^|[\s\d])[-–—ـ]\s*(?!\d)[^\s\-–—ـ]+(?:\s+[^\s\-–—ـ]+){0,3}$")


def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written in ordinary Arabic spelling against folded lines."""
    return re.compile(fold_letters(pattern), re.IGNORECASE)


@dataclass(frozen=True)
class Family:
    """One family of page furniture: a line whose folded text fully matches `pattern` (with an
    optional trailing colon) and has at most `max_words` words is not article body."""

    name: str
    doc: str
    pattern: re.Pattern[str]
    max_words: int = 12


_SHARE_WORD = (
    r"شارك|شاركوا|شاركها|مشاركة|المشاركة|انشر|share|sharing|tweet|فيسبوك|فيس ?بوك|facebook|"
    r"تويتر|twitter|x|إكس|واتس ?آب|واتساب|whatsapp|تيليغرام|تلغرام|تيليجرام|تلجرام|telegram|"
    r"لينكد ?إن|linkedin|messenger|ماسنجر|reddit|pinterest|بريد|البريد|الإلكتروني|e-?mail|mail|"
    r"طباعة|اطبع|print|نسخ|انسخ|الرابط|رابط|copy|link|عبر|على|via|on"
)

FURNITURE: tuple[Family, ...] = (
    Family(
        "label",
        "Badges and section labels around the headline: live coverage, breaking, icon names, "
        "advertising markers.",
        _rx(
            r"التغطية الحية|تغطية (?:حية|مباشرة)|بث مباشر|مباشر|عاجل|icon|live|"
            r"breaking(?: news)?|advertisement|إعلان|sponsored|محتوى (?:مدعوم|مدفوع)"
        ),
    ),
    Family(
        "breadcrumb",
        "Breadcrumb trails and menus: short items between spaced `>`, `»`, `/`, `|` "
        "(`الرئيسية > أخبار > سياسة`).",
        _rx(r"[^>»›|←→]{1,30}(?:\s[>»›/|←→]\s[^>»›|←→]{1,30})+"),
    ),
    Family(
        "font-size",
        "Font-size widgets: `+A`, `-A`, `حجم الخط`.",
        _rx(r"[+-]\s*a|a\s*[+-]|a{1,3}|(?:حجم|تكبير|تصغير) الخط|(?:font|text) size"),
    ),
    Family(
        "share",
        "Share and page-tool buttons: a line made only of share/print/copy words and network "
        "names (`شارك`, `طباعة`, `فيسبوك`, `Share on X`).",
        _rx(rf"(?:(?:{_SHARE_WORD})[\s,،|/:]*)+"),
    ),
    Family(
        "related",
        "Related-content widgets (`اقرأ أيضا`, `اظهار أخبار متعلقة`, `المزيد`, `Related`, "
        "`Read more`); the unpunctuated headline lines right below one go with it.",
        _rx(
            r"(?:اقرأ|اقرا) (?:أيضا|المزيد|كذلك).*|(?:اظهار|عرض) (?:ال)?(?:أخبار|مواضيع|مقالات) "
            r"(?:متعلقة|ذات صلة|مشابهة).*|(?:ال)?(?:أخبار|مواضيع|مقالات|قصص) (?:ذات صلة|متعلقة|"
            r"مشابهة|مقترحة)|(?:قد )?يهمك (?:أيضا|ايضا)|المزيد(?: من .*)?|related(?: (?:articles|"
            r"news|stories|posts|content|topics|coverage))?|read (?:more|also)\b.*|see also\b.*|"
            r"more (?:from|on|stories|news)\b.*|more|you (?:may|might) also like.*|"
            r"recommended(?: for you)?"
        ),
    ),
    Family(
        "follow",
        "Follow-us prompts: `تابعونا على ...`, `Follow us on ...`, `انضموا إلى قناتنا`.",
        _rx(r"(?:تابعونا|تابعوا|تابعنا|انضموا|انضم إلى|follow us|join us)\b.*"),
        max_words=15,
    ),
    Family(
        "newsletter",
        "Newsletter and subscription prompts.",
        _rx(
            r".*(?:النشرة (?:البريدية|الإخبارية)|القائمة البريدية|بريدك الإلكتروني|"
            r"اشترك (?:الآن|مجانا)|newsletter|your e-?mail|subscribe|sign up).*"
        ),
        max_words=20,
    ),
    Family(
        "copyright",
        "Copyright and rights lines from the page footer.",
        _rx(
            r".*(?:©|\(c\)|(?:جميع )?الحقوق محفوظة|حقوق (?:النشر|الطبع)(?: محفوظة)?|"
            r"all rights reserved|copyright).*"
        ),
        max_words=20,
    ),
    Family(
        "summary-heading",
        "The heading of a summary box (`ملخص:`); the summary bullets themselves are body.",
        _rx(
            r"ملخص|الملخص|باختصار|أبرز النقاط|أبرز ما جاء|النقاط الرئيسية|summary|key points|"
            r"highlights|in brief|tl;?dr"
        ),
    ),
    Family(
        "tags",
        "Tag and keyword lists.",
        _rx(r"(?:الكلمات المفتاحية|كلمات مفتاحية|الوسوم|وسوم|tags|topics|keywords)(?:\s*:.*)?"),
        max_words=20,
    ),
    Family(
        "author",
        "Author lines: `بقلم ...`, `كتب: ...`, `By ...`.",
        _rx(
            r"(?:بقلم|by|written by|reporting by|edited by)\s*:?\s+.+|"
            r"(?:كتب|كتبت|إعداد|تحرير|تقرير)\s*:\s*.+"
        ),
        max_words=6,
    ),
    Family(
        "photo-credit",
        "Photo credits: `الصورة: ...`, `(أرشيفية)`, `Photo: ...`, `Getty Images`.",
        _rx(
            r"(?:الصورة|صورة|photo|image|credit)\s*:.*|\(?(?:صورة )?(?:أرشيفية|أرشيف)\)?|"
            r"(?:getty images|file photo)\b.*"
        ),
    ),
    Family(
        "comments",
        "The reader-comments heading (`التعليقات (1)`, `أضف تعليقا`, `Comments`); after the "
        "article's first paragraph it starts the comment block, cut to the end of the text.",
        _rx(
            r"(?:التعليقات|تعليقات(?: القراء)?|أضف تعليقا?|أضف تعليقك|اترك تعليقا?|comments?|"
            r"leave a (?:comment|reply)|\d+\s+(?:تعليق|تعليقات|comments?))\s*(?:\(\d+\))?"
        ),
    ),
)

_SOURCE_LABEL = _rx(r"(?:المصدر|المصادر|source|sources)\s*:\s*(?P<source>\S.*)")

# Capitals and cities that open Arabic datelines (`بيروت - الأناضول`): in a two-sided byline
# the side that is one of these is the place, the other the outlet.
_DATELINE_PLACES = word_set(
    "دمشق بيروت بغداد طهران القاهرة عمان الرياض جدة الدوحة أنقرة إسطنبول اسطنبول غزة "
    "القدس حلب إدلب حمص درعا اللاذقية الرقة القامشلي الموصل البصرة أربيل دبي أبوظبي صنعاء "
    "عدن الكويت المنامة مسقط تونس الجزائر الرباط الخرطوم طرابلس واشنطن نيويورك لندن باريس "
    "موسكو برلين جنيف بروكسل رام_الله دير_الزور",
    fold_letters,
)

# --- dates -------------------------------------------------------------------------------

_MONTHS: dict[str, int] = {
    fold_letters(name).lower(): month
    for table in (MONTH_NAMES, LATIN_MONTH_NAMES)
    for month, names in table.items()
    for name in names
}
_MONTH = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_YMD = re.compile(r"(?<!\d)(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?!\d)")
_DMY = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{1,2})[./-](\d{4})(?!\d)")
_D_MONTH_Y = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+({_MONTH})(?:\s*/\s*(?:{_MONTH}))?\s*[,،]?\s+(\d{{4}})(?!\d)",
    re.IGNORECASE,
)
_MONTH_D_Y = re.compile(rf"\b({_MONTH})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")
_ISO_PREFIX = re.compile(r"\s*(\d{4})(?:-(\d{2}))?\s*")
_STAMP_WORDS = word_set(
    "آخر اخر تحديث التحديث محدث تاريخ النشر نشر نشرت نشره بتاريخ في منذ الموافق الساعة "
    "بتوقيت توقيت م ص مساء صباحا updated update last published posted on at am pm gmt utc "
    "monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun",
    fold_letters,
) | {fold_letters(day) for day in WEEKDAY_NAMES}
_UPDATE = _rx(r"تحديث|محدث|updated|update")
_STAMP_SPLIT = re.compile(r"[\s|,،:/()\[\]\-–—ـ]+")


def _dates(text: str) -> list[tuple[int, str | None, re.Match[str]]]:
    """Every date expression in `text` as (position, ISO date or None, match)."""
    found: list[tuple[int, str | None, re.Match[str]]] = []
    for m in _YMD.finditer(text):
        found.append((m.start(), iso_date(m[1], m[2], m[3]), m))
    for m in _DMY.finditer(text):
        day, month = (m[2], m[1]) if int(m[2]) > 12 >= int(m[1]) else (m[1], m[2])
        found.append((m.start(), iso_date(m[3], month, day), m))
    for m in _D_MONTH_Y.finditer(text):
        found.append((m.start(), iso_date(m[3], str(_MONTHS[fold_letters(m[2]).lower()]), m[1]), m))
    for m in _MONTH_D_Y.finditer(text):
        found.append((m.start(), iso_date(m[3], str(_MONTHS[fold_letters(m[1]).lower()]), m[2]), m))
    return sorted(found, key=lambda item: item[0])


def parse_date(text: str) -> str | None:
    """Return the first date written in `text` as an ISO date (`2023-09-22`), or None.

    Understands `2023-09-22` (also with a time after it), `2023.09.22`, `22.09.2023`,
    `22-09-2023`, `22/09/2023` (day first, unless only month-first is valid), `22 أيلول 2023`,
    `22 نيسان/أبريل 2023`, `September 22, 2023`, and a bare ISO prefix (`2023-09`, `2023`).
    """
    prefix = _ISO_PREFIX.fullmatch(text)
    if prefix:
        if prefix[2] is None:
            return prefix[1]
        return f"{prefix[1]}-{prefix[2]}" if 1 <= int(prefix[2]) <= 12 else None
    return next((iso for _, iso, _ in _dates(fold_letters(text)) if iso), None)


def _stamp(key: str) -> str | bool | None:
    """If the folded line is a date/time stamp, its ISO date (None when it has only a time);
    False when it is not a stamp.

    A stamp is a date or time with at most three other words (a city, `آخر تحديث`); a date
    written with a month name and no digits-only date or time must stand alone (save weekday
    and publishing words), so that a headline like `هجوم 7 أكتوبر 2023` stays a headline.
    """
    dates = _dates(key)
    times = list(_TIME.finditer(key))
    if not dates and not times:
        return False
    rest = key
    for _, _, m in dates:
        rest = rest.replace(m[0], " ")
    for m in times:
        rest = rest.replace(m[0], " ")
    leftover = [w for w in _STAMP_SPLIT.split(rest.lower()) if w and w not in _STAMP_WORDS]
    numeric = bool(times) or any(m.re in (_YMD, _DMY) for _, _, m in dates)
    if len(leftover) > (3 if numeric else 0):
        return False
    return next((iso for _, iso, _ in dates if iso), None)


# --- lines -------------------------------------------------------------------------------


@dataclass
class _Line:
    """One non-blank line: its trimmed span, text, folded key and shape."""

    start: int
    end: int
    raw: str
    key: str
    words: int
    sentence: bool  # ends with terminal punctuation
    follows_blank: bool  # a blank line (or the start of the text) comes right before it

    @property
    def paragraph(self) -> bool:
        """Whether the line reads as a body paragraph (closes the header zone)."""
        return (self.words >= 4 and bool(_PARAGRAPH_END.search(self.raw))) or self.words >= 30


def _lines(text: str) -> list[_Line]:
    """The non-blank lines of `text`, trimmed of whitespace and a leading bullet."""
    lines: list[_Line] = []
    previous_end = 0
    for m in _LINE.finditer(text):
        start = _LEAD.match(text, m.start(), m.end()).end()  # type: ignore[union-attr]
        end = m.end()
        while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE):
            end -= 1
        if start == end:
            continue
        raw = text[start:end]
        gap = text[previous_end:start]
        words = sum(1 for token in raw.split() if any(c.isalnum() for c in token))
        lines.append(
            _Line(
                start=start,
                end=end,
                raw=raw,
                key=fold_letters(raw).strip(),
                words=words,
                sentence=bool(_TERMINAL.search(raw)),
                follows_blank=not lines or max(gap.count("\n"), gap.count("\r")) >= 2,
            )
        )
        previous_end = end
    return lines


def _family(line: _Line) -> str | None:
    """The name of the furniture family the line belongs to (`markup` for a line of tags), if
    any."""
    key = line.key.rstrip(":： ")
    for family in FURNITURE:
        if line.words <= family.max_words and family.pattern.fullmatch(key):
            return family.name
    return "markup" if _MARKUP_LINE.fullmatch(line.raw) else None


def _byline_source(line: _Line) -> str | None:
    """The outlet of a two-sided byline such as `تلفزيون سوريا - إسطنبول`, or None."""
    parts = [p.strip() for p in _DASH_SPLIT.split(line.raw)]
    if len(parts) != 2 or line.words > 5 or any(ch.isdigit() for ch in line.raw):
        return None
    if not all(1 <= len(p.split()) <= 3 for p in parts):
        return None
    outlet, place = parts
    if fold_letters(outlet) in _DATELINE_PLACES and fold_letters(place) not in _DATELINE_PLACES:
        outlet, place = place, outlet
    return outlet


def _is_caption(line: _Line, repeated: Counter[str]) -> bool:
    """A photo caption: an unpunctuated line repeated verbatim, or a short unpunctuated line
    ending in a credit (`... - وكالة تسنيم`, `... ـ وسائل إعلام إيرانية`)."""
    if line.sentence:
        return False
    if repeated[line.raw] > 1:
        return True
    credit = _CAPTION_CREDIT.search(line.raw)
    return credit is not None and line.words <= 25 and len(line.raw[: credit.start()].split()) >= 2


@dataclass
class _Reading:
    """What the line rules found: the kind of each line (None for body) and the metadata."""

    kinds: list[str | None]
    title: int | None
    source: str | None
    published: str | None


def _classify(lines: list[_Line], given_title: str | None) -> _Reading:
    """Decide, line by line, what is body; see the module docstring for the rule families.

    Structural rules on top of `FURNITURE`:
    - the comment block: from a comments heading after the first paragraph to the end;
    - date/time stamps (`2023.09.22 | 07:40 دمشق`, `آخر تحديث: ...`), which give `published`
      (the first publication stamp, else the first update stamp);
    - `المصدر: X` / `Source: X` lines, which give `source` when no byline does;
    - the header zone (lines before the first paragraph): a two-sided byline
      (`تلفزيون سوريا - إسطنبول`) gives `source`; the first remaining line of 3 to 30 words is
      the headline (or the line matching a given title) and everything above it is preamble
      (breadcrumbs, section labels);
    - photo captions (see `_is_caption`), bare one- or two-word lines, and the unpunctuated
      headline lines right below a related-news heading.

    The header-zone and caption rules read the layout of a page, so they apply only to a text
    that has a paragraph: a text without one (a headline, a wire snippet, a list of short
    posts, a line with no final full stop) has no headline to take out, and everything in it
    that no furniture family or stamp rule claims is body. A given title is still matched.
    """
    kinds: list[str | None] = []
    byline_source = None
    labels: list[tuple[int, str]] = []
    stamps: list[tuple[int, str, bool]] = []
    for i, line in enumerate(lines):
        stamp = _stamp(line.key) if line.words <= 10 and not line.paragraph else False
        label = _SOURCE_LABEL.fullmatch(line.key) if line.words <= 8 else None
        if stamp is not False:
            kinds.append("stamp")
            if stamp:
                stamps.append((i, stamp, bool(_UPDATE.search(line.key))))
        elif label:
            kinds.append("source")
            labels.append((i, re.split(r"[:：]", line.raw, maxsplit=1)[1]))
        else:
            kinds.append(_family(line))

    first_paragraph = next(
        (i for i, line in enumerate(lines) if kinds[i] is None and line.paragraph), len(lines)
    )
    cut = next(
        (i for i in range(first_paragraph + 1, len(lines)) if kinds[i] == "comments"), len(lines)
    )
    kinds[cut:] = ["comments"] * (len(lines) - cut)

    laid_out = first_paragraph < len(lines)
    for i in range(first_paragraph if laid_out else 0):
        if kinds[i] is None and (byline := _byline_source(lines[i])):
            kinds[i] = "byline"
            byline_source = byline_source or byline

    repeated = Counter(line.raw for line in lines[:cut] if not line.sentence)
    for i, line in enumerate(lines[:cut] if laid_out else []):
        if kinds[i] is None and _is_caption(line, repeated):
            kinds[i] = "caption"
        elif kinds[i] is None and line.words <= 2 and not line.sentence:
            kinds[i] = "fragment"

    for i in range(1, cut):
        follows_related = kinds[i - 1] == "related" and not lines[i].follows_blank
        if kinds[i] is None and follows_related and not lines[i].sentence:
            kinds[i] = "related"

    title = _find_title(lines[:first_paragraph], kinds, given_title, laid_out)
    if title is not None:
        kinds[:title] = [kind or "preamble" for kind in kinds[:title]]
        kinds[title] = "title"

    publication = [iso for i, iso, update in stamps if i < cut and not update]
    updates = [iso for i, iso, update in stamps if i < cut and update]
    source = byline_source or next((label for i, label in labels if i < cut), None)
    return _Reading(kinds, title, source, (publication or updates or [None])[0])


def _find_title(
    header: list[_Line], kinds: list[str | None], given: str | None, laid_out: bool
) -> int | None:
    """The index of the headline among the header lines, or None.

    With a given title, the header line that matches it (equal, or one containing the other);
    otherwise, when a paragraph follows the header (`laid_out`), the first line not yet
    classified with 3 to 30 words.
    """
    candidates = [i for i, line in enumerate(header) if kinds[i] is None and line.words >= 3]
    if given:
        wanted = " ".join(fold_letters(given).split()).lower()
        for i in candidates:
            key = " ".join(header[i].key.split()).lower()
            if key == wanted or key in wanted or wanted in key:
                return i
        return None
    if not laid_out:
        return None
    return next((i for i in candidates if header[i].words <= 30), None)


def clean(article: Article) -> Article:
    """Fill `article.body` with the spans of its text that are article body, and its `title`,
    `source` and `published` where the input did not give them and the text carries them; an
    article with a URL and no outlet yet gets its domain's (`kg.ingest.outlets.outlet_for_url`).

    The headline is metadata: its line is not part of the body, so sentences are body only.
    When the layout rules leave nothing, the lines no furniture family claims are body: a
    text of page furniture alone (share buttons, a menu of links) has an empty body, and
    `kg.ingest.files` reports it as a file without article text.
    Returns the same (mutated) article.
    """
    lines = _lines(article.text)
    reading = _classify(lines, article.title)
    body = [line for line, kind in zip(lines, reading.kinds, strict=True) if kind is None]
    if not body:
        body = [line for line in lines if _family(line) is None]
    article.body = [TextSpan(line.start, line.end) for line in body]
    if article.title is None and reading.title is not None:
        article.title = " ".join(lines[reading.title].raw.split())
    if article.source is None and reading.source:
        article.source = " ".join(reading.source.split())
    if article.source is None and article.url:
        article.source = outlet_for_url(article.url)
    if article.published is None:
        article.published = reading.published
    return article
