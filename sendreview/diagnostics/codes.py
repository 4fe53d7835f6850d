"""Every diagnostic code, its severity and what it means.

Codes are stable: scripts and pre-commit users filter on them. docs/diagnostics.md is
generated from this list (tools/gen_diagnostics_docs.py), with an example of each code
taken from the golden cases' real output; a test fails when it is stale.
"""

from __future__ import annotations

from dataclasses import dataclass

from sendreview.diagnostics.core import Severity

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: a note


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    severity: Severity
    title: str
    fix: str  # what to do, for docs/diagnostics.md (Markdown)
    # may be turned off for one review, with a reason, in review.yaml's `checks_off`
    optional: bool = False


# the documentation's sections: a code's first two characters after SR
GROUPS = {
    "1": "Files and YAML (SR1xx)",
    "2": "Fields (SR2xx)",
    "3": "Frameworks and the guide's lists (SR3xx)",
    "4": "References between files (SR4xx)",
    "5": "Figures and dates (SR5xx)",
    "6": "What is still to be written (SR6xx, warnings)",
    "7": "Follow-up visits (SR7xx)",
    "8": "What a careful reviewer checks by hand (SR8xx)",
}

_CODES = [
    # Files and YAML (SR1xx)
    Code(
        "SR100",
        E,
        "no review.yaml in the folder",
        "Give the folder of a review (the one holding `review.yaml`), or start one with "
        "`sendreview init`.",
    ),
    Code(
        "SR101",
        E,
        "file cannot be read",
        "Make sure the file exists, is a plain file (not a folder, named pipe, device or "
        "socket: sendreview never reads those), and that you may read it (and that "
        "`follow-ups` is a folder). Also for names too long for the file system, and for "
        "a link inside a review that leads outside the review folder (`context.yaml: "
        "error SR101 this is a link to '/home/me/notes.yaml', outside the review folder; "
        "not read`): a link may lead only to a file inside the same review folder, so a "
        "review that is shared or copied is whole and cannot pull in other files.",
    ),
    Code(
        "SR102",
        E,
        "file is not UTF-8 text",
        'Save the file as UTF-8 in your editor ("Save with encoding").',
    ),
    Code(
        "SR103",
        E,
        "YAML syntax error",
        "Fix the YAML at that place; text containing `:` or `#` needs quotes. Also for "
        "control characters (often pasted from Word with a line or page break): delete "
        "them.",
    ),
    Code(
        "SR104",
        E,
        "tab used for indentation",
        "Replace the tab with spaces.",
    ),
    Code(
        "SR105",
        E,
        "key given twice",
        "Keep one of the two entries.",
    ),
    Code(
        "SR106",
        E,
        "YAML tag not allowed",
        "Remove the tag: review files hold only text, numbers, dates, lists and mappings."
        " Such tags are never acted on.",
    ),
    Code(
        "SR107",
        E,
        "anchors and aliases expand too far",
        "Write the values out instead of repeating them with `*`. Each alias counts the "
        "whole value it repeats.",
    ),
    Code(
        "SR108",
        E,
        "file is empty",
        "Delete the empty file, then run `sendreview init FOLDER --force` to write its "
        "outline again.",
    ),
    Code(
        "SR109",
        E,
        "workspace file missing",
        "Run `sendreview init FOLDER --force`: it reads the review's framework, school "
        "and reviewers from `review.yaml`, adds the missing files and keeps the others.",
    ),
    Code(
        "SR110",
        E,
        "file too large or too deeply nested",
        "Check it is the right file; long texts belong in attachments. The limits: "
        "2,000,000 bytes per file, 200,000 keys and values per file, and lists and "
        "mappings nested at most 100 levels deep (`context.yaml:3:104: error SR110 lists "
        "and mappings are nested more than 100 levels deep here; reading stopped`).",
    ),
    Code(
        "SR111",
        E,
        "more than one YAML document in a file",
        "Keep one document per file: remove the `---` line.",
    ),
    Code(
        "SR112",
        E,
        "number too long to read",
        "Check for a pasted or repeated number; if it is meant as text (a code or "
        "reference), put it in quotes.",
    ),
    # Fields (SR2xx)
    Code(
        "SR200",
        E,
        "unknown field",
        "Correct the name; the hint lists the fields allowed there.",
    ),
    Code(
        "SR201",
        E,
        "required field missing",
        "Add the field.",
    ),
    Code(
        "SR202",
        E,
        "wrong kind of value",
        "Write the kind of value asked for: a number, text, a list (`- ` lines) or a "
        "mapping (`key: value` lines).",
    ),
    Code(
        "SR203",
        E,
        "not a real date",
        "Write a real date as YYYY-MM-DD.",
    ),
    Code(
        "SR204",
        E,
        "value not allowed",
        "Use a value of the expected form: ids `E1`, `R1`; a 6-digit URN; `draft` or "
        "`final`; names and titles on one line.",
    ),
    Code(
        "SR205",
        W,
        "text a report shows differently",
        "A heading inside a text field shows as a bold line; an image as its description; "
        "a link to a file as its words; HTML as the characters typed. Reports take their "
        "headings from the guide, show only images sendreview draws, link only to the web "
        "and e-mail, and read text as Markdown: write **bold** lines, attach pictures and "
        "files to the evidence, and use Markdown instead of HTML.",
    ),
    # Frameworks and the guide's lists (SR3xx)
    Code(
        "SR300",
        E,
        "framework not found",
        "Use `annex-1` (mainstream), `annex-2` (special school, PRU, AP, ARP) or the path"
        " of your own framework file.",
    ),
    Code(
        "SR301",
        E,
        "framework file is malformed",
        "Fix the framework file: ids unique, each theme's id starting with its area's id.",
    ),
    Code(
        "SR302",
        E,
        "unknown area of focus",
        "Use an area id of the framework (`sendreview frameworks show annex-1`).",
    ),
    Code(
        "SR303",
        E,
        "unknown theme",
        "Use a theme id of the framework.",
    ),
    Code(
        "SR304",
        E,
        "unknown term",
        "Use an id from the guide's list, or `other: your words`. Also for progress statuses.",
    ),
    Code(
        "SR305",
        W,
        "theme belongs to another area",
        "Move the entry to that area, or choose a theme of this one.",
    ),
    # References between files (SR4xx)
    Code(
        "SR400",
        E,
        "evidence id not in the evidence log",
        "Add the evidence to `evidence.yaml`, or correct the id.",
    ),
    Code(
        "SR401",
        E,
        "id used twice",
        "Give the second one the next unused number. Evidence and recommendation ids are "
        "unique across the review folder: a follow-up visit's carry on from the review's "
        "(E24 after E23, R12 after R11).",
    ),
    Code(
        "SR403",
        E,
        "attachment not found",
        "Check the name; paths are relative to the review folder.",
    ),
    Code(
        "SR404",
        E,
        "attachment outside the workspace",
        "Copy the file into the review folder (for example `attachments/`). Also for a "
        "link inside the review that leads outside it.",
    ),
    Code(
        "SR405",
        E,
        "attachment name cannot be a file name",
        "Write the file's real name. A `\\0`, `\\t` or other backslash escape inside double"
        " quotes becomes a control character; a name longer than 255 bytes is usually "
        "pasted text or a web address.",
    ),
    Code(
        "SR406",
        E,
        "attachment is not a plain file",
        "Name a plain file (not a folder, named pipe, device or socket) inside the review folder.",
    ),
    Code(
        "SR407",
        W,
        "evidence cited before it was gathered",
        "Evidence logged at a follow-up visit can be cited from that visit on: by its "
        "progress notes and the recommendations it adds, and by later visits. Cite it "
        "there, or correct the id.",
    ),
    # Figures and dates (SR5xx)
    Code(
        "SR500",
        E,
        "dates out of order",
        "Dates run: commissioned, visit days, report sent; documents are received after "
        "they are requested; a next visit comes after its visit.",
    ),
    Code(
        "SR501",
        E,
        "count larger than the whole",
        "Check the figures: groups cannot be larger than the whole.",
    ),
    Code(
        "SR502",
        E,
        "percentage outside 0–100",
        "Write a percentage from 0 to 100.",
    ),
    Code(
        "SR503",
        E,
        "figure typed twice",
        "Give the count only: the percentage is worked out from the roll.",
    ),
    Code(
        "SR504",
        W,
        "evidence dated outside the review",
        "Check the date; evidence from a follow-up visit belongs in that visit's file.",
    ),
    # What is still to be written (SR6xx, warnings)
    Code(
        "SR600",
        W,
        "area of focus has no findings",
        "Write the area's strengths, areas for development and recommendations.",
    ),
    Code(
        "SR601",
        W,
        "areas for development without a recommendation",
        "Add a recommendation that addresses them.",
    ),
    Code(
        "SR602",
        W,
        "recommendation rests on no evidence",
        "Add `evidence: [E1, …]`.",
    ),
    Code(
        "SR603",
        W,
        "self-evaluation not filled in",
        "The school writes its strengths and areas for development for each area.",
    ),
    Code(
        "SR604",
        W,
        "summary of the visit not written",
        "Write `summary:`.",
    ),
    Code(
        "SR605",
        W,
        "vision not written",
        "Write `vision:`.",
    ),
    Code(
        "SR606",
        W,
        "key statistics missing",
        "Give the roll and the counts of pupils at SEN support and with an EHC plan.",
    ),
    Code(
        "SR607",
        W,
        "no visit date",
        "Add `visit: YYYY-MM-DD` under `dates`.",
    ),
    Code(
        "SR608",
        W,
        "final report without the date it was sent",
        "Add `report_sent: YYYY-MM-DD` under `dates`.",
    ),
    # Follow-up visits (SR7xx)
    Code(
        "SR700",
        E,
        "follow-up dated before the review visit",
        "Correct the visit's date.",
    ),
    Code(
        "SR701",
        E,
        "progress for an unknown recommendation",
        "Record progress against the ids in `recommendations.yaml`.",
    ),
    Code(
        "SR702",
        W,
        "progress slipped back without a note",
        "Add a `note:` saying what changed.",
    ),
    Code(
        "SR703",
        W,
        "open recommendation has no progress at a visit",
        "Add the recommendation with its status (`sendreview followup new` does this for you).",
    ),
    Code(
        "SR704",
        W,
        "follow-up file name and date differ",
        "Rename the file after the visit's date.",
    ),
    Code(
        "SR705",
        E,
        "two follow-up visits on the same date",
        "Keep one file per visit date.",
    ),
    Code(
        "SR706",
        W,
        "follow-up visit with no summary and no notes",
        "Write `summary:` and a `note:` on the progress you looked at.",
    ),
    Code(
        "SR707",
        W,
        "follow-up not on the date the visit before it planned",
        "Change the earlier visit's `next_visit:` to this visit's date (a visit put in "
        "between two others, or moved), or correct this visit's date.",
    ),
    Code(
        "SR708",
        W,
        "recommendation overdue",
        "Judged at the last follow-up visit, and at today when today is later (`--today "
        "YYYY-MM-DD` to judge another day). Agree a new `due:` date with the school, or "
        "record the progress that completes it.",
    ),
    Code(
        "SR709",
        E,
        "progress before the visit that added the recommendation",
        "A recommendation added at a follow-up visit has progress from that visit on: take "
        "it out of earlier visits, or correct the id.",
    ),
    Code(
        "SR710",
        W,
        "draft report already sent",
        "Write `status: final` once the report is agreed and sent, or take out "
        "`report_sent:` until it is.",
    ),
    # What a careful reviewer checks by hand (SR8xx)
    Code(
        "SR800",
        E,
        "a check that cannot be turned off",
        "`checks_off` in review.yaml names checks turned off for this review, each with "
        "the reason (`SR810: the review's evidence came from one visit by design`). Only "
        "the checks marked *may be turned off* below can be; the others find faults.",
    ),
    # privacy (SR801-SR809): what identifies a child in the text a report shows;
    # `report` refuses to render while any is found (--allow-personal-data overrides)
    Code(
        "SR801",
        W,
        "a Unique Pupil Number in the text",
        "Leave the number out, or write *Pupil A*. A UPN is 13 characters whose first, "
        "a check letter, is right for the other 12 (the DfE's rule), so other codes are "
        "not taken for one.",
        optional=True,
    ),
    Code(
        "SR802",
        W,
        "a Unique Learner Number in the text",
        "Leave the number out. A ULN is 10 digits whose last is a check digit (the "
        "Learning Records Service's rule).",
        optional=True,
    ),
    Code(
        "SR803",
        W,
        "a date of birth in the text",
        "Give the year group instead. Found: a date beside *born*, *DOB*, *date of "
        "birth* or *birthday*, and an age in years and months (*7 years 4 months*, "
        "*aged 7:4*) in a sentence with a child's name.",
        optional=True,
    ),
    Code(
        "SR804",
        W,
        "a child's name in the text",
        "Write *Pupil A*, *Child B* instead. Found: a capitalised given name (from the "
        "name list of the gender-guesser package) in a sentence with a word that marks a "
        "child (*pupil*, *Year 4*, *in Y9*, *his mum*), unless it is a name of the "
        "review's people (the headteacher, the SENCO, the reviewers, the commissioner, "
        "the self-evaluation's authors) or listed in review.yaml's `names_allowed` "
        "(staff, a class called Willow), or follows Mr, Mrs, Ms, Miss or Dr.",
        optional=True,
    ),
    Code(
        "SR805",
        W,
        "a person's e-mail address or phone number in the text",
        "Leave it out. Found: e-mail addresses other than an office's (office@, "
        "senco@, admin@, …), UK mobile numbers, and landline numbers beside *home*, "
        "*mum*, *dad*, *parents* or *carers*.",
        optional=True,
    ),
    # triangulation (SR810-SR819): thresholds in frameworks/triangulation.yaml
    Code(
        "SR810",
        N,
        "a finding rests on one method or one stakeholder group",
        "Cite evidence gathered another way, or from another group (the hint names the "
        "methods and stakeholders not yet used). A finding is triangulated when its "
        "evidence comes from at least two methods and two stakeholder groups "
        "(`frameworks/triangulation.yaml`).",
        optional=True,
    ),
    Code(
        "SR811",
        W,
        "a recommendation rests on one method or one stakeholder group",
        "A recommendation asks the school to act, so its evidence should be triangulated "
        "as SR810 says: cite evidence gathered another way, or from another group.",
        optional=True,
    ),
    Code(
        "SR820",
        N,
        "a figure far from the national one",
        "The school's share of pupils at SEN support, with an EHC plan or with any SEND is "
        "far from the Department for Education's figure for its phase (review.yaml's "
        "`school.setting`), or from the national figures given in context.yaml. Nothing is "
        "wrong: say in the context's narrative why the school differs. The national figures "
        "and what counts as far (`thresholds`) are data in `frameworks/national-figures.yaml`"
        "; a newer release is read in with `sendreview stats import`.",
        optional=True,
    ),
]

CODES: dict[str, Code] = {c.code: c for c in _CODES}
