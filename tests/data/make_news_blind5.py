# ruff: noqa: E501  (the two articles are kept one paragraph a line, as they are written)
"""Build the PDF and the DOCX of the news_blind5 set (``tests/data/news_blind5.md``): a news
page printed to PDF from a browser (the print's date and site line, the masthead, a menu, a
travel-alert strip, an advertisement marker, a "most read" list, a reader-survey line and the
address line come with it) and a reporter's draft in Word, with the editor's note above the
story. The other ten pages of the set are files of their own.

Run from the repository root: ``python tests/data/make_news_blind5.py [OUT_DIR]`` (default
``tests/data/news_blind5``); docsgen makes the bytes the same on every run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docsgen

WRITE = docsgen.Writer("tests/data/make_news_blind5.py")

# The articles: H headline, S standfirst, B byline, D date, C caption; "## " a crosshead.
LANDSLIP = """\
H: Landslip shuts Corrick coast railway: buses to replace trains for at least six weeks
S: About 12,000 tonnes of earth and rock slid onto the track near Penhallow after three days of heavy rain, and the last train of the night stopped just short of it
B: By Gwen Trevail, Transport Reporter
D: Wednesday 25 November 2026, 10:30
C: The landslip on the line between Penhallow and St Kerrin, seen from the air on Tuesday
The railway line along the Corrick coast will be closed for at least six weeks after a landslip buried the track near Penhallow late on Monday night.
About 12,000 tonnes of earth and rock slid down the side of a cutting onto the line between Penhallow and St Kerrin at about 11.20pm, after three days of heavy rain.
The driver of the last train of the night, the 10.52pm from Corrick Bay to Tremorne, saw the slip in the train's lights and stopped about 300 metres short of it. The 23 passengers on board were taken on to Tremorne by taxi.
## Buses replace trains
Westline Railways said buses would replace trains between Corrick Bay and Tremorne until the line could be reopened. The buses will call at every station, but the journey will take about 25 minutes longer than by train.
Train tickets will be accepted on the buses, and Westline said season ticket holders would be able to claim compensation for the time the line was closed, with details to follow.
The line carries about 4,500 passengers a day, many of them pupils travelling to schools in Corrick Bay and staff going to work at the hospital in Tremorne.
## A slope that moved before
Engineers from Coastrail, which looks after the track, said the cutting near Penhallow had been watched closely since a smaller slip in the same place in 2019, and that sensors in the slope had given a warning shortly before it gave way.
Coastrail's route director, Imran Qureshi, said: "This is a very large slip, and the slope is still moving. Before we can even start clearing the line we have to make the cutting safe, or we risk more of it coming down on our workers."
He said the work was likely to cost several million pounds, and that it was too early to give a date for reopening.
## Worry for businesses
Traders in St Kerrin, whose station is the closest to the beaches, fear that the closure will keep visitors away in the run-up to Christmas.
Lowenna Pascoe, who runs a gift shop near the station, said: "Half our customers in winter come by train. People won't sit on a bus for an extra half hour to come and buy a candle."
The leader of Corrick Council, Mary Rowse, said she would ask the government to help pay for the repairs and to protect other stretches of the line, parts of which run only a few metres from the sea.
"This line is a lifeline for the whole coast. We cannot have it cut off every time we get a wet week," she said.
## Roads busy
The coast road between Penhallow and St Kerrin was also closed on Tuesday morning for safety checks, but reopened at 2pm. Drivers were warned to expect queues at the temporary traffic lights near the slip.
Westline advised passengers to check before they travel and to allow extra time for their journeys, and said more staff would be at Corrick Bay station to help people find the buses.
"""

REOPENING = """\
H: Corrick coast line to reopen on 21 December as landslip repairs finish three weeks early
S: Coastrail says the £7.5m work is ahead of plan, and Westline will pay season ticket holders back for the days without trains
B: By Gwen Trevail
D: Wednesday 2 December 2026
C: Engineers fixing steel netting to the cutting above the line at Penhallow
Trains will run again on the Corrick coast line from Monday 21 December, three weeks earlier than first expected, Coastrail said on Tuesday.
The line between Corrick Bay and Tremorne has been closed since 23 November, when a landslip buried the track near Penhallow.
Engineers have now cleared the earth and rock from the track. They are fixing steel netting and rock anchors to the slope above it, so that it cannot slip again, and will then relay about 200 metres of track and test the signals.
## Why it was faster
Coastrail's route director, Imran Qureshi, said the slope had stopped moving sooner than expected after a dry week, which let workers on site within four days rather than the two weeks first feared. Crews have been working day and night, in two 12-hour shifts.
"We have moved a lot of earth in a short time, and I want to thank the people of Penhallow for putting up with the noise and the lorries," he said.
The work will cost about £7.5m. Coastrail said the money would come from its budget for storm damage, and that no other repairs on the line would be put off to pay for it.
## What caused it
An early report by Coastrail's engineers says the slip was caused by water building up in the rock behind the cutting after 86 millimetres of rain fell in three days, and by a drain at the top of the slope that had been blocked by fallen trees.
The drain had been checked in an inspection in June and found clear. Coastrail said it would now check the drains above the line's cuttings every three months instead of once a year.
## Money back
Westline Railways said season ticket holders would get back 50% of the cost of their tickets for every day the line was closed. Passengers with single or return tickets whose journeys on the replacement buses were delayed by more than 15 minutes can claim back a quarter of the fare.
Claims can be made on Westline's website, or at any staffed station, up to 28 days after the line reopens.
## Buses until then
Buses will keep replacing trains until the line reopens. Westline said it would add two extra buses in the morning from Monday, after parents complained that pupils had been left at the roadside when buses were full.
Lowenna Pascoe, who runs a gift shop in St Kerrin, said the news had come just in time. "It's the best Christmas present we could have had. The last week before Christmas is when we make our money," she said.
Mary Rowse, the leader of Corrick Council, welcomed the date but said the slip should never have happened. "It should not take a landslip to get a drain cleared. We will keep pressing for the money to make the whole line safe," she said.
"""

# What a browser's "print" keeps of the page around the story (11), and the draft's notes (12).
PRINT_TOP = ["25/11/2026, 12:07 | Corrick Bay Mercury",
             "CORRICK BAY MERCURY",
             "News | Sport | Surf & Sea | Events | Homes | Jobs | Announcements | Subscribe",
             "TRAVEL ALERT: Check our live travel page for road and rail disruption across the county"]
PRINT_AD = "ADVERTISEMENT"
PRINT_AD_AFTER = 9
PRINT_BOTTOM = ["MOST READ",
                "1. Surf school owner named Corrick Bay business person of the year",
                "2. Christmas lights switch-on moved to Saturday after gales",
                "3. Harbour car park charges to rise in April",
                "Tell us what you think of our new website: take our two-minute survey",
                "https://www.corrickmercury.example/news/2026/11/25/landslip-corrick-coast-railway-closed"]
DRAFT_TOP = ["DRAFT - NOT FOR PUBLICATION",
             "Slug: RAIL-REOPEN | Web and Thursday paper | Gwen Trevail | filed Tue 1 Dec, 17:40"]
EDITOR_NOTE = ("EDITOR'S NOTE (Denise Colwill, news editor): Good one, Gwen. Before it runs: get "
               "Westline to confirm the refund rates in writing; don't call the report 'final', it "
               "isn't; and can we get a picture of the bus queue at Corrick Bay for the paper? "
               "Trim the council leader if we're short. Denise")
DRAFT_BOTTOM = ["ENDS",
                "Contacts: Coastrail press office 0330 555 0198; Westline Railways media team "
                "0117 496 0555"]


def landslip_blocks() -> list[tuple]:
    return docsgen.printed_article(LANDSLIP, PRINT_TOP, PRINT_AD, PRINT_AD_AFTER, PRINT_BOTTOM)


def reopening_blocks() -> list[tuple]:
    return docsgen.reporters_draft(REOPENING, DRAFT_TOP, EDITOR_NOTE, DRAFT_BOTTOM)


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "news_blind5")
    landslip = landslip_blocks()
    WRITE.pdf([docsgen.cp1252_only(b) for b in landslip], out / "news_11.pdf",
              docsgen.first_title(landslip[len(PRINT_TOP):], "news_11"), "Corrick Bay Mercury",
              "Landslip closes the Corrick coast railway", "news, railway, landslip")
    draft = reopening_blocks()
    WRITE.docx(draft, out / "news_12.docx", docsgen.first_title(draft[3:], "news_12"),
               "Gwen Trevail", "Corrick coast line to reopen", "Draft for the web and Thursday paper",
               "news, railway, draft")
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
