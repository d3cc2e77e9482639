"""English cues of the `docs` profile: prose of technical documentation.

In documentation a definition ("A token is a string that …"), a procedure step
("Run the installer.", "Step 3: …"), a version or step number ("OAuth 2.0",
"Steps 7 and 8") or the authors' own plans ("We plan to …") need no citation.
Phrases are regular-expression alternatives matched case-insensitively; word sets
are lower case.
"""

from __future__ import annotations

#: How a definition reads: "<term> is a …", "<term> means …", "<term>: …".
DEFINITIONS: tuple[str, ...] = (
    r"^(?:an?\s+|the\s+)?[\w`'\"./\- ]{1,60}?\s+(?:is|are)\s+(?:an?|the|any|one|each)\s",
    r"^(?:an?\s+|the\s+)?[\w`'\"./\- ]{1,60}?\s+(?:means|refers to|stands for|denotes"
    r"|is short for|is defined as|are defined as|represents|describes|contains|holds"
    r"|returns|accepts|takes|sets|controls|specifies)\b",
    r"^[`'\"]?[\w./\- ]{1,40}[`'\"]?\s*(?::|—|–| - )\s*\S",
)

#: Words a procedure step opens with: imperative verbs and step words.
STEP_VERBS: frozenset[str] = frozenset(
    {"run", "click", "open", "close", "install", "uninstall", "set", "add", "create", "enter"}
    | {"select", "go", "type", "copy", "paste", "choose", "configure", "restart", "save"}
    | {"navigate", "download", "upload", "update", "upgrade", "remove", "delete", "edit"}
    | {"replace", "use", "ensure", "check", "verify", "press", "wait", "log", "sign", "clone"}
    | {"build", "deploy", "start", "stop", "enable", "disable", "change", "move", "rename"}
    | {"export", "import", "call", "pass", "send", "define", "declare", "write", "read"}
    | {"apply", "commit", "push", "pull", "merge", "fill", "tap", "drag", "scroll", "expand"}
    | {"make", "keep", "note", "see", "try", "follow", "repeat", "return", "specify", "point"}
    | {"sign", "register", "generate", "store", "attach", "upgrade", "review", "confirm"}
)
STEP_OPENERS: tuple[str, ...] = (
    r"step\b(?:\s+\d+)?",  # "Step 3:" (its number is hidden before this is read)
    r"first(?:ly)?,",
    r"next,",
    r"then,?",
    r"finally,",
    r"afterwards,",
    r"to (?:do|install|configure|enable|disable|set up|start|create|add|remove) (?:this|it|so)",
    r"if (?:you|your)\b",
    r"you (?:can|should|must|need to|may|will need to)\b",
)

#: The authors' own plans: "We plan to …", "In the next release we will …".
PLANS: tuple[str, ...] = (
    r"^(?:we|i)\s+(?:(?:also|now|still)\s+)?(?:plan|intend|aim|hope|want|expect|are planning"
    r"|are going|will|would like|'ll|are working|are considering|may|might)\b",
    r"^(?:we|i)'(?:ll|re planning|re going|re working)\b",
    r"^(?:in|for|with) (?:the |a )?(?:next|upcoming|future|coming) (?:release|version|sprint"
    r"|milestone|quarter|update)s?\b",
    r"\bour (?:roadmap|plan|plans|next release|next version)\b",
)

#: Nouns that number parts of a document or a product, not quantities ("Steps 7 and 8").
NUMBERED_PARTS: tuple[str, ...] = (
    r"steps?",
    r"sections?",
    r"chapters?",
    r"parts?",
    r"items?",
    r"lines?",
    r"pages?",
    r"figures?",
    r"tables?",
    r"appendix",
    r"versions?",
    r"releases?",
    r"phases?",
    r"levels?",
    r"tiers?",
    r"rules?",
    r"articles?",
    r"clauses?",
    r"options?",
    r"exercises?",
    r"examples?",
    r"listings?",
    r"ports?",
)
