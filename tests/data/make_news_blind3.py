# ruff: noqa: E501  (the two articles are kept one paragraph a line, as they are written)
"""Build the PDF and the DOCX of the news_blind3 set (``tests/data/news_blind3.md``): a news
page printed to PDF from a browser (the site's masthead, menu, share line, an advertisement
marker, a most-read list and the address line come with it) and a reporter's draft in Word, with
the editor's note above the story. The other ten pages of the set are files of their own.

Run from the repository root: ``python tests/data/make_news_blind3.py [OUT_DIR]`` (default
``tests/data/news_blind3``); docsgen makes the bytes the same on every run.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import docsgen

WRITE = docsgen.Writer("tests/data/make_news_blind3.py")

# The articles: H headline, S standfirst, B byline, D date, C caption; "## " a crosshead.
STORM = """\
H: Storm Idris: two dead and hundreds of homes flooded as River Lenn bursts its banks in Abbotsmere
S: More than 1,100 people were moved from their homes overnight after a month's rain fell in a day
B: By Daniel Ashby and Priti Malhotra
D: Sunday 8 November 2026, 09:30
C: Firefighters use a boat to reach homes on Weir Street, Abbotsmere, early on Sunday morning
Two people have died and about 600 homes have been flooded in Abbotsmere after Storm Idris brought record rainfall and the River Lenn burst its banks overnight.
A man in his 70s died after his car was swept off a flooded road near Calder Bridge on Saturday evening, police said. A woman was found dead in the ground floor of a flooded house on Weir Street early on Sunday. Her death is not being treated as suspicious.
More than 1,100 people were moved from their homes by firefighters, police and volunteers during the night, many of them taken by boat from streets where the water was more than a metre deep.
## Record rain
The weather station at Abbotsmere recorded 142mm of rain in the 24 hours to 6am on Sunday, the most in a single day since records began in 1911 and more than the town usually gets in all of November.
The River Lenn rose to 4.3m at the Abbey Bridge gauge at about 2am, 70cm higher than the previous record set in 2000. Water came over the flood wall on the east bank soon after midnight.
The Environment Agency issued a severe flood warning, meaning danger to life, for the town centre and the Weir Street area at 10.45pm on Saturday.
Gary Lintott, the area's chief fire officer, said crews had carried out more than 300 rescues. "My firefighters have been in the water all night. We've carried out children, elderly people, pets. I've not seen anything like it in 28 years in the service," he said.
## Where to go
The council has opened a rest centre at Abbotsmere Academy on Priory Road, where people who have had to leave their homes can get a bed, hot food and dry clothes. About 240 people spent the night there.
Anyone who needs help can call the council's emergency line on 0300 555 0199, which is open 24 hours.
Abbey Bridge, the main road bridge across the river in the town, has been closed while engineers check it for damage. Traffic is being sent on a diversion of about 12 miles through Calder Bridge.
All schools in the town will be closed on Monday.
## "Heartbreaking"
The leader of Abbotsmere Town Council, Councillor Helen Yeo, said the damage was "heartbreaking". "Whole streets have been under water. People have lost everything on their ground floors. We will do everything we can to help them, but this will take months to put right," she said.
Residents on Weir Street said the water came up very quickly. Martin Coyle, 44, said he woke to find water coming under his front door at about 1am. "Within half an hour it was up to my knees. We got the kids upstairs and waited for the boat," he said.
Some residents asked why the flood barrier at the end of Weir Street, built in 2015, had not stopped the water. The Environment Agency said it would look into how the town's defences performed "once the immediate emergency is over".
More rain is forecast for Tuesday, though much less than fell on Saturday. The river is expected to stay high for several days.
"""

FOLLOW_UP = """\
H: A week after Storm Idris, Abbotsmere counts the cost: 740 homes flooded and £85m of damage
S: Families get £500 grants and a break from council tax, as an independent review is ordered into why the Weir Street flood barrier was never raised
B: By Priti Malhotra
D: Sunday 15 November 2026
C: Ruined carpets and furniture piled outside homes on Weir Street, Abbotsmere, on Friday
A week after Storm Idris flooded Abbotsmere, the number of homes known to have been flooded has risen to 740, and the town council estimates the cost of the damage at about £85m.
The first count, made on the morning after the flood, put the number of flooded homes at about 600. Council officers who have since visited every street in the flood area found water had also reached the ground floors of homes in Mill Row and Orchard Close, which had not been counted.
About 90 businesses were also flooded, most of them in the town centre and on Abbey Street.
The two people who died, Frank Dawlish, 76, and Maureen Hale, 81, have been named by police. An inquest into Mrs Hale's death opened on Thursday and was adjourned.
## Help for families
Every household whose home was flooded can claim a grant of £500 from a government flood recovery scheme, and will pay no council tax for at least three months. Businesses that were flooded can claim up to £2,500.
Households can claim the grant through the council's website or at the flood help desk at Abbotsmere Library, which is open every day from 9am to 6pm.
Separately, a further grant of up to £5,000 is available to help owners make their homes better able to withstand future floods, for example by fitting flood doors or moving electric sockets higher up the walls.
The Association of Insurers said it expected claims from the town to be "in the tens of millions". A number of families on Weir Street have told us they had no insurance for their belongings.
## The barrier
Questions have grown this week about the flood barrier at the end of Weir Street, a steel gate built in 2015 at a cost of £1.8m to close the gap in the flood wall where the street meets the river.
The Environment Agency confirmed on Wednesday that the barrier was not raised on the night of the flood. It said the electric motor that lifts the gate failed when the power went off in the area at about 11pm, and the backup generator did not start.
Staff who went to raise it by hand could not reach it because the road was already under water.
The environment secretary has ordered an independent review of how the town's flood defences performed. It will be led by Professor Anne Kimura, a flood engineer at the University of Westhall, and is expected to report by the end of March.
Councillor Helen Yeo, the town council leader, said people deserved answers. "We were told that barrier would protect Weir Street. On the one night it was needed, it stayed open. I want to know why the generator failed, and why nobody had checked it," she said.
## Cleaning up
The River Lenn has now fallen back within its banks. Abbey Bridge reopened to traffic on Wednesday after engineers found no serious damage, and all schools in the town have reopened except St Mary's Primary, where pupils are being taught at the Academy until repairs are done.
About 130 people are still living in hotels or with relatives. The rest centre at Abbotsmere Academy closed on Friday.
Volunteers from across the county have helped to clear homes, and a fundraising appeal set up by the Abbotsmere Rotary Club has raised £212,000.
"""

# What a browser's "print" keeps of the page around the story (11), and the draft's notes (12).
PRINT_TOP = ["08/11/2026, 10:02 | Lenn Valley Herald",
             "LENN VALLEY HERALD",
             "News | Sport | Weather | Traffic | Family notices | Jobs | Subscribe",
             "Share: Facebook | X | WhatsApp | Email"]
PRINT_AD = "Advertisement"
PRINT_AD_AFTER = 7
PRINT_BOTTOM = ["Most read on the Herald",
                "Lenn Valley Rovers sack manager after six straight defeats",
                "Stolen tractor found burnt out in a Calder Bridge lay-by",
                "https://www.lennvalleyherald.example/news/storm-idris-abbotsmere-floods"]
DRAFT_TOP = ["DRAFT - NOT FOR PUBLICATION",
             "Slug: IDRIS-WEEK-ON | Sunday news pages | Priti Malhotra | filed Sat 14 Nov, 17:40"]
EDITOR_NOTE = ("EDITOR'S NOTE (Jo Danvers, news editor): Good piece, Priti. Before this runs: get the "
               "council press office to confirm the new homes figure in writing; legal says we write "
               "that the barrier was not put up, and do not say anyone was to blame; and make clear "
               "the damage estimate is the town council's, not ours. Can you try the Agency again "
               "for the generator's service log? Jo")
DRAFT_BOTTOM = ["ENDS",
                "Contacts: Abbotsmere Town Council press office 01632 960 412; Agency press desk "
                "0300 111 2299"]


def storm_blocks() -> list[tuple]:
    return docsgen.printed_article(STORM, PRINT_TOP, PRINT_AD, PRINT_AD_AFTER, PRINT_BOTTOM)


def follow_up_blocks() -> list[tuple]:
    return docsgen.reporters_draft(FOLLOW_UP, DRAFT_TOP, EDITOR_NOTE, DRAFT_BOTTOM)


def main(argv: list[str]) -> int:
    out = docsgen.out_dir(argv, "news_blind3")
    storm = storm_blocks()
    WRITE.pdf([docsgen.cp1252_only(b) for b in storm], out / "news_11.pdf",
              docsgen.first_title(storm[len(PRINT_TOP):], "news_11"), "Lenn Valley Herald",
              "Storm Idris floods Abbotsmere", "news, weather, flooding")
    draft = follow_up_blocks()
    WRITE.docx(draft, out / "news_12.docx", docsgen.first_title(draft[3:], "news_12"),
               "Priti Malhotra", "Storm Idris: a week on", "Draft for the Sunday pages",
               "news, flooding, draft")
    docsgen.report(out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
