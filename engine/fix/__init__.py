"""Fixes: a finding's textual remedy as exact edits of the original draft, and applying them safely.

- `edits.resolve` turns a kind's `Edit`s (normalised quote offsets, or original columns) into
  `TextEdit`s of the original file, with the replacement in the draft's own punctuation widths;
- `apply.apply_text` applies edits to a text draft; `docx_changes` writes them to a .docx as Word
  tracked changes (w:del / w:ins) a clerk accepts or rejects one by one;
- `apply.safe_fixes` keeps only fixes whose application brings no finding the draft did not have.
"""
