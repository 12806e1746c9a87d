"""Other languages' interrogatives: the words that ask "when", "how many" and "who" in them.

English's question types are ``questiontypes.py``'s; for a question in another language only
those whose evidence reads the same in any language (a year, a number in digits; a capitalised
name where capitals mark names) are read, from these tables, written from each language's
grammar:
``PLAIN_TYPES`` (the patterns of "when", "how many" and "who"), ``INTERROGATIVES`` (the words
that frame a question and say nothing of its subject), ``NUMBER_WORDS`` (a count written out,
where it is measured to help), ``FRAMES`` (what the answer is *called*) and
``INTERROGATIVE_CHARACTERS`` (Chinese and Japanese, read in bigrams) and ``ASKING_WORDS``
(Thai, read in three-character pieces).
"""

from __future__ import annotations

import re

# "When" and "how many" in other languages: the two types whose evidence (a year, a number in
# digits) reads the same in any language written with these digits.
PLAIN_TYPES: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    code: (("when", re.compile(when, re.I)), ("number", re.compile(number, re.I)))
    for code, when, number in (
        ("de", r"\b(wann|seit wann|bis wann|in welchem jahr\w*|in welchem jahrhundert|"
               r"welches jahr)\b",
         r"\b(wie viele?|wie hoch|wie lang|wie gro(ß|ss)|wie alt|wie oft|wie weit|welcher anteil)"
         r"\b"),
        ("es", r"(cuándo|en qué año|en qué siglo|desde cuándo|qué año)",
         r"(cuántos|cuántas|cuánto|cuánta|qué porcentaje|qué edad)"),
        ("pt", r"\b(quando|em que ano|em que século|desde quando|que ano)\b",
         r"\b(quantos|quantas|quanto|quanta|que porcentagem|qual a porcentagem)\b"),
        ("fr", r"\b(quand|en quelle année|en quel siècle|depuis quand|quelle année)\b",
         r"\b(combien|quel pourcentage|quel âge)\b"),
        ("it", r"\b(quando|in che anno|in quale anno|in che secolo|da quando)\b",
         r"\b(quanti|quante|quanto|quanta|che percentuale)\b"),
        ("nl", r"\b(wanneer|in welk jaar|sinds wanneer)\b",
         r"\b(hoeveel|hoe lang|hoe oud|hoe groot)\b"),
        ("ru", r"(когда|в каком году|в каком веке|с какого года|какого года)",
         r"(сколько|какой процент|какова численность|какое количество)"),
        ("tr", r"\b(ne zaman|hangi yıl\w*|kaç yılında)", r"\b(kaç|ne kadar)\b"),
        # scripts whose marks or missing spaces leave no word boundary to match at
        ("zh", r"(什么时候|何时|哪一年|哪年|哪个世纪|哪个朝代|什么年代|哪一天)",
         # "几个" asks how many, not after "这", "那" or "哪" ("这几个": these few)
         r"(多少|(?<![这那哪])几[个条座位种次岁名台颗]|多长|多高|多大|多远|多深|多重|多久)"),
        ("el", r"(πότε|ποτε|ποιο έτος|ποια χρονιά|ποιον αιώνα)", r"(πόσ[οαηεί]|ποσ[οαηει])"),
        ("ar", r"(متى|أي عام|أي سنة|أي قرن|أي يوم)", r"(^|\s)(كم)(\s|$)"),
        ("hi", r"(कब|किस वर्ष|किस साल|किस सन|किस दिन|किस शताब्दी)", r"(कितन)"),
        ("ko", r"(언제|몇 ?년(?:도|에|의)|어느 해|몇 ?세기)", r"(몇|얼마)"),
        ("ja", r"(いつ|何年|何世紀|何月|何日)",
         r"(何人|いくつ|いくら|何個|何回|何歳|何本|何台|何匹|どのくらい|どれくらい|何パーセント)"),
        ("sv", r"\b(när|vilket år|vilket århundrade|sedan när)\b",
         r"\b(hur (många|mycket|lång|långt|länge|stor|stort|gammal|gamla|ofta|hög|högt))\b"),
        ("da", r"\b(hvornår|hvilket år|i hvilket århundrede|siden hvornår)\b",
         r"\b(hvor (mange|meget|lang|langt|længe|stor|stort|gammel|gamle|ofte|høj|højt))\b"),
        ("nb", r"\b(når|hvilket år|i hvilket århundre|siden når)\b",
         r"\b(hvor (mange|mye|lang|langt|lenge|stor|stort|gammel|gamle|ofte|høy|høyt))\b"),
        ("pl", r"\b(kiedy|w którym roku|w jakim roku|którego roku|od kiedy|w którym wieku)\b",
         r"\b(ile|ilu|jak długo|jak dług\w+|jak duż\w+|jak wysok\w+|jak star\w+|jak często"
         r"|jaki procent)\b"),
        ("cs", r"\b(kdy|ve kterém roce|v jakém roce|od kdy|ve kterém století)\b",
         r"\b(kolik|jak dlouh\w*|jak velk\w+|jak vysok\w+|jak star\w+|jak často)\b"),
        ("sk", r"\b(kedy|v ktorom roku|od kedy|v ktorom storočí)\b",
         r"\b(koľko|ako dlho|ako dlh\w+|ako veľk\w+|ako vysok\w+|ako star\w+|ako často)\b"),
        ("uk", r"(коли|в якому році|якого року|з якого року|в якому столітті)",
         r"(скільки|який відсоток|як довго)"),
        ("bg", r"(кога|в коя година|коя година|от кога|през коя година|в кой век)",
         r"(колко|какъв процент)"),
        ("ro", r"\b(când|cand|în ce an|in ce an|în care an|din ce an|de când|în ce secol)\b",
         r"\b(câți|câte|cât|câtă|cati|cate|ce procent|ce vârstă)\b"),
        ("hu", r"\b(mikor|melyik évben|hányban|mióta|melyik században)\b",
         r"\b(hány|hányan|mennyi|mennyit|milyen hosszú|milyen nagy|milyen magas|milyen idős"
         r"|hányszor|meddig)\b"),
        ("fi", r"\b(milloin|minä vuonna|minkä vuoden|mistä lähtien|millä vuosisadalla)\b",
         r"\b(kuinka (monta|paljon|pitkä|pitkään|suuri|iso|vanha|usein|korkea)|montako"
         r"|paljonko|monellako)\b"),
        ("et", r"\b(millal|mis aastal|mis sajandil|mis ajast)\b",
         r"\b(mitu|kui (palju|kaua|suur|vana|pikk|kõrge|tihti))\b"),
        ("ca", r"\b(quan|en quin any|quin any|des de quan|en quin segle)\b",
         r"\b(quants|quantes|quant|quanta|quin percentatge|quina edat)\b"),
        ("lt", r"\b(kada|kuriais metais|kuriame amžiuje|nuo kada)\b",
         r"\b(kiek|kaip ilgai|kokio dydžio|kokio ilgio|kokio aukščio)\b"),
        ("lv", r"\b(kad|kurā gadā|kopš kura laika|kurā gadsimtā)\b",
         r"\b(cik|cik ilgi|cik liels|cik gara)\b"),
        ("hr", r"\b(kada|kad|koje godine|od kada|kojeg stoljeća)\b", r"\b(koliko)\b"),
        ("bs", r"\b(kada|kad|koje godine|od kada)\b", r"\b(koliko)\b"),
        ("sr", r"(када|кад|које године|од када|\bkada\b|\bkoje godine\b)",
         r"(колико|\bkoliko\b)"),
        ("sl", r"\b(kdaj|katerega leta|v katerem letu|od kdaj|v katerem stoletju)\b",
         r"\b(koliko)\b"),
        ("id", r"\b(kapan|kapankah|tahun berapa|sejak kapan|abad ke berapa)\b",
         r"\b(berapa|berapakah)\b"),
        ("ms", r"\b(bila|bilakah|kapan|tahun berapa|sejak bila)\b", r"\b(berapa|berapakah)\b"),
        ("vi", r"(khi nào|bao giờ|năm nào|năm bao nhiêu|lúc nào|thế kỷ nào)",
         r"(bao nhiêu|mấy)"),
        ("he", r"(מתי|באיזו שנה|באיזה שנה|מאז מתי|באיזו מאה|באיזה תאריך|באיזה יום)", r"(כמה)"),
        ("fa", r"(چه زمانی|چه وقت|چه سالی|در چه سال|از کی|کِی)", r"(چند|چقدر|چه تعداد)"),
        ("nn", r"\b(når|kva år|i kva år|i kva hundreår|sidan når)\b",
         r"\b(kor (mange|mykje|lang|langt|lenge|stor|stort|gammal|gamle|ofte|høg|høgt))\b"),
        # Armenian's marks over a stressed vowel ("Ե՞րբ") are taken out of a question before
        # these are matched (``questiontypes.plain_question_type``)
        ("hy", r"(երբ|որ թվականին|ինչ թվականին|որ տարում|որ թվին|որ դարում)",
         r"(քանի|որքան|ինչքան)"),
        ("gl", r"\b(cando|en que ano|que ano|desde cando|en que século)\b",
         r"\b(cantos|cantas|canto|canta|que porcentaxe)\b"),
        ("is", r"\b(hvenær|hvaða ár|á hvaða ári|á hvaða öld|síðan hvenær)\b",
         r"\b((hversu|hve) (mörg|margir|margar|mikið|mikinn|mikil|langur|löng|langt|lengi|hár|há"
         r"|hátt|stór|stórt|gamall|gömul|gamalt|oft|djúpur|djúp|djúpt))\b"),
        ("eu", r"\b(noiz|zein urtetan|zein urte|noiztik|zein mendetan)\b", r"\b(zenbat)\b"),
        ("af", r"\b(wanneer|in watter jaar|watter jaar|sedert wanneer)\b",
         r"\b(hoeveel|hoe lank|hoe oud|hoe groot|hoe hoog|hoe ver)\b"),
        ("sq", r"\b(kur|në cilin vit|cilin vit|që kur|në cilin shekull)\b",
         r"^\W*(sa)\b|\b(sa (i|e|të) (gjatë|lartë|madh|madhe|vjetër|thellë))\b"),
        ("az", r"\b(nə vaxt|nə zaman|hansı ildə|hansı il|hansı əsrdə)",
         r"\b(neçə|nə qədər)\b"),
        ("kk", r"(қашан|қай жылы|қандай жылы|қай ғасырда)", r"(неше|қанша)"),
        ("be", r"(калі|у якім годзе|якога года|з якога года|у якім стагоддзі)",
         r"(колькі|які працэнт)"),
        ("mk", r"(кога|во која година|која година|од кога|во кој век)", r"(колку)"),
        ("ka", r"(როდის|რომელ წელს|რა წელს|რომელ საუკუნეში)", r"(რამდენ)"),
        ("sw", r"\b(lini|mwaka gani|tangu lini)\b", r"\b(ngapi|kiasi gani)\b"),
        ("tl", r"\b(kailan|anong taon|saang taon)\b", r"\b(ilan|gaano)\b"),
        # Thai: "how many" is "กี่" before what is counted, never the "กี่" inside "เกี่ยว"
        ("th", r"(เมื่อไร|เมื่อไหร่|ปีใด|ปีไหน|ปีอะไร|ศตวรรษใด|ศตวรรษที่เท่าไร|วันที่เท่าไร"
               r"|วันไหน|วันใด)",
         r"((?<!เ)กี่|เท่าไร|เท่าไหร่|เท่าใด)"),
    )
}
PLAIN_TYPES["no"] = PLAIN_TYPES["nb"]


# Interrogatives, in the languages of the table above: they frame a question, as English's
# FRAME_WORDS do, and say nothing of its subject. Stop lists hold some of them, not all
# ("cuál", "dónde" and "cuántos" are in none of Spanish's).
INTERROGATIVES: dict[str, frozenset[str]] = {code: frozenset(words.split()) for code, words in (
    ("de", "was wer wen wem wessen wann wie wo woher wohin warum weshalb wieso welche welcher "
           "welches welchen welchem wieviel wieviele"),
    ("es", "qué que cuál cuáles cuánto cuánta cuántos cuántas cuándo dónde adónde quién quiénes "
           "cómo"),
    ("pt", "que quê qual quais quanto quanta quantos quantas quando onde aonde quem como"),
    ("fr", "que quoi qui quel quelle quels quelles combien quand où comment pourquoi lequel "
           "laquelle lesquels lesquelles"),
    ("it", "che cosa chi quale quali quanto quanta quanti quante quando dove come perché"),
    ("nl", "wat wie wanneer waar hoe welk welke hoeveel waarom"),
    ("ru", "что кто кого кому чем когда где куда откуда как какой какая какое какие каков "
           "какова каково каковы сколько почему зачем чей чья чьё чьи который которая которое "
           "которые"),
    ("tr", "ne kim kimi kimin neyi neden nerede nereye nereden nasıl hangi kaç"),
    ("el", "τι ποιος ποια ποιο ποιοι ποιες ποιον ποιου ποιας ποιων ποιους πότε ποτε πού που "
           "πώς πως πόσο πόση πόσα πόσοι πόσες πόσους πόσων ποσο ποσα ποσοι ποσες γιατί"),
    ("ar", "ما ماذا من متى أين اين كيف كم لماذا هل أي أية"),
    ("hi", "क्या कौन कौनसा कौनसी कौनसे कब कहाँ कहां कैसे कैसा कैसी कितना कितनी कितने क्यों किस "
           "किसने किसको किसे किसका किसकी किसके"),
    # Chinese and Japanese questions are read in bigrams (``scripts.py``): the interrogative
    # ones, and (``INTERROGATIVE_CHARACTERS``) any holding an interrogative character
    ("zh", "什么 多少 怎么 怎样 如何 为何 为什 何时 何地 几个 几年"),
    ("ja", "何か 何の 何を 何が 何年 何人 誰が 誰の どこ いつ どう なぜ どの どれ"),
    # Korean writes particles and endings onto them ("어디에서", "무엇인가요"): matched as
    # its stemmer reads them (``korean.py``)
    ("ko", "무엇 무슨 뭐 어디 언제 누구 누가 왜 어떻게 어떤 어느 몇 얼마"),
    ("sv", "vad vem vems vilken vilket vilka när var varifrån vart hur varför"),
    ("da", "hvad hvem hvis hvilken hvilket hvilke hvornår hvor hvorfor hvordan"),
    ("nb", "hva hvem hvis hvilken hvilket hvilke når hvor hvorfor hvordan"),
    ("pl", "co kto kogo komu kim czego czym kiedy gdzie skąd dokąd jak jaki jaka jakie jakiego "
           "jakich który która które którego których ile ilu dlaczego czemu czy"),
    ("cs", "co kdo koho komu kým čeho čím kdy kde odkud kam jak jaký jaká jaké jakého který "
           "která které kterého kolik proč zda"),
    ("sk", "čo kto koho komu kým čoho čím kedy kde odkiaľ kam ako aký aká aké ktorý ktorá "
           "ktoré koľko prečo či"),
    ("uk", "що хто кого кому ким чого чим коли де куди звідки як який яка яке які якого "
           "котрий скільки чому навіщо чий чия чиє чиї"),
    ("bg", "какво кой коя кое кои кого кога къде откъде накъде как какъв каква какви колко "
           "защо чий чия чие чии дали"),
    ("ro", "ce cine cui când cand unde încotro cum care cât câtă câți câte cati cate"),
    ("hu", "mi mit mik mely ki kik kit kinek kivel mikor hol honnan hová hova hogyan milyen "
           "melyik melyek hány hányan mennyi mennyit miért vajon"),
    ("fi", "mikä mitkä mitä minkä missä mistä mihin milloin kuka ketkä kenen kenet kenelle "
           "keneltä miten kuinka millainen millä montako paljonko miksi kumpi"),
    ("et", "mis mida mille kes keda kelle kellele millal kus kust kuhu kuidas milline millised "
           "mitu miks kumb kas"),
    ("ca", "què que qui quin quina quins quines quan on com quant quanta quants quantes"),
    ("lt", "kas ką ko kam kuo kur kada kaip koks kokia kokie kokios kuris kuri kurie kurios "
           "kiek kodėl kieno ar"),
    ("lv", "kas ko kam kā kur kad kāds kāda kādi kādas kurš kura kuri kuras cik kāpēc vai"),
    ("hr", "što šta tko koga kome čime kada kad gdje kamo kuda odakle kako koji koja koje "
           "kojeg koliko zašto čiji"),
    ("bs", "šta što ko koga kome čime kada kad gdje gdje kuda odakle kako koji koja koje "
           "koliko zašto čiji"),
    ("sr", "шта ко кога коме чиме када кад где куда одакле како који која које колико зашто "
           "чији šta ko koga kome kada kad gde kako koji koja koje koliko zašto"),
    ("sl", "kaj kdo koga komu kdaj kje kam kako kateri katera katero koliko zakaj čigav"),
    ("id", "apa apakah siapa siapakah kapan kapankah mana manakah bagaimana mengapa kenapa "
           "berapa berapakah"),
    ("ms", "apa apakah siapa siapakah bila bilakah mana manakah bagaimana mengapa kenapa "
           "berapa berapakah"),
    ("vi", "gì nào đâu sao mấy ai bao nhiêu"),
    ("he", "מה מי מתי איפה היכן לאן מאין מאיפה איך כיצד איזה איזו אילו כמה למה מדוע האם"),
    ("fa", "چه چی چیست چیه کی کجا چرا چگونه چطور کدام چند چقدر آیا"),
    ("nn", "kva kven kvar korleis kvifor kvifor når kor kva for kvar kvart"),
    ("hy", "ինչ ինչի ինչու ով ովքեր ում որ որը որոնք որտեղ որտեղից ուր երբ ինչպես ինչպիսի քանի "
           "որքան ինչքան արդյոք"),
    ("gl", "que quen cal cales canto canta cantos cantas cando onde como porque"),
    ("is", "hvað hver hverjir hverjar hvert hverja hverjum hvers hverju hvenær hvar hvaðan "
           "hvernig hvaða hversu hve hvort"),
    ("eu", "zer nor nork nori noren noiz non nondik nora nola zein zenbat zergatik"),
    ("af", "wat wie wanneer waar hoe watter hoeveel waarom"),
    ("sq", "çfarë çka kush kë kujt kur ku nga si cili cila cilët cilat sa pse përse"),
    ("az", "nə kim kimi kimin kimə nəyi niyə nədən harada hara haradan necə hansı neçə"),
    ("kk", "не кім кімнің кімге кімді нені неге қашан қайда қайдан қалай қандай қай неше қанша"),
    ("be", "што хто каго каму кім чаго чым калі дзе куды адкуль як які якая якое якія якога "
           "колькі чаму навошта чый чыя чыё чые"),
    ("mk", "што кој која кое кои кого кому кога каде како каков каква какво какви колку зошто "
           "чиј чија чие чии дали"),
    ("ka", "რა ვინ ვის ვისი როდის სად საიდან საით როგორ რომელი რამდენი რატომ რისთვის"),
    ("sw", "nini nani lini wapi vipi gani ngapi kwanini je"),
    ("tl", "ano sino kailan saan paano bakit alin ilan gaano"),
)}
INTERROGATIVES["no"] = INTERROGATIVES["nb"]
# Quantities written out in words, in languages whose "how many" the table above reads: a
# small count is as often written out as in digits ("zwei Universitäten", "dos", "двух")
NUMBER_WORDS: dict[str, re.Pattern[str]] = {code: re.compile(rf"\b(?:{words})\b", re.I)
                                             for code, words in (
    ("de", "zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|vierzig|"
           "fünfzig|hundert|hunderte|hunderten|tausend|tausende|tausenden|million|millionen|"
           "milliarde|milliarden|dutzend|dutzende|hälfte|drittel|zweimal|dreimal|doppelt|"
           "doppelte|doppelten"),
    ("es", "dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|veinte|treinta|"
           "cuarenta|cincuenta|cien|ciento|cientos|mil|miles|millón|millones|docena|docenas|"
           "mitad|tercio|doble"),
    ("ru", "два|две|двух|двум|двумя|три|трех|трёх|трем|трём|тремя|четыре|четырех|четырёх|"
           "четырем|четырьмя|пять|пяти|пятью|шесть|шести|семь|семи|восемь|восьми|девять|"
           "девяти|десять|десяти|одиннадцать|двенадцать|двадцать|двадцати|тридцать|сорок|"
           "пятьдесят|сто|сотни|сотен|тысяча|тысячи|тысяч|миллион|миллиона|миллионов|"
           "миллиард|миллиарда|миллиардов|половина|половину|треть|дважды|трижды"),
)}


# Words that frame a question in other languages, as English's FRAME_WORDS do: what the
# answer is *called*, its *name*, its *kind* ("Wie heißt ...", "¿Cómo se llama ...",
# "Как называется ..."), as written (inflected forms listed). The text rarely repeats them: a
# question's "heißt" the corpus lacks weighed as an unseen word of its subject.
FRAMES: dict[str, frozenset[str]] = {code: frozenset(words.split()) for code, words in (
    ("de", "heißt heisst heißen heissen hieß hiess hießen hiessen genannt nennt nennen nannte "
           "nannten bezeichnet bezeichnen bezeichnete bezeichneten name namen art typ begriff"),
    ("es", "llama llaman llamaba llamaban llamó llamaron llamado llamada llamados llamadas "
           "nombre nombres denomina denominan denominaba denominado denominada tipo tipos "
           "término"),
    ("ru", "называется называются назывался называлась называлось назывались называют "
           "называли назвали название названия названием имя тип типа термин"),
)}
# Characters that make a bigram interrogative ("哪座", "是谁", "去吗"): Chinese "which", "who",
# and its question particles
INTERROGATIVE_CHARACTERS: dict[str, str] = {"zh": "哪谁吗呢么", "ja": "誰"}
# Interrogative words of a language read in pieces across its words (Thai, ``scripts.py``): a
# piece of the question that meets one frames it ("what", "who", "where", "when", "how", "why",
# "how much", "how many", "which", the question particles; "กี่" not inside "เกี่ยว")
ASKING_WORDS: dict[str, re.Pattern[str]] = {
    "th": re.compile("อะไร|ใคร|ที่ไหน|ไหน|เมื่อไร|เมื่อไหร่|อย่างไร|ยังไง|ทำไม|เท่าไร|เท่าไหร่"
                     "|เท่าใด|(?<!เ)กี่|ใด|ไหม|หรือไม่|หรือเปล่า|บ้าง"),
}


# "Who" where capitals mark names (not German: every noun is capitalised), its evidence a
# capitalised word the question lacks; the interrogative opening the question, or (Turkish puts
# it before the verb) anywhere. Asked after "when" and "how many".
for _code, _who in (
    ("es", r"^\W*(?:quién|quiénes|a quién|de quién)\b"), ("pt", r"^\W*(?:quem|de quem)\b"),
    ("fr", r"^\W*(?:qui|à qui|de qui)\b"), ("it", r"^\W*(?:chi|a chi|di chi)\b"),
    ("nl", r"^\W*(?:wie|aan wie|van wie)\b"), ("ru", r"^\W*(?:кто|кем|кого|кому)\b"),
    ("tr", r"\bkim(?:in|i|e|den)?\b"),
    ("sv", r"^\W*(?:vem|vems)\b"), ("da", r"^\W*(?:hvem|hvis)\b"), ("nb", r"^\W*(?:hvem)\b"),
    ("no", r"^\W*(?:hvem)\b"), ("nn", r"^\W*(?:kven)\b"),
    ("pl", r"^\W*(?:kto|kogo|komu|kim)\b"), ("cs", r"^\W*(?:kdo|koho|komu|kým)\b"),
    ("sk", r"^\W*(?:kto|koho|komu|kým)\b"), ("uk", r"^\W*(?:хто|кого|кому|ким)\b"),
    # Bulgarian's "кой" is "which" before a noun ("Кой град ...?"), "who" before a verb
    ("bg", r"^\W*(?:(?:кой|коя|кои)\s+(?:е|са|беше|бяха|бил|била|ще)\b"
           r"|(?:кого|на кого|от кого)\b)"),
    ("ro", r"^\W*(?:cine|pe cine|cui)\b"), ("hu", r"^\W*(?:ki|kik|kit|kinek|kivel)\b"),
    ("fi", r"^\W*(?:kuka|ketkä|kenen|kenet|kenelle|keneltä)\b"),
    ("et", r"^\W*(?:kes|kelle|keda|kellele)\b"), ("ca", r"^\W*(?:qui|a qui|de qui)\b"),
    ("hr", r"^\W*(?:tko|koga|kome)\b"), ("bs", r"^\W*(?:ko|koga|kome)\b"),
    ("sr", r"^\W*(?:ко|кога|коме|ko|koga|kome)\b"), ("sl", r"^\W*(?:kdo|koga|komu)\b"),
    ("id", r"^\W*(?:siapa|siapakah)\b"), ("ms", r"^\W*(?:siapa|siapakah)\b"),
    ("hy", r"^\W*(?:ով|ովքեր|ում)(?!\w)"), ("gl", r"^\W*(?:quen|a quen|de quen)\b"),
    # Icelandic's "hvers vegna" is "why"
    ("is", r"^\W*(?:hver|hverjir|hverjar)\b(?!\s+vegna)"),
    ("eu", r"^\W*(?:nor|nork|nori|noren)\b"), ("af", r"^\W*(?:wie|aan wie|van wie)\b"),
    ("sq", r"^\W*(?:kush|kë|kujt)\b"), ("az", r"\bkim(?:in|i|ə|dən)?\b"),
    ("kk", r"\bкім(?:нің|ге|ді|нен)?\b"), ("be", r"^\W*(?:хто|каго|каму|кім)\b"),
    ("mk", r"^\W*(?:(?:кој|која|кои)\s+(?:е|се|беше|биле|бил|била)\b|(?:кого|кому|од кого)\b)"),
    ("ka", r"^\W*(?:ვინ|ვის)"), ("sw", r"\bnani\b"), ("tl", r"^\W*(?:sino)\b"),
):
    PLAIN_TYPES[_code] += (("who", re.compile(_who, re.I)),)


__all__ = ["ASKING_WORDS", "FRAMES", "INTERROGATIVES", "INTERROGATIVE_CHARACTERS", "NUMBER_WORDS",
           "PLAIN_TYPES"]
