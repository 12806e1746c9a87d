# ruff: noqa: E501  (the two articles are kept one paragraph a line, as they are written)
"""Build the PDF and the DOCX of the news_blind4 set (``tests/data/news_blind4.md``): a news
page printed to PDF from a browser (the date and site line, masthead, menu, a live-updates
notice, an advertisement marker, a "more on this story" list and the address line come with it)
and a reporter's draft in Word, with the editor's note above the story. The other ten pages of
the set are files of their own.

Run from the repository root: ``python tests/data/make_news_blind4.py [OUT_DIR]`` (default
``tests/data/news_blind4``); docsgen makes the bytes the same on every run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docsgen

WRITE = docsgen.Writer("tests/data/make_news_blind4.py")

# The articles: H headline, S standfirst, B byline, D date, C caption; "## " a crosshead.
NOTICE = """\
H: Boil your water: notice for 38,000 homes in Pellingham after parasite found at treatment works
S: Greyholt Water says the notice will last at least a week, and hands out bottled water as 14 people report stomach illness
B: By Amira Soltani and Joe Brennan
D: Saturday 28 November 2026, 08:15
C: Bottled water being handed out at Pellingham Leisure Centre on Friday evening
About 38,000 homes and businesses in Pellingham and five nearby villages have been told to boil their tap water before drinking it, after a parasite was found in the water supply.
Greyholt Water said that routine tests at its Ashby Moor treatment works on Thursday 26 November had found cryptosporidium, a tiny parasite that can cause diarrhoea, stomach cramps and sickness, sometimes for two weeks or more.
The company issued the boil-water notice on Friday afternoon. It covers the whole of Pellingham and the villages of Ashby Moor, Hatherby, Low Sowerby, Kirk Fenton and Bramley Cross.
## What you need to do
Customers in the area should not drink water straight from the tap. Instead, they should boil it and let it cool before drinking it, brushing their teeth with it, or using it to make baby feeds, ice or food that is not cooked.
The water is safe to use for washing, bathing and flushing toilets, but young children should be watched in the bath so that they do not swallow any.
Water from fridges with a built-in dispenser and from water softeners should not be used.
Bottled water is being handed out at Pellingham Leisure Centre and at the Market Square car park, from 8am to 8pm every day. People can collect up to 10 litres per person a day. The company says it will deliver bottled water to customers on its priority services list, who include elderly and disabled people and families with babies, and that anyone else who cannot get to a collection point should call it.
Supermarkets in the town sold out of bottled water within hours of the notice on Friday, and the company asked people to take only what they needed.
## People unwell
The regional health protection team said 14 people in the area had reported stomach illness since Wednesday, and that tests were being carried out to see whether any of them were linked to the water.
Dr Helen Achebe, a consultant in health protection, said most healthy people would get better without treatment, but that the illness could be more serious for babies, elderly people and anyone with a weak immune system. "If you have diarrhoea, drink plenty of fluids, stay off work or school until 48 hours after your symptoms stop, and do not go swimming for two weeks," she said.
## How long will it last?
Greyholt Water said the notice would stay in place for at least a week, while engineers found out how the parasite got into the supply and flushed the pipes.
Its chief executive, Sandra Oyelowo, said: "I am very sorry for the worry and the disruption this is causing. Keeping our customers safe is the most important thing we do, and we will not lift this notice until we are sure the water is safe."
She said customers would be compensated, and that the company would give details once the notice had been lifted.
Schools in the area will stay open, and will be given bottled water for pupils. Cafes, restaurants and pubs have been told to use boiled or bottled water for drinks and for washing salad and fruit.
The Drinking Water Inspectorate has been told about the incident.
"""

FOLLOW_UP = """\
H: Pellingham boil-water notice lifted for 31,000 homes, but 7,000 must wait another week
S: Households will get £60 compensation as Greyholt Water says a cracked filter bed let the parasite through, and the number of people ill rises to 63
B: By Amira Soltani
D: Saturday 5 December 2026
C: Engineers at Greyholt Water's Ashby Moor treatment works, where the fault was found
The boil-water notice that has covered Pellingham for more than a week has been lifted for most homes, but about 7,000 households in two villages have been told to keep boiling their water until at least next Friday.
Greyholt Water said on Friday afternoon that its tests had shown the water was now safe to drink for 31,000 homes and businesses, in Pellingham itself and in the villages of Ashby Moor, Kirk Fenton and Bramley Cross.
Homes in Hatherby and Low Sowerby, which get their water from a small reservoir that has to be drained and cleaned, are still under the notice. The company expects to lift it there by 11 December.
## What went wrong
The company said the parasite got into the supply through a cracked filter bed at the Ashby Moor treatment works. After heavy rain on 24 and 25 November, water from the river that feeds the works was dirtier than usual, and some of it passed through the crack without being properly filtered.
The filter bed has been repaired and the rest of the works have been checked. Sandra Oyelowo, the chief executive, said the crack had not been found at the last inspection, in September. "We let our customers down, and I want to apologise again to everyone who has been ill," she said.
The Drinking Water Inspectorate has opened an investigation.
## How many have been ill
The regional health protection team said 63 people had now been confirmed as having cryptosporidiosis, the illness the parasite causes, and that four of them had been treated in hospital. All four have gone home.
Dr Helen Achebe said more cases were still likely, because the illness can take up to 12 days to show after someone drinks infected water.
## Compensation
Every household that was under the notice will get £60 compensation, taken off its next bill or paid by cheque to those who are not billed directly. Homes in Hatherby and Low Sowerby will get a further £30 for each extra day the notice stays in place there.
Businesses will get £150, and can claim more if they can show they lost money.
The local MP, Rachel Ambrose, said the payments were "a start, but not the end of the matter". "Some families have spent far more than £60 on bottled water, and some people have been really quite ill. I will be asking the company why its checks missed the crack," she said.
## Before you use the tap
The company has asked customers whose notice has been lifted to run the cold kitchen tap for two minutes before using the water, to flush out any water that has been standing in the pipes. Ice made before the notice was lifted should be thrown away.
Bottled water will still be handed out at the leisure centre until the notice is lifted everywhere, but the Market Square collection point has closed.
Mark Tindall, who runs the Old Bakery cafe on Market Square, said the week had cost him about £2,000 in lost trade and bottled water. "We kept going, but people didn't want a cup of tea made with water from a kettle in the back. It's been a rotten week," he said.
"""

# What a browser's "print" keeps of the page around the story (11), and the draft's notes (12).
PRINT_TOP = ["28/11/2026, 09:41 | Pellingham Chronicle",
             "THE PELLINGHAM CHRONICLE",
             "Home | News | Sport | What's On | Property | Motors | Obituaries | Contact us",
             "LIVE: Follow our live updates on the boil-water notice"]
PRINT_AD = "ADVERTISEMENT"
PRINT_AD_AFTER = 8
PRINT_BOTTOM = ["More on this story",
                "Greyholt Water raises bills by 6% from April",
                "Pellingham Town under-12s reach county cup final",
                "Sign up to the Chronicle's morning briefing",
                "https://www.pellinghamchronicle.example/news/2026/11/28/boil-water-notice-pellingham"]
DRAFT_TOP = ["DRAFT - NOT FOR PUBLICATION",
             "Slug: WATER-LIFTED | Web and Monday paper | Amira Soltani | filed Fri 4 Dec, 18:55"]
EDITOR_NOTE = ("EDITOR'S NOTE (Callum Reid, news editor): Thanks Amira. Three things before it goes: "
               "check the compensation figures against Greyholt's press release, not the call; "
               "we say 'confirmed cases', not 'poisoned'; and ask the Inspectorate "
               "when it expects to report. Keep the MP's quote short if we need the space. Callum")
DRAFT_BOTTOM = ["ENDS",
                "Contacts: Greyholt Water media line 0300 555 0142; health protection team "
                "press office 0113 496 0731"]


def notice_blocks() -> list[tuple]:
    return docsgen.printed_article(NOTICE, PRINT_TOP, PRINT_AD, PRINT_AD_AFTER, PRINT_BOTTOM)


def follow_up_blocks() -> list[tuple]:
    return docsgen.reporters_draft(FOLLOW_UP, DRAFT_TOP, EDITOR_NOTE, DRAFT_BOTTOM)


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "news_blind4")
    notice = notice_blocks()
    WRITE.pdf([docsgen.cp1252_only(b) for b in notice], out / "news_11.pdf",
              docsgen.first_title(notice[len(PRINT_TOP):], "news_11"), "Pellingham Chronicle",
              "Boil-water notice in Pellingham", "news, water supply, health")
    draft = follow_up_blocks()
    WRITE.docx(draft, out / "news_12.docx", docsgen.first_title(draft[3:], "news_12"),
               "Amira Soltani", "Pellingham boil-water notice lifted", "Draft for the web and Monday paper",
               "news, water supply, draft")
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
