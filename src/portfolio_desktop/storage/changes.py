"""The portfolio's write model: every change, whoever makes it, as typed values.

A form save, an import, the demo, an undo and a merge each build a `ChangeSet` and hand it to
`storage.apply.apply`, the one module that writes the portfolio's tables. A change names what it
does (`Action`), the values it writes and, where the writer knows them, the values they replace
(an undo's inverse carries both). Rows not yet in the database have *provisional* ids (negative
numbers, or None for a project or evaluation the form creates): `apply` gives the real ones and
says which in `Applied.ids`.

Plain records from `domain.model` carry the values; nothing here touches the database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any, Protocol

from ..domain.enums import ProjectStatus
from ..domain.financing import AidRateRule
from ..domain.model import (
    DomainShare,
    EvaluationRecord,
    FundingLineRecord,
    OrganisationRecord,
    PartnerRecord,
    ProjectRecord,
)


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"


class Source(StrEnum):
    """Where a change comes from; the change history's `source` (an import adds its batch)."""

    FORM = "form"
    IMPORT = "import"
    DEMO = "demo"
    UNDO = "undo"
    UNDO_IMPORT = "undo-import"
    MERGE = "merge"


@dataclass(frozen=True, slots=True)
class ProjectChange:
    """A project as the editor saves it: its own fields and, with it, its partners, funding
    lines, domain split and regions, which replace the stored ones.

    CREATE: `project.id` None gives a new id; a given id restores a deleted project under it
    (undo), with its status. UPDATE: written only at `expected_version`; the status is left as
    stored (a pipeline move is a `StatusMove`). DELETE: `project.id` at `expected_version`.
    `before` is the project as it was (filled in by `apply` when not given)."""

    action: Action
    project: ProjectRecord
    expected_version: int | None = None
    before: ProjectRecord | None = None


@dataclass(frozen=True, slots=True)
class StatusMove:
    """A project's status and step dates: a pipeline step (one date stamped) or its undo (every
    step date put back). Recorded in the status history."""

    project_id: int
    expected_version: int
    status: ProjectStatus
    dates: Mapping[str, date | None] = field(default_factory=dict)
    #: the step's date, recorded in the status history (None: an undo restoring several)
    step_on: date | None = None
    user: str = ""


@dataclass(frozen=True, slots=True)
class LineChange:
    """One funding line of a project (created, updated or deleted); `before` as it was."""

    action: Action
    project_id: int
    line: FundingLineRecord
    before: FundingLineRecord | None = None


@dataclass(frozen=True, slots=True)
class PartnerChange:
    """One organisation's participation in a project; `before` as it was."""

    action: Action
    project_id: int
    partner: PartnerRecord
    before: PartnerRecord | None = None


@dataclass(frozen=True, slots=True)
class SplitChange:
    """A project's domain split, replaced whole; `before` the split it replaces."""

    project_id: int
    shares: tuple[DomainShare, ...]
    before: tuple[DomainShare, ...] | None = None


@dataclass(frozen=True, slots=True)
class EvaluationChange:
    """An expert's evaluation of a project; `before` as it was. CREATE with an id restores it."""

    action: Action
    project_id: int
    evaluation: EvaluationRecord
    before: EvaluationRecord | None = None


@dataclass(frozen=True, slots=True)
class OrganisationChange:
    """An organisation's own fields. CREATE with an id restores a deleted one; UPDATE at
    `expected_version`; DELETE removes it with its expert ties, refused while a project uses it."""

    action: Action
    organisation: OrganisationRecord
    expected_version: int | None = None
    before: OrganisationRecord | None = None
    #: experts tied to it: given back with a restored organisation (filled in by a delete)
    tied_experts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class RefChange:
    """A reference row (cluster, domain, funder, call, expert) by column: `row_id` negative (or
    None) for a new row, `values` what is written, `before` what they replace."""

    action: Action
    table: str
    row_id: int | None
    values: Mapping[str, Any] = field(default_factory=dict)
    before: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class RuleChange:
    """An aid-rate rule (reference data: a call's or a funder's maximum rate for a kind of
    partner). CREATE: `rule_id` None (or negative, provisional) gives a new id, a positive one
    restores a deleted rule under it (undo). UPDATE writes `rule` over rule `rule_id`; DELETE
    removes it. `before` is the rule as it was (filled in by the writer for the inverse)."""

    action: Action
    rule_id: int | None
    rule: AidRateRule | None = None
    before: AidRateRule | None = None


@dataclass(frozen=True, slots=True)
class ExpertLinks:
    """An expert's domains and ties to organisations, replaced whole (conflicts of interest
    are checked again on the projects the expert evaluated)."""

    expert_id: int
    domain_ids: tuple[int, ...]
    tie_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class DomainExperts:
    """The experts of a domain, replaced whole (a deleted domain restored by undo)."""

    domain_id: int
    expert_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class MergeOrganisations:
    """Duplicates merged into the organisation kept (their partners, lines and ties move)."""

    keep_id: int
    merged_ids: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class UnmergeOrganisations:
    """The undo of a merge: what `MergeOrganisations` changed (`repository.MergeSnapshot`)."""

    snapshot: Any


class ImportPlanLike(Protocol):
    """What the import's planner hands on (`services.excel_import.plan.ImportPlan`): records with
    provisional ids for what a workbook creates, and the values they replace for what it
    updates. Typed structurally: storage does not import services."""

    @property
    def workbook(self) -> Any: ...
    @property
    def profile(self) -> str: ...
    @property
    def projects(self) -> Sequence[Any]: ...
    @property
    def refs(self) -> Mapping[str, Any]: ...
    @property
    def counts(self) -> Mapping[str, Mapping[str, int]]: ...
    @property
    def skipped(self) -> Sequence[Any]: ...
    @property
    def problems(self) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """A whole import plan, written by the bulk path under one `import_batch` (undone whole).

    The planner has checked each project's change against the invariants (errors refused or
    left out, warnings in `warnings`, shown in the preview): they are recorded as accepted."""

    plan: ImportPlanLike
    file_name: str
    user: str
    #: (project id or provisional key, issue) the user accepted in the preview
    warnings: tuple[tuple[Any, Any], ...] = ()
    #: Writers of the plan's other sheets, called in the same transaction once the projects and
    #: reference rows have their ids: (session, batch id, real id of a provisional one).
    after: tuple[Callable[[Any, int, Callable[[str, Any], Any]], None], ...] = ()


@dataclass(frozen=True, slots=True)
class UndoImport:
    """Undoing an import batch: what it created is deleted, what it updated restored."""

    batch_id: int


@dataclass(frozen=True, slots=True)
class DemoRows:
    """A demo portfolio, generated with its ids, inserted in bulk into an empty portfolio."""

    rows: Mapping[str, Sequence[Mapping[str, Any]]]
    order: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MergeClusters:
    """Every project of pole `merged_id` moved into pole `keep_id`, and `merged_id` removed
    (refused when both hold a project under the same reference)."""

    keep_id: int
    merged_id: int


@dataclass(frozen=True, slots=True)
class MoveToCluster:
    """These projects moved into pole `cluster_id` (a merge's undo moves them back)."""

    project_ids: tuple[int, ...]
    cluster_id: int


Change = (
    ProjectChange
    | StatusMove
    | LineChange
    | PartnerChange
    | SplitChange
    | EvaluationChange
    | OrganisationChange
    | RefChange
    | RuleChange
    | ExpertLinks
    | DomainExperts
    | MergeOrganisations
    | UnmergeOrganisations
    | ImportBatch
    | UndoImport
    | DemoRows
    | MergeClusters
    | MoveToCluster
)


@dataclass(frozen=True, slots=True)
class ChangeSet:
    """Changes applied together, all or none, from one source."""

    source: Source
    changes: tuple[Change, ...]
    user: str | None = None
    #: what the history names as the source when more precise than `source` (undo-import:12)
    label: str = ""

    @classmethod
    def of(cls, source: Source, *changes: Change, user: str | None = None) -> ChangeSet:
        return cls(source, tuple(changes), user)

    def __bool__(self) -> bool:
        return bool(self.changes)
