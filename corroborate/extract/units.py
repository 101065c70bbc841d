"""Units after a number: what they normalise to, and conversions.

`match_unit(text, pos)` recognises the unit written at `pos` ("square kilometres", "sq km",
"km²", "square miles", "residents", "troops", "villages", "%", "euros", ...) and says what it
normalises to:

- area → "km2" (square miles, hectares and acres are converted; the written value and unit are
  kept by the caller in `original_value` / `original_unit`);
- length → "km" (miles converted) or "m" (feet, yards and inches converted);
- volume → "km3";
- people, residents, civilians, evacuees, ... → "people"; soldiers, troops, ... → "soldiers";
  settlements, villages, towns, ... → "settlements"; prisoners, POWs, ... → "prisoners";
- currency words → ISO codes ("USD", "EUR", "GBP", "UAH", "RUB");
- "%", "percent", "per cent" → "percent";
- temperatures → "°C" ("38.8C", "degrees Celsius") or "°F" (kept as written: its conversion is
  no factor); pence → "GBP" (× 0.01);
- durations ("hours", "years") are recognised so that the caller can treat them as periods.

`noun` is the key used for a figure's `measure`: generic words for people all count "people",
while a narrower group ("children", "hostages") keeps its own word, so that "12 children killed"
is never matched against "12 people killed".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

__all__ = ["CURRENCY_WORDS", "UnitMatch", "convert", "local_dollar", "local_rupee", "match_unit"]

SQ_MILE_KM2 = 2.589988110336
MILE_KM = 1.609344
NAUTICAL_MILE_KM = 1.852  # sea distances: "20 nautical miles off the coast"
FOOT_M = 0.3048


@dataclass(frozen=True, slots=True)
class UnitMatch:
    start: int
    end: int
    unit: str  # normalised: km2, km, people, soldiers, settlements, prisoners, USD, percent, ...
    category: str  # area | length | volume | speed | people | soldiers | settlements |
    # prisoners | currency | percent | duration | mass | temperature | flow | concentration |
    # exchange | count
    noun: str  # the counted-thing key for `measure`: "area", "people", "children", ...
    factor: float = 1.0  # value written × factor = value in `unit`
    original: str | None = None  # the unit as written, normalised, when it is converted


# (pattern, unit, category, noun, factor, original)
_ENTRIES: list[tuple[str, str, str, str, float, str | None]] = [
    # area
    (
        r"square\s+(?:kilomet(?:re|er)s?|kms?)|sq\.?\s?kms?\b|km2|km²|kilomet(?:re|er)s?\s+squared",
        "km2",
        "area",
        "area",
        1.0,
        None,
    ),
    (
        r"square\s+miles?|sq\.?\s?mi(?:les?)?\b|mi²",
        "km2",
        "area",
        "area",
        SQ_MILE_KM2,
        "square miles",
    ),
    (r"hectares?|ha\b", "km2", "area", "area", 0.01, "hectares"),
    (r"acres?", "km2", "area", "area", 0.0040468564224, "acres"),
    # speed, before length: "200 miles per hour" is no distance
    (
        r"(?:kilomet(?:re|er)s?|kms?)\s*(?:per|an|a)\s+hour|km/h\b|kph\b|kmh\b",
        "km/h",
        "speed",
        "speed",
        1.0,
        None,
    ),
    (r"miles?\s+(?:per|an|a)\s+hour|mph\b", "km/h", "speed", "speed", MILE_KM, "miles per hour"),
    # length
    (r"kilomet(?:re|er)s?|kms?\b", "km", "length", "distance", 1.0, None),
    (r"nautical\s+miles?|nmi\b", "km", "length", "distance", NAUTICAL_MILE_KM, "nautical miles"),
    (r"miles?", "km", "length", "distance", MILE_KM, "miles"),
    (r"met(?:re|er)s?", "m", "length", "distance", 1.0, None),
    # rain, snow, water levels: "20cm of snow", "50 millimetres of rain" (in metres, as written)
    (r"centimet(?:re|er)s?|cm\b", "m", "length", "distance", 0.01, "centimetres"),
    (r"millimet(?:re|er)s?|mm\b", "m", "length", "distance", 0.001, "millimetres"),
    # imperial lengths in metres, so that a surge "of 15 feet" meets one "of 4.6 metres"
    (r"feet|foot|ft\b", "m", "length", "distance", FOOT_M, "feet"),
    (r"yards?|yds?\b", "m", "length", "distance", 3 * FOOT_M, "yards"),
    (r"inches|inch\b", "m", "length", "distance", FOOT_M / 12, "inches"),
    # volume
    (r"cubic\s+kilomet(?:re|er)s?|km3\b|km³", "km3", "volume", "volume", 1.0, None),
    (r"litres?\b|liters?\b", "litres", "volume", "volume", 1.0, None),
    (r"gallons?\b", "litres", "volume", "volume", 3.785411784, "gallons"),
    # rate steps: "0.5 percentage point", "a 50-basis-point cut" (basis points are converted)
    (
        r"[-‑]?(?:percentage|pct\.?)[-‑\s]+points?\b",
        "percentage points",
        "percent",
        "share",
        1.0,
        None,
    ),
    (
        r"[-‑]?basis[-‑\s]+points?\b|bps?\b",
        "percentage points",
        "percent",
        "share",
        0.01,
        "basis points",
    ),
    # percent
    (r"%|per\s?cent\b|pc\b", "percent", "percent", "share", 1.0, None),  # "11.8pc": Dawn
    # electric power: "2,400 MW to the grid", "3 gigawatts" (in megawatts)
    (r"megawatts?|MW\b", "MW", "power", "power", 1.0, None),
    (r"gigawatts?|GW\b", "MW", "power", "power", 1000.0, "gigawatts"),
    # exchange rates: "83.69 per dollar", "146 yen to the dollar" is a currency amount first
    *(
        (
            rf"(?:per|to\s+the|against\s+the)\s+(?:U\.?S\.?\s+)?{word}\b",
            f"per {code}",
            "exchange",
            "exchange_rate",
            1.0,
            None,
        )
        for word, code in (
            ("dollar", "USD"),
            ("euro", "EUR"),
            ("pound", "GBP"),
            ("yen", "JPY"),
            ("yuan", "CNY"),
        )
    ),
    # concentrations: "422 parts per million" of carbon dioxide
    (r"parts\s+per\s+million|ppm\b", "ppm", "concentration", "concentration", 1.0, None),
    # oil: "9 million barrels per day", "500,000 bpd" (barrels alone stay a count)
    (
        r"(?:barrels?|bbls?)\s+(?:per|a|each)\s+day\b|bpd\b|b/d\b",
        "barrels per day",
        "flow",
        "oil",
        1.0,
        None,
    ),
    # mass
    (r"(?:metric\s+)?tonnes?|tons?\b", "tonnes", "mass", "weight", 1.0, None),
    # temperature: Fahrenheit is kept as written (its conversion is not a factor)
    (
        r"°\s?C\b|ºC\b|degrees?\s+(?:Celsius|centigrade)",
        "°C",
        "temperature",
        "temperature",
        1.0,
        None,
    ),
    (r"°\s?F\b|ºF\b|degrees?\s+Fahrenheit", "°F", "temperature", "temperature", 1.0, None),
    # pence: in pounds; cents: in dollars ("68 cents a share")
    (r"pence\b", "GBP", "currency", "money", 0.01, "pence"),
    (r"cents\b", "USD", "currency", "money", 0.01, "cents"),
    # people: generic words all count "people"
    (
        r"people|persons?|person|residents?|civilians?|evacuees?|inhabitants?|individuals?|"
        r"citizens?|locals|nationals",
        "people",
        "people",
        "people",
        1.0,
        None,
    ),
    # soldiers
    (
        # ("fighter planes", "fighter jets" are aircraft)
        r"soldiers?|troops|servicemen|servicewomen|service\s?members?|"
        r"fighters?(?!\s+(?:planes?|jets?|aircraft|bombers?|squadrons?))|personnel|"
        r"conscripts?|militants?|combatants?|marines|paratroopers?|mercenaries|reservists?",
        "soldiers",
        "soldiers",
        "soldiers",
        1.0,
        None,
    ),
    # prisoners
    (
        r"prisoners?\s+of\s+war|prisoners?|POWs?|PoWs?|captives?|detainees?",
        "prisoners",
        "prisoners",
        "prisoners",
        1.0,
        None,
    ),
    # settlements
    (
        r"settlements?|villages?|towns?|localities|locality|hamlets?|cities|city",
        "settlements",
        "settlements",
        "settlements",
        1.0,
        None,
    ),
    # durations: a period, not a figure
    (
        r"seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?|centuries",
        "duration",
        "duration",
        "time",
        1.0,
        None,
    ),
]
# narrower groups of people keep their own word as the measure noun
_PEOPLE_GROUPS = (
    r"children|child|kids|minors|women|men|babies|infants|refugees?|migrants?|asylum\s+seekers|"
    r"patients?|workers?|employees?|staff|students?|pupils?|voters?|passengers?|hostages?|"
    r"journalists?|victims?|casualties|wounded|dead|displaced|protesters?|demonstrators?|"
    r"doctors?|nurses?|police(?:\s?officers?|men)?|officers?|firefighters?|rescuers?|"
    r"volunteers?|families|households|homeless|survivors?|tourists?|pilgrims?|miners?|"
    r"farmers?|teachers?|members?"
)
# fmt: off
_SINGULAR = {
    "children": "children", "child": "children", "kids": "children", "men": "men",
    "women": "women", "babies": "babies", "families": "families", "police": "police",
    "policemen": "police", "wounded": "wounded", "dead": "dead", "displaced": "displaced",
    "homeless": "homeless", "staff": "staff", "casualties": "casualties",
}
# fmt: on

# fmt: off
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD", "dollars": "USD", "us dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "hryvnia": "UAH",
    "hryvnias": "UAH", "hryvnas": "UAH", "hryvnya": "UAH", "rouble": "RUB", "roubles": "RUB",
    "ruble": "RUB", "rubles": "RUB", "yen": "JPY", "yuan": "CNY", "franc": "CHF", "francs": "CHF",
    "swiss franc": "CHF", "swiss francs": "CHF", "french franc": "FRF", "french francs": "FRF",
    "belgian franc": "BEF", "belgian francs": "BEF", "deutsche mark": "DEM",
    "deutsche marks": "DEM", "deutschmark": "DEM", "deutschmarks": "DEM", "german marks": "DEM",
    "zloty": "PLN", "zlotys": "PLN", "zlotys'": "PLN", "forint": "HUF", "forints": "HUF",
    "rupee": "INR", "rupees": "INR", "shekel": "ILS", "shekels": "ILS",
    # other countries' dollars: matched before a plain "dollars" (longest first), never USD
    "canadian dollar": "CAD", "canadian dollars": "CAD", "australian dollar": "AUD",
    "australian dollars": "AUD", "new zealand dollar": "NZD", "new zealand dollars": "NZD",
    "hong kong dollar": "HKD", "hong kong dollars": "HKD", "singapore dollar": "SGD",
    "singapore dollars": "SGD", "taiwan dollar": "TWD", "taiwan dollars": "TWD",
    "new taiwan dollars": "TWD",
    # other countries' pounds, rupees, shillings, pesos, dinars and rials: never GBP, INR or
    # a guess, always named with their country ("25,000 Sudanese pounds")
    "sudanese pound": "SDG", "sudanese pounds": "SDG", "south sudanese pound": "SSP",
    "south sudanese pounds": "SSP", "egyptian pound": "EGP", "egyptian pounds": "EGP",
    "lebanese pound": "LBP", "lebanese pounds": "LBP", "syrian pound": "SYP",
    "syrian pounds": "SYP", "pakistani rupee": "PKR", "pakistani rupees": "PKR",
    "sri lankan rupee": "LKR", "sri lankan rupees": "LKR", "nepalese rupee": "NPR",
    "nepalese rupees": "NPR", "indian rupee": "INR", "indian rupees": "INR",
    "kenyan shilling": "KES", "kenyan shillings": "KES", "ugandan shilling": "UGX",
    "ugandan shillings": "UGX", "tanzanian shilling": "TZS", "tanzanian shillings": "TZS",
    "mexican peso": "MXN", "mexican pesos": "MXN", "philippine peso": "PHP",
    "philippine pesos": "PHP", "argentine peso": "ARS", "argentine pesos": "ARS",
    "colombian peso": "COP", "colombian pesos": "COP", "chilean peso": "CLP",
    "chilean pesos": "CLP", "iraqi dinar": "IQD", "iraqi dinars": "IQD",
    "jordanian dinar": "JOD", "jordanian dinars": "JOD", "kuwaiti dinar": "KWD",
    "kuwaiti dinars": "KWD", "libyan dinar": "LYD", "libyan dinars": "LYD",
    "algerian dinar": "DZD", "algerian dinars": "DZD", "serbian dinar": "RSD",
    "serbian dinars": "RSD", "iranian rial": "IRR", "iranian rials": "IRR",
    "yemeni rial": "YER", "yemeni rials": "YER", "omani rial": "OMR", "omani rials": "OMR",
    "saudi riyal": "SAR", "saudi riyals": "SAR", "riyal": "SAR", "riyals": "SAR",
    "qatari riyal": "QAR", "qatari riyals": "QAR", "turkish lira": "TRY",
    "turkish liras": "TRY", "lira": "TRY", "liras": "TRY", "naira": "NGN", "rand": "ZAR",
    "cedi": "GHS", "cedis": "GHS", "kyat": "MMK", "kyats": "MMK", "taka": "BDT",
    "rupiah": "IDR", "ringgit": "MYR", "baht": "THB", "birr": "ETB", "renminbi": "CNY",
    "south korean won": "KRW", "uae dirham": "AED", "uae dirhams": "AED", "emirati dirham": "AED",
    "emirati dirhams": "AED", "moroccan dirham": "MAD", "moroccan dirhams": "MAD",
}
# fmt: on
_CURRENCY_RE = "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS), key=len, reverse=True))

_COMPILED = [
    (re.compile(rf"(?:{pat})(?![\w²])", re.IGNORECASE), unit, cat, noun, factor, orig)
    for pat, unit, cat, noun, factor, orig in _ENTRIES
]
_GROUP_RE = re.compile(rf"(?:{_PEOPLE_GROUPS})(?![\w])", re.IGNORECASE)
_CURRENCY_WORD_RE = re.compile(rf"(?:{_CURRENCY_RE})(?![\w])", re.IGNORECASE)


_GLUED = re.compile(r"[CFp](?![\w²’'-])")
_GLUED_UNITS: dict[str, tuple[str, str, str, float, str | None]] = {
    "C": ("°C", "temperature", "temperature", 1.0, None),
    "F": ("°F", "temperature", "temperature", 1.0, None),
    "p": ("GBP", "currency", "money", 0.01, "pence"),
}


# The dollar a bare "$" means in a report published in each country: an Australian outlet's
# "$50m" is Australian dollars. Wire copy filed from those countries keeps "$" for US dollars
# and writes "A$", so only where the report was published counts, not where it was filed.
_DOLLAR_BY_DOMAIN: Final[dict[str, str]] = {
    "au": "AUD", "nz": "NZD", "ca": "CAD", "sg": "SGD", "hk": "HKD", "tw": "TWD",
}  # fmt: skip
_DOLLAR_PREFIX: Final[dict[str, str]] = {
    "AUD": r"\b(?:A|AU)\$", "NZD": r"\bNZ\$", "CAD": r"\b(?:C|CA)\$", "SGD": r"\bS\$",
    "HKD": r"\bHK\$", "TWD": r"\bNT\$",
}  # fmt: skip


# Outlets of those countries published under a ".com" or ".tv" (the country's own domain says
# it for the rest): a Singapore paper's "$" is the Singapore dollar, a Pakistani paper's "Rs"
# the Pakistani rupee.
_OUTLET_COUNTRY: Final[dict[str, str]] = {
    "straitstimes.com": "sg", "channelnewsasia.com": "sg", "todayonline.com": "sg",
    "businesstimes.com.sg": "sg", "scmp.com": "hk", "thestandard.com.hk": "hk",
    "hongkongfp.com": "hk", "theglobeandmail.com": "ca", "nationalpost.com": "ca",
    "thestar.com": "ca", "torontosun.com": "ca", "taipeitimes.com": "tw",
    "dawn.com": "pk", "geo.tv": "pk", "arynews.tv": "pk", "brecorder.com": "pk",
    "nation.com.pk": "pk", "dailymirror.lk": "lk", "kathmandupost.com": "np",
}  # fmt: skip
# The rupee a bare "Rs" or "rupees" means in each country's press (India's otherwise).
_RUPEE_BY_COUNTRY: Final[dict[str, str]] = {"pk": "PKR", "lk": "LKR", "np": "NPR", "mu": "MUR"}


def _country(host: str | None) -> str | None:
    """The country a report was published in, from its site: the country's domain ("abc.net.au"),
    or a known outlet of it under a generic one ("www.straitstimes.com")."""
    if not host:
        return None
    for outlet, country in _OUTLET_COUNTRY.items():
        if host == outlet or host.endswith("." + outlet):
            return country
    return host.rsplit(".", 1)[-1]


def local_dollar(host: str | None, text: str) -> str:
    """The currency a bare "$" stands for in a report: the country's own dollar when the
    report was published in that country (`host` "abc.net.au", "cbc.ca", "straitstimes.com")
    and does not write the country's prefix itself ("A$": then a bare "$" is the US dollar, as
    wire copy uses it); otherwise "USD"."""
    local = _DOLLAR_BY_DOMAIN.get(_country(host) or "")
    if local is None or re.search(_DOLLAR_PREFIX[local], text):
        return "USD"
    return local


def local_rupee(host: str | None) -> str:
    """The currency a bare "Rs" or "rupees" stands for: Pakistan's in a Pakistani paper
    ("dawn.com", ".pk"), Sri Lanka's and Nepal's in theirs; India's otherwise."""
    return _RUPEE_BY_COUNTRY.get(_country(host) or "", "INR")


def match_unit(text: str, pos: int, end: int | None = None) -> UnitMatch | None:
    """The unit written at `text[pos:]` (after optional white space), or None."""
    end = len(text) if end is None else end
    glued = _GLUED.match(text, pos, end)
    if glued:  # "38.8C", "100F", "291p": a letter right after the digits is a unit
        return UnitMatch(pos, glued.end(), *_GLUED_UNITS[glued.group()])
    m = re.compile(r"\s*").match(text, pos, end)
    at = m.end() if m else pos
    if at >= end:
        return None
    if text[at] == "%":
        return UnitMatch(at, at + 1, "percent", "percent", "share")
    for pattern, unit, cat, noun, factor, orig in _COMPILED:
        found = pattern.match(text, at, end)
        if found:
            if cat == "length" and unit == "m" and found.group().lower() == "m":
                continue
            return UnitMatch(found.start(), found.end(), unit, cat, noun, factor, orig)
    found = _GROUP_RE.match(text, at, end)
    if found:
        word = re.sub(r"\s+", " ", found.group().lower())
        noun = _SINGULAR.get(word, word if word.endswith("s") else word + "s")
        return UnitMatch(found.start(), found.end(), "people", "people", noun)
    found = _CURRENCY_WORD_RE.match(text, at, end)
    if found:
        code = CURRENCY_WORDS[re.sub(r"\s+", " ", found.group().lower())]
        return UnitMatch(found.start(), found.end(), code, "currency", "money")
    return None


def convert(value: float, unit: UnitMatch) -> tuple[float, float | None, str | None]:
    """(value in the normalised unit, original value or None, original unit or None)."""
    if unit.factor == 1.0 or unit.original is None:
        return value, None, None
    return round(value * unit.factor, 6), value, unit.original
