"""The relation and event rules: patterns over sentence skeletons (see `skeleton`).

Each rule (`kg.records.Rule`) names what one match means: a relation between two captured
slots, an event with captured roles, or both. Groups named in `expand` also take the entities
coordinated right after them (`في دمشق وحلب ودرعا`, `مثل فاطميون وزينبيون`). A group that
captured a demonym (`{DEM:t}`, as in `غارة إسرائيلية`) stands for the country it names.

Patterns are written in ordinary Arabic spelling; they match every spelling variant and
clitic form through the matching key. Tests in `tests/unit/extraction/test_rules.py` hold one
or more sentences per rule, most of them not from the seeds.
"""

from __future__ import annotations

from kg.records import Rule

KILL = "(?:مقتل|قتل|اغتيال|اغتيل|مصرع|تصفيه)"
STRIKE = "(?:غاره|غارات|هجوم|قصف|ضربه|ضربات|استهداف)"
NEAR = "(?:في|ب|قرب|من|ضواحي|ريف|محيط)"
VISIT_VERB = "(?:زار|يزور|تزور|زارت)"
MEET_VERB = "(?:التقى|يلتقي|التقت|تلتقي|اجتمع|يجتمع|اجتمعت|استقبل|يستقبل|استقبلت)"

RULES: tuple[Rule, ...] = (
    # --- leadership, membership, structure
    Rule(
        "title-before-name",
        'قائد "? {O:t} "? {ANY:4} ،? {P:s}',
        relations=(("LEADS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "name-comma-title",
        "{P:s} ، {GAP:2} قائد {O:t}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "took-command",
        '{P:s} {NOP:12} (?:تولي\\S*|تسلم\\S*) (?:قياده|رئاسه) {GAP:1} "? {O:t}',
        relations=(("LEADS", "s", "t"),),
    ),
    Rule(
        "appointed-to-lead",
        '(?:عين|تعيين|عينت) {P:s} {GAP:3} (?:قياده|قايدا) {GAP:1} "? {O:t}',
        relations=(("APPOINTED", "s", "t"), ("LEADS", "s", "t")),
        event="Appointment",
        roles={"TARGET": ("s",), "PARTICIPANT": ("t",)},
    ),
    Rule(
        "affiliated-to",
        '{O:s} "? (?:التابع|التابعه|التابعين) ل "? {O:t}',
        relations=(("PART_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "branch-of",
        '{O:s} "? ،? (?:ذراع|الذراع|فرع|احد|احدي) {GAP:2} "? {O:t}',
        relations=(("PART_OF", "s", "t"),),
    ),
    Rule(
        "officer-in",
        "{P:s} {GAP:8} (?:ضابط|الضابط|عضو|العضو|قيادي|القيادي|عنصر|مستشار) {GAP:1} "
        '(?:في|ب|من) "? {O:t}',
        relations=(("MEMBER_OF", "s", "t"),),
    ),
    # --- succession
    Rule(
        "successor-after-killing",
        f"{KILL} {{ANY:5}} {{P:t}} {{ANY:14}} (?:عين|تعيين|اختير|اختيار) {{P:s}} خلفا",
        relations=(("SUCCEEDED", "s", "t"),),
    ),
    Rule(
        "successor-of",
        "{P:s} {NOP:6} (?:خلفا|خليفه) ل {P:t}",
        relations=(("SUCCEEDED", "s", "t"),),
    ),
    Rule(
        "predecessor",
        "(?:سلفه|سلفها|سابقه) ،? {P:t} ،? {GAP:3} {P:s}",
        relations=(("SUCCEEDED", "s", "t"),),
    ),
    # --- visits and meetings
    Rule(
        "visited",
        f"{{P:s}} ،? {VISIT_VERB} {{L:t}}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "visited-vso",
        f"{VISIT_VERB} {{P:s}} {{L:t}}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "visit-to",
        "(?:زياره|زيارات|زيارته) {ANY:10} {P:s} {GAP:2} (?:الي|ل) {L:t}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "made-visit-to",
        "{P:s} (?:اجري|يجري|قام) (?:ب)? (?:زياره|زيارات) {GAP:6} (?:الي|ل) {L:t}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "made-visit-to-vso",
        "(?:اجري|يجري) {P:s} (?:زياره|زيارات) {GAP:6} (?:الي|ل) {L:t}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "met-with",
        f"{{P:s}} ،? {MEET_VERB} (?:مع|ب)? {{GAP:3}} (?:في|من)? {{PO:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
        expand=("t",),
    ),
    Rule(
        "met-with-vso",
        f"{MEET_VERB} {{P:s}} (?:مع|ب)? {{PO:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
        expand=("t",),
    ),
    Rule(
        "met-in-place",
        f"{{P:s}} {{ANY:14}} {MEET_VERB} {{NOP:12}} (?:في|ب) {{L:place}}",
        event="Meeting",
        roles={"AGENT": ("s",), "PLACE": ("place",)},
    ),
    # --- support, deployment, headquarters
    Rule(
        "sponsored-such-as",
        "(?:يرعاها|ترعاها|يدعمها|تدعمها|يمولها|تمولها|المدعومه من|المدعوم من) {E:s} "
        '(?:مثل|ك|منها|ومنها|ابرزها) "? {O:t}',
        relations=(("SUPPORTS", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "support-of-for",
        '(?:دعم|يدعم|تدعم|دعمت|مساندة) "? {OL:s} "? ل "? {O:t}',
        relations=(("SUPPORTS", "s", "t"),),
    ),
    Rule(
        "deployed-in",
        "(?:ينتشر|تنتشر|انتشار|يتمركز|تتمركز|ينشر|نشر|يتواجد|تتواجد) {O:s} {GAP:5} (?:في|ب) {L:t}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "moved-headquarters",
        '{O:s} "? {GAP:4} نقل (?:مقر|مقره|مقرات|مقار)\\S* {GAP:8} من {L:from} الي {L:t}',
        relations=(("HEADQUARTERED_IN", "s", "t"),),
        event="Relocation",
        roles={"AGENT": ("s",), "PLACE": ("from", "t")},
    ),
    Rule(
        "headquartered-in",
        '{O:s} "? {GAP:4} (?:مقره|مقرها|ومقره|ومقرها|يتخذ من|تتخذ من) (?:في|ب)? {L:t}',
        relations=(("HEADQUARTERED_IN", "s", "t"),),
    ),
    # --- killings and strikes
    Rule(
        "killed-in",
        f"{KILL} {{ANY:5}} {{P:s}} ،? {{NOP:12}} {NEAR} {{L:t}}",
        relations=(("KILLED_IN", "s", "t"),),
        event="Killing",
        roles={"TARGET": ("s",), "PLACE": ("t",)},
    ),
    Rule(
        "killed-place-first",
        "(?:قتل|اغتيل) {GAP:6} {L:t} ، {P:s}",
        relations=(("KILLED_IN", "s", "t"),),
        event="Killing",
        roles={"TARGET": ("s",), "PLACE": ("t",)},
    ),
    Rule(
        "killed-by-strike",
        f"{KILL} {{ANY:5}} {{P:s}} {{ANY:10}} {STRIKE} {{GAP:2}} {{DEM:t}}",
        relations=(("KILLED_BY", "s", "t"),),
        event="Strike",
        roles={"TARGET": ("s",), "AGENT": ("t",)},
    ),
    Rule(
        "strike-near-place",
        f"{STRIKE} {{GAP:2}} {{DEM:a}} {{GAP:4}} {NEAR} {{L:place}}",
        event="Strike",
        roles={"AGENT": ("a",), "PLACE": ("place",)},
    ),
    Rule(
        "strike-in-place",
        f"(?:الغاره|الهجوم|القصف|الضربه) {{GAP:2}} {NEAR} {{L:place}} ، {{P:t}}",
        event="Strike",
        roles={"TARGET": ("t",), "PLACE": ("place",)},
        anaphoric=True,
    ),
    # --- designation, agreements, exercises
    Rule(
        "listed-as-terrorist",
        '(?:ادرج|صنف|صنفت|ادرجت|تصنيف|ادراج) "? {E:s} "? (?:علي|في|ضمن) (?:قايمه|لايحه) '
        "{OL:t} {GAP:3} \\S*ارهاب\\S*",
        relations=(("DESIGNATED_TERRORIST_BY", "s", "t"),),
        event="Designation",
        roles={"TARGET": ("s",), "AGENT": ("t",)},
    ),
    Rule(
        "lists-as-terrorist",
        '(?:ادرج|ادرجت|وضع|وضعت) {OL:t} "? {E:s} "? (?:علي|في|ضمن) (?:قايمه|لايحه) '
        "{GAP:3} \\S*ارهاب\\S*",
        relations=(("DESIGNATED_TERRORIST_BY", "s", "t"),),
        event="Designation",
        roles={"TARGET": ("s",), "AGENT": ("t",)},
    ),
    Rule(
        "designates-terrorist-vso",
        '(?:تصنف|صنفت|تعتبر|اعتبرت) {OL:t} "? {E:s} "? {GAP:2} (?:منظمه|جماعه|كيانا) \\S*ارهاب\\S*',
        relations=(("DESIGNATED_TERRORIST_BY", "s", "t"),),
        event="Designation",
        roles={"TARGET": ("s",), "AGENT": ("t",)},
    ),
    Rule(
        "designates-terrorist",
        '{OL:t} (?:تصنف|صنفت|ادرجت|تدرج|تعتبر) "? {E:s} "? {GAP:3} '
        "(?:منظمه|جماعه|كيانا) \\S*ارهاب\\S*",
        relations=(("DESIGNATED_TERRORIST_BY", "s", "t"),),
        event="Designation",
        roles={"TARGET": ("s",), "AGENT": ("t",)},
    ),
    Rule(
        "signed-agreement",
        "{OL:a} و {OL:b} (?:وقعتا|وقعا|وقعت|وقع|توقعان) {GAP:4} (?:اتفاق|اتفاقيه|اتفاقيات|معاهده)",
        event="Agreement",
        roles={"PARTICIPANT": ("a", "b")},
    ),
    Rule(
        "signed-agreement-vso",
        "(?:وقع|وقعت|توقيع) {OL:a} و {OL:b} {GAP:4} (?:اتفاق|اتفاقيه|اتفاقيات|معاهده)",
        event="Agreement",
        roles={"PARTICIPANT": ("a", "b")},
    ),
    Rule(
        "agreement-during-visit",
        "(?:اتفاق|اتفاقيه|معاهده) {ANY:20} خلال (?:زياره|زيارته) {GAP:4} {P:v} {GAP:2} "
        "(?:الي|ل) {L:place}",
        event="Agreement",
        roles={"PARTICIPANT": ("v",), "PLACE": ("place",)},
    ),
    Rule(
        "exercise-between",
        "(?:تدريبات|مناوره|مناورات|تمرين|تمارين) {GAP:3} (?:بين|مع) {OL:a} و {OL:b}",
        event="Exercise",
        roles={"PARTICIPANT": ("a", "b")},
    ),
    Rule(
        "took-part-in-exercise",
        "{P:s} {NOP:14} (?:شارك|يشارك|اشرف|يشرف|الاشراف|حضر|بحضور) (?:في|علي)? "
        "(?:تدريبات|مناوره|مناورات|تمرين|تمارين)",
        event="Exercise",
        roles={"AGENT": ("s",)},
    ),
    Rule(
        "exercise-with",
        "(?:تدريبات|مناوره|مناورات|تمرين|تمارين) {GAP:3} مع {OL:p}",
        event="Exercise",
        roles={"PARTICIPANT": ("p",)},
    ),
)
