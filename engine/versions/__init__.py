"""Versions of one draft: a check compared with an earlier report (baseline.py) and two versions
compared measure by measure and finding by finding (diff.py, rendered by render.py)."""
