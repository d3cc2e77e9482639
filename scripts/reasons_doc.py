"""Print docs/reasons.md from the reason catalogue.

python scripts/reasons_doc.py > docs/reasons.md
"""

from citecheck.reasons import catalogue_markdown

print(catalogue_markdown(), end="")
