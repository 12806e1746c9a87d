"""English words whose inflected forms no suffix rule reaches, read as one term: "led" and
"lead", "began" and "begin", "written" and "write", "children" and "child".

"Who leads the CSTO?" met no "lead" in "The bloc ... is led by Russia": the English stemmer
strips suffixes ("leads", "leading" -> "lead") and leaves an irregular past ("led") a word of
its own. Every English word is read in its base form before stemming, in the index and in
questions alike (after its American spelling, ``variants``).

Listed, not guessed, and only forms that are seldom another word: "left" (a direction), "saw"
(a tool), "rose" (a flower), "lay", "bit", "wound", "bound", "ground", "lent", "fed", "sat",
"sung" and "tore" are not here, and neither are the forms already in the stop words ("said",
"got", "won", "did", "had").
"""

from __future__ import annotations

# base: its irregular forms (past, past participle), then irregular plurals
_FORMS = """
arise: arose arisen | awake: awoke awoken | bear: borne | beat: beaten | become: became |
begin: began begun | bend: bent | bite: bitten | bleed: bled | blow: blew blown |
break: broke broken | breed: bred | bring: brought | build: built | burn: burnt |
buy: bought | catch: caught | choose: chose chosen | cling: clung | come: came |
creep: crept | deal: dealt | dig: dug | draw: drew drawn | dream: dreamt |
drink: drank drunk | drive: drove driven | eat: ate eaten | fall: fell fallen |
feed: fed | fight: fought | find: found | flee: fled | fly: flew flown |
forbid: forbade forbidden | foresee: foresaw foreseen |
forget: forgot forgotten | forgive: forgave forgiven | freeze: froze frozen |
give: gave given | go: went gone | grow: grew grown | hear: heard | hide: hid hidden |
hold: held | keep: kept | kneel: knelt | know: knew known | lead: led |
lean: leant | leap: leapt | learn: learnt | lose: lost | make: made | mean: meant |
meet: met | mislead: misled | mistake: mistook mistaken | overcome: overcame |
overtake: overtook overtaken | overthrow: overthrew overthrown | pay: paid |
prove: proven | ride: rode ridden | ring: rang | rise: risen | run: ran |
seek: sought | see: seen | sell: sold | send: sent | shake: shook shaken | shine: shone |
show: shown | shrink: shrank shrunk | sink: sank sunk | slay: slain | sleep: slept |
slide: slid | speak: spoke spoken | speed: sped | spell: spelt | spend: spent |
spill: spilt | spin: spun | stand: stood | steal: stole stolen | sting: stung |
stick: stuck | stride: strode stridden | strike: struck stricken | strive: strove striven |
swear: swore sworn | sweep: swept | swim: swam swum | swing: swung | take: took taken |
teach: taught | tell: told | think: thought | throw: threw thrown |
undergo: underwent undergone | understand: understood | undertake: undertook undertaken |
uphold: upheld | wake: woke woken | wear: wore worn | weep: wept |
withdraw: withdrew withdrawn | withhold: withheld | withstand: withstood |
write: wrote written |
appendix: appendices | child: children | crisis: crises |
criterion: criteria | foot: feet | goose: geese | half: halves | index: indices |
knife: knives | man: men | matrix: matrices | mouse: mice | phenomenon: phenomena |
tooth: teeth | vertex: vertices | wife: wives | wolf: wolves | woman: women
"""
_BASE: dict[str, str] = {
    form: base.strip()
    for row in _FORMS.split("|")
    for base, forms in [row.split(":")]
    for form in forms.split()
}


def base_form(word: str) -> str:
    """The base form of a lower-cased English word with an irregular inflection ("led" ->
    "lead", "children" -> "child"); any other word as it is."""
    return _BASE.get(word, word)


__all__ = ["base_form"]
