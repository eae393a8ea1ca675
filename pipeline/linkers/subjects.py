"""FIGURE ``subject`` and ``measure``: what a figure is a figure *of* (guide v2, "Relations").

The subject is a PLACE, ORG or PERSON mention of the figure's sentence:

* the nearest one before the figure, read back to the head of an appositive chain
  (``Hố X, xã Y, huyện Z, dài 1.000 m`` → ``Hố X``; ``ông A, xã B (huyện C) thu hoạch`` →
  ``A``) — so a clause continued by a list of figures shares the sentence's topic;
* never a speaker or reporter (``X cho biết``, ``Theo X``), a giver (``X hỗ trợ …``) or an
  organiser (``X tổ chức``); after a giving verb, a mention between the verb and the figure
  is the recipient (``hỗ trợ xã A 50 triệu đồng`` → ``xã A``);
* ``toàn tỉnh``/``toàn xã``/``của huyện`` … points back to the PLACE of that level in the
  sentence, even inside a speaker's title (``Giám đốc Sở … tỉnh X … cho biết, toàn tỉnh có
  150 km``; ``Chủ tịch UBND huyện X cho biết: … 28 chỉ tiêu của huyện``);
* with nothing before it, a mention right after the figure (``260 nhà báo của TTXVN``,
  ``2 lãnh đạo huyện X``) or the subject of the clause the figure opens
  (``với 2.500 cán bộ, …, TTXVN tiếp tục``);
* nested mentions: the PLACE inside an ORG for areas, households, population, lengths and
  shares; the ORG for money and counts (the budget of a committee), unless the ORG only
  reports (``Theo UBND xã X, toàn xã trồng 144 ha`` → ``xã X``).
* proposals and orders: neither the proposer nor the body it addresses owns what is asked
  for (``Sở X đề xuất UBND Y lập … 30.000 căn`` → none), except that a place's government
  proposing speaks for the place (``Chủ tịch UBND TP. X … đề nghị giảm 20 dự án`` → X);
* fines: money after a verb of fining is not the fining body's (``xử phạt 40 triệu đồng``
  → none; ``A bị phạt`` → ``A``); money handed over (``chuyển 300.000 đồng``) is no one's;
* a speaker whose report has no subject of its own is its subject (``UBND tỉnh X cho
  biết, sẽ cần 900 tỷ đồng`` → ``tỉnh X``), unless the report gives the money away;
* no subject for places counted after a preposition (``tại 4 tỉnh này``), for ``một trong
  N``, for places of one level joined or listed (``A và B đạt 100%``, ``như huyện A,
  huyện B, huyện C``), for routes and starting points (``vượt đèo X 12 km``), or for an
  object in a clause that continues the topic's predicate (``A …, được kết nạp Đảng …, 2
  lần`` → ``A``);
* the people's committee of a place gives way to the place (``UBND xã X`` → ``xã X``)
  unless it is the named recipient;
* no subject for seized goods and arrested people (``X bắt giữ A khi chở 12
  bánh``, ``A mang theo 4 bánh heroin``), for the storeys or seats of a thing (``nhà 2
  tầng``), for the words of a quotation (``Ông A: “300 cán bộ …”``), for a price list
  (``mỗi căn từ 3 tỷ đồng, có căn lên đến 9 tỷ đồng``), or for a place that belongs
  to the previous item of a list (``1 ca tại xã A, 2 ca là …``), was the recipient of an
  earlier figure (``cấp cho tỉnh X 60% …, và … hưởng 100%``) or stands inside a
  parenthetical aside that closes before the figure;
* no subject for the victims of an event (``khiến 7 người thiệt mạng``, ``3 người bị cuốn
  trôi``: neither the place nor the attacker), for people a person meets or names (``Vũ gặp 2
  thanh niên``, ``hai bé gái L.T.Th``; but ``A có 2 người con`` are A's), for the length or
  mass of a thing that is no mention (``dao dài 53cm``; but ``Xã A có tuyến đường dài 12km``),
  for a count that opens its own clause before its predicate (``tại X, 20 ngư dân có tàu``),
  or from a country that only gives someone's nationality (``ngôi sao người Bồ``);
* what a taker takes per head is the taker's (``A thu của mỗi người 30 triệu đồng``); a
  fine with no one fined before it is the party ordered to comply right after it (``phạt
  60 triệu đồng, đồng thời buộc Công ty A …``); a place's body that found cases in its
  place gives the place (``CDC X xác định được 120 ca`` → ``X``); a place named
  after the figure (``5 người quê X``) is read at its mention before the figure, if any.

:func:`explain_subject` also names the rule that decided, for error listings.

Word lists are data: ``subject_verbs.tsv`` (roles of the verbs) and ``measures.tsv``
(``measure``: the name of the quantity written shortly before the figure).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.linkers.base import Links, Located
from pipeline.resources import load_tsv
from pipeline.text.numbers import lookup_unit
from pipeline.text.scan import StartIndex, inside, phrase_regex, with_case_variants
from pipeline.text.tokenize import DocContext

_MEASURE_WINDOW = 40
_CANDIDATE_LABELS = ("PLACE", "ORG", "PERSON")
#: Quantities that belong to a place rather than to the body named after it.
_PLACE_QUANTITIES = frozenset({"area", "households", "population", "length", "percent"})
#: Between two links of an appositive chain (``xã Y, huyện Z``, ``A, xã B (huyện C)``).
_CHAIN_GAP = regex.compile(r"^[ \t]*(?:[,(–-]|thuộc(?: địa (?:phận|bàn))?|và)[ \t]*\(?[ \t]*$")
#: The noun of a person right before a country used as their nationality.
_NATIONALITY = regex.compile(r"\bngười[ \t]+\Z")


def _nationality(text: str, x: Located, counted: Sequence[tuple[int, int]]) -> bool:
    """``siêu sao người Bồ``: a country after ``người`` describes a person; but ``20 người
    Việt Nam`` counts that country's people."""
    if x.label != "PLACE":
        return False
    found = _NATIONALITY.search(text, max(0, x.mention.start - 8), x.mention.start)
    if found is None:
        return False
    noun_end = found.start() + len(found.group().rstrip())
    return not any(b == noun_end for _, b in counted)


#: A reporter opening the sentence: ``Theo …``, ``Số liệu của …``, ``Theo thống kê của …``.
_REPORTER_BEFORE = regex.compile(
    r"(?:^|[,:;.][ \t]*|[ \t]{2,})(?:cũng[ \t]+)?"
    r"(?:theo|số liệu(?:[ \t]+\w+)?[ \t]+của|thống kê (?:của|trên|từ)|thông tin từ)"
    r"(?:[ \t]+[\w/.]+){0,9}[ \t]*$",
    regex.IGNORECASE,
)
#: ``toàn tỉnh``, ``toàn xã``, ``tỉnh này`` … and the PLACE level each points back to.
_WHOLE = regex.compile(
    r"\b(?:toàn|cả|trên địa bàn|địa bàn)[ \t]+"
    r"(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b"
    r"|\b(tỉnh|huyện|xã) này\b"
    r"|\bcủa[ \t]+(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b(?-i:(?![ \t]+\p{Lu}))",
    regex.IGNORECASE,
)
#: ``28 chỉ tiêu kinh tế - xã hội của huyện``: the unit word written bare right after the
#: figure's noun phrase points back like ``toàn huyện``.
_WHOLE_AFTER = regex.compile(
    r"[ \t]*(?:[\w\-–]+[ \t]+){0,5}của[ \t]+"
    r"(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)\b(?-i:(?![ \t]+\p{Lu}))",
    regex.IGNORECASE,
)
_LEVEL_OF_UNIT = {
    "tỉnh": "province",
    "thành phố": "province",
    "huyện": "district",
    "quận": "district",
    "thị xã": "district",
    "xã": "commune",
    "phường": "commune",
    "thị trấn": "commune",
}
#: Between a figure and its owner written after it: a few words of the counted noun (``260
#: nhà báo, kỹ thuật viên của X``), the preposition, and an honorific or the people of a place
#: (``47 điểm của nhân dân xã X``).
_OWNER_GAP = regex.compile(
    r"^[ \t]*(?:(?:,[ \t]*)?(?:[\w/]+[ \t]+){0,3}(?:của[ \t]+(?:[\w/]+[ \t]+){1,4})?"
    r"(?:của|tại|ở|thuộc|tham gia|quê|cho|ven|trong)[ \t]+"
    # "8 con bò của gia đình ông A", "7 người trong gia đình ông B": the household's head
    r"(?:(?:gia đình|nhà|hộ)[ \t]+)?"
    r"(?:(?:bờ|em|ông|bà|anh|chị|nhân dân|người dân|bà con|ngư dân|nông dân|cán bộ)[ \t]+)?)?$"
)
#: Money right before the one it helps: ``500 tỷ đồng giúp tỉnh X``, ``… để hỗ trợ huyện Y``.
_HELPS = regex.compile(r"^[ \t]*(?:để[ \t]+)?(?:giúp|giúp đỡ|hỗ trợ)[ \t]+(?:cho[ \t]+)?$")
#: ``một trong 8 đề tài``, ``1 trong 3 HLV``: the figure counts a set the subject belongs to,
#: not its own amount.
_ONE_OF = regex.compile(r"\b(?:một|1)[ \t]+trong(?:[ \t]+(?:số|những))?[ \t]*$", regex.IGNORECASE)
#: A count of places or areas (``4 tỉnh``, ``hai huyện``) …
_PLACE_COUNT = regex.compile(
    r"^\S+[ \t]+(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|thôn|xóm|ấp|bản|"
    r"địa phương|quốc gia|nước)\b",
    regex.IGNORECASE,
)
#: … after a preposition (``tại 4 tỉnh này``, ``của toàn bộ 34 xã``) names places, owns nothing.
_PLACE_COUNT_LEAD = regex.compile(
    r"\b(?:về|tại|ở|của|cho|từ|đến|trong|giữa|khắp|địa bàn|toàn bộ)[ \t]+"
    r"(?:(?:các|những|người dân|ngư dân|nhân dân|bà con)[ \t]+)?$",
    regex.IGNORECASE,
)
#: A verb of giving or directing used as a noun or a level (``giá đề xuất``, ``cấp tỉnh``,
#: ``các cấp``): the word before it or after it says so.
_NOUN_BEFORE = regex.compile(r"\b(?:giá|mức|theo|các|những|mọi|bản|tờ|phương án)[ \t]+$")
_LEVEL_AFTER = regex.compile(
    r"[ \t]+(?:tỉnh|thành phố|huyện|quận|xã|phường|nhà nước|quốc gia|bộ|cơ sở|trung ương|ủy|"
    r"độ|trên|dưới|ngành)\b",
    regex.IGNORECASE,
)
_PASSIVE = regex.compile(r"\b(?:bị|được)[ \t]+$")
#: The people's committee or council of a place: its amounts are the place's.
_GOVERNMENT = regex.compile(
    r"(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|chính quyền)\b",
    regex.IGNORECASE,
)
#: A reported clause with no subject of its own: the speaker is its subject
#: (``UBND tỉnh X cho biết, sẽ cần thêm 1.400 tỷ đồng``); ``được`` right after a verb of
#: finding says what the body found in its place (``CDC X xác định được 120 ca``).
_ELIDED = regex.compile(
    r"^[ \t]*[,:]?[ \t]*(?:rằng[ \t]+)?(?:sẽ|đã|đang|cần|phải|vẫn|còn|chưa|mới|vừa|dự kiến|được|"
    r"tiếp tục|hiện đang)\b"
)
#: ``X đến Y``: the start of a range of places (``Sông Đốc đến cửa Bảy Háp dài 15 km``),
#: not a time (``Việt Nam đến năm 2025``).
_RANGE_START = regex.compile(
    r"[ \t]+(?:đến|tới)[ \t]+(?!(?:năm|ngày|tháng|nay|hết|cuối|giữa|đầu|khi|lúc|thời|hôm|sáng|"
    r"chiều|tối|trưa|đêm|mùa|quý|tuần|giờ|\d)\b)",
    regex.IGNORECASE,
)
#: Money handed over by the clause's agent (``chuyển 200.000 đồng để cảm ơn``): a giver.
_HANDED_OVER = regex.compile(
    r"\b(?:chuyển|biếu|đưa)(?:[ \t]+(?:cho|lại))?[ \t]+(?:(?:số tiền|khoảng|gần|hơn|trên)[ \t]+)*$",
    regex.IGNORECASE,
)
#: Words before a mention that make it a destination, a route, a starting point, a landmark
#: a distance is measured from or the one represented (``chuyển sang Tòa án X``, ``qua
#: Quảng Đông``, ``vượt đèo X``, ``Từ trung tâm xã X``, ``cách thị trấn X 20 km``, ``Thay mặt
#: Ban thường vụ X``): no subject.
_NOT_SUBJECT_BEFORE = regex.compile(
    r"\b(?:(?:sang|qua|tới|vượt|từ|cách)(?:[ \t]+(?:trung tâm|khu vực|nhà))?"
    r"|thay mặt(?:[ \t]+\w+){0,3})"
    r"[ \t]+(?:(?:ông|bà|anh|chị)[ \t]+)?$",
    regex.IGNORECASE,
)
#: A distance: the length after ``cách`` (away from) in the same clause.
_DISTANCE = regex.compile(r"\bcách\b[^,;:()]{0,40}$", regex.IGNORECASE)
#: A road travelled on (``xe chạy trên quốc lộ 6 đâm vào 3 xe máy``): it only locates the
#: event; the vehicles and the people hurt are not the road's.
_ON_BEFORE = regex.compile(r"\btrên[ \t]+$", regex.IGNORECASE)
_ROAD = regex.compile(r"(?:quốc lộ|QL\.?|tỉnh lộ|đường|cao tốc|đại lộ)\b", regex.IGNORECASE)
#: A quotation opened after a colon right after a mention (``Ông A: “…``): A speaks.
_QUOTE_OPENS = regex.compile(r"^[ \t]*:[ \t]*[“\"«'‘]")
_CREDIT = regex.compile(r"(?:Ảnh|Nguồn)[ \t]*:[^.;\n]{0,40}$")
#: A sentence end the tokenizer may keep: a stop, a line break, or the run of spaces that
#: joins a headline or caption to the next paragraph (``… loa phường  Theo thống kê …``);
#: not the dot of a short abbreviation (``TP. Hà Nội``).
_SENTENCE_STOP = regex.compile(
    r"(?<!\b\p{Lu}{1,3})[.!?…][ \t]+(?=\p{Lu})|[ \t]*\n[\s]*|[ \t]{2,}(?=\p{Lu})"
)
#: A counted recipient before the figure: ``cho 4 hộ``, ``cho phép 5 hộ``.
_RECIPIENT = regex.compile(
    r"\bcho(?:[ \t]+phép)?[ \t]+(?:hơn|gần|khoảng|trên)?[ \t]*\d[\d.,]*[ \t]+(?:hộ|người)",
    regex.IGNORECASE,
)
#: The end of a verb phrase of giving or fining whose object is named next.
_GIVEN_TO = regex.compile(
    r"(?:\b(?:hỗ trợ|tặng|trao|thưởng|giao|cấp|phân bổ|ủng hộ|chuyển)(?:[ \t]+\w+)?[ \t]+cho"
    r"|\b(?:xử phạt|phạt|hỗ trợ|tặng|thưởng cho|trao cho))[ \t]*$",
    regex.IGNORECASE,
)
#: A price or a per-unit amount: ``mỗi sim … từ``, ``giá bán``.
_PER_UNIT = regex.compile(
    r"(?:\bmỗi[ \t]+\w+(?:[ \t]+\w+){0,6}|\bgiá(?:[ \t]+bán)?)[ \t]+"
    r"(?:từ|khoảng|là)?[ \t]*$"
)
_CONJUNCTIONS = frozenset({"nhưng", "còn", "và", "thì", "riêng", "song", "mà", "khi"})
_APPROXIMATORS = frozenset({"hơn", "gần", "khoảng", "trên", "có", "với", "tới", "đến"})
_HONORIFICS = frozenset({"ông", "bà", "anh", "chị", "đồng", "chí", "em", "cháu", "bị", "can"})
#: A lone word that may open a clause before its subject (``Tại TP X, …``).
_CLAUSE_OPENERS = frozenset({"tại", "ở", "riêng", "còn", "và", "nhưng", "đến", "trong"})
#: A clause opening with one of these continues the topic's predicate (``X …, được kết nạp
#: Đảng …``): a mention after its verb is an object, not a subject.
_PREDICATE_OPENERS = frozenset({"được", "đã", "sẽ", "đang", "vừa", "cũng", "đều"})
#: A word right before a mention that makes it an object or complement, not a subject.
_OBJECT_MARKERS = frozenset(
    {
        *("của", "ở", "tại", "với", "cho", "đến", "từ", "vào", "và", "chế", "theo", "giữ", "bắt"),
        *("sang", "qua", "tới"),
    }
)


@dataclass(frozen=True)
class _Group:
    """An outermost candidate and the candidates nested inside it."""

    outer: Located
    inner: tuple[Located, ...]

    @property
    def start(self) -> int:
        return self.outer.mention.start

    @property
    def end(self) -> int:
        return self.outer.mention.end


@cache
def _measure_regex() -> regex.Pattern[str]:
    return phrase_regex(with_case_variants(row["measure"] for row in load_tsv("measures.tsv")))


@cache
def _role_regex(role: str) -> regex.Pattern[str]:
    words = [row["word"] for row in load_tsv("subject_verbs.tsv") if row["role"] == role]
    return phrase_regex(words, ignore_case=True)


@cache
def _words(role: str) -> frozenset[str]:
    """The words of ``subject_verbs.tsv`` with one role, lower-cased."""
    return frozenset(r["word"].lower() for r in load_tsv("subject_verbs.tsv") if r["role"] == role)


@cache
def _take_regex() -> regex.Pattern[str]:
    """Verbs of taking and the nouns they open (``doanh thu``), longest first, as group 1."""
    rows = load_tsv("subject_verbs.tsv")
    words = sorted({r["word"] for r in rows if r["role"] in ("take", "idiom")}, key=len)[::-1]
    body = "|".join(regex.escape(w).replace("\\ ", "[ \\t]+") for w in words)
    return regex.compile(rf"(?<![\w&.])({body})(?![\w&])", regex.IGNORECASE)


@cache
def _seize_regex() -> regex.Pattern[str]:
    """Verbs of seizing and the idioms they open (``bắt đầu``), longest first."""
    rows = load_tsv("subject_verbs.tsv")
    return phrase_regex(
        [r["word"] for r in rows if r["role"] in ("seize", "idiom")], ignore_case=True
    )


@cache
def _addressed_regex() -> regex.Pattern[str]:
    """A verb of directing right before a mention: that mention is addressed (``đề xuất X``,
    ``giao X ban hành``; not ``nút giao X``, a crossing)."""
    words = [r["word"] for r in load_tsv("subject_verbs.tsv") if r["role"] == "direct"]
    body = "|".join(regex.escape(w).replace("\\ ", "[ \\t]+") for w in [*words, "giao"])
    return regex.compile(
        rf"(?<![\w&.])(?<!nút[ \t])(?:{body})(?:[ \t]+cho)?[ \t]+(?:(?:ông|bà|anh|chị)[ \t]+)?$",
        regex.IGNORECASE,
    )


def _not_subject(text: str, s0: int, group: _Group, f0: int) -> bool:
    """Whether a group is addressed by a director (``đề xuất UBND X thành lập``) or is a
    destination, route, an end of a range (``X đến Y dài 15 km``) or the one represented
    (``sang X``, ``Thay mặt X``) — unless it has
    the figure itself (``yêu cầu X, nơi có 500 hộ``, ``chất vấn X có 500 chiến sĩ``)."""
    lead = text[max(s0, group.start - 40) : group.start]
    starts_range = _RANGE_START.match(text, group.end, f0)
    travelled = _ON_BEFORE.search(lead) and _ROAD.match(group.outer.text)
    if not (
        _addressed_regex().search(lead)
        or _NOT_SUBJECT_BEFORE.search(lead)
        or starts_range
        or travelled
    ):
        return False
    return not _has_directly(text, group, f0)


def _gives(between: str, quantity: str | None = None) -> regex.Match[str] | None:
    """The first verb of giving (or, for money, of fining) in ``between`` that is not passive
    (``bị phạt``, ``được hỗ trợ``: the mention before it is the one fined or helped)."""
    found_all = list(_role_regex("give").finditer(between))
    if quantity == "money":
        found_all = sorted([*found_all, *_role_regex("fine").finditer(between)], key=_start)
    for found in found_all:
        if _PASSIVE.search(between[: found.start()]) or _NOUN_BEFORE.search(
            between[: found.start()]
        ):
            continue
        if found.group().lower() == "cấp" and _LEVEL_AFTER.match(between, found.end()):
            continue  # ``đề tài cấp Nhà nước``, ``cấp tỉnh``: a level, no giving
        return found
    return None


def _seizes(between: str) -> bool:
    """A verb of arresting or seizing between a mention and the figure, with no taking or
    fining after it: the people and goods it counts are no one's (guide: seized goods and
    arrested people are null), whoever seized them or had them."""
    seize = _words("seize")
    found = [
        m for m in _seize_regex().finditer(between) if " ".join(m.group().lower().split()) in seize
    ]
    if not found:
        return False
    rest = between[found[-1].end() :]
    return not (_role_regex("take").search(rest) or _role_regex("fine").search(rest))


def _is_price(text: str, s0: int, f0: int, f1: int) -> bool:
    """``60.000 đồng/kg``, ``mỗi căn … 3 tỷ đồng``, ``giá bán 2 tỷ đồng``."""
    if regex.match(r"^/\w", text[f1 : f1 + 3]):
        return True
    per_unit = _PER_UNIT.search(text, max(s0, f0 - 60), f0)
    return bool(per_unit) and not _takes_per_head(text, s0, per_unit)


def _continues(text: str, start: int, end: int, candidates: Sequence[Located]) -> bool:
    """Whether ``text[start:end]`` only continues a list: one comma, few words, no mention."""
    gap = text[start:end]
    if gap.count(",") != 1 or regex.search(r"[;:.]", gap) or len(regex.findall(r"\w+", gap)) > 6:
        return False
    return not any(start <= x.mention.start < end for x in candidates)


def _employs(lead: str, cho: int) -> bool:
    """``tạo việc làm cho 20 lao động``: the people given work are the employer's workforce,
    not recipients counted (``subject_verbs.tsv`` role ``employ``)."""
    return bool(
        regex.search(r"(?:" + _role_regex("employ").pattern + r")[ \t]*$", lead[:cho], regex.I)
    )


def _found_right_before(said: str) -> bool:
    """``xác định được 120 ca``, not ``xác định được danh tính 2 nghi can``: with
    ``được`` the figure follows at once."""
    if not regex.match(r"^[ \t]*[,:]?[ \t]*được\b", said):
        return True
    return bool(
        regex.match(
            r"^[ \t]*[,:]?[ \t]*được(?:[ \t]+(?:hơn|gần|khoảng|trên|thêm|tổng cộng))*[ \t]*$", said
        )
    )


def _takes_per_head(text: str, s0: int, per_unit: regex.Match[str]) -> bool:
    """``A thu của mỗi người 30 triệu đồng``: what a taker takes per head is the taker's
    (guide: money taken belongs to the named taker), not a price."""
    lead = text[max(s0, per_unit.start() - 20) : per_unit.start()]
    verb = regex.search(r"(?:" + _take_regex().pattern + r")[ \t]+(?:của[ \t]+)?$", lead)
    return bool(verb) and " ".join(verb.group(1).lower().split()) in _words("take")


def _contraband(text: str, figure: Located, s1: int) -> bool:
    """``4 bánh heroin``, ``3 kg cần sa``: an amount of a drug or contraband named in the rest
    of the figure's clause is of goods to be seized, whoever carries them."""
    attrs = figure.mention.attrs
    unit = str(attrs.get("unit") or "").lower()
    if attrs.get("quantity") != "mass" and unit not in _words("amount"):
        return False
    end = figure.mention.end
    stops = [p for p in (text.find(c, end, s1) for c in ",;") if p >= 0]
    return bool(_role_regex("contraband").search(text, end, min([s1, *stops])))


def _casualties(text: str, figure: Located, s0: int, s1: int) -> bool:
    """``khiến 7 người thiệt mạng``, ``3 người bị cuốn trôi``: people counted as the victims
    of an event, after a verb of causing or before what befell them."""
    if figure.mention.attrs.get("quantity") != "people":
        return False
    start, end = figure.mention.start, figure.mention.end
    lead = text[max(s0, start - 30) : start]
    causes = list(_role_regex("cause").finditer(lead))
    if causes and _QUALIFIERS.fullmatch(lead, causes[-1].end()):
        return True
    gap = _BEFALLS.match(text, end, s1)
    return gap is not None and bool(_role_regex("casualty").match(text, gap.end(), s1))


#: Between a verb of causing and the count of people: ``khiến hơn``, ``khiến cho ít nhất``.
_QUALIFIERS = regex.compile(r"[ \t]+(?:(?:hơn|gần|khoảng|ít nhất|tới|đến|thêm)[ \t]+)*")
#: Between a count of people and what befell them: ``khác``, ``còn lại`` and adverbs.
_BEFALLS = regex.compile(r"[ \t]+(?:(?:khác|còn lại|đã|đều|cũng|đang|vẫn)[ \t]+)*", regex.I)


#: Words that open a predicate right after a clause's subject (auxiliaries and adverbs).
_PREDICATE_AFTER = regex.compile(
    r"[ \t]+(?:này[ \t]+|khác[ \t]+)?(?:đều|đã|đang|sẽ|bị|được|phải|vẫn|cũng|không|chưa|từng|"
    r"cùng|có|thì)\b",
    regex.IGNORECASE,
)


def _opens_own_clause(text: str, s0: int, figure: Located) -> bool:
    """``Tại X, 20 ngư dân có tàu …``, ``…, 2 cha con nhà Y phải ra tòa``: a count that opens
    its clause and is followed by that clause's predicate is the clause's subject; what the
    clauses before it name does not own it."""
    if str(figure.mention.attrs.get("unit") or "").lower() == "lần":
        return False  # ``…, hai lần bị bắt``: how often the topic was, not who
    start, end = figure.mention.start, figure.mention.end
    lead = text[_clause_start(text, s0, start) : start]
    if regex.search(r"[\w]", regex.sub(r"(?i)\b(?:cả|khoảng|hơn|gần|chỉ|tổng cộng)\b", "", lead)):
        return False
    return bool(_PREDICATE_AFTER.match(text, end))


#: A dimension right before a length or a mass, with the word it follows (``dao dài 53cm``,
#: ``vết thương sâu khoảng 8cm``, ``bé A chỉ nặng 11,8kg``) as group 1.
_DIMENSION = regex.compile(
    r"(\w+)[ \t]+(?:(?:sẽ|chỉ|đã|vẫn|đều|khoảng|chừng|hơn|gần)[ \t]+)*"
    r"(?:dài|rộng|sâu|cao|nặng|dày)[ \t]+(?:(?:khoảng|chừng|hơn|gần|tới|đến|trên|dưới|ước)[ \t]+)*$"
)


#: Words before a dimension that name the measure or link it, not the thing measured
#: (``chiều dài``, ``độ sâu``, ``trải dài``, ``đạt cao``, ``có``).
_NOT_MEASURED = frozenset(
    {"chiều", "độ", "bề", "tổng", "có", "là", "với", "trải", "đạt", "lên", "rất", "khá", "quá"}
)


def _measures_a_thing(text: str, s0: int, figure: Located, candidates: Sequence[Located]) -> bool:
    """``cầm dao phớ dài 53cm``, ``củ tam thất nặng 1,8kg``: a length or a mass written right
    after the thing it measures, a common noun that is no mention, belongs to no one named
    (but ``bé A nặng 11,8kg`` is A's, ``Đường X có chiều dài 2km`` the road's, and ``Xã A có
    tuyến đường dài 12km`` the commune's, which has the road)."""
    if figure.mention.attrs.get("quantity") not in ("length", "mass"):
        return False
    start = figure.mention.start
    found = _DIMENSION.search(text, max(s0, start - 40), start)
    if found is None or not found.group(1).islower() or found.group(1) in _NOT_MEASURED:
        return False
    at = found.start(1)
    if _role_regex("have").search(text, _clause_start(text, s0, at), at):
        return False  # "Xã A có tuyến đường dài 12km": a thing the subject has
    return not any(x.mention.start <= at < x.mention.end for x in candidates)


def _person_counts_people(text: str, group: _Group, figure: Located) -> bool:
    """``Vũ gặp 2 thanh niên``, ``giữa hai người``: a person owns no count of people read
    back to them, unless they have or bear them (``A có 2 người con``) or the count says
    they are theirs (``hai nhân viên của mình``)."""
    if group.outer.label != "PERSON" or figure.mention.attrs.get("quantity") != "people":
        return False
    if group.end <= figure.mention.start and _HAS_KIN.fullmatch(
        text, group.end, figure.mention.start
    ):
        return False  # "Tạ Thị A có 2 người con": her children
    return not regex.match(r"[ \t]+(?:\w+[ \t]+){0,2}của[ \t]+mình\b", text[figure.mention.end :])


#: Between a person and a count of people that are theirs: a verb of having or bearing.
_HAS_KIN = regex.compile(
    r"[ \t]+(?:(?:đã|đều|cũng|chỉ)[ \t]+)*(?:có|sinh|nuôi)[ \t]+(?:được[ \t]+)?"
)


def _start(found: regex.Match[str]) -> int:
    return found.start()


def _asks_for(lead: str) -> bool:
    """Whether a verb of needing or receiving stands right before a giving verb (``cần hỗ
    trợ``, ``đề nghị Trung ương hỗ trợ``): the mention before it receives."""
    found = list(_role_regex("receive").finditer(lead))
    return bool(found) and len(regex.findall(r"[\w/]+", lead[found[-1].end() :])) <= 5


def _directs(between: str) -> regex.Match[str] | None:
    """A verb of directing in ``between`` (``giao cho``, ``yêu cầu``) with no giving or
    taking after it: the mention before it asks or assigns; the figure belongs to the action
    asked for (``giao đất … thu 28 triệu đồng``: the taker keeps its subject)."""
    for found in _role_regex("direct").finditer(between):
        lead = between[: found.start()]
        if _PASSIVE.search(lead) or _NOUN_BEFORE.search(lead):
            continue  # ``nhiệm vụ được giao``, ``giá đề xuất``
        rest = between[found.end() :]
        if not _gives(rest) and not _role_regex("take").search(rest):
            return found
    return None


def _proposing_government(text: str, before: list[_Group], i: int) -> Located | None:
    """The place whose government proposes: ``UBND tỉnh X đề nghị …`` or ``Chủ tịch UBND
    TP X Nguyễn Văn A đề nghị …`` — what a place's government proposes to change (its
    projects, its land) is the place's."""
    groups = [before[i]]
    if i > 0 and not text[before[i - 1].end : before[i].start].strip():
        groups.insert(0, before[i - 1])  # the body named in the proposer's title
    for group in groups:
        places = [x for x in group.inner if x.label == "PLACE"]
        if group.outer.label == "ORG" and places and _GOVERNMENT.match(group.outer.text):
            return places[-1]
    return None


#: The comitative ``với`` right before a name: the partner of the clause's action
#: (``ký thỏa thuận với chính phủ``), never the owner of what the clause counts; not
#: ``đối với``, which names whom a fine or a measure concerns.
_PARTNER_BEFORE = regex.compile(r"(?<![\w])(?<!đối[ \t])với[ \t]+$")


def _located_modifier(text: str, s0: int, group: _Group, f0: int) -> bool:
    """``Nhà thầu dự án ở X bị phạt 35 triệu đồng``: a place that only locates the noun
    before it, right before that noun's passive verb, is not its subject."""
    lead = text[max(s0, group.start - 12) : group.start]
    if not regex.search(r"\S[ \t]+(?:ở|tại)[ \t]+$", lead):
        return False
    rest = regex.sub(
        r"^[ \t]*(?:(?:đã|sẽ|vừa|cũng|đều|đang|còn|mới)[ \t]+)*", "", text[group.end : f0]
    )
    return bool(regex.match(r"bị\b", rest))


def _of_previous_figure(
    text: str, group: _Group, figure: Located, in_sentence: Sequence[Located]
) -> bool:
    """``1 ca tại xã A, 2 ca tại xã B``: a place right after an earlier figure of the same
    unit, after ``tại``/``ở``/``của``, is that list item's, not a fallback for the next one."""
    earlier = [x for x in in_sentence if x.label == "FIGURE" and x.mention.end <= group.start]
    if not earlier or earlier[-1].mention.attrs.get("unit") != figure.mention.attrs.get("unit"):
        return False
    gap = text[earlier[-1].mention.end : group.start]
    found = regex.match(r"^[ \t]*(?:([\w/]+)[ \t]+)?(?:tại|ở|của|thuộc)[ \t]+$", gap)
    if not found or (found.group(1) or "").lower() in _CONJUNCTIONS:
        return False  # ``50% nhưng ở X mới 30%``: X opens the next clause
    return bool(regex.match(r"^[ \t]*(?:\([^()]*\)[ \t]*)?,", text[group.end :]))


#: A verb of fining in the clause before a sum: the sum is the fine.
_FINE_BEFORE = regex.compile(r"(?<![\w])phạt(?![\w])", regex.IGNORECASE)


def _ordered_after(text: str, groups: Sequence[_Group], f1: int, s1: int) -> _Group | None:
    """``X phạt 60 triệu đồng, đồng thời buộc công ty A khắc phục``: with no one fined
    named before the fine, the party ordered to comply right after it is the one fined, as
    is the party the fine is imposed on (``phạt 40 triệu đồng đối với Công ty A``)."""
    for group in groups:
        if group.start < f1:
            continue
        lead = text[f1 : group.start]
        if regex.search(r"[.!?]", lead) or len(regex.findall(r"\w+", lead)) > 6:
            return None
        if regex.search(r"\b(?:yêu cầu|buộc|đối với)[ \t]+$", lead, regex.IGNORECASE):
            return group  # "phạt 40 triệu đồng đối với Công ty A": the one fined
        return None
    return None


def _received_earlier(
    text: str, s0: int, group: _Group, figure: Located, in_sentence: Sequence[Located]
) -> bool:
    """``cấp cho tỉnh X 60% …, và … 100%``: a mention named as the recipient of an
    earlier figure of the sentence (``cho X 60%``) is not the owner of a later one."""
    for x in in_sentence:
        if (
            x.label != "FIGURE"
            or x is figure
            or not group.end <= x.mention.start < figure.mention.start
        ):
            continue
        if text[group.end : x.mention.start].strip():
            continue
        lead = text[max(s0, group.start - 30) : group.start]
        if regex.search(r"\bcho[ \t]+$", lead) or _is_direct_object(
            text, s0, group, x.mention.start
        ):
            return True
    return False


def _aside(text: str, s0: int, group: _Group, f0: int) -> bool:
    """A mention inside a parenthetical clause that closes before the figure (``(theo luật,
    thành phố X được vay 30%); … hưởng 100%``): an aside, not the subject of what follows.
    A parenthesis that only names a place (``huyện A (tỉnh B)``) is no aside."""
    opened = text.rfind("(", s0, group.start)
    if opened < 0 or text.find(")", opened, group.start) >= 0:
        return False
    closed = text.find(")", group.end, f0)
    if closed < 0:
        return False
    return len(regex.findall(r"[\w/]+", text[opened:closed])) > 8


def _joint(text: str, first: _Group, second: _Group) -> bool:
    """Two owners joined (``A và B``, ``A - B``, a list ``A, B, C``): two countries or two
    places of one level, not a place and the larger place it lies in."""
    gap = text[first.end : second.start]
    comma = bool(regex.match(r"^[ \t]*,[ \t]*$", gap))
    if not (comma or regex.match(r"^[ \t]*(?:và|[–-])[ \t]*$", gap)):
        return False
    a, b = first.outer, second.outer
    if a.label != "PLACE" or b.label != "PLACE":
        return False
    level = a.mention.attrs.get("level")
    if comma and level not in ("province", "district", "commune", "village", "country"):
        return False  # ``bãi X, Y``: a named spot and where it is
    return level is not None and level == b.mention.attrs.get("level")


def _owner_reaches(text: str, s0: int, f0: int, f1: int, owner: _Group) -> bool:
    """An owner after a comma (``260 nhà báo, kỹ thuật viên của X``) belongs to a figure that
    opens its clause; after a figure that ends one (``ô tô của A được giám định là 4,9 triệu
    đồng, xe của B``) it opens the next list item."""
    if "," not in text[f1 : owner.start]:
        return True
    lead = text[_clause_start(text, s0, f0) : f0]
    words = regex.findall(r"[\w/]+", lead)
    return len(words) <= 1 and all(w.lower() in _APPROXIMATORS for w in words)


def _written_before(found: Located, candidates: Sequence[Located], f0: int) -> Located:
    """The guide's "nearest mention before the figure" when the subject found after it is
    also written before it in the sentence (``Sở X tỉnh A cho biết có 5 người quê A``)."""
    if found.mention.start < f0 or found.label != "PLACE":
        return found
    name = _name_of(found)
    same = [
        x
        for x in candidates
        if x.mention.end <= f0 and x.label == found.label and _name_of(x) == name
    ]
    return same[-1] if same else found


def _name_of(x: Located) -> str:
    name = x.mention.attrs.get("name") if x.label == "PLACE" else None
    level = x.mention.attrs.get("level") or ""
    return f"{level}:" + " ".join(str(name or x.text).casefold().split())


def _bare_government(group: _Group) -> bool:
    """``2 nguyên Chủ tịch UBND``: a people's committee or council named without its place
    after a counted post is part of the post, not the owner of the count."""
    outer = group.outer
    return outer.label == "ORG" and not group.inner and bool(_GOVERNMENT.fullmatch(outer.text))


def _span(x: Located) -> tuple[int, int]:
    return (x.mention.start, x.mention.end)


def _groups(candidates: Sequence[Located]) -> list[_Group]:
    """Candidates grouped by their outermost mention, in text order."""
    outers = [
        x
        for x in candidates
        if not any(
            y is not x and inside(_span(x), _span(y)) and _span(x) != _span(y) for y in candidates
        )
    ]
    return [
        _Group(o, tuple(x for x in candidates if x is not o and inside(_span(x), _span(o))))
        for o in sorted(outers, key=lambda x: x.mention.start)
    ]


def _is_author(x: Located) -> bool:
    return x.mention.attrs.get("role") == "author"


def _in_credit(text: str, x: Located, index: StartIndex[Located]) -> bool:
    """Whether a mention belongs to a photo credit (``Ảnh: A/TTXVN``): at most the author's
    name stands between ``Ảnh:`` and it."""
    found = _CREDIT.search(text, max(0, x.mention.start - 60), x.mention.start)
    if not found:
        return False
    inside_credit = [
        y for y in index.starting_in(found.start(), x.mention.start) if y.label in ("PERSON", "ORG")
    ]
    return len(inside_credit) <= 1


def _pick(
    group: _Group, quantity: str | None, *, reporter: bool = False, recipient: bool = False
) -> Located:
    """The mention of a group the figure is about: its PLACE for place quantities, and for
    any amount of the place's own government (``UBND xã X`` acts for ``xã X``) unless that
    government is the named recipient."""
    if group.outer.label != "ORG":
        return group.outer
    places = [x for x in group.inner if x.label == "PLACE"]
    government = not recipient and bool(_GOVERNMENT.match(group.outer.text))
    if places and (reporter or government or quantity in _PLACE_QUANTITIES):
        return places[-1]
    return group.outer


def _chain_head(text: str, groups: list[_Group], i: int) -> int:
    """Walk back over an appositive chain (``A, xã B (huyện C)``) to its first link."""
    while i > 0:
        gap = text[groups[i - 1].end : groups[i].start]
        body_place = (
            not gap.strip()
            and groups[i - 1].outer.label == "ORG"
            and groups[i].outer.label == "PLACE"
        )  # ``CDC Hà Nam`` written as a body and its place
        if not (_CHAIN_GAP.match(gap) or body_place) or _two_features(groups[i - 1], groups[i]):
            break
        i -= 1
    return i


def _two_features(a: _Group, b: _Group) -> bool:
    """Whether two places side by side are two features (``Trên lưu vực sông Đà, hồ Hòa
    Bình có …``: the river's basin, then the lake), not a place and the unit holding it."""
    return all(
        g.outer.label == "PLACE" and g.outer.mention.attrs.get("level") == "other" for g in (a, b)
    )


def _role_after(text: str, group: _Group, limit: int) -> str | None:
    """The role of the verb right after a group (and its parenthesis), if any."""
    rest = text[group.end : limit]
    rest = regex.sub(r"^[ \t]*(?:\([^()]*\)|\))", "", rest)  # its parenthesis, or the end of one
    head = regex.match(
        r"^[ \t]*(?:[,–-][ \t]*)?(?:(?:đã|sẽ|vừa|cũng|đều|đang|còn|mới|tích cực)[ \t]+)*", rest
    )
    tail = rest[head.end() if head else 0 :]
    if _QUOTE_OPENS.match(rest) and group.outer.label != "PLACE":
        return "speak"  # ``Bí thư X: “500 người …”``: the words quoted are the speaker's
    for role in ("receive", "speak", "direct", "give", "fine", "organise"):
        found = _role_regex(role).match(tail)
        if found:
            if role == "receive" and _role_regex("direct").match(tail):
                # ``X đề nghị Y hỗ trợ 5 tỷ đồng``: X receives; with no giving, X only asks.
                return "receive" if _gives(tail) else "direct"
            return role
    return None


def _clause_start(text: str, s0: int, pos: int) -> int:
    """Where the clause holding ``pos`` starts: after the last ``,;:`` (or the sentence)."""
    cut = max(text.rfind(ch, s0, pos) for ch in ",;:")
    return max(s0, cut + 1)


def _is_initial(text: str, s0: int, group: _Group, figures: Sequence[int] = ()) -> bool:
    """Whether a group stands where a clause subject stands: at most a few words after the
    start of its clause (honorifics aside; a clause also starts after a figure, as in
    ``A nhận 160 tỉ đồng và B nhận …``), not right after a preposition, and not after the
    verb of a clause that continues the topic's predicate (``được kết nạp X``)."""
    start = _clause_start(text, s0, group.start)
    start = max([start, *(end for end in figures if start <= end <= group.start)])
    lead = text[start : group.start]
    words = [w for w in regex.findall(r"[\w/]+", lead) if w.lower() not in _HONORIFICS]
    if not words:
        return True
    if len(words) == 1 and words[0].lower() in _CLAUSE_OPENERS:
        return True
    if len(words) >= 2 and words[0].lower() in _PREDICATE_OPENERS:
        return False  # ``…, được kết nạp Đảng năm 1934, …``: an object of the topic's verb
    return len(words) <= 3 and words[-1].lower() not in _OBJECT_MARKERS


def _direct_object(text: str, s0: int, before: list[_Group], f0: int) -> _Group | None:
    """``trao thưởng cho X 10 triệu đồng``, ``xử phạt ông X 2 triệu đồng``, ``giao cho X 208
    ha``: the group right after a verb of giving or fining, right before the figure (a unit
    written before its parent, ``phòng CSHS Công an tỉnh``, is read from its first part)."""
    i = len(before) - 1
    if not _is_direct_object(text, s0, before[i], f0):
        while i > 0 and not text[before[i - 1].end : before[i].start].strip():
            i -= 1
            if _is_direct_object(text, s0, before[i], before[i].end):
                return before[i]
        return None
    return before[i]


def _is_direct_object(text: str, s0: int, group: _Group, f0: int) -> bool:
    """Whether ``group`` follows a verb of giving or fining and stands right before ``f0``."""
    gap = text[group.end : f0]
    if not regex.match(
        r"^[ \t]*(?:\([^()]*\)[ \t]*)?(?:(?:số tiền|tổng số tiền|mức)[ \t]+)?$", gap
    ):
        return False
    lead = text[s0 : group.start]
    lead = regex.sub(r"(?:[ \t]+(?:ông|bà|anh|chị|em|cháu|đồng chí))+[ \t]*$", " ", lead)
    return bool(_GIVEN_TO.search(lead))


def _has_directly(text: str, group: _Group, f0: int) -> bool:
    """``Công an quận 2 (TP.HCM) có 500 chiến sĩ``: a verb of having right after the group
    (past its parenthesis), with only the measure between it and the figure."""
    words = regex.findall(r"[\w/]+", text[max(0, group.start - 20) : group.start])
    if words and words[-1].lower() in _OBJECT_MARKERS:
        return False  # ``dự án ở Sài Gòn bị phạt``: a complement, not the one that has it
    rest = regex.sub(r"^[ \t]*\([^()]*\)", "", text[group.end : f0])
    rest = regex.sub(r"^[ \t]*(?:(?:đã|sẽ|vừa|cũng|đều|đang|còn|mới|hiện)[ \t]+)*", "", rest)
    verb = _role_regex("have").match(rest)
    if not verb:
        return False
    return bool(
        regex.match(r"^[ \t]*(?:[\w/]+[ \t]+){0,4}(?:là[ \t]+)?[\w]*[ \t]*$", rest[verb.end() :])
    )


def _after_subject(text: str, groups: list[_Group], f1: int, s1: int) -> _Group | None:
    """A mention after the figure it belongs to: ``260 nhà báo của TTXVN``, ``2 lãnh đạo
    huyện X``, or the subject of the clause the figure opens (``với 2.500 cán bộ, …, TTXVN
    tiếp tục``)."""
    for group in groups:
        if group.start < f1:
            continue
        gap = text[f1 : group.start]
        if ";" in gap or _role_regex("give").search(gap) or _role_regex("speak").search(gap):
            return None
        if regex.search(r",[ \t]*$", gap) and _role_after(text, group, s1) is None:
            return group
        return None
    return None


def by_start(located: Sequence[Located]) -> StartIndex[Located]:
    """The mentions indexed by working-text start, as :func:`subject_of` reads them."""
    return StartIndex(located, lambda x: x.mention.start)


def subject_of(ctx: DocContext, figure: Located, index: StartIndex[Located]) -> Located | None:
    """The PLACE, ORG or PERSON the figure describes, or None when the text does not say.

    ``index`` is :func:`by_start` of the article's mentions: only the figure's sentence is
    read, so the cost does not grow with the article."""
    return explain_subject(ctx, figure, index)[0]


#: A length the clause's subject has, suffers or lies at, written before it: ``toàn tỉnh có
#: khoảng 150 km``, ``tỉnh X bị sạt lở 777 m``, ``xã A cách thị trấn B 20 km``.
_LENGTH_OF_OWNER = regex.compile(r"(?<![\w])(?:có|bị|cách)(?:[ \t]+[\w.]+){0,6}[ \t]+$")


#: The hour word of a time zone right before a place (``giờ Việt Nam``, ``theo giờ Hà Nội``).
_TIME_ZONE_BEFORE = regex.compile(r"(?<![\w])giờ[ \t]+$", regex.IGNORECASE)

#: The rules that guess a subject from the clause around a figure rather than read it from
#: a word that ties them.
_GUESSED = frozenset({"clause_subject", "fallback"})

#: Quantities whose measure is a thing's, not that of the person (or body) the clause is
#: about: tonnes of goods a person carries or seizes (a firm's tonnes are its output), a
#: chip's speed, a phone's memory, a warhead's yield.
_MEASURES_OF_THINGS = {"mass": ("PERSON",), "other": ("PERSON", "ORG")}

#: A weight the clause's subject has, written right before it (``bé A chỉ nặng 9,5kg``).
_WEIGHT_OF_OWNER = regex.compile(r"(?<![\w])(?:nặng|cân nặng)(?:[ \t]+[\w.]+){0,3}[ \t]+$")

#: How far before a figure a country the fallback finds may stand and still be its place.
_COUNTRY_REACH = 40


def _country_in_passing(subject: Located, figure: Located, index: StartIndex[Located]) -> bool:
    """A country the sentence names far from the figure or inside another name (``Lực lượng
    Vũ trang Cách mạng Colombia``): named in passing, it owns nothing."""
    if subject.mention.attrs.get("level") != "country":
        return False
    a, b = subject.mention.start, subject.mention.end
    if figure.mention.start - b > _COUNTRY_REACH:
        return True
    return any(
        x is not subject and x.mention.start <= a and b <= x.mention.end
        for x in index.starting_in(max(0, a - 200), a + 1)
        if x.label == "ORG"
    )


def _measured(figure: Located) -> bool:
    """A figure in a unit of measurement (``tấn``, ``GB``), not a count or a factor (``gấp
    245 lần``, which compares what its clause's subject holds)."""
    unit = lookup_unit(figure.mention.attrs.get("unit") or "")
    return unit is not None and unit.kind == "measure"


def _zone(subject: Located) -> bool:
    return subject.label == "PLACE" and subject.mention.attrs.get("level") == "other"


def explain_subject(
    ctx: DocContext, figure: Located, index: StartIndex[Located]
) -> tuple[Located | None, str]:
    """:func:`subject_of` and the name of the rule that decided it (for error listings).

    A subject guessed from the clause (its subject, or the nearest name) is checked
    against what the figure measures: a mass (tonnes of goods) is no person's that moves or
    seizes it, unless the sentence says the person weighs it, and an unclassed measure (a
    chip's speed) no person's or body's; a country the sentence names far from the figure or
    inside another name owns no figure it does not tie to it.

    A length belongs to a road, river, bridge or zone (a PLACE of level ``other``): a
    landslide's 15 m or a convoy's 8 km in a commune's sentence are no one's mention's,
    unless the sentence says the place has, suffers or lies at it (``toàn tỉnh có 150 km bờ
    biển``, ``tỉnh X bị sạt lở 777 m``, ``xã A cách B 20 km``)."""
    subject, rule = _explain_subject(ctx, figure, index)
    quantity = figure.mention.attrs.get("quantity")
    if subject is not None and rule in _GUESSED:
        if (
            subject.label in _MEASURES_OF_THINGS.get(quantity, ())
            and _measured(figure)
            and not _WEIGHT_OF_OWNER.search(
                ctx.text, max(subject.mention.end, figure.mention.start - 30), figure.mention.start
            )
        ):
            return None, "measure_of_thing"
        if rule == "fallback" and _country_in_passing(subject, figure, index):
            return None, "country_in_passing"
    if (
        subject is not None
        and quantity == "length"
        and not _zone(subject)
        and not _LENGTH_OF_OWNER.search(
            ctx.text, max(subject.mention.end, figure.mention.start - 60), figure.mention.start
        )
    ):
        return None, "length_of_thing"
    return subject, rule


def _explain_subject(
    ctx: DocContext, figure: Located, index: StartIndex[Located]
) -> tuple[Located | None, str]:
    """The subject rules in order (see :func:`explain_subject`)."""
    text = ctx.text
    s0, s1 = ctx.sentence_of(figure.mention.start)
    f0, f1 = figure.mention.start, figure.mention.end
    # A sentence end the tokenizer kept (``50 m. Trung bình …``) still ends the sentence.
    for stop in _SENTENCE_STOP.finditer(text, s0, f0):
        s0 = stop.end()
    stop = _SENTENCE_STOP.search(text, f1, s1)
    s1 = stop.start() + 1 if stop else s1
    quantity = figure.mention.attrs.get("quantity")
    in_sentence = index.starting_in(s0, s1)
    counted = [(x.mention.start, x.mention.end) for x in in_sentence if x.label == "FIGURE"]
    candidates = [
        x
        for x in in_sentence
        if x.label in _CANDIDATE_LABELS
        and x.mention.end <= s1
        and not _is_author(x)
        and not _in_credit(text, x, index)
        # "ngôi sao người Bồ": a nationality describes someone, it owns nothing
        and not _nationality(text, x, counted)
        # a name inside what a figure counts (``158 mẹ Việt Nam Anh hùng``) owns nothing
        and not any(a <= x.mention.start and x.mention.end <= b for a, b in counted)
        # "ngày 12/6 (giờ Việt Nam)": a time zone's place owns nothing
        and not _TIME_ZONE_BEFORE.search(text, max(0, x.mention.start - 6), x.mention.start)
    ]
    groups = _groups(candidates)
    before = [g for g in groups if g.end <= f0]
    figure_ends = [
        x.mention.end for x in in_sentence if x.label == "FIGURE" and x.mention.end <= f0
    ]

    # hỗ trợ xã A 50 triệu đồng, xử phạt ông B 2 triệu đồng: the named recipient.
    if before:
        direct = _direct_object(text, s0, before, f0)
        if direct is not None:
            return _pick(direct, quantity, recipient=True), "direct_object"
    # ``260 nhà báo của TTXVN``, ``2 lãnh đạo huyện X``: an owner right after the figure.
    nxt = [g for g in groups if g.start >= f1]
    if (
        nxt
        and quantity == "money"
        and _HELPS.match(text[f1 : nxt[0].start])
        and not _bare_government(nxt[0])
    ):
        # "gói tín dụng 500 tỷ đồng giúp tỉnh X": money given to help X (guide: the
        # named recipient of money)
        return _pick(nxt[0], quantity, recipient=True), "helped_after"
    if (
        nxt
        and not _bare_government(nxt[0])
        and _OWNER_GAP.match(text[f1 : nxt[0].start])
        and _owner_reaches(text, s0, f0, f1, nxt[0])
    ):
        if len(nxt) > 1 and regex.match(r"^[ \t]*và[ \t]*$", text[nxt[0].end : nxt[1].start]):
            return None, "owner_after_two"  # 14 cán bộ xã A và huyện B: no one owner
        gap = text[f1 : nxt[0].start]
        if (
            before
            and not regex.search(r"\b(?:của|thuộc|quê)\b", gap)
            and not regex.search(r"\bcủa\b", text[before[-1].end : f0])  # "đơn của 1 người"
            and _has_directly(text, before[-1], f0)
        ):
            # "Công ty X có 200 công nhân làm việc tại tỉnh Y": X has them, Y is only where
            return _pick(before[-1], quantity), "has_before_place"
        if not regex.search(r"\b(?:của|thuộc|quê)\b", gap) and _casualties(text, figure, s0, s1):
            return None, "casualties"  # ``khiến 7 người tử vong tại BV X``: where, not whose
        if (
            nxt[0].outer.label == "PERSON"
            and quantity == "people"
            and not regex.search(r"\b(?:của|gia đình|nhà|hộ)\b", gap)
        ):
            return None, "people_named"  # "hai bé gái L.T.Th và T.T.T": who they are
        owner = _pick(nxt[0], quantity)
        if not regex.search(r"\b(?:của|thuộc)\b", gap):
            owner = _written_before(owner, candidates, f0)  # ``5 người quê A``: A is no owner
        return owner, "owner_after"
    if _contraband(text, figure, s1):
        return None, "contraband"
    if str(figure.mention.attrs.get("unit") or "").lower() in _words("attribute"):
        return None, "attribute"  # ``nhà 2 tầng``, ``xe 16 chỗ``: a thing's, no one's
    if str(figure.mention.attrs.get("unit") or "").lower() in _words("agent"):
        return None, "agent"  # ``hai đối tượng bịt mặt``: the offenders, no one's
    if _casualties(text, figure, s0, s1):
        return None, "casualties"  # ``khiến 7 người thiệt mạng``: the victims, no one's
    f_lead = text[max(s0, f0 - 40) : f0]
    far = _DISTANCE.search(f_lead) if quantity == "length" else None
    if far is not None:
        at = f0 - len(f_lead) + far.start()
        if not any(g.end == len(text[:at].rstrip(" \t")) for g in before):
            # ``(cách nhà ông khoảng 1 km)``: how far, no one's; but ``Xã A cách B 20 km``
            # is the distance of A, written right before ``cách``.
            return None, "distance"
    if _ONE_OF.search(f_lead):
        return None, "one_of"
    if _PLACE_COUNT.match(text[f0:f1]) and _PLACE_COUNT_LEAD.search(f_lead):
        return None, "place_count"
    if quantity == "money" and _HANDED_OVER.search(f_lead):
        return None, "handed_over"
    # ``giao đất cho 4 hộ, với tổng diện tích …``: a recipient counted, and what it got.
    lead = text[max(s0, text.rfind(";", s0, f0) + 1) : f0]  # this clause of the list
    recipients = list(_RECIPIENT.finditer(lead))
    recipient = recipients[-1] if recipients else None
    if (
        recipient
        and not _role_regex("take").search(lead, recipient.end())
        and not _employs(lead, recipient.start())
    ):
        return None, "counted_recipient"
    given = regex.search(r"\bcho(?:[ \t]+phép)?[ \t]+(?:hơn|gần|khoảng|trên)?[ \t]*$", lead)
    if given and not _employs(lead, given.start()):
        return (
            None,
            "counted_recipient",
        )  # giao đất cho 4 hộ: the households counted receive, they own nothing

    # A price or a rate (``60.000 đồng/kg``, ``mỗi căn … 3 tỷ đồng``) belongs to no one.
    if quantity == "money" and _is_price(text, s0, f0, f1):
        return None, "price"
    # ``giá bán từ 5 triệu đồng, có căn lên đến 9 triệu đồng``: a list of prices goes on.
    money = [x for x in in_sentence if x.mention.attrs.get("quantity") == "money"]
    previous = [x for x in money if x.mention.end <= f0]
    if (
        quantity == "money"
        and previous
        and _continues(text, previous[-1].mention.end, f0, candidates)
        and _is_price(text, s0, previous[-1].mention.start, previous[-1].mention.end)
    ):
        return None, "price_list"

    if _opens_own_clause(text, s0, figure):
        return None, "own_clause"
    if _measures_a_thing(text, s0, figure, candidates):
        return None, "measured_thing"
    if quantity == "money" and _FINE_BEFORE.search(text, s0, f0):
        fined = _ordered_after(text, groups, f1, s1)
        if fined is not None:
            return fined.outer, "fined_after"  # "phạt 2,5 triệu đồng đối với A"
    whole = None
    for found in _WHOLE.finditer(text, max(s0, text.rfind(";", s0, f0) + 1), f0):
        whole = _LEVEL_OF_UNIT.get(next(g for g in found.groups() if g).lower())
    if whole is None and (after := _WHOLE_AFTER.match(text, f1)):
        whole = _LEVEL_OF_UNIT.get(after.group(1).lower())
    if whole is not None and not _seizes(text[s0:f0]):  # "toàn tỉnh bắt 50 đối tượng": no one's
        places = [
            x
            for x in candidates
            if x.label == "PLACE" and x.mention.end <= f0 and x.mention.attrs.get("level") == whole
        ]
        if places:
            return places[-1], "whole"

    # Read back from the nearest mention before the figure, to a clause subject.
    fallback: _Group | None = None
    speaker: _Group | None = None
    addressed: _Group | None = None
    listed = False
    i = len(before) - 1
    while i >= 0:
        head = _chain_head(text, before, i)
        group = before[head]
        if _not_subject(text, s0, group, f0):
            addressed = group
            i = head - 1
            continue
        role = _role_after(text, before[i], f0)
        if role is None and addressed is not None:
            verb = text[before[i].end : addressed.start]
            if _addressed_regex().search(verb) and len(regex.findall(r"[\w/]+", verb)) <= 3:
                role = "direct"  # ``UBND TP giao UBND huyện X ban hành …``: the director
        addressed = None
        between = text[before[i].end : f0]
        reporter = bool(_REPORTER_BEFORE.search(text[s0 : group.start]))
        if role in ("speak", "direct") or reporter:
            # A speaker or reporter frames the sentence: what it says has its own subject.
            if reporter and role is None:
                places = [x for x in group.inner if x.label == "PLACE"]
                if places and quantity in _PLACE_QUANTITIES:
                    return places[-1], "reporter_place"
            speaker = group if role == "speak" else None
            if role == "speak" and group.outer.label == "ORG":
                verb = _role_regex("speak").search(text, before[i].end, f0)
                said = text[verb.end() : f0] if verb else ""
                named = verb is not None and any(g.start >= verb.end() for g in before)
                # ``ông A, Trưởng Công an huyện X cho biết``: the body of a speaker's post
                named = named or any(
                    g.outer.label == "PERSON" and group.start - 80 <= g.end <= group.start
                    for g in before
                )
                if verb and not named and _ELIDED.match(said) and _found_right_before(said):
                    if (
                        _gives(said, quantity)
                        or _role_regex("seize").search(said)
                        or _role_regex("charge").search(said)
                        or regex.search(r"\bphạt\b", said)
                    ):
                        return None, "giver_elided"  # Bộ X cho biết đã tạm cấp 1.680 tỉ
                    return _pick(group, quantity, reporter=True), "speaker_elided"
            if role == "direct":
                fallback = None  # what a director asks for has no owner in its words
                place = _proposing_government(text, before, i)
                if place is not None and _role_regex("propose").search(text, before[i].end, f0):
                    return place, "government_proposal"
            break
        if _seizes(between):
            return None, "seized"  # ``X bắt giữ A khi chở 12 bánh``: seized goods
        fines = role == "fine" and quantity == "money"
        if fines:
            role = "give"
        if role == "give" and not _role_regex("take").search(between):
            if fallback is not None:  # after the giving verb: the recipient's side
                return _pick(fallback, quantity, recipient=True), "recipient_after_giver"
            ordered = _ordered_after(text, groups, f1, s1) if fines else None
            if ordered is not None:
                return ordered.outer, "fined_ordered"
            return None, "giver_after"
        if _directs(between):
            return None, "director_between"
        if role == "organise":
            i -= 1  # the organiser only: ``Tại X, Hội Y phối hợp … mở 6 lớp`` → X
            continue
        verb = _gives(between, quantity)
        if (
            verb
            and not _role_regex("take").search(between, verb.end())
            and not _asks_for(between[: verb.start()])
        ):
            if fallback is not None:
                return _pick(fallback, quantity, recipient=True), "recipient_after_giver"
            return None, "giver_between"
        if _of_previous_figure(text, group, figure, in_sentence) or _aside(text, s0, group, f0):
            i = head - 1  # ``1 ca tại xã A, 2 ca …``: xã A is the first item's
            continue
        if _received_earlier(text, s0, group, figure, in_sentence):
            i = head - 1  # ``cấp cho tỉnh X 60% …, và 100% …``: X received the 60%
            continue
        joint = head < i and _joint(text, before[head], before[head + 1])
        if _is_initial(text, s0, group, figure_ends) or _has_directly(text, before[i], f0):
            if joint:
                return None, "joint_subject"  # ``Lào - Việt Nam … có … 2.000 km``: no one owner
            if _person_counts_people(text, group, figure):
                return None, "people_of_person"
            return _pick(group, quantity), "clause_subject"
        listed = listed or joint  # past a list of places, only a clause subject owns
        if (
            fallback is None
            and not listed
            and not _located_modifier(text, s0, group, f0)
            and not _PARTNER_BEFORE.search(text, max(s0, group.start - 8), group.start)
        ):
            fallback = group
        i = head - 1
    if fallback is not None:
        if _person_counts_people(text, fallback, figure):
            return None, "people_of_person"
        return _pick(fallback, quantity), "fallback"
    after = _after_subject(text, groups, f1, s1)
    if after is not None:
        return _written_before(_pick(after, quantity), candidates, f0), "after_subject"
    if speaker is not None:
        # ``X cho biết, đã có 769 con tôm … thả nuôi ở vịnh Y``: the place the clause names.
        clause_end = min([s1, *(p for p in (text.find(c, f1, s1) for c in ",;") if p >= 0)])
        for group in groups:
            if f1 <= group.start and group.end <= clause_end:
                if regex.search(r"\b(?:ở|tại)[ \t]+$", text[f1 : group.start]):
                    return _written_before(_pick(group, quantity), candidates, f0), "speaker_place"
                break
    return None, "none"


def measure_of(ctx: DocContext, figure: Located, after: int) -> str | None:
    """The measure named within a few words before the figure (and after ``after``)."""
    start = max(
        ctx.sentence_of(figure.mention.start)[0], figure.mention.start - _MEASURE_WINDOW, after
    )
    found = list(_measure_regex().finditer(ctx.text, start, figure.mention.start))
    return found[-1].group() if found else None


def link(ctx: DocContext, located: Sequence[Located]) -> Links:
    attrs: dict[str, dict[str, object]] = {}
    previous_end = 0
    index = by_start(located)
    for x in located:
        if x.label != "FIGURE":
            continue
        subject = subject_of(ctx, x, index)
        attrs[x.id] = {"subject": subject.id if subject else None}
        # A measure names the first figure after it, not the ones listed after that.
        measure = measure_of(ctx, x, previous_end)
        if measure:
            attrs[x.id]["measure"] = measure
        previous_end = x.mention.end
    return Links(mention_attrs=attrs)
