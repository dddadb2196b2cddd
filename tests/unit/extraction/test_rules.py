"""Relation and event rules on sentences written for the tests (not from the seeds)."""

from __future__ import annotations

import pytest

from kg.extraction.pipeline import Extractor
from kg.extraction.resolve.entities import group_mentions
from kg.extraction.rules.skeleton import compile_pattern
from kg.ingest import article_from_text
from kg.records import Document, EntityMention, Mention


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def extract(extractor: Extractor, text: str, published: str | None = "2024-03-10") -> Document:
    article = article_from_text(text)
    article.published = published
    return extractor.document(article)


def facts(document: Document) -> set[tuple[str, str, str]]:
    return {(r.type, r.source, r.target) for r in document.relations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "قال إسماعيل قاآني، قائد فيلق القدس، إن الرد قادم.",
            {("LEADS", "esmail-qaani", "quds-force")},
        ),
        (
            "وزار حسن نصر الله طهران الأسبوع الماضي.",
            {("VISITED", "hassan-nasrallah", "tehran")},
        ),
        (
            "اسماعيل قآني زار سورية ولبنان.",
            {("VISITED", "esmail-qaani", "syria"), ("VISITED", "esmail-qaani", "lebanon")},
        ),
        (
            "والتقى بشار الأسد مع حسن نصر الله في دمشق.",
            {("MET_WITH", "bashar-al-assad", "hassan-nasrallah")},
        ),
        (
            "واغتيل قاسم سليماني في بغداد بغارة أمريكية.",
            {
                ("KILLED_IN", "qasem-soleimani", "baghdad"),
                ("KILLED_BY", "qasem-soleimani", "united-states"),
            },
        ),
        (
            "وتصنف الولايات المتحدة حزب الله منظمة إرهابية.",
            {("DESIGNATED_TERRORIST_BY", "hezbollah", "united-states")},
        ),
        (
            "وينتشر حزب الله في حمص واللاذقية ودير الزور.",
            {
                ("DEPLOYED_IN", "hezbollah", "homs"),
                ("DEPLOYED_IN", "hezbollah", "latakia"),
                ("DEPLOYED_IN", "hezbollah", "deir-ez-zor"),
            },
        ),
        (
            "وتحدث عن الفصائل التي تدعمها إيران مثل حزب الله وحماس.",
            {("SUPPORTS", "iran", "hezbollah"), ("SUPPORTS", "iran", "hamas")},
        ),
        (
            "ويقول حزب الله الذي يتخذ من بيروت مقرا إنه لن يتراجع.",
            {("HEADQUARTERED_IN", "hezbollah", "beirut")},
        ),
        (
            "وقتل العميد ميلاد حيدري، وهو قيادي في الحرس الثوري، في غارة قرب حلب.",
            {("MEMBER_OF", "milad-heidari", "irgc"), ("KILLED_IN", "milad-heidari", "aleppo")},
        ),
        (
            "وعين إسماعيل قاآني لقيادة قوة القدس خلفا لقاسم سليماني.",
            {
                ("LEADS", "esmail-qaani", "quds-force"),
                ("SUCCEEDED", "esmail-qaani", "qasem-soleimani"),
            },
        ),
        (
            "واستهدفت طائرات التحالف ليلا مواقع #ميليشيات_الحوثي في مدينة #الحديدة.",
            {("DEPLOYED_IN", "houthis", "hodeidah")},
        ),
        (
            "ولا تزال هيئة تحرير الشام (جبهة النصرة سابقا) تسيطر على معظم إدلب.",
            {("DEPLOYED_IN", "hts", "idlib")},
        ),
        (
            "وتبقى روسيا وإيران الحليفين لنظام بشار الأسد في الحرب.",
            {("SUPPORTS", "iran", "bashar-al-assad"), ("SUPPORTS", "russia", "bashar-al-assad")},
        ),
        (
            "وقال لافروف إن روسيا، حليفة دمشق، لن تتخلى عنها.",
            {("SUPPORTS", "russia", "damascus")},
        ),
        (
            "وقال إن بشار الأسد وحليفه حزب الله يرفضان الاتفاق.",
            {("SUPPORTS", "hezbollah", "bashar-al-assad")},
        ),
        (
            "وتواصل إيران تزويد الحوثيين بقطع الطائرات المسيرة وذخائرها.",
            {("SUPPORTS", "iran", "houthis")},
        ),
        (
            "وأقر التحالف العربي بقيادة الرياض في اليمن بوقوع الخطأ.",
            {
                ("DEPLOYED_IN", "saudi-led-coalition", "yemen"),
                ("LEADS", "riyadh", "saudi-led-coalition"),
            },
        ),
        (
            "وتصاعدت الحرب منذ تدخل حزب الله في سوريا عام 2013.",
            {("DEPLOYED_IN", "hezbollah", "syria")},
        ),
        (
            "ووصل المبعوث الأممي مارتن غريفيث مساء الخميس إلى مسقط.",
            {
                ("MEMBER_OF", "martin-griffiths", "united-nations"),
                ("VISITED", "martin-griffiths", "muscat"),
            },
        ),
        (
            "وحضر هادي العامري النائب الحالي وزعيم منظمة بدر والحشد الشعبي حفل الافتتاح.",
            {
                ("LEADS", "hadi-al-amiri", "badr-organization"),
                ("LEADS", "hadi-al-amiri", "popular-mobilization-forces"),
            },
        ),
        (
            "وحرر الجيش السوري وحزب الله، مؤخرا، أحياء حلب الشرقية.",
            {
                ("DEPLOYED_IN", "syrian-army", "aleppo"),
                ("DEPLOYED_IN", "hezbollah", "aleppo"),
                ("PART_OF", "syrian-army", "syria"),
            },
        ),
        (
            "وتنتشر قوات الحرس الثوري في مناطق بريف حلب الجنوبي.",
            {("DEPLOYED_IN", "irgc", "aleppo")},
        ),
        (
            "ويخوض الجيش اليمني ومقاتلو القبائل معارك شرسة في عدد من قرى محافظة حجة.",
            {("DEPLOYED_IN", "yemen-army", "hajjah"), ("PART_OF", "yemen-army", "yemen")},
        ),
        (
            "وحزب الله خاض معارك طويلة في ريف حمص.",
            {("DEPLOYED_IN", "hezbollah", "homs")},
        ),
        (
            "ورصدت الطائرات مواقع حزب الله في ريف حمص.",
            {("DEPLOYED_IN", "hezbollah", "homs")},
        ),
        # a leader named inside the body's name is its own entity, and leads it
        (
            "وأعلن التحالف الذي تقوده السعودية استئناف عملياته فجر اليوم.",
            {("LEADS", "saudi-arabia", "saudi-led-coalition")},
        ),
        (
            "والتحالف الدولي بقيادة الولايات المتحدة أعلن سحب جنوده من القاعدة.",
            {("LEADS", "united-states", "us-led-coalition")},
        ),
        (
            "ويواصل حزب الله الذي يرأسه حسن نصر الله حملته قبل الانتخابات.",
            {("LEADS", "hassan-nasrallah", "hezbollah")},
        ),
        (
            "وقال أبو علي العسكري المتحدث باسم كتائب حزب الله إن الفصائل سترد.",
            {("MEMBER_OF", "person:ابو_علي_العسكري", "kataib-hezbollah")},
        ),
        (
            "وأصيب القيادي الميداني الكبير في حزب الله علي حسن في الغارة.",
            {("MEMBER_OF", "person:علي_حسن", "hezbollah")},
        ),
        (
            "وتواصل كتائب حزب الله العاملة ضمن الحشد الشعبي انتشارها قرب الحدود.",
            {("PART_OF", "kataib-hezbollah", "popular-mobilization-forces")},
        ),
        (
            "وقال مندوب إيران الدائم سعيد إيرواني إن بلاده سترد.",
            {("MEMBER_OF", "person:سعيد_ايرواني", "iran")},
        ),
        (
            "وتحدث قائد فيلق القدس بالحرس الثوري إسماعيل قاآني أمام الضباط.",
            {("LEADS", "esmail-qaani", "quds-force"), ("PART_OF", "quds-force", "irgc")},
        ),
        (
            "وتسلمت قوات سوريا الديمقراطية التي تدعمها أمريكا شحنة جديدة.",
            {("SUPPORTS", "united-states", "sdf")},
        ),
        (
            "وحذرت روسيا، أكبر داعمي بشار الأسد، من التصعيد.",
            {("SUPPORTS", "russia", "bashar-al-assad")},
        ),
        ("وتواصل إيران مد الحوثيين بالأسلحة والخبراء.", {("SUPPORTS", "iran", "houthis")}),
        (
            "ورحب سامي عادل، رئيس أركان الجيش الليبي الجديد، بالوفد.",
            {
                ("LEADS", "person:سامي_عادل", "organization:الجيش_الليبي"),
                ("PART_OF", "organization:الجيش_الليبي", "libya"),
            },
        ),
        # `لليمن` is "of Yemen": a clitic alone coordinates no second place
        (
            "ويتمركز الحوثيون في الساحل الغربي لليمن منذ أشهر.",
            {("DEPLOYED_IN", "houthis", "yemen-west-coast")},
        ),
        (
            "وينتشر الحوثيون في صعدة والساحل الغربي منذ أشهر.",
            {("DEPLOYED_IN", "houthis", "saada"), ("DEPLOYED_IN", "houthis", "yemen-west-coast")},
        ),
        ("وينتشر حزب الله في ريف دمشق منذ سنوات.", {("DEPLOYED_IN", "hezbollah", "rif-dimashq")}),
        # an embassy is its country's, and seated where it is
        (
            "وقالت السفارة الإيرانية في لندن إن المحتجين غادروا المبنى.",
            {
                ("HEADQUARTERED_IN", "organization:السفاره_الايرانيه", "london"),
                ("PART_OF", "organization:السفاره_الايرانيه", "iran"),
            },
        ),
        (
            "وقتل مدنيون في بلدة الزبداني حيث يتمركز حزب الله منذ سنوات.",
            {("DEPLOYED_IN", "hezbollah", "location:الزبداني")},
        ),
        (
            "وأطلقت القوات التركية حملة واسعة في عفرين مطلع العام.",
            {("DEPLOYED_IN", "turkish-army", "afrin"), ("PART_OF", "turkish-army", "turkey")},
        ),
        (
            "وتقع قرية الصفا جنوب محافظة درعا على الطريق القديم.",
            {("LOCATED_IN", "location:الصفا", "daraa")},
        ),
        (
            "ودخلت القوات بلدة الصفا التابعة لمحافظة درعا فجرا.",
            {("LOCATED_IN", "location:الصفا", "daraa")},
        ),
        (
            "وتقدم الجيش اليمني نحو المدينة بإسناد من التحالف العربي.",
            {("SUPPORTS", "saudi-led-coalition", "yemen-army"), ("PART_OF", "yemen-army", "yemen")},
        ),
        # the noun `دعم` after a subject is the next body's support, not the subject's
        (
            "انتقدت الحكومة اليمنية دعم الأمم المتحدة للحوثيين.",
            {("SUPPORTS", "united-nations", "houthis"), ("PART_OF", "yemen-government", "yemen")},
        ),
        # her ally is the ally of the one whose places are listed, not of the last place
        (
            "وتوسع نفوذ إيران في لبنان واليمن بينما صمد حليفها بشار الأسد.",
            {("SUPPORTS", "bashar-al-assad", "iran")},
        ),
        # forces sent somewhere in support of another: the sender supports, not the place
        (
            "وأرسلت السعودية قوات إلى اليمن لدعم الحكومة اليمنية في حربها.",
            {
                ("SUPPORTS", "saudi-arabia", "yemen-government"),
                ("PART_OF", "yemen-government", "yemen"),
            },
        ),
        (
            "ونشرت روسيا طائراتها في قاعدة حميميم دعما لنظام الأسد منذ سنوات.",
            {("SUPPORTS", "russia", "bashar-al-assad")},
        ),
        # a place named in quotes, then where it lies
        (
            'ونزح مئات إلى قرية "كفر بطيخ" في ريف إدلب هربا من القصف.',
            {("LOCATED_IN", "location:كفر_بطيخ", "idlib")},
        ),
        # a place taken back from a force was held by it; a pocket of a force is where it is
        (
            "وتعهد الجيش بانتزاع ميناء الحديدة من يد الحوثيين قبل نهاية الشهر.",
            {
                ("DEPLOYED_IN", "houthis", "hodeidah-port"),
                ("LOCATED_IN", "hodeidah-port", "hodeidah"),
            },
        ),
        ("واستمر قصف آخر جيب لداعش في دمشق طوال الليل.", {("DEPLOYED_IN", "isis", "damascus")}),
        # a predecessor or successor named after the one who followed or preceded
        (
            "وينتقد ترامب سلفه أوباما بسبب سياسته تجاه طهران.",
            {("SUCCEEDED", "donald-trump", "barack-obama")},
        ),
        (
            "وتولى جمال عبد الناصر الحكم سنوات طويلة، ثم حكم خلفه أنور السادات البلاد عقدا كاملا.",
            {("SUCCEEDED", "person:انور_السادات", "person:جمال_عبد_الناصر")},
        ),
        # a state's official media are the state's
        (
            'ونشرت صحيفة "الثورة" الحكومية السورية مقالا عن الانتخابات.',
            {("PART_OF", "organization:الثوره", "syria")},
        ),
        (
            'وأكدت وكالة "إرنا" الرسمية الإيرانية أن المفاوضات مستمرة.',
            {("PART_OF", "irna", "iran")},
        ),
        # an organisation's envoy serves it, wherever he is posted
        (
            "وحذر مبعوث الأمم المتحدة في دمشق ستيفان دي ميستورا من تصعيد جديد.",
            {("MEMBER_OF", "staffan-de-mistura", "united-nations")},
        ),
        (
            "وقال الناطق باسم الجيش اليمني، العميد الركن سلمان الحجوري، إن القوات تتقدم.",
            {
                ("MEMBER_OF", "person:سلمان_الحجوري", "yemen-army"),
                ("PART_OF", "yemen-army", "yemen"),
            },
        ),
        # a body named again by its head noun alone
        (
            "وشارك حزب الله في الاجتماع الأخير. ويقود حسن نصر الله الحزب منذ عام 1992.",
            {("LEADS", "hassan-nasrallah", "hezbollah")},
        ),
        (
            "وشاركت حركة حماس في المحادثات. ويقود يحيى السنوار الحركة في غزة.",
            {("LEADS", "yahya-sinwar", "hamas"), ("DEPLOYED_IN", "hamas", "gaza-strip")},
        ),
        # a visit named by its noun, the visitor before it or after it
        (
            "وأجرى إسماعيل قاآني محادثات خلال زيارة خاطفة الى بغداد.",
            {("VISITED", "esmail-qaani", "baghdad")},
        ),
        (
            "وأثارت زيارة الجنرال إسماعيل قاآني بغداد جدلا واسعا.",
            {("VISITED", "esmail-qaani", "baghdad")},
        ),
        # "has not stopped supplying" supplies; the preposition of what, split off or not
        (
            "وتقول الرياض إن إيران لم تكف عن مد الحوثيين بالمال والسلاح.",
            {("SUPPORTS", "iran", "houthis")},
        ),
        # a title after the name, of a country or a body, former or serving
        (
            "وقال يوري بوريسوف، سفير روسيا لدى الأردن، إن الوضع هادئ.",
            {("MEMBER_OF", "person:يوري_بوريسوف", "russia")},
        ),
        (
            "وقال نادر الكساسبة، رئيس وزراء الأردن الأسبق، إن المنطقة تتغير.",
            {("LEADS", "person:نادر_الكساسبه", "jordan")},
        ),
        (
            "وقال سالم الحربي، الأمين العـام الأسبق لحزب الله، إن المنطقة تتغير.",
            {("LEADS", "person:سالم_الحربي", "hezbollah")},
        ),
        # the spokesman of a body described by who leads it and where
        (
            "وأكد الناطق باسم التحالف العربيّ الذي تقوده السعوديّة باليمن، سعد الغامدي، "
            "أن الغارات مستمرة.",
            {
                ("MEMBER_OF", "person:سعد_الغامدي", "saudi-led-coalition"),
                ("LEADS", "saudi-arabia", "saudi-led-coalition"),
                ("DEPLOYED_IN", "saudi-led-coalition", "yemen"),
            },
        ),
        # a correspondent named before the title; a staff rank or a woman's title before
        # the name
        (
            "وقالت سارة جونز، مراسلة بي بي سي بالقاهرة، إن الوضع هادئ.",
            {("MEMBER_OF", "person:ساره_جونز", "bbc")},
        ),
        (
            "وأوضح نائب وزير الدفاع اليمنى، اللواء الركن صالح الجعيملاني، أن القوات تتقدم.",
            {("MEMBER_OF", "person:صالح_الجعيملاني", "yemen")},
        ),
        (
            "وقالت وزيرة الصحة الأردنية الدكتورة هالة زواتي إن الإصابات تراجعت.",
            {("MEMBER_OF", "person:هاله_زواتي", "jordan")},
        ),
        # control of places named among others
        (
            "واستطاعت هيئة تحرير الشام السيطرة على بلدات كثيرة منها خان شيخون.",
            {("DEPLOYED_IN", "hts", "khan-shaykhun")},
        ),
        # a body of another, with an adjective between them, or serving within it
        (
            'ونشرت وكالة "البيان" الدعائيّة التابعة لتنظيم داعش تسجيلا جديدا.',
            {("PART_OF", "organization:البيان", "isis")},
        ),
        (
            "وذكر بيان عسكري أن القوات السودانية، ضمن التحالف العربى، تواصل عملها.",
            {
                ("PART_OF", "organization:القوات_السودانيه", "sudan"),
                ("PART_OF", "organization:القوات_السودانيه", "saudi-led-coalition"),
            },
        ),
        # a district placed by a direction lies in that province; another place need not
        (
            "وقال سكان إن الهدوء عاد إلى مديرية الخوخة جنوبي الحديدة مساء الأحد.",
            {("LOCATED_IN", "location:الخوخه", "hodeidah")},
        ),
        ("وتقع قرية الخوخة جنوبي الحديدة على بعد كيلومترات.", set()),
        # a place's name in quotes
        (
            'وعاد الهدوء إلى مدينة "المخا" غرب محافظة تعز بعد أيام من المعارك.',
            {("LOCATED_IN", "mocha", "taiz")},
        ),
        # arriving or travelling somewhere is a visit; heading there is not yet
        (
            "ووصل اليوم الرئيس اليمنى عبد ربه منصور هـادي الى عدن.",
            {
                ("VISITED", "abdrabbuh-mansur-hadi", "aden"),
                ("LEADS", "abdrabbuh-mansur-hadi", "yemen"),
            },
        ),
        (
            "وكان سعد الحريري قد سافر إلى باريس بعد استقالته.",
            {("VISITED", "saad-hariri", "paris")},
        ),
        ("وغادر سعد الحريري بيروت متجها إلى باريس.", set()),
        # an official of an office of three words inside the body
        (
            "وصرح مسؤول مكتب الشـؤون الخارجية في حركة حماس موسى أبو مرزوق بأن الوفد وصل.",
            {("MEMBER_OF", "person:موسي_ابو_مرزوق", "hamas")},
        ),
        # an electoral list named in quotes, and who leads it
        (
            'وتصدر ائتلاف "الفجر الجديد" الذي يقوده مقتدى الصدر السباق.',
            {("LEADS", "muqtada-al-sadr", "organization:الفجر_الجديد")},
        ),
        # the leader is the person after his title, not the body the title names
        (
            'وحل تحالف "الفجر الجديد" الذي يترأسه رئيس مجلس النـواب الأسبق سليم الجبوري ثانيا.',
            {("LEADS", "person:سليم_الجبوري", "organization:مجلس_النواب")},
        ),
        # fighting to take a place back is being there; calling for it is not
        (
            "وساهمت القوات الإماراتية في تحرير مدينة المكلا قبل عامين.",
            {
                ("DEPLOYED_IN", "organization:القوات_الاماراتيه", "mukalla"),
                ("PART_OF", "organization:القوات_الاماراتيه", "uae"),
            },
        ),
        (
            "ودعت القوات الإماراتية إلى تحرير مدينة المكلا.",
            {("PART_OF", "organization:القوات_الاماراتيه", "uae")},
        ),
        # staying somewhere, and holding a share of a place
        ("ويصر جيش الإسلام على البقاء في دوما.", {("DEPLOYED_IN", "jaysh-al-islam", "douma")}),
        (
            "وبات الجيش السوري يسيطر على 70 في المئة من مساحة درعا.",
            {("DEPLOYED_IN", "syrian-army", "daraa"), ("PART_OF", "syrian-army", "syria")},
        ),
        # a base's adjective before where it lies, and a place lying somewhere
        (
            "وهبطت الطائرة في قاعدة الشعيرات الجوية في محافظة حمص.",
            {("LOCATED_IN", "shayrat-air-base", "homs")},
        ),
        (
            "وأقلعت المقاتلات من قاعدة إنجرليك العسكرية في جنوب تركيا.",
            {("LOCATED_IN", "location:قاعده_انجرليك", "turkey")},
        ),
        (
            "ونزح مئات المدنيين نحو بلدة سرمدا الواقعة تحت سيطرة الفصائل في شمال سوريا.",
            {("LOCATED_IN", "location:سرمدا", "syria")},
        ),
        # a cleric's title between the office and the name
        (
            "وقال المرشد الإيراني آية الله علي خامنئي إن الاتفاق انتهى.",
            {("LEADS", "ali-khamenei", "iran")},
        ),
        # an editor-in-chief leads his newspaper
        (
            'وأكد رئيس تحرير صحيفة "النهار" نبيل بومنصف أن العدد صدر.',
            {("LEADS", "person:نبيل_بومنصف", "organization:النهار")},
        ),
        # supporting someone's forces, in a clause after the supporter's name
        (
            "وقالت إيران، التي تدعم قوات الرئيس بشار الأسد، إن الحل سياسي.",
            {("SUPPORTS", "iran", "bashar-al-assad")},
        ),
        # the head of "the country" just named, and a president's regime in his country
        (
            "ووصل المبعوث إلى الكويت بطلب من أمير البلاد الشيخ صباح الأحمد الجابر الصباح.",
            {("LEADS", "person:صباح_الاحمد_الجابر_الصباح", "kuwait")},
        ),
        (
            "وشنت الدول الثلاث ضربات ضد نظام الرئيس بشار الأسد في سوريا.",
            {("LEADS", "bashar-al-assad", "syria")},
        ),
        # support of the forces named before the one at their head
        (
            "وتواصل قوات المقاومة المشتركة، وعلى رأسها المقاومة التهامية، تقدمها البطيء "
            "بإسناد جوي من التحالف العربي.",
            {("SUPPORTS", "saudi-led-coalition", "yemen-joint-forces")},
        ),
        # what a body led is not a body it leads
        (
            "وقادت القوات المسلحة الإماراتية انتصارات المقاومة التهامية قرب زبيد.",
            {("PART_OF", "organization:القوات_المسلحه_الاماراتيه", "uae")},
        ),
        # "with the support of": the one named after supports the one before
        (
            "وتقدمت قوات الشرعية بمساندة التحالف العربي نحو مدينة الحديدة.",
            {("SUPPORTS", "saudi-led-coalition", "yemen-legitimacy-forces")},
        ),
        # a body within another, and a place an army took before it moved on
        (
            "وقال قائد المقاومة التهامية، المنضوية في القوات اليمنية المشتركة، إن التعزيزات وصلت.",
            {("PART_OF", "tihama-resistance", "yemen-joint-forces")},
        ),
        (
            "ويتقدم الجيش اليمني نحو حرض بعد تحرير مديرية ميدي بالكامل.",
            {("DEPLOYED_IN", "yemen-army", "location:ميدي"), ("PART_OF", "yemen-army", "yemen")},
        ),
        # a minister in the government a body forms, and a committee's head in a body
        (
            "وأعلن وزير الصحة في حكومة الحوثيين طه المتوكل ارتفاع الحصيلة.",
            {("MEMBER_OF", "person:طه_المتوكل", "houthis")},
        ),
        (
            "وأكد رئيس لجنة الدفاع في مجلس الدوما فلاديمير شامانوف مغادرة السفن.",
            {("MEMBER_OF", "person:فلاديمير_شامانوف", "russian-duma")},
        ),
    ],
)
def test_rule_finds_relations(extractor: Extractor, text: str, expected: set) -> None:
    assert facts(extract(extractor, text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وعين المرشد الإيراني علي خامنئي إسماعيل قاآني قائدا لفيلق القدس.",
        "علي خامنئي عين إسماعيل قاآني قائدا لفيلق القدس.",
    ],
)
def test_an_appointment_reads_from_the_appointer_to_the_appointee(
    extractor: Extractor, text: str
) -> None:
    document = extract(extractor, text)
    assert ("APPOINTED", "ali-khamenei", "esmail-qaani") in facts(document)
    assert ("LEADS", "esmail-qaani", "quds-force") in facts(document)
    assert ("APPOINTED", "esmail-qaani", "quds-force") not in facts(document)
    [event] = [e for e in document.events if e.type == "Appointment"]
    assert event.agent == ["ali-khamenei"] and event.target == ["esmail-qaani"]


@pytest.mark.parametrize(
    "text",
    [
        "قال مسؤول إن إيران وسوريا ناقشتا الوضع الاقتصادي.",
        "ارتفعت أسعار الوقود في دمشق وبيروت.",
        "لم يزر قاآني سوريا منذ أشهر.",
        # the allies are others: a clause starts at `أن`
        "وأعلن حزب الله أن حلفاء سوريا لن يتخلوا عنها.",
        # the Syrian civil defence is the White Helmets, no body of the Syrian state
        "وأعلن الدفاع المدني السوري أن فرقه انتشلت الجثث من تحت الأنقاض.",
        # only tried: no control yet
        "وتحاول هيئة تحرير الشام السيطرة على بلدات كثيرة منها خان شيخون.",
        "وتسعى هيئة تحرير الشام للسيطرة على خان شيخون.",
        # the ambassador received, or met with, is another person than the one named before
        "واستقبل بشار الأسد سفير روسيا لدى دمشق.",
        "ورحب بشار الأسد بسفير روسيا الجديد في دمشق.",
        # offered or proposed, inside the match: no meeting yet
        "وكرر دونالد ترمب أنه مستعد لعقد لقاء مع حسن روحانى دون شروط.",
        "وفاجأ دونالد ترامب الجميع باقتراحه عقد لقاء مع روحاني.",
        # an invitation to visit is no visit
        "ودعت الحكومة إسماعيل قاآني إلى زيارة بغداد.",
        "ودعت الحكومة إسماعيل قاآني لزيارة بغداد.",
        # what follows a comma is another clause: Syria arms no one here
        "واتهم إيران بالتدخل في سوريا، وبتسليح حزب الله.",
        # the outlet's reporter was there, not the outlet; and AFP is no body of France
        "وقال مصور وكالة الأنباء الفرنسية الذي يتواجد في حلب إن القصف توقف.",
        # the killing of someone's son is not his
        "وأعلن التنظيم مقتل نجل أبو بكر البغدادي في حمص.",
        # a government named by its seat is no body the minister belongs to
        "وقال وزير الخارجية في حكومة صنعاء هشام شرف إن الوفد جاهز.",
        # some distance from a place is not in it
        "وتقع بلدة الكسوة على بعد 15 كيلومترا من دمشق.",
        # two movements are named: `الحركة` alone stands for neither
        "وشاركت حركة الجهاد الإسلامي وحركة حماس في المحادثات. ويقود يحيى السنوار الحركة في غزة.",
    ],
)
def test_no_relation_where_none_is_stated(extractor: Extractor, text: str) -> None:
    assert facts(extract(extractor, text)) == set()


def test_relation_carries_time_and_evidence(extractor: Extractor) -> None:
    text = "وأدرجت الولايات المتحدة حزب الله على قائمة المنظمات الإرهابية عام 1997."
    document = extract(extractor, text)
    (relation,) = [r for r in document.relations if r.type == "DESIGNATED_TERRORIST_BY"]
    assert relation.date == "1997"
    assert relation.evidence == text
    assert relation.rule


def test_a_title_does_not_take_the_sentences_date(extractor: Extractor) -> None:
    document = extract(extractor, "وعقب مقتل قائد فيلق القدس قاسم سليماني عام 2020 في بغداد.")
    leads = [r for r in document.relations if r.type == "LEADS"]
    assert leads and all(r.date is None for r in leads)


def test_strike_by_demonym_names_the_country(extractor: Extractor) -> None:
    document = extract(extractor, "وأعلن الحرس الثوري مقتل ميلاد حيدري في غارة إسرائيلية قرب دمشق.")
    assert ("KILLED_BY", "milad-heidari", "israel") in facts(document)
    assert "israel" in {e.id for e in document.entities}
    (strike,) = [e for e in document.events if e.type == "Strike"]
    assert strike.agent == ["israel"]
    assert (strike.target, strike.place) == (["milad-heidari"], ["damascus"])


def test_the_strike_refers_back_to_the_articles_last_strike(extractor: Extractor) -> None:
    text = (
        "وأعلن الحرس الثوري مقتل مقداد مهقاني بعد غارة إسرائيلية قرب دمشق. "
        "كما قتل خلال الغارة الجوية بضواحي دمشق، ميلاد حيدري، في سوريا."
    )
    strikes = [e for e in extract(extractor, text).events if e.type == "Strike"]
    assert len(strikes) == 1
    assert strikes[0].target == ["meqdad-mahghani", "milad-heidari"]
    assert strikes[0].sentences == [0, 1]


@pytest.mark.parametrize(
    "text",
    [
        "والتقى بشار الأسد مع حسن نصر الله في دمشق.",
        "والتقى حسن نصر الله مع بشار الأسد في دمشق.",
        "استقبل بشار الأسد حسن نصر الله في دمشق.",
    ],
)
def test_a_meeting_is_one_relation_whoever_is_named_first(extractor: Extractor, text: str) -> None:
    met = {fact for fact in facts(extract(extractor, text)) if fact[0] == "MET_WITH"}
    assert met == {("MET_WITH", "bashar-al-assad", "hassan-nasrallah")}


def test_an_office_names_one_body_even_beside_the_classifier(extractor: Extractor) -> None:
    text = (
        "ذكرت وكالة تسنيم أن قائد فيلق القدس التابع للحرس الثوري الإيراني، إسماعيل قاآني، "
        "زار سوريا."
    )
    leads = {fact for fact in facts(extract(extractor, text)) if fact[0] == "LEADS"}
    assert leads == {("LEADS", "esmail-qaani", "quds-force")}


def events_of(document: Document) -> set[tuple]:
    """Each event as (type, agents, targets, places, participants), ids sorted."""
    return {
        (
            event.type,
            *(tuple(sorted(ids)) for ids in (event.agent, event.target, event.place)),
            tuple(sorted(event.participant)),
        )
        for event in document.events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "واستهدف حزب الله موقعا إسرائيليا بصاروخ موجه.",
            {("Strike", ("hezbollah",), ("israel",), (), ())},
        ),
        ("وردت إسرائيل بقصف مدفعي.", {("Strike", ("israel",), (), (), ())}),
        (
            "شنت طائرات روسية غارات على ريف حلب.",
            {("Strike", ("russia",), ("aleppo",), ("aleppo",), ())},
        ),
        (
            "وقتل عشرون مدنيا في الغارات الجوية التي نفذتها الولايات المتحدة.",
            {("Strike", ("united-states",), (), (), ())},
        ),
        (
            "وأجرى الحرس الثوري الإيراني مناورات عسكرية في الخليج.",
            {("Exercise", ("irgc",), (), ("location:الخليج",), ())},
        ),
        (
            "والتقى قائد فيلق القدس إسماعيل قاآني مسؤولين في حزب الله في بيروت.",
            {("Meeting", ("esmail-qaani",), (), ("beirut",), ("hezbollah",))},
        ),
        (
            "وقال محمد جواد ظريف، الذي بدأ أمس زيارة إلى موسكو، إن المحادثات مثمرة.",
            {("Visit", ("mohammad-javad-zarif",), (), ("moscow",), ())},
        ),
        (
            "فيما قام بشار الأسد بزيارة رسمية لطهران في أيار الماضي.",
            {("Visit", ("bashar-al-assad",), (), ("tehran",), ())},
        ),
        (
            "وتناول لقاء رئيس الوزراء العراقي حيدر العبادي بالرئيس الإيراني حسن روحاني ملف الحدود.",
            {("Meeting", ("haider-al-abadi",), (), (), ("hassan-rouhani",))},
        ),
        (
            "والتقى قاآني في بيروت مساء الأحد بالأمين العام لحزب الله حسن نصر الله.",
            {("Meeting", ("esmail-qaani",), (), (), ("hassan-nasrallah",))},
        ),
        (
            "وأجرى قاآني مباحثات مطولة بشأن الملف اللبناني مع الأمين العام لحزب الله حسن نصر الله.",
            {("Meeting", ("esmail-qaani",), (), (), ("hassan-nasrallah",))},
        ),
        (
            "وكانت روسيا أبرمت عقدا مع سوريا لبيع الصواريخ.",
            {("Agreement", (), (), (), ("russia", "syria"))},
        ),
        (
            "وبدأ تنفيذ اتفاق أعلنت عنه هيئة تحرير الشام إثر مفاوضات مع تركيا.",
            {("Agreement", (), (), (), ("hts", "turkey"))},
        ),
        (
            "وينص الاتفاق المبرم بين إيران والعراق على تبادل الأسرى.",
            {("Agreement", (), (), (), ("iran", "iraq"))},
        ),
        # the nuclear agreement, named with its country
        (
            "وانتقد نتنياهو في القدس الاتفاق النووي المبرم مع إيران مجددا.",
            {("Agreement", (), (), (), ("iran",))},
        ),
        # fighters leaving a place, with or without where they go
        (
            "وبدأ خروج مقاتلي حركة أحرار الشام من مدينة حرستا باتجاه إدلب صباح اليوم.",
            {("Relocation", ("ahrar-al-sham",), (), ("idlib", "location:حرستا"), ())},
        ),
        (
            "وقال شهود إن مقاتلي جيش الإسلام غادروا دوما نحو الشمال ليلا.",
            {("Relocation", ("jaysh-al-islam",), (), ("douma",), ())},
        ),
        # a meeting with its object after a few words, and its place
        (
            "والتقى غريفيث مساء السبت الرئيس عبد ربه منصور هادي في المكلا.",
            {("Meeting", ("martin-griffiths",), (), ("mukalla",), ("abdrabbuh-mansur-hadi",))},
        ),
        ("ومن المقرر أن يلتقي قاآني مع حسن نصر الله.", set()),
        # a refusal states no move
        ("ورفض قادة الفصائل انسحاب عناصر جيش الإسلام من حرستا نحو جرابلس.", set()),
        ("وقررت الرئاسة السورية إلغاء زيارة بشار الأسد إلى طهران.", set()),
        (
            "وقال مايك بومبيو في أثناء زيارته لإسرائيل إن طموح إيران خطر.",
            {("Visit", ("mike-pompeo",), (), ("israel",), ())},
        ),
        (
            "وفي ختام زيارته إلى موسكو، صرح الرئيس بشار الأسد بأن العلاقات متينة.",
            {("Visit", ("bashar-al-assad",), (), ("moscow",), ())},
        ),
        (
            "وقام الأمير محمد بن سلمان الأسبوع الماضي بزيارة رسمية إلى الولايات المتحدة.",
            {("Visit", ("mohammed-bin-salman",), (), ("united-states",), ())},
        ),
        (
            "استقبل الرئيس بشار الأسد في قصره بدمشق صباح الأحد الوزير محمد جواد ظريف.",
            {("Meeting", ("bashar-al-assad",), (), (), ("mohammad-javad-zarif",))},
        ),
        # a place struck is the target and the place; several strikes are still one report
        (
            "وشنت مقاتلات إسرائيلية غارات جوية عدة على مدينة القنيطرة فجر الأحد.",
            {("Strike", ("israel",), ("quneitra",), ("quneitra",), ())},
        ),
        (
            "وأفاد المرصد بأن قوات تركية قصفوا بكثافة مدينة عفرين.",
            {("Strike", ("turkey",), ("afrin",), ("afrin",), ())},
        ),
        # the attacks that someone launched on a place
        (
            "وندد الوزير بالغارات التي شنتها القوات الروسية على مدينة حلب.",
            {("Strike", ("russian-army",), ("aleppo",), (), ())},
        ),
    ],
)
def test_event_rules(extractor: Extractor, text: str, expected: set) -> None:
    assert events_of(extract(extractor, text)) == expected


def test_two_strikes_in_one_sentence_stay_two(extractor: Extractor) -> None:
    text = (
        "وقتل قيادي في كتائب حزب الله بغارة أمريكية بطائرة مسيرة، بعد أيام من هجوم بطائرة "
        "مسيرة على قاعدة أمريكية في الأردن."
    )
    assert events_of(extract(extractor, text)) == {
        ("Strike", ("united-states",), ("kataib-hezbollah",), (), ()),
        ("Strike", (), ("united-states",), ("jordan",), ()),
    }


def test_drills_carried_out_are_no_strike(extractor: Extractor) -> None:
    text = "وتطرق اللواء إلى التدريبات العسكرية البحرية الأخيرة التي نفذتها إيران."
    assert {event[0] for event in events_of(extract(extractor, text))} == {"Exercise"}


def test_a_hashtag_is_read_as_its_words_and_keeps_its_text(extractor: Extractor) -> None:
    text = "واصلت #ميليشيات_الحوثي إغلاق الطرق في #الحديدة."
    document = extract(extractor, text)
    [houthis] = [e for e in document.entities if e.id == "houthis"]
    [mention] = houthis.mentions
    assert text[mention.start : mention.end] == mention.text == "ميليشيات_الحوثي"


def test_an_entity_known_only_by_its_hashtag_is_named_with_spaces() -> None:
    mention = Mention(7, 22, "كتائب_الفجر_الجديد", 0)
    found = [EntityMention("organization:كتايب_الفجر_الجديد", "Organization", mention)]
    [entity] = group_mentions(found, {})
    assert entity.name == "كتائب الفجر الجديد"
    assert entity.aliases == ["كتائب_الفجر_الجديد"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('وما زال تنظيم "الدولة الإسلامية" يحتفظ بخلايا في البادية.', "الدولة الإسلامية"),
        ("وذكرت وكالة سبأ أن المعارك تجددت.", "وكالة سبأ"),
    ],
)
def test_a_place_named_after_a_kind_of_body_is_that_body(
    extractor: Extractor, text: str, name: str
) -> None:
    document = extract(extractor, text)
    assert [(e.name, e.label) for e in document.entities if e.name == name] == [
        (name, "Organization")
    ]


def test_a_guard_keeps_a_slot_from_following_its_words() -> None:
    """`(?<!بقياده\\x20){L:t}`: the place is not the one a leader word announces."""
    pattern = compile_pattern("{O:s} {GAP:3} (?<!بقياده\\x20){L:t}")
    assert pattern.search(" ⟦O0⟧ تقدمت نحو ⟦L1⟧")
    assert not pattern.search(" ⟦O0⟧ ، بقياده ⟦L1⟧")
    with pytest.raises(ValueError, match="not a gap"):
        compile_pattern("{O:s} (?<!بقياده\\x20){GAP:3} {L:t}")


def test_an_optional_group_of_two_words_is_refused() -> None:
    """`(?:عدد من)?` would make only `من` optional, and `عدد`'s space required."""
    with pytest.raises(ValueError, match="an optional group spans words"):
        compile_pattern("{OG:s} (?:في|ب) (?:عدد من)? {L:t}")
    assert compile_pattern("{OG:s} (?:في|ب) (?:عدد)? (?:من)? {L:t}").search(" ⟦O0⟧ في ⟦L1⟧")
