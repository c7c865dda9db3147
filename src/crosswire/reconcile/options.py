"""The tolerances of the judgement, checked once."""

from __future__ import annotations

from dataclasses import dataclass, field

from crosswire.errors import ConfigError

# Measures that are running counts: they may rise with time (an update, not a conflict).
RUNNING = frozenset({"killed", "injured", "wounded", "displaced", "missing", "arrested", "dead", "casualties",
                     "evacuated", "rescued", "affected", "abducted", "trapped"})
# Counts that fall as well as rise with time: the missing are found, alive or dead.
EBBING = frozenset({"missing", "trapped"})


@dataclass(frozen=True, kw_only=True)
class ReconcileOptions:
    """Tolerances of the judgement.

    ``approx_tolerance``: relative slack for "about"/"nearly" values; ``round_tolerance``: slack for exact
    but round figures; ``conversion_tolerance``: extra slack when the claim was converted from another unit;
    ``magnitude_tolerance``: how close a ratio must be to 10/100/1000 to call it an order-of-magnitude slip;
    ``person_slack``: absolute slack between exact tolls of at least ``person_slack_from`` people (58 against 59
    is the attacker counted or not, not a contradiction); ``background_ratio``/``cue_ratio``: how far above the
    story's other figures a figure must be to be background (on its own / beside a cue such as "since 2011");
    ``stray_gap``: with ``cue_ratio``, how far above its article's first figure a figure must be to be taken
    for another quantity; ``background_days``: a figure dated this many days before the story's first report is
    background; ``lede_chars``: the opening of an article that counts as its lede.
    """

    approx_tolerance: float = 0.15
    round_tolerance: float = 0.05
    conversion_tolerance: float = 0.05
    magnitude_tolerance: float = 0.15
    person_slack: int = 1
    person_slack_from: int = 20
    background_ratio: float = 20.0
    cue_ratio: float = 3.0
    stray_gap: float = 10.0
    background_days: int = 45
    lede_chars: int = 600
    running_measures: frozenset[str] = field(default=RUNNING)

    def __post_init__(self) -> None:
        for name in ("approx_tolerance", "round_tolerance", "conversion_tolerance", "magnitude_tolerance"):
            value = getattr(self, name)
            if not 0.0 <= value < 1.0:
                raise ConfigError(f"ReconcileOptions.{name} must be in [0, 1), got {value!r}")
        if self.background_ratio <= 1.0 or self.cue_ratio <= 1.0:
            raise ConfigError("ReconcileOptions.background_ratio and cue_ratio must be > 1")
        for name in ("person_slack", "person_slack_from", "background_days", "lede_chars", "stray_gap"):
            if getattr(self, name) < 0:
                raise ConfigError(f"ReconcileOptions.{name} must be >= 0, got {getattr(self, name)!r}")
