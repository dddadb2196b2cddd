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

from collections.abc import Iterable

from kg.records import Rule
from kg.vocabulary import KINSHIP_WORDS, LED_BY_WORDS, OFFICE_NOUNS


def not_after(words: Iterable[str]) -> str:
    """A guard (see `skeleton`): the unit it stands before does not follow any of `words`."""
    return "".join(f"(?<!{word}\\x20)" for word in words)


KILL = "(?:مقتل|قتل|اغتيال|اغتيل|مصرع|تصفيه)"
STRIKE_VERB = (
    "(?:قصف|قصفت|يقصف|تقصف|استهدف|استهدفت|يستهدف|تستهدف|هاجم|هاجمت|يهاجم|تهاجم|ضربت|تضرب|"
    "اغار|اغارت|شن|شنت|يشن|تشن)"
)
STRIKE_NOUN = (
    "(?:غارة|غارات|الغارة|الغارات|قصف|القصف|ضربة|ضربات|الضربة|الضربات|هجوم|الهجوم|هجمات|"
    "الهجمات|استهداف)"
)
STRIKE_KIND = (
    "(?:جوية|الجوية|جوي|الجوي|صاروخية|الصاروخية|صاروخي|الصاروخي|الكيماوي|الكيميائي|كيماوي|"
    "الكيماوية|الكيميائية|كيماوية|كيميائية|"
    "مدفعي|المدفعي|عنيفة|العنيفة|إسرائيلية|جديدة|الأخيرة)?"
)
# The weapon or arm before the one who strikes (`قصفت طائرات التحالف`, `مدمرات أميركية`).
STRIKER = (
    "(?:طايرات|طيران|مقاتلات|مدفعيه|قوات|مدمرات|صواريخ|بوارج|الطايرات|الطيران|المقاتلات|"
    "المدفعيه|القوات)"
)
STRIKER_WORD = f"{STRIKER}?"
# An attack, without the nouns that name its target as well (`استهداف ل` is "targeting of").
ATTACK_NOUN = (
    "(?:غارة|غارات|الغارة|الغارات|قصف|القصف|ضربة|ضربات|الضربة|الضربات|هجوم|الهجوم|هجمات|الهجمات)"
)
# Who carries out strikes (`شنت إسرائيل غارات`, `الغارات التي نفذتها الولايات المتحدة`).
LAUNCH = "(?:شن|شنت|يشن|تشن|نفذ|نفذت|ينفذ|تنفذ)"
# How many, or how hard (`غارات جوية عدة`, `قصفوا بكثافة`).
SEVERAL = "(?:عده|عديده|متتاليه|مكثفه|بكثافه|مجددا)?"
LAUNCHED_IT = "(?:شنها|شنتها|شنه|شنته|نفذها|نفذتها|نفذه|نفذته)"
# Past or feminine strike verbs, which no noun reading shares (unlike `قصف`, "shelling").
STRUCK = "(?:قصفت|هاجمت|اغارت|اغار|قصفوا|هاجموا)"
# Members of a group, killed or wounded: `مقتل قيادي في كتائب حزب الله`.
MEMBERS = (
    "(?:قيادي|قياديا|قياديين|القيادي|عنصر|عنصرا|عناصر|مسلحي|مقاتلي|مقاتلين|قاده|قايد|مسول|"
    "عضو|اعضاء)"
)
MISSILES = "(?:صواريخ|صاروخ|صاروخا|صاروخين|قذايف)"
DRILLS = "(?:تدريبات|التدريبات|مناوره|المناوره|مناورات|المناورات|تمرين|تمارين|التمرين|التمارين)"
HELD = "(?:اجري|اجرت|يجري|تجري|نفذ|نفذت|ينفذ|تنفذ|بدا|بدات|يبدا|تبدا|اطلق|اطلقت)"
HELD_IT = "(?:اجراها|اجرتها|نفذها|نفذتها|يجريها|تجريها|ينفذها|تنفذها)"
# Agreements, and concluding one (`اتفاق أبرمته المعارضة مع روسيا`, `وقعت مذكرة تفاهم مع`).
AGREEMENT = "(?:اتفاق|اتفاقا|اتفاقيه|الاتفاق|الاتفاقيه|اتفاقات|معاهده|صفقه|عقدا|هدنه|تفاهم)"
CONCLUDED = (
    "(?:ابرم|ابرمت|ابرمته|ابرمها|ابرمتها|وقع|وقعت|وقعته|وقعتها|يوقع|توقع|عقد|عقدت|"
    "توصل|توصلت|اعلنت|اعلن)"
)
# His or her visit, or tour (`خلال زيارته لإسرائيل`, `في أول زيارة له إلى`).
HIS_VISIT = "(?:زيارته|زيارتها|زيارتيهما|زيارتهما|جولته|جولتها|زياره له|زياره لها)"
# Making a visit (`قام بزيارة`, `بدأ الثلاثاء زيارة`).
MADE_VISIT = "(?:اجري|يجري|اجرت|تجري|قام|قامت|يقوم|تقوم|بدا|يبدا|بدات|تبدا|استهل|اختتم|يختتم)"
TALKS = (
    "(?:بحث|بحثت|يبحث|تبحث|ناقش|ناقشت|اجري|اجرت|يجري|تجري|عقد|عقدت|محادثات|مباحثات|"
    "اتصالا|اتصال|لقاء|لقاءات|لقاءاته|لقائه|لقايه|اجتماعا|اجتماع|اجتماعه|اجتماعاته|مؤتمرا|"
    "مؤتمر|المؤتمر)"
)
MEETING = "(?:لقاء|اللقاء|اجتماع|الاجتماع|محادثات|المحادثات|مباحثات|قمه|القمه)"
STRIKE = "(?:غاره|غارات|هجوم|قصف|ضربه|ضربات|استهداف)"
NEAR = "(?:في|ب|قرب|من|ضواحي|ريف|محيط)"
VISIT_VERB = "(?:زار|يزور|تزور|زارت|تفقد|يتفقد|تفقدت)"
NOT_INVITED = r"(?<!\x20الي\x20)(?<!\x20ل\x20)(?<!ل)"
# Arriving or travelling somewhere, which news reports of visits (not `متجها`, heading to).
ARRIVED = "(?:وصل|وصلت|يصل|تصل|سافر|سافرت|يسافر|تسافر)"
# What kind of visit (`زيارة مفاجئة`, `زيارته الحالية`).
VISIT_KIND = "(?:مفاجيه|رسميه|قصيره|خاطفه|الحاليه|الاخيره|المفاجيه|الرسميه)?"
BORN = "(?:ولد|ولدت|يولد|مولود|المولود|مولوده|المولوده)"
# People of a body one meets: `التقى قاآني مسؤولين في حزب الله`.
OFFICIALS = "(?:مسولين|مسوولين|مسولي|قاده|قيادات|قيادين|وفدا|وفد|ممثلين|ممثلي|اعضاء)"
MEET_VERBS = (
    "التقى",
    "يلتقي",
    "التقت",
    "تلتقي",
    "اجتمع",
    "يجتمع",
    "اجتمعت",
    "استقبل",
    "يستقبل",
    "استقبلت",
)
MEET_VERB = "(?:" + "|".join(MEET_VERBS) + ")"
# Not governed by a preposition (`التقى بولتون بسفير تركيا`: with Turkey's ambassador).
NOT_GOVERNED = r"(?<!ب)(?<!ل)(?<!\x20ب\x20)(?<!\x20ل\x20)"
# Not the object of a meeting: `استقبل فلان سفير روسيا` received Russia's ambassador.
NOT_MET = not_after(MEET_VERBS)

# Offices. A head of state or government, with the country's adjective or name, LEADS it; an
# office in a state's service is MEMBER_OF it; the head of an organisation LEADS it.
STATE_HEAD = "(?:الرييس|رييس|الرييسه|رييسه|العاهل|الملك|ملك|المرشد|مرشد|الامير|امير|المستشاره)"
STATE_OFFICE = "(?:الوزراء|وزراء|الحكومة|حكومة|الجمهورية|جمهورية|الأعلى)?"
STATE_MEMBER = (
    "(?:وزير|وزيره|الوزير|الوزيره|سفير|سفيره|السفير|السفيره|مبعوث|المبعوث|مندوب|المندوب|"
    "المتحدث|المتحدثه|الناطق|الناطقه|نايب|النايب|ولي|مستشار|المستشار|مساعد|وكيل)"
)
# Not after words that make the office someone else's (`كبير مستشاري القائد العام`).
NOT_ASSISTANT = not_after(("مستشاري", "مستشار", "مساعد", "نايب", "مكتب", "مستشاره"))
ORG_HEAD = (
    NOT_ASSISTANT
    + "(?:الامين|امين|زعيم|الزعيم|زعيمه|قايد|القايد|قايده|رييس|الرييس|رييسه|الرييسه|مدير|"
    "المدير|مديره|المديره|المرشد|مرشد|مؤسس|المؤسس)"
)
ORG_MEMBER = (
    "(?:القيادي|قيادي|عضو|العضو|المسؤول|مسؤول|الضابط|ضابط|المستشار|مستشار|عنصر|العنصر|"
    "مقاتل|المقاتل|القاضي|النايب|الناشط|مراسل|مراسله|المراسل|المراسله|مذيع|مذيعه)"
)
# What qualifies a head's title (`الأمين العام`, `الرئيسة المشتركة`, co-chair in Kurdish bodies;
# `رئيس أركان الجيش`, the chief of staff, who leads the army).
OF_OFFICE = "(?:العام|الاعلي|العامه|المشترك|المشتركه|اركان|الاركان|تحرير)?"
# A first title after a name, before `و` and a second one (`العامري الوزير السابق وقائد`).
FORMER_TITLE = "(?:الوزير|الرييس|النايب|القايد|الامين|المدير|السفير|الزعيم|رييس|وزير)"
SPOKESPERSON = "(?:المتحدث|الناطق|المتحدثه|الناطقه)"
FORMER = "(?:السابق|السابقه|الاسبق|الراحل|الراحله)?"
APPOINT = "(?:عين|يعين|عينت|تعين|تعيين|بتعيين)"
APPOINTED_AS = "(?:قائدا|رئيسا|وزيرا|مديرا|زعيما|لقيادة|قيادة|لرئاسة|رئاسة)?"
# Where an envoy is posted (`السفير الروسي في الأمم المتحدة`): it does not change whom he serves.
POSTED_TO = "(?:الدايم|الدايمه)? (?:الي|لدي|في|ل)? {LO}?"
RANK = "(?:الجنرال|اللواء|العميد|العقيد|المقدم|الرايد|النقيب|الفريق|المشير|الادميرال|الضابط|الطيار)"
# A rank's staff-officer part (`العقيد الركن`, `الفريق أول ركن`).
STAFF_RANK = "(?:ركن|الركن)?"
HONORIFIC = (
    "(?:الملك|الامير|الاميره|الشيخ|الشيخه|السيد|السيده|الجنرال|اللواء|العميد|الدكتور|الدكتوره|"
    "المشير|الفريق|السلطان)?"
)
# A cleric's title, two words (`آية الله علي خامنئي`).
CLERIC = "(?:ايه)? (?:الله)?"
# A newspaper or channel a title names (`رئيس تحرير مجلة "..."`).
OUTLET = "(?:صحيفه|مجله|موقع|قناه|شبكه)?"
LED_BY = "(?:" + "|".join(sorted(LED_BY_WORDS)) + ")"
# Not right after an office (`يقوده رئيس البرلمان X`: the body is the title's).
NOT_AFTER_OFFICE = not_after(sorted(OFFICE_NOUNS))
# Not the one a campaign is of: `قادت X انتصارات Y` led Y's victories, not Y.
NOT_CAMPAIGN = not_after(("انتصارات", "عمليات", "معارك", "هجمات", "هجوم", "حمله", "تقدم"))
# Not a relative of the one named after: `مقتل نجل X` is the killing of X's son.
NOT_KIN = not_after(sorted(KINSHIP_WORDS))
# Not right after a leader word: `قوات التحالف، بقيادة السعودية` names who leads, not where.
NOT_LED_BY = not_after(sorted(LED_BY_WORDS))
# Being present, based, fighting or in control somewhere (DEPLOYED_IN).
DEPLOYED = (
    "(?:ينتشر|تنتشر|انتشار|يتمركز|تتمركز|تمركز|المتمركزه|المتمركز|المتمركزين|المنتشره|"
    "المنتشر|المنتشرين|ينشط|تنشط|وجود|تواجد|يتواجد|تتواجد|المتواجده|المتواجد|الموجوده|"
    "الموجود|انتشرت|تمركزت|نشرت|ينشر|تنشر|بقاء|البقاء)"
)
CONTROL = (
    "(?:يسيطر|تسيطر|سيطرت|سيطر|يسيطرون|سيطرتها|سيطرته|سيطره|السيطره|بسط|تبسط|يبسط|احتل|احتلت|"
    "يحتل|تحتل|اجتاح|اجتاحت|اقتحم|اقتحمت|دخل|دخلت)"
)
ADVANCE = (
    "(?:تقدم|تقدمت|يتقدم|تتقدم|وصل|وصلت|استعاد|استعادت|يستعيد|تستعيد|حرر|حررت|يحرر|تحرر|"
    "اقترب|اقتربت|تقترب|يقترب)"
)
PRESENCE_NOUN = (
    "(?:مواقع|موقع|اهداف|قواعد|مقرات|معاقل|معقل|عناصر|مقاتلي|مقاتلو|تعزيزات|مخازن|مخزن|مراكز|"
    "تجمعات|تجمعا|تحركات|صفوف|مسلحي|مسلحو|قوات|ميليشيات|مليشيات|جيب|جيوب)"
)
FIGHT = "(?:معارك|اشتباكات|مواجهات|قتال|معركه|المعارك|الاشتباكات|المواجهات)"
WAGE = "(?:يخوض|تخوض|خاض|خاضت|يخوضون|خاضوا)"
EXPEL = "(?:طرد|اخراج|ابعاد|انسحاب|انسحبت|انسحب|طردت|فرار)"
# Words that stand before an armed body's name (`تنظيم "الدولة الإسلامية"`, `طلائع الجيش`).
FORCE_WORD = "(?:تنظيم|حركه|جماعه|قوات|ميليشيات|مليشيات|عناصر|طلايع|وحدات|مقاتلي|مسلحي)?"
# A place's kind between a preposition and its name (`في محافظة دير الزور`, `في كل من`).
# Up to two such words, each perhaps with its preposition (`في مناطق بمديرية التحيتا`).
PLACE_WORD = (
    "(?:محافظه|مدينه|منطقه|مديريه|بلده|ريف|جبهه|مناطق|كل|قريه|بلدات|مدن|احياء|حي|شوارع|"
    "ضواحي|اطراف|مشارف|محيط|جبهات|مديريات|محافظات|قري|مساحه)"
)
IN_PLACE = f"{PLACE_WORD}? (?:ب|في|من)? {PLACE_WORD}? (?:من)?"
# A share of a place (`يسيطر على 70 في المئة من مساحة X`), after its number.
PERCENT = "(?:الميه|المئه|المايه)?"
# Places named among others (`مناطق ... بينها العاصمة`).
AMONG_THEM = "(?:بينها|منها|ومنها|اهمها|ابرزها)? (?:العاصمه)?"
# Support (SUPPORTS): backed by, loyal to, allied with.
BACKED = (
    "(?:المدعوم|المدعومه|المدعومين|المدعومون|المدعومتين|المدعومان|مدعوم|مدعومه|مدعومين|"
    "مدعومون|الممول|المموله|الممولين|المسلحه|المسلح)"
)
LOYAL = (
    "(?:الموالي|الموالية|الموالين|الموالون|مواليه|موالي|الحليف|الحليفه|حليف|حليفا|حلفاء|"
    "حليفي|المتحالف|المتحالفه|المتحالفين|المتحالفون|الحليفان|الحليفين|حليفان|حليفين|الحلفاء)"
)
# `X وحليفتها Y`: Y is the ally, so Y supports X. `وحليفه` ("and his ally") needs its `و`: its
# key is that of `حليفة` ("ally of"), as in `روسيا حليفة النظام`, which reads the other way.
THEIR_ALLY = (
    "(?:و(?:\\x20)?حليفه|حليفتها|حليفها|حليفته|حليفتيها|حليفتاها|حليفاها|حلفاؤها|حلفايها|حلفاوها|"
    "حلفاؤه|حلفايه|حلفاوه|وحلفاؤها|حليفاه)"
)
# Supporting after its subject: the verbs, and the nouns whose object is the one supplied
# (`تواصل إيران تزويد الحوثيين`). The noun `دعم` is left out: the name after it is its agent
# (`انتقدت الحكومة دعم الأمم المتحدة للحوثيين`: the UN's support, criticised by the government).
SUPPORTED = (
    "(?:يدعم|تدعم|دعمت|يمول|تمول|مولت|يسلح|تسلح|سلحت|تزود|يزود|زودت|يساند|تساند|ساندت|تزويد|"
    "تسليح|تمويل)"
)
# Every word of support, the nouns whose next name is their agent included (`دعم ... ل`).
SUPPORT_VERB = f"(?:{SUPPORTED}|دعم|مساعده|مساندة)"
# Supplying someone with arms or money (`تزويد الحوثيين بالسلاح`, `مد الحوثيين بالأسلحة`).
SUPPLY = (
    "(?:تزويد|بتزويد|تزويدها|بتزويدها|تزويده|بتزويده|يزود|تزود|زودت|زود|امداد|بامداد|"
    "مد|بمد|يمد|تمد)"
)
# Support given to the name before: `... بإسناد من التحالف` (after a split-off `ب`).
WITH_SUPPORT = "(?:دعم|اسناد|مسانده|مساعده) (?:جوي)? (?:من)? {GAP:1} {E:s}"
# Foremost among a body's forces (`X، وعلى رأسها Y`).
AT_THE_HEAD = "(?:علي|على) (?:راسها|راسه|راسهم)"
NOT_AT_HEAD = not_after(("راسها", "راسه", "راسهم"))
NOT_WITH = r"(?<!ب)(?<!\x20ب\x20)"  # a guard: not after `ب`, split off or attached
# A head's regime or government standing for him (`الحليفين الرئيسيين لنظام الأسد`).
REGIME = "(?:نظام|حكومه)"
BACKER = "(?:الداعم|الداعمه|داعم|داعمه|داعمي|الداعمين|الداعمون|الراعي|الراعيه)"
HEADQUARTERS = "(?:مقره|مقرها|ومقره|ومقرها|مقرهم|ومقرهما|يتخذ|تتخذ)"
# Fighters leaving a place, or being taken out of it (`خروج مقاتلي فيلق الرحمن من الغوطة`).
LEAVING = (
    "(?:خروج|خرجت|خرج|خرجوا|اجلاء|اجلي|نقل|اخراج|غادر|غادرت|غادروا|مغادره|انسحاب|انسحبت|"
    "انسحب|سحب|يسحب|تسحب)"
)
LEFT = "(?:غادر|غادرت|غادروا|خرج|خرجت|خرجوا|انسحب|انسحبت|انسحبوا)"
FIGHTERS = f"(?:الدفعه|دفعه)? {{GAP:2}} (?:من)? (?:{MEMBERS}|مقاتلين|مسلحين|مقاتلو|مسلحو)?"
NOT_AND = "(?<!\\x20و\\x20)(?<!و)"  # a guard: not after `و`, split off or attached
# A guard: not where something was sent or done (`أرسلت السعودية قوات إلى اليمن لدعم`).
NOT_DESTINATION = not_after(("الي", "في", "نحو", "ب"))
NOT_REPORTER = not_after(("مراسل", "مراسله", "مراسلو", "مراسلي", "مصور", "مصوره"))
# What a place's name may carry before where it lies (`قاعدة إنجرليك العسكرية الأمريكية في تركيا`).
PLACE_ADJECTIVE = "(?:العسكريه|الجويه|البحريه|الاستراتيجيه|العسكري|الجوي|البحري)?"
DIRECTION = "(?:شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|وسط|بوسط|بشمال|بجنوب|بشرق|بغرب)"

RULES: tuple[Rule, ...] = (
    # --- offices of a state: leads or serves it
    Rule(
        "head-of-state",
        f"{STATE_HEAD} {STATE_OFFICE} {{DEM:t}} {FORMER} ،? {HONORIFIC} {CLERIC} ،? {{P:s}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "head-of-state-of",
        f"{STATE_HEAD} {STATE_OFFICE} {{L:t}} {FORMER} ،? {HONORIFIC} {CLERIC} ،? {{P:s}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
        kinds=(("t", "country"),),
    ),
    Rule(
        "name-comma-head-of-state",
        f"{{P:s}} ، {STATE_HEAD} {STATE_OFFICE} {{DEM:t}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "name-comma-head-of-state-of",
        f"{{P:s}} ، {STATE_HEAD} {STATE_OFFICE} {{L:t}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
        kinds=(("t", "country"),),
    ),
    Rule(
        "head-of-the-country",
        # `وصل إلى الكويت ... أمير البلاد X`: the country just named
        f"{{L:t}} {{GAP:3}} (?:امير|رييس|ملك|عاهل) البلاد ،? {HONORIFIC} ،? {{P:s}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
        kinds=(("t", "country"),),
    ),
    Rule(
        "regime-of-president-in",
        # `ضربات ضد نظام الرئيس X في سوريا`
        f"{REGIME} الرييس {{P:s}} في {{L:t}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
        kinds=(("t", "country"),),
    ),
    Rule(
        "name-state-office-of",
        # `X، مبعوث روسيا في Y`, `X سفير الإمارات لدى ...`
        f"{NOT_MET}{{P:s}} ،? {NOT_GOVERNED}{STATE_MEMBER} {{WORDS:2}} {{L:t}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
        kinds=(("t", "country"),),
    ),
    Rule(
        "state-office",
        f"{STATE_MEMBER} {{WORDS:3}} {{DEM:t}} {FORMER} {POSTED_TO} ،? {HONORIFIC} {STAFF_RANK} "
        "،? {P:s}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "state-office-of",
        f"{STATE_MEMBER} {{WORDS:2}} {{L:t}} {FORMER} {POSTED_TO} ،? {HONORIFIC} ،? {{P:s}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
        kinds=(("t", "country"),),
    ),
    Rule(
        "rank-of-country",
        f"{RANK} {{DEM:t}} {FORMER} ،? {{P:s}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "ruled",
        "{P:s} {GAP:2} (?:الذي|التي)? (?:حكم|يحكم|تحكم|حكمت) {L:t}",
        relations=(("LEADS", "s", "t"),),
        kinds=(("t", "country"),),
    ),
    Rule(
        "name-comma-state-office",
        f"{{P:s}} ، {STATE_MEMBER} {{WORDS:3}} {{DEM:t}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "governor-of",
        f"(?:محافظ|المحافظ|حاكم|الحاكم|والي) {{L:t}} ،? {HONORIFIC} {{P:s}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
        kinds=(("t", "not-country"),),
    ),
    # --- a state's own media and bodies: `صحيفة "الثورة" الحكومية السورية`
    Rule(
        "official-body-of",
        '{O:s} "? (?:الرسميه|الحكوميه) {DEM:t}',
        relations=(("PART_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "official-body-of-country",
        '{O:s} "? (?:الرسميه|الحكوميه) {L:t}',
        relations=(("PART_OF", "s", "t"),),
        timed=False,
        kinds=(("t", "country"),),
    ),
    Rule(
        "body-of-country-official",
        '{O:s} "? {DEM:t} (?:الرسميه|الحكوميه)',
        relations=(("PART_OF", "s", "t"),),
        timed=False,
    ),
    # --- offices of an organisation
    Rule(
        "title-before-name",
        f'{ORG_HEAD} {OF_OFFICE} {OUTLET} (?:ما)? (?:يسمي)? (?:ل|ب)? "? {{O:t}} "? {{GAP:2}} '
        f"{FORMER} ،? {HONORIFIC} {STAFF_RANK} ،? {{P:s}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "minister-in-government-of",
        # `وزير الصحة في حكومة الحوثيين طه المتوكل`: he serves those who form the government
        "(?:وزير|وزيره|الوزير|الوزيره) {WORDS:2} (?:في|ب) (?:حكومه|الحكومه) {O:t} {DEM}? ،? "
        f"{HONORIFIC} ،? {{P:s}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "committee-head-in",
        # `رئيس لجنة الدفاع في مجلس الدوما فلاديمير شامانوف`: a member of the body
        "(?:رييس|الرييس|رييسه|الرييسه) (?:لجنه|اللجنه) {WORDS:2} (?:في|ب) {O:t} {DEM}? ،? "
        f"{HONORIFIC} ،? {{P:s}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "commander-in-body",
        'قايد "? {O:t} "? (?:في|ب|التابع ل) "? {O:b} "? ،? ' + HONORIFIC + " ،? {P:s}",
        relations=(("LEADS", "s", "t"), ("PART_OF", "t", "b")),
        timed=False,
    ),
    Rule(
        "name-comma-title",
        f"{{P:s}} ، {{GAP:2}} {ORG_HEAD} {OF_OFFICE} {FORMER} (?:ل)? {{O:t}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "name-title-and-title",
        f"{{P:s}} {FORMER_TITLE} {{WORDS:2}} و {ORG_HEAD} {OF_OFFICE} (?:ل)? {{O:t}}",
        relations=(("LEADS", "s", "t"),),
        expand=("t",),
        timed=False,
    ),
    Rule(
        "spokesperson-of",
        f'{SPOKESPERSON} {{GAP:2}} باسم (?:قوات)? "? {{O:t}} "? {{GAP:2}} ،? {HONORIFIC} '
        f"{STAFF_RANK} ،? {{P:s}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "spokesperson-of-led-body",
        # `المتحدث باسم X الذي تقوده Y في Z، N`
        f'{SPOKESPERSON} {{GAP:2}} باسم (?:قوات)? "? {{O:t}} "? (?:الذي|التي) {LED_BY} {{LO}} '
        f"(?:في|ب)? {{L}}? ،? {HONORIFIC} {STAFF_RANK} ،? {{P:s}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "name-comma-spokesperson",
        f"{{P:s}} ،? {SPOKESPERSON} {{GAP:2}} باسم {{O:t}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "envoy-of-body",
        f"(?:مبعوث|المبعوث|مندوب|المندوب|ممثل) {{O:t}} {POSTED_TO} ،? {HONORIFIC} ،? {{P:s}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "member-before-name",
        f'{ORG_MEMBER} {{WORDS:3}} (?:في|ب|من)? "? {{O:t}} "? {POSTED_TO} {{WORDS:1}} ،? '
        f"{HONORIFIC} ،? {{P:s}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "name-comma-member",
        # `X، مراسلة بي بي سي`
        f'{{P:s}} ، {ORG_MEMBER} {{WORDS:1}} (?:في|ب|من|ل)? "? {{O:t}}',
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "member-with-adjective",
        f"{ORG_MEMBER} {{WORDS:1}} {{DEM:t}} {{WORDS:1}} ،? {HONORIFIC} ،? {{P:s}}",
        relations=(("MEMBER_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "led-by",
        f'{{O:t}} "? {{GAP:3}} {LED_BY} {{WORDS:3}} {NOT_AFTER_OFFICE}{{PLO:s}}',
        relations=(("LEADS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "leads-body",
        # not what it led them to (`قادت القوات الإماراتية انتصارات قوات الشرعية`)
        f"(?:تقود|يقود|قادت|قاد|تتزعم|يتزعم) {{PLO:s}} {{GAP:1}} {NOT_CAMPAIGN}{{O:t}}",
        relations=(("LEADS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "at-the-head-of",
        "{PLO:s} (?:على|علي) راس {O:t}",
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
        relations=(("LEADS", "s", "t"),),
        event="Appointment",
        roles={"TARGET": ("s",), "PARTICIPANT": ("t",)},
    ),
    Rule(
        "appointer-appointed",
        f"{{PLO:a}} {{NOP:3}} {APPOINT} {{P:s}} {{GAP:2}} {APPOINTED_AS} {{GAP:1}} "
        '(?:ل|لل)? "? {O:t}?',
        relations=(("APPOINTED", "a", "s"), ("LEADS", "s", "t")),
        event="Appointment",
        roles={"AGENT": ("a",), "TARGET": ("s",), "PARTICIPANT": ("t",)},
    ),
    Rule(
        "appointer-appointed-vso",
        f"{APPOINT} {{WORDS:3}} {{PLO:a}} {{P:s}} {{GAP:2}} {APPOINTED_AS} {{GAP:1}} "
        '(?:ل|لل)? "? {O:t}?',
        relations=(("APPOINTED", "a", "s"), ("LEADS", "s", "t")),
        event="Appointment",
        roles={"AGENT": ("a",), "TARGET": ("s",), "PARTICIPANT": ("t",)},
    ),
    # --- structure
    Rule(
        "affiliated-to",
        # `وكالة "X" الدعائية التابعة ل Y`
        '{O:s} "? {WORDS:1} (?:التابع|التابعه|التابعين|التابعون|التابعتين) '
        '(?:ل|لتنظيم|لحركه|لجماعه) "? {O:t}',
        relations=(("PART_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "branch-of",
        '{O:s} "? ،? (?:ذراع|الذراع|فرع|احد|احدي|جناح|الجناح) {GAP:2} "? {O:t}',
        relations=(("PART_OF", "s", "t"),),
    ),
    Rule(
        "serving-within",
        '{O:s} "? (?:التي|الذي)? (?:العامله|العامل|تعمل|يعمل|تقاتل|يقاتل|المنضويه|المنضوي|تنضوي|'
        'ينضوي) (?:تحت)? (?:لواء)? ضمن "? {O:t}',
        relations=(("PART_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "within",
        # `X، ضمن التحالف`
        '{O:s} "? ،? ضمن "? {O:t}',
        relations=(("PART_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "body-within",
        # `X، المنضوية في Y`: a body within another
        "{O:s} ،? (?:المنضويه|المنضوي|المنضوين|المنضويتين) (?:في|ضمن|تحت) (?:لواء)? {O:t}",
        relations=(("PART_OF", "s", "t"),),
        timed=False,
    ),
    Rule(
        "factions-such-as",
        '(?:فصايل|الفصايل|مكونات|الوحدات) {O:t} (?:مثل|ومنها|منها|ك|بينها|ابرزها) "? {O:s}',
        relations=(("PART_OF", "s", "t"),),
        expand=("s",),
        timed=False,
    ),
    Rule(
        "officer-in",
        "{P:s} {GAP:8} (?:ضابط|الضابط|عضو|العضو|قيادي|القيادي|عنصر|مستشار) {GAP:1} "
        '(?:في|ب|من) "? {O:t}',
        relations=(("MEMBER_OF", "s", "t"),),
    ),
    # --- places
    Rule(
        "place-with-country-adjective",
        "{L:s} {DEM:t}",
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(("s", "not-country"), ("s", "not-facility")),
    ),
    Rule(
        "place-in-place",
        f'{{L:s}} "? {PLACE_ADJECTIVE} {{DEM}}? ،? (?:في|ب) '
        "(?:محافظه|مدينه|ولايه|منطقه|ريف|مديريه|قضاء|اقليم|العاصمه)? {L:t}",
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(("s", "not-country"),),
    ),
    Rule(
        "place-direction-of-country",
        f'{{L:s}} "? {PLACE_ADJECTIVE} {{DEM}}? ،? \\(? (?:في)? {DIRECTION} {DIRECTION}? {{L:t}}',
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(
            ("s", "not-country"),
            ("t", "country"),
        ),
    ),
    Rule(
        "place-direction-in-province",
        # `X جنوب محافظة Y`: X is in Y's south (`X، وجنوبي مديرية Y` is another place's)
        f'{{L:s}} "? ،? \\(? (?:في)? {NOT_AND}{DIRECTION} {DIRECTION}? '
        "(?:محافظه|مديريه|ولايه|اقليم) {L:t}",
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(("s", "not-country"),),
    ),
    Rule(
        "district-direction-of-place",
        # `مديرية X جنوبي Y`: a district lies in the province it is placed by
        f'(?:مديريه|مديريتي) {{L:s}} "? ،? \\(? (?:في)? {NOT_AND}{DIRECTION} {DIRECTION}? {{L:t}}',
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(("s", "not-country"),),
    ),
    Rule(
        "place-lying-in",
        # `مدينة X الواقعة تحت سيطرة Y في شمال Z`
        '{L:s} "? ،? (?:الواقعه|الواقع|تقع|يقع) {GAP:4} (?:في|ب) '
        f"{DIRECTION}? {DIRECTION}? (?:محافظه|مدينه|ولايه|منطقه|مديريه|اقليم)? {{L:t}}",
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(("s", "not-country"),),
    ),
    Rule(
        "place-part-of-place",
        "{L:s} (?:التابعه|التابع) ل (?:محافظه|مديريه|مدينه|ولايه|اقليم|منطقه)? {L:t}",
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(("s", "not-country"),),
    ),
    Rule(
        "dateline",
        "{L:s} ، {L:t} (?:\\(|-|–|ـ)",
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(
            ("s", "not-country"),
            ("t", "country"),
        ),
    ),
    Rule(
        "capital-of",
        "(?:العاصمه|عاصمه) {DEM:t} ،? {L:s}",
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(("s", "not-country"),),
    ),
    Rule(
        "place-comma-capital",
        "{L:s} ،? (?:عاصمه|العاصمه) {L:t}",
        relations=(("LOCATED_IN", "s", "t"),),
        timed=False,
        kinds=(("s", "not-country"),),
    ),
    # --- deployment and control
    Rule(
        "controls",
        # `X من السيطرة على مناطق ... بينها العاصمة Y`
        f'{{OG:s}} "? {{GAP:3}} {CONTROL} (?:على|علي|عليها|عليه)? {{GAP:2}} {PERCENT} {AMONG_THEM} '
        f"{IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "controls-vso",
        f'{CONTROL} {FORCE_WORD} "? {{OG:s}} "? {{GAP:6}} (?:على|علي) {{GAP:4}} {IN_PLACE} {{L:t}}',
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("s", "t"),
    ),
    Rule(
        "under-control-of",
        "{L:t} {GAP:4} (?:الخاضعه|الخاضع|تخضع|يخضع|الواقعه|تحت) (?:تحت)? (?:ل)? "
        "(?:سيطره|سلطه)? {OG:s}",
        relations=(("DEPLOYED_IN", "s", "t"),),
    ),
    Rule(
        "taken-back-from",
        # `بانتزاع ميناء الحديدة من يد الحوثيين`: they held the place
        "(?:تحرير|استعاده|استعادت|استعاد|حررت|حرر|انتزاع) {L:t} {GAP:3} من "
        "(?:قبضه|سيطره|ايدي|يد)? {OG:s}",
        relations=(("DEPLOYED_IN", "s", "t"),),
    ),
    Rule(
        "controlled-by",
        "{L:t} {GAP:3} (?:التي|الذي) (?:يسيطر|تسيطر|سيطر|سيطرت) (?:عليها|عليه) {OG:s}",
        relations=(("DEPLOYED_IN", "s", "t"),),
    ),
    Rule(
        "control-of",
        f"(?:سيطره|احتلال|اجتياح|دخول|اقتحام|بسيطره) {{OG:s}} (?:على|علي|ل)? {{GAP:2}} "
        f"{IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "coalition-led-in",
        '{O:s} "? (?:الذي|التي)? (?:تقوده|يقوده|تقودها|يقودها|بقياده|تتزعمه|يتزعمه) {E} '
        "(?:في|ب) {L:t}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        timed=False,
    ),
    Rule(
        "intervened-in",
        f'(?:تدخل|بتدخل|التدخل) {FORCE_WORD} "? {{OG:s}} "? {{GAP:5}} (?:في|ب) {IN_PLACE} {{L:t}}',
        relations=(("DEPLOYED_IN", "s", "t"),),
    ),
    Rule(
        "deployed-in",
        f'{DEPLOYED} {FORCE_WORD} "? {{OG:s}} "? {{GAP:4}} (?:في|ب) {IN_PLACE} {{L:t}}',
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "deployed-after",
        # not the outlet whose reporter was there (`مراسل وكالة ... الذي تواجد في`)
        f'{NOT_REPORTER}{{OG:s}} "? {{GAP:5}} {DEPLOYED} {{GAP:2}} (?:في|ب) {IN_PLACE} {{L:t}}',
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "positions-of-in",
        f'{PRESENCE_NOUN} (?:تابعه)? (?:ل)? "? {{OG:s}} "? {{GAP:3}} (?:في|ب) {IN_PLACE} {{L:t}}',
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("s", "t"),
    ),
    Rule(
        "forces-in",
        f"{{OG:s}} {{DEM}}? (?:في|ب) {IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("t",),
        kinds=(("s", "armed"),),
    ),
    Rule(
        "place-where-deployed",
        f"{{L:t}} ،? حيث {DEPLOYED} {FORCE_WORD} {{OG:s}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("s",),
    ),
    Rule(
        "operation-in",
        f"(?:بدا|بدات|اطلق|اطلقت|يشن|تشن|شن|شنت|تنفذ|ينفذ|نفذ|نفذت) {FORCE_WORD} {{OG:s}} "
        "(?:عمليه|عمليات|حمله) (?:عسكريه|بريه|واسعه)? {GAP:1} (?:في|ب) "
        f"{IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
    ),
    Rule(
        "advances-in",
        f'{{OG:s}} "? {{GAP:4}} {ADVANCE} {{GAP:3}} (?:في|الي|على|نحو|من)? {IN_PLACE} '
        f"{NOT_LED_BY}{{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        kinds=(("s", "armed"),),
    ),
    Rule(
        "advances-in-vso",
        f"{ADVANCE} {FORCE_WORD} {{OG:s}} {{GAP:3}} (?:في|الي|على|نحو)? {IN_PLACE} "
        f"{NOT_LED_BY}{{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("s",),
        kinds=(("s", "armed"),),
    ),
    Rule(
        "took-part-in-taking",
        # `ساهمت قوات X في تحرير مدينة Y`: they fought there
        f"{{OG:s}} في (?:استعاده|تحرير) {IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        kinds=(("s", "armed"),),
    ),
    Rule(
        "advances-after-taking",
        # `يتقدم إليها الجيش الوطني بعد تحرير مديرية ميدي`: it took that place first
        f"{{OG:s}} {{GAP:2}} بعد (?:تحرير|استعاده|استعادته|تحريره) {IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        kinds=(("s", "armed"),),
    ),
    Rule(
        "made-progress-in",
        f"(?:حقق|حققت|تحقق|يحقق) {FORCE_WORD} {{OG:s}} {{GAP:3}} (?:تقدما|تقدم|انتصارات) "
        f"{{GAP:1}} (?:في|على) {IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
    ),
    Rule(
        "defends",
        "{OG:s} {GAP:2} (?:التي|الذي)? (?:تدافع|يدافع|دافعت|دافع|يدافعون) عن {L:t}",
        relations=(("DEPLOYED_IN", "s", "t"),),
    ),
    Rule(
        "fighting-with-in",
        f"{FIGHT} {{GAP:3}} (?:مع|بين|ضد) {FORCE_WORD} {{OG:s}} {{GAP:4}} (?:في|ب) {IN_PLACE} "
        "{L:t}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("s",),
    ),
    Rule(
        "fighting-in-with",
        f"(?:في|ب) {IN_PLACE} {{L:t}} {{GAP:4}} {FIGHT} {{GAP:2}} (?:مع|ضد|بين) {FORCE_WORD} "
        "{OG:s}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("s",),
    ),
    Rule(
        "wages-battles-in",
        f"{WAGE} {FORCE_WORD} {{OG:s}} {{GAP:4}} {FIGHT} {{GAP:2}} (?:في|ب) (?:عدد)? "
        f"{IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("s", "t"),
    ),
    Rule(
        "wages-battles-in-svo",
        f"{{OG:s}} {{GAP:3}} {WAGE} {FIGHT} {{GAP:2}} (?:في|ب) (?:عدد)? {IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "war-between-in",
        "{L:t} {GAP:3} (?:حربا|حرب|الحرب|معارك|قتالا|مواجهات|صراعا|نزاعا) {GAP:1} (?:بين|مع) "
        f"{FORCE_WORD} {{OG:s}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
        expand=("s",),
    ),
    Rule(
        "expelled-from",
        f"{EXPEL} {{GAP:1}} {{OG:s}} {{GAP:3}} (?:من|عن) {IN_PLACE} {{L:t}}",
        relations=(("DEPLOYED_IN", "s", "t"),),
    ),
    # --- support
    Rule(
        "backed-by",
        f'{{E:s}} "? {{GAP:3}} {BACKED} (?:من|بـ)? (?:قبل)? {{GAP:1}} {{E:t}}',
        relations=(("SUPPORTS", "t", "s"),),
        expand=("t",),
        timed=False,
    ),
    Rule(
        "loyal-to",
        f'{{OLG:s}} "? {{MODS:3}} ،? {LOYAL} (?:ل|مع)? (?:الرييسي|الرييسيان|الرييسيين)? (?:ل)? '
        f'{REGIME}? "? {{E:t}}',
        relations=(("SUPPORTS", "s", "t"),),
        expand=("s", "t"),
        timed=False,
    ),
    Rule(
        "and-its-ally",
        # not the last of a list (`نفوذ إيران في لبنان واليمن ... حليفها الأسد`: Iran's ally)
        f'{NOT_AND}{{E:t}} "? (?:في)? {{L}}? (?:و)? {{L}}? {{GAP:2}} ،? {THEIR_ALLY} ،? "? {{E:s}}',
        relations=(("SUPPORTS", "s", "t"),),
        expand=("s",),
        timed=False,
    ),
    Rule(
        "ally-of",
        f'{{E:s}} ،? (?<!\\x20و\\x20)(?<!و)حليفه {REGIME}? "? {{E:t}}',
        relations=(("SUPPORTS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "both-allies-of",
        f"{{E:s}} و {{E:s2}} ،? (?:هما|وهما|هم|وهم)? {LOYAL} (?:الرييسيان|الرييسيين|الرييسي)? "
        f'(?:ل)? {REGIME}? "? {{E:t}}',
        relations=(("SUPPORTS", "s", "t"), ("SUPPORTS", "s2", "t")),
        timed=False,
    ),
    Rule(
        "supplies-with",
        f'{{E:s}} {{GAP:4}} (?:علي)? {SUPPLY} "? {{E:t}} "? (?:ب\\S*|بكل|بما)',
        relations=(("SUPPORTS", "s", "t"),),
    ),
    Rule(
        "supports",
        f'{{E:s}} {SUPPORTED} "? {{E:t}}',
        relations=(("SUPPORTS", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "which-supports",
        # `X، التي تدعم قوات الرئيس Y`
        f'{{E:s}} ، (?:التي|الذي) {SUPPORTED} (?:قوات|{REGIME})? (?:الرييس)? "? {{E:t}}',
        relations=(("SUPPORTS", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "support-of-for",
        f'{SUPPORT_VERB} "? {{E:s}} "? (?:ل|لل)? "? {{E:t}}',
        relations=(("SUPPORTS", "s", "t"),),
        expand=("t",),
    ),
    Rule(
        "supported-by-relative",
        '{OG:t} "? {GAP:2} ،? (?:التي|الذي|الذين)? (?:تدعمها|يدعمها|تدعمه|يدعمه|تدعمهم|يدعمهم|'
        "تمولها|يمولها|تموله|يموله|تسلحها|يسلحها) {E:s}",
        relations=(("SUPPORTS", "s", "t"),),
        expand=("s",),
    ),
    Rule(
        "backer-of",
        f"{{E:s}} {{GAP:3}} ،? {BACKER} (?:الرييسي|الرييسيه|الاول)? (?:ل)? {{GAP:1}} {{E:t}}",
        relations=(("SUPPORTS", "s", "t"),),
        timed=False,
    ),
    Rule(
        "with-support-of",
        "{O:t} {GAP:6} ،? (?:بدعم|وبدعم|بمساعده|باسناد|وباسناد|بمساندة|وبمساندة) (?:جوي)? (?:من)? "
        "{GAP:1} {E:s}",
        relations=(("SUPPORTS", "s", "t"),),
        expand=("s",),
    ),
    Rule(
        # `ب` split off by the tokenizer (`ب اسناد من`): the bare noun is another phrase
        # (`دعم الأمم المتحدة لـ`, the UN's support for), so the `ب` is required.
        "with-support-of-split",
        f"{NOT_AT_HEAD}{{O:t}} {{GAP:6}} ،? ب {WITH_SUPPORT}",
        relations=(("SUPPORTS", "s", "t"),),
        expand=("s",),
    ),
    Rule(
        "with-support-of-split-after-head",
        # `X، وعلى رأسها Y، وبإسناد Z`: the support is X's
        f"{{O:t}} ، {AT_THE_HEAD} {{O}} ، {{GAP:6}} ،? ب {WITH_SUPPORT}",
        relations=(("SUPPORTS", "s", "t"),),
        expand=("s",),
    ),
    Rule(
        "intervened-in-support",
        # `دعما` and `لدعم` are "in support of"; a bare `دعم` begins a phrase of its own
        # (`انتقدت الحكومة دعم الأمم المتحدة`: the UN's support, not the government's).
        f"{NOT_DESTINATION}{{E:s}} {{GAP:4}} (?:الي|في|نحو)? {{L}}? {{GAP:2}} "
        # `بمساندة التحالف` is "with the coalition's support": the other way round
        f"{NOT_WITH}(?:دعما|لدعم|لمساندة|مساندة) (?:ل)? {REGIME}? {{E:t}}",
        relations=(("SUPPORTS", "s", "t"),),
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
    Rule(
        "subject-and-predecessor",
        # `ينتقد ترامب سلفه أوباما`
        "{P:s} {NOP:12} (?:سلفه|سلفها) ،? {P:t}",
        relations=(("SUCCEEDED", "s", "t"),),
    ),
    Rule(
        "subject-and-successor",
        "{P:t} {NOP:12} (?:خلفه|خليفته|خلفها|خليفتها) ،? {P:s}",
        relations=(("SUCCEEDED", "s", "t"),),
    ),
    Rule(
        "appointed-in-place-of",
        f"{APPOINT} {{P:s}} (?:محل|مكان|بدلا) (?:من|عن)? {{GAP:3}} {{P:t}}",
        relations=(("SUCCEEDED", "s", "t"),),
    ),
    # --- visits and meetings
    Rule(
        "visited",
        f"{{P:s}} ،? (?:الذي|التي)? (?:قد)? {VISIT_VERB} {{L:t}}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "arrived-in",
        # `وصل الرئيس هادي الذي يعيش في الرياض إلى عدن`, `سافر الحريري إلى باريس`
        f"{ARRIVED} {HONORIFIC} {{WORDS:2}} {{P:s}} {{NOP:5}} (?:الي) {{L:t}}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "arrived-in-svo",
        f"{{P:s}} {{GAP:3}} {ARRIVED} (?:الي) {{L:t}}",
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
        "during-visit-to",
        # `X خلال زيارة مفاجئة إلى Y`, `X زيارته الحالية ل Y`;
        # not an invitation (`دعا بوتين إلى زيارة واشنطن`, `لزيارة`)
        f"{{P:s}} {{GAP:2}} (?:خلال|اثناء|منذ|في)? {NOT_INVITED}(?:زياره|زيارته|زيارتها) "
        f"{VISIT_KIND} "
        "(?:الي|ل)? (?:العاصمه|مدينه)? {L:t}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "visit-of-to",
        # `زيارة الوزير X، طهران`: the place as the visit's object
        f"(?:زياره|زيارات) {{WORDS:3}} ،? {HONORIFIC} {{P:s}} ،? {{L:t}}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "made-visit-to",
        f"{{P:s}} ،? (?:الذي|التي)? (?:قد)? {MADE_VISIT} {{WORDS:2}} "
        "(?:ب)? (?:زياره|زيارات) {GAP:6} (?:الي|ل) {L:t}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "made-visit-to-vso",
        f"{MADE_VISIT} {{WORDS:4}} {HONORIFIC} {{P:s}} {{WORDS:2}} (?:ب)? (?:زياره|زيارات) "
        "{GAP:6} (?:الي|ل) {L:t}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "met-with",
        f"{{P:s}} ،? (?:قد)? {MEET_VERB} (?:مع|ب)? {{GAP:3}} (?:في|من)? {{PO:t}}",
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
        "arrived-in",
        "{P:s} {GAP:3} (?:وصل|وصلت|يصل|تصل) {GAP:1} (?:الي|ل) {L:t}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "met-officials-of",
        f"{MEET_VERB} {{GAP:2}} {{OL}}? {{P:s}} ،? (?:مع|ب)? {{GAP:2}} {OFFICIALS} {{GAP:2}} "
        "(?:في|من|عن)? {PO:t} (?:في|ب)? {L:place}?",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",), "PLACE": ("place",)},
        expand=("t",),
    ),
    Rule(
        "born-in",
        f"{{P:s}} ،? {{GAP:3}} {BORN} (?:في|ب) {IN_PLACE} {{L:t}}",
        relations=(("BORN_IN", "s", "t"),),
    ),
    Rule(
        "born-in-vso",
        f"{BORN} {{P:s}} {{GAP:2}} (?:في|ب) {IN_PLACE} {{L:t}}",
        relations=(("BORN_IN", "s", "t"),),
    ),
    Rule(
        "born-in-native-of",
        "{P:s} ،? {GAP:3} من مواليد {IN_PLACE} {L:t}",
        relations=(("BORN_IN", "s", "t"),),
    ),
    Rule(
        "arrived-in-vso",
        "(?:وصل|وصلت|يصل|تصل|توجه|توجهت|يتوجه) {WORDS:4} ،? {P:s} {GAP:2} (?:الي|ل) {L:t}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "met-with-object-first",
        f"{MEET_VERB} {{GAP:2}} {{PO:t}} {{GAP:2}} (?:مع|ب) {{PO:s}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("t",), "PARTICIPANT": ("s",)},
    ),
    Rule(
        "met-after-subject",
        f"{{P:s}} {{NOP:20}} {MEET_VERB} (?:مع|ب)? {{WORDS:4}} {{PO:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
        expand=("t",),
    ),
    Rule(
        "talks-with",
        f"{{PO:s}} {{NOP:12}} {TALKS} {{WORDS:3}} (?:مع|ب) {{WORDS:3}} {{PO:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
        expand=("t",),
    ),
    Rule(
        "talks-with-vso",
        f"{TALKS} {{PO:s}} {{WORDS:4}} (?:مع|ب) {{PO:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
        expand=("t",),
    ),
    Rule(
        "meeting-between",
        f"{MEETING} {{GAP:3}} (?:بين|جمع|جمعت|ضم) {{PO:s}} (?:و|مع) {{PO:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
    ),
    Rule(
        "during-his-visit-to",
        f"{{P:s}} {{NOP:6}} {HIS_VISIT} {{WORDS:2}} (?:الي|ل) {{L:t}}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "his-visit-to-then-name",
        f"{HIS_VISIT} (?:الي|ل) {{L:t}} ، {{NOP:5}} {{P:s}}",
        relations=(("VISITED", "s", "t"),),
        event="Visit",
        roles={"AGENT": ("s",), "PLACE": ("t",)},
    ),
    Rule(
        "received-titled",
        f"(?:استقبل|يستقبل|استقبلت|تستقبل) {{WORDS:3}} {HONORIFIC} {{P:s}} {{NOP:10}} {{P:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
    ),
    Rule(
        "meeting-of-with",
        f"{MEETING} {{WORDS:4}} {HONORIFIC} {{P:s}} (?:ب|مع) {{NOP:6}} {{P:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
    ),
    Rule(
        "met-titled",
        f"{{P:s}} ،? (?:قد)? {MEET_VERB} {{NOP:4}} (?:مع|ب\\S*) {{NOP:5}} {{P:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
    ),
    Rule(
        "met-titled-vso",
        f"{MEET_VERB} {{P:s}} {{NOP:4}} (?:مع|ب\\S*) {{NOP:5}} {{P:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
    ),
    Rule(
        "talks-with-titled",
        f"{{PO:s}} {{NOP:12}} {TALKS} {{NOP:6}} مع {{NOP:10}} {{P:t}}",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",)},
    ),
    Rule(
        "met-person-vso",
        # `التقى غريفيث مساء السبت الرئيس هادي في المكلا`
        f"{MEET_VERB} {{P:s}} {{GAP:5}} {{P:t}} (?:في|ب)? (?:مدينه|العاصمه)? {{L:place}}?",
        relations=(("MET_WITH", "s", "t"),),
        event="Meeting",
        roles={"AGENT": ("s",), "PARTICIPANT": ("t",), "PLACE": ("place",)},
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
        "moved-headquarters",
        '{O:s} "? {GAP:4} نقل (?:مقر|مقره|مقرات|مقار)\\S* {GAP:8} من {L:from} الي {L:t}',
        relations=(("HEADQUARTERED_IN", "s", "t"),),
        event="Relocation",
        roles={"AGENT": ("s",), "PLACE": ("from", "t")},
    ),
    Rule(
        "fighters-left-for",
        f"{LEAVING} {FIGHTERS} {{OG:a}} {{GAP:3}} من {IN_PLACE} {{L:from}} {{GAP:3}} "
        "(?:الي|نحو|باتجاه) {GAP:2} {L:to}?",
        relations=(("DEPLOYED_IN", "a", "from"),),
        event="Relocation",
        roles={"AGENT": ("a",), "PLACE": ("from", "to")},
    ),
    Rule(
        "left-place",
        f'{{OG:a}} "? {{GAP:3}} {LEFT} {{L:from}} (?:الي|نحو|باتجاه)? {{GAP:2}} {{L:to}}?',
        relations=(("DEPLOYED_IN", "a", "from"),),
        event="Relocation",
        roles={"AGENT": ("a",), "PLACE": ("from", "to")},
        kinds=(("a", "armed"),),
    ),
    Rule(
        "mission-in",
        '{O:s} "? ،? (?:في|ب|لدي) (?:العاصمه)? {L:t}',
        relations=(("HEADQUARTERED_IN", "s", "t"),),
        timed=False,
        kinds=(("s", "mission"),),
    ),
    Rule(
        "headquartered-in",
        f'{{O:s}} "? {{GAP:4}} {HEADQUARTERS} (?:من)? (?:الرييسي)? (?:في|ب)? {{L:t}}',
        relations=(("HEADQUARTERED_IN", "s", "t"),),
        timed=False,
    ),
    Rule(
        "place-seat-of",
        "{L:t} ، (?:مقر|مقار|مقرات) {O:s}",
        relations=(("HEADQUARTERED_IN", "s", "t"),),
        timed=False,
    ),
    # --- killings and strikes
    Rule(
        "killed-in",
        # not a relative of the one named (`مقتل نجل أبو بكر البغدادي`)
        f"{KILL} {{ANY:5}} {NOT_KIN}{{P:s}} ،? {{NOP:12}} {NEAR} {{L:t}}",
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
        f"{STRIKE} {STRIKE_KIND} {{DEM:a}} {{GAP:4}} {NEAR} {{L:place}}",
        event="Strike",
        roles={"AGENT": ("a",), "PLACE": ("place",)},
    ),
    Rule(
        "strikes-target",
        f'{{OLG:a}} "? {{WORDS:2}} {STRIKE_VERB} {{WORDS:4}} (?:ل|ب)? "? {{E:t}}',
        event="Strike",
        roles={"AGENT": ("a",), "TARGET": ("t",)},
        expand=("a", "t"),
    ),
    Rule(
        "strikes-target-vso",
        f'{STRIKE_VERB} {STRIKER_WORD} "? {{OLG:a}} {{WORDS:4}} (?:ل|ب)? "? {{E:t}}',
        event="Strike",
        roles={"AGENT": ("a",), "TARGET": ("t",)},
        expand=("a", "t"),
    ),
    Rule(
        "strikes-with-adjective",
        f"{STRIKE_VERB} {STRIKER_WORD} {{DEM:a}} {{WORDS:4}} (?:ل|ب)? {{E:t}}",
        event="Strike",
        roles={"AGENT": ("a",), "TARGET": ("t",)},
        expand=("t",),
    ),
    Rule(
        "strike-on",
        f"{STRIKE_NOUN} {STRIKE_KIND} (?:ل|لل|من)? {{OLG:a}}? {{DEM:d}}? {STRIKE_KIND} "
        f"(?:على|علي|ضد|استهدف|استهدفت|يستهدف|تستهدف|طال|طالت) {{WORDS:3}} (?:ل)? {{E:t}}",
        event="Strike",
        roles={"AGENT": ("a", "d"), "TARGET": ("t",)},
        expand=("t",),
    ),
    Rule(
        "strike-in",
        f"{STRIKE_NOUN} {STRIKE_KIND} {{DEM:d}}? {STRIKE_KIND} {SEVERAL} (?:في|على|علي) {IN_PLACE} "
        "{L:t}",
        event="Strike",
        roles={"AGENT": ("d",), "TARGET": ("t",), "PLACE": ("t",)},
        kinds=(("t", "not-country"),),
    ),
    Rule(
        "strike-by-adjective",
        f"{ATTACK_NOUN} {STRIKE_KIND} {STRIKE_KIND} {STRIKER_WORD} {{DEM:a}}",
        event="Strike",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "striker-by-adjective",
        f"(?:{STRIKE_VERB}|{ATTACK_NOUN}) {STRIKE_KIND} {STRIKER} {STRIKE_KIND} {{DEM:a}}",
        event="Strike",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "striker-by-adjective-struck",
        f"{STRIKER} {STRIKE_KIND} {{DEM:a}} {{GAP:2}} {STRUCK}",
        event="Strike",
        roles={"AGENT": ("a",)},
    ),
    Rule(
        "strike-of-actor",
        f"{ATTACK_NOUN} {STRIKE_KIND} {STRIKE_KIND} (?:ل|لل|من) (?:قبل)? {STRIKER_WORD} "
        '"? {OG:a}',
        event="Strike",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "strike-of-country",
        f"{ATTACK_NOUN} {STRIKE_KIND} {STRIKE_KIND} (?:ل|من) (?:قبل)? {STRIKER_WORD} {{L:a}}",
        event="Strike",
        roles={"AGENT": ("a",)},
        expand=("a",),
        kinds=(("a", "country"),),
    ),
    Rule(
        "strikes-launched-by",
        f'{ATTACK_NOUN} {STRIKE_KIND} {STRIKE_KIND} (?:التي|الذي)? {LAUNCHED_IT} {STRIKER_WORD} "? '
        "{OLG:a}",
        event="Strike",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "strikes-launched-by-on",
        # `الهجمات التي شنها X على مدينة Y`
        f'{ATTACK_NOUN} {STRIKE_KIND} {STRIKE_KIND} (?:التي|الذي)? {LAUNCHED_IT} {STRIKER_WORD} "? '
        f"{{OLG:a}} (?:على|علي|ضد) {IN_PLACE} {{E:t}}",
        event="Strike",
        roles={"AGENT": ("a",), "TARGET": ("t",)},
        expand=("a", "t"),
    ),
    Rule(
        "struck-place",
        # `قصفوا بكثافة مدينة عفرين`: a place's kind makes it the one struck, not who struck
        f"{STRUCK} {SEVERAL} {PLACE_WORD} {{L:t}}",
        event="Strike",
        roles={"TARGET": ("t",), "PLACE": ("t",)},
        expand=("t",),
    ),
    Rule(
        "strikes-launched-by-adjective",
        f"{ATTACK_NOUN} {STRIKE_KIND} {STRIKE_KIND} (?:التي|الذي)? {LAUNCHED_IT} {STRIKER} "
        "{DEM:a}",
        event="Strike",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "launched-strikes-vso",
        f'{LAUNCH} {STRIKER_WORD} "? {{OLG:a}} {{WORDS:5}} {ATTACK_NOUN}',
        event="Strike",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "launched-strikes",
        f'{STRIKER_WORD} {{OG:a}} "? (?:قد|كانت|كان)? {LAUNCH} {{WORDS:5}} {ATTACK_NOUN}',
        event="Strike",
        roles={"AGENT": ("a",)},
    ),
    Rule(
        "struck-vso",
        f'{STRUCK} {STRIKER_WORD} "? {{OG:a}}',
        event="Strike",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "country-struck-vso",
        f"{STRUCK} {{L:a}}",
        event="Strike",
        roles={"AGENT": ("a",)},
        kinds=(("a", "country"),),
    ),
    Rule(
        "fired-missiles",
        f"اطلاق {STRIKER_WORD} {{OLG:a}} {{GAP:3}} {MISSILES}",
        event="Strike",
        roles={"AGENT": ("a",)},
    ),
    Rule(
        "fired-missiles-adjective",
        f"اطلاق {{GAP:2}} {MISSILES} {{DEM:a}}",
        event="Strike",
        roles={"AGENT": ("a",)},
    ),
    Rule(
        "strikes-adjective-target",
        f'{STRIKE_VERB} {STRIKER_WORD} "? {{OLG:a}} {{WORDS:3}} {{DEM:t}}',
        event="Strike",
        roles={"AGENT": ("a",), "TARGET": ("t",)},
    ),
    Rule(
        "strike-on-adjective",
        f"{ATTACK_NOUN} {STRIKE_KIND} {{DEM:a}}? {STRIKE_KIND} {{GAP:3}} (?:علي|ضد) {{WORDS:3}} "
        "{DEM:t} (?:في|ب)? {L:place}?",
        event="Strike",
        roles={"AGENT": ("a",), "TARGET": ("t",), "PLACE": ("place",)},
    ),
    Rule(
        "retaliated-with-strike",
        f"(?:رد|ردت|يرد|ترد) {STRIKER_WORD} {{OLG:a}} {{GAP:3}} {ATTACK_NOUN}",
        event="Strike",
        roles={"AGENT": ("a",)},
    ),
    Rule(
        "member-killed-in-strike",
        f"{KILL} {{GAP:3}} {MEMBERS} (?:في|من)? {{OG:t}} {{GAP:2}} {ATTACK_NOUN} {STRIKE_KIND} "
        "{DEM:a}?",
        event="Strike",
        roles={"AGENT": ("a",), "TARGET": ("t",)},
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
        "agreement-made-with",
        f"{AGREEMENT} {{WORDS:3}} {CONCLUDED} (?:عنه|عنها)? {{OLG:a}} {{WORDS:2}} مع {{OLG:b}}",
        event="Agreement",
        roles={"PARTICIPANT": ("a", "b")},
    ),
    Rule(
        "made-agreement-with",
        f"{{OL:a}} {{GAP:2}} {CONCLUDED} {{WORDS:1}} {AGREEMENT} {{WORDS:4}} مع {{OL:b}}",
        event="Agreement",
        roles={"PARTICIPANT": ("a", "b")},
    ),
    # The nuclear agreement with Iran (`الاتفاق النووي المبرم مع إيران`, `اتفاق إيران
    # النووي`); its later mentions in an article are the same agreement. Named by the adjective
    # alone (`الاتفاق النووي الإيراني`) it was more often a passing reference than a report of
    # the agreement (dev and train: 4 right of 10), so that form is left out.
    Rule(
        "nuclear-agreement-with",
        "(?:الاتفاق|الاتفاقيه|اتفاق) النووي {WORDS:5} مع {L:a}",
        event="Agreement",
        roles={"PARTICIPANT": ("a",)},
        anaphoric=True,
        kinds=(("a", "country"),),
    ),
    Rule(
        "country-nuclear-agreement",
        "(?:اتفاق|الاتفاق) {L:a} النووي",
        event="Agreement",
        roles={"PARTICIPANT": ("a",)},
        anaphoric=True,
        kinds=(("a", "country"),),
    ),
    Rule(
        "agreement-between",
        f"{AGREEMENT} {{WORDS:2}} بين {{OLG:a}} و {{OLG:b}}",
        event="Agreement",
        roles={"PARTICIPANT": ("a", "b")},
        expand=("b",),
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
        "held-exercise",
        f'{{OLG:a}} "? (?:قد|كانت|كان)? {HELD} {{GAP:2}} {DRILLS}',
        event="Exercise",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "held-exercise-vso",
        f'{HELD} {STRIKER_WORD} "? {{OLG:a}} {{GAP:2}} {DRILLS}',
        event="Exercise",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "exercise-held-by",
        f'{DRILLS} {{GAP:3}} (?:التي|الذي)? {HELD_IT} {STRIKER_WORD} "? {{OLG:a}}',
        event="Exercise",
        roles={"AGENT": ("a",)},
        expand=("a",),
    ),
    Rule(
        "exercise-by-adjective",
        f"{DRILLS} {{GAP:2}} {STRIKER_WORD} {{DEM:a}} {{DEM:b}}?",
        event="Exercise",
        roles={"PARTICIPANT": ("a", "b")},
        expand=("a",),
    ),
    Rule(
        "exercise-in-place",
        f"{DRILLS} {{GAP:3}} (?:في|ب) (?:مياه|منطقه)? {{L:place}}",
        event="Exercise",
        roles={"PLACE": ("place",)},
    ),
    Rule(
        "exercise-with",
        "(?:تدريبات|مناوره|مناورات|تمرين|تمارين) {GAP:3} مع {OL:p}",
        event="Exercise",
        roles={"PARTICIPANT": ("p",)},
    ),
)
