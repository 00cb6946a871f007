"""Every threshold of the aligner, in one pydantic model, so a run can be reproduced from its options.

The defaults were calibrated on the Guangxi -> Chengzhong fixture pair (tests/align/gold_*.yaml) and on
rewritten variants of it (tests/align/test_variants.py); `Alignment.options` records the values used.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class AlignOptions(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # ---- candidate generation (cheap, near-linear)
    top_k: int = Field(
        8,
        ge=1,
        description="draft candidates kept per parent measure (and parents per draft) by the cheap TF-IDF cosine",
    )
    cheap_min: float = Field(
        0.05, ge=0, le=1, description="cheap cosine below which a pair is never a candidate"
    )
    # ---- measure score = title_weight * title + (1 - title_weight) * body
    title_weight: float = Field(
        0.2, ge=0, le=1, description="weight of the title similarity in the measure score"
    )
    bigram_weight: float = Field(
        0.5,
        ge=0,
        le=1,
        description="body = bigram_weight * character-bigram Dice + rest * token_sort_ratio on jieba tokens",
    )
    min_score: float = Field(
        0.35, ge=0, le=1, description="a one-to-one pair needs at least this measure score"
    )
    min_score_mutual: float = Field(
        0.25,
        ge=0,
        le=1,
        description="a weaker pair still aligns one-to-one when each measure is the other's best candidate",
    )
    order_bonus: float = Field(
        0.05,
        ge=0,
        le=1,
        description="bonus for pairs on the best order-preserving chain (ties and near-ties go to document order)",
    )
    pair_clause_same: float = Field(
        0.87,
        ge=0,
        le=1,
        description="for `same_max_edited`: a parent clause scoring below this counts as edited (word-level edits in a long clause stay above it)",
    )
    same_max_edited: float = Field(
        0.30,
        ge=0,
        le=1,
        description="a one-to-one pair is `same` when at most this share of its text is in edited clauses (parent clauses not `same`, unmatched draft clauses), else `adapted`",
    )
    # ---- coverage (split / merged)
    coverage_candidates: int = Field(
        4,
        ge=1,
        description="draft measures whose clauses are compared for coverage: best by measure score, plus the neighbours of the primary",
    )
    clause_match: float = Field(
        0.55, ge=0, le=1, description="a clause pair scoring at least this is a match (`changed` or `same`)"
    )
    clause_same: float = Field(0.9, ge=0, le=1, description="a clause pair scoring at least this is `same`")
    carrier_share: float = Field(
        0.08,
        ge=0,
        le=1,
        description="share of a parent measure's clause text a second draft measure must carry to count (split / merged)",
    )
    carrier_clause: float = Field(
        0.75, ge=0, le=1, description="and its best clause there must score at least this"
    )
    merge_share: float = Field(
        0.25,
        ge=0,
        le=1,
        description="a parent measure with no one-to-one partner is carried (merged) by draft measures holding at least this share of its clause text together",
    )
    carrier_min_chars: int = Field(
        12, ge=0, description="clauses shorter than this never make a draft measure a carrier on their own"
    )
    tie_margin: float = Field(
        0.02,
        ge=0,
        le=1,
        description="clause scores this close count as a tie; ties go to the primary draft measure",
    )
    # ---- carriers by section (engine/align/sections.py)
    section_heading_match: float = Field(
        0.7,
        ge=0,
        le=1,
        description="a draft item's section heading this similar to a parent measure's title (or to the heading of the parent section it stands in) files the item under that measure",
    )
    section_containment: float = Field(
        0.6,
        ge=0,
        le=1,
        description="an item so filed carries part of the parent measure when at least this share of its character bigrams is in it (and no other parent measure holds more)",
    )
    # ---- general requirements
    general_min_score: float = Field(
        0.5,
        ge=0,
        le=1,
        description="a draft section/measure without a role word still matches a general requirement at this text score",
    )
    general_absent_dropped: bool = Field(
        False,
        description="report a general requirement the draft lacks as `dropped` instead of `general` with no local items",
    )
    # ---- clause pairs
    clause_pairs: bool = Field(True, description="compute clause pairs and diffs inside every aligned pair")
    join_adjacent: bool = Field(
        True,
        description="let one parent clause match two adjacent draft clauses (a sentence the draft split in two)",
    )
    workers: int = Field(
        1, description="rapidfuzz cdist workers (-1 = all cores); results do not depend on it"
    )

    def recorded(self) -> dict[str, float]:
        """The options as `Alignment.options` stores them (numbers only)."""
        return {k: float(v) for k, v in self.model_dump().items()}
