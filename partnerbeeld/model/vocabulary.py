"""The closed vocabularies of the dataset (modes, teams, statuses, kinds).

Plain enums with no pydantic import: the command line offers them as choices
and `--help` must stay fast.
"""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    """How a partner takes part; ordered from strongest to weakest involvement."""

    LIAISON = "liaison"
    ALARMEREN = "alarmeren"
    UITVOERING = "uitvoering"
    BIJSTAND = "bijstand"
    ADVIES = "advies"
    INFORMEREN = "informeren"

    @property
    def rank(self) -> int:
        """0 is the strongest involvement."""
        return _MODE_RANK[self]


# the position in the declaration order, looked up instead of searched: sorting 100,000
# rows of a site by strength called list(Mode).index half a million times
_MODE_RANK = {mode: index for index, mode in enumerate(Mode)}


class Team(StrEnum):
    """Crisis teams a partner can have a seat in, in order of scale-up."""

    MELDKAMER = "meldkamer"
    COPI = "copi"
    ROT = "rot"
    BT = "bt"
    RBT = "rbt"

    @property
    def label(self) -> str:
        """As staff write it in text meant for people: 'CoPI', 'ROT'; the value stays the code."""
        return "Meldkamer" if self is Team.MELDKAMER else "CoPI" if self is Team.COPI else self.value.upper()


class CovenantStatus(StrEnum):
    CONCEPT = "concept"
    ACTIEF = "actief"
    IN_HERZIENING = "in-herziening"
    BEEINDIGD = "beeindigd"


class CovenantTopic(StrEnum):
    """What a covenant covers (see DOMAIN: what a covenant contains)."""

    RISICOPROFIEL = "risicoprofiel"
    PLANVORMING = "planvorming"
    ALARMERING = "alarmering"
    CRISISTEAMS = "crisisteams"
    INFORMATIEDELING = "informatiedeling"
    CRISISCOMMUNICATIE = "crisiscommunicatie"
    OEFENEN = "oefenen"
    EVALUATIE = "evaluatie"
    NAZORG = "nazorg"
    KOSTEN = "kosten"


class PlanKind(StrEnum):
    REGIONAAL_CRISISPLAN = "regionaal-crisisplan"
    RAMPBESTRIJDINGSPLAN = "rampbestrijdingsplan"
    INCIDENTBESTRIJDINGSPLAN = "incidentbestrijdingsplan"
    EVACUATIEPLAN = "evacuatieplan"
    COORDINATIEPLAN = "coordinatieplan"
    CONTINUITEITSPLAN = "continuiteitsplan"
    OVERIG = "overig"


class ExerciseKind(StrEnum):
    TABLE_TOP = "table-top"
    SYSTEEMOEFENING = "systeemoefening"
    VELDOEFENING = "veldoefening"
    ALARMERINGSOEFENING = "alarmeringsoefening"
    BESTUURLIJKE_OEFENING = "bestuurlijke-oefening"


class SignalLevel(StrEnum):
    """How urgent a maintenance signal is."""

    FOUT = "fout"
    WAARSCHUWING = "waarschuwing"
    INFO = "info"


class SignalKind(StrEnum):
    """What a signal is about; the order is the order of the report."""

    CONVENANT = "convenant"
    OEFENING = "oefening"
    PLAN = "plan"
    CONTACT = "contact"
    PARTNER = "partner"
    PROFIEL = "profiel"
    DEKKING = "dekking"
    ACCOUNTHOUDER = "accounthouder"
