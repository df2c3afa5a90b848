"""Myths to avoid and teachers' questions, shared by every plan (safety-education.md §5.4 item 14).

Each myth pairs what not to say with what to say instead, and cites its sources
(CCRC "Getting It Right", Wolak et al. 2008, UKCIS, NCMEC, ...; see §3.1, §3.4, §3.5,
§1.8 and §1.11). Myths and questions carry the age groups, and myths optionally the
tactics, they apply to: a plan prints only those for its own lesson. Strings are
marked with ``N_`` so they reach the catalogs; the plan translates them.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.model import Lesson
from game.i18n import N_

ALL_BANDS = ("K2", "G35", "G68", "G912")
OLDER = ("G68", "G912")


@dataclass(frozen=True)
class Cited:
    """A source of a myth's correction, as the plan's source list prints it."""

    title: str
    url: str
    year: int | None = None


@dataclass(frozen=True)
class Myth:
    """A common message that research contradicts, and what to say instead."""

    myth: str
    fact: str
    sources: tuple[Cited, ...]
    bands: tuple[str, ...] = ALL_BANDS
    #: Shown only in lessons covering one of these tactics (none: every lesson of the bands).
    tactics: tuple[str, ...] = ()

    def applies_to(self, lesson: Lesson) -> bool:
        """Whether a plan of *lesson* prints this myth."""
        if lesson.grade_band not in self.bands:
            return False
        return not self.tactics or any(t in lesson.tactics_covered for t in self.tactics)


@dataclass(frozen=True)
class Faq:
    """A question teachers ask, with a short answer."""

    question: str
    answer: str
    bands: tuple[str, ...] = ALL_BANDS


CCRC = Cited(
    'Crimes against Children Research Center, "Getting It Right" (do say / don\'t say)',
    "http://unh.edu/ccrc/internet-crimes/safety_ed.html",
)
FINKELHOR = Cited(
    "ConnectSafely: What's wrong with net safety ed (David Finkelhor)",
    "https://www.connectsafely.org/whats-wrong-with-net-safety-ed-and-what-we-can-do-about-it/",
)
WOLAK = Cited(
    "Wolak, Finkelhor, Mitchell and Ybarra: Online \"predators\" and their victims, "
    "American Psychologist 63(2)",
    "https://docslib.org/doc/7636976/online-predators-myth-versus-reality-janis-wolak-"
    "university-of-new-hampshire-main-campus",
    2008,
)
TRICKY_PEOPLE = Cited(
    'News24: Forget "stranger danger", teach your kids about tricky people',
    "https://www.news24.com/parent/family/parenting/forget-stranger-danger-teach-your-kids-"
    "about-tricky-people-instead-20160623",
    2016,
)
UKCIS = Cited(
    "UKCIS guidance on victim blaming (Welsh Government, Hwb)",
    "https://hwb.gov.wales/keeping-safe-online/welsh-government-guidance/victim-blaming",
)
THORN = Cited(
    "Thorn: Disclosure and reporting (survey of 9-17-year-olds)",
    "https://www.thorn.org/research/disclosure-and-reporting/",
    2022,
)
NCMEC_SEXTORTION = Cited(
    "NCMEC: new sextortion data",
    "https://www.missingkids.org/blog/2024/ncmec-releases-new-sextortion-data",
    2024,
)
NCAC = Cited(
    "National Children's Advocacy Center: steps to take following financial sextortion",
    "https://www.nationalcac.org/steps-to-take-following-financial-sextortion/",
)

MYTHS = (
    Myth(
        N_("Scary stories and warnings keep children safe."),
        N_(
            "Scare tactics and assemblies typically do not work. Simple, clear skills that "
            "children practise (stop, block, tell) do."
        ),
        (FINKELHOR,),
    ),
    Myth(
        N_("The danger is strangers."),
        N_(
            "Teach what people do, not who they are: asking for secrets, pictures, private "
            "chats or meet-ups is a red flag, whoever it is, including someone the child knows "
            "or has come to know online."
        ),
        (TRICKY_PEOPLE,),
    ),
    Myth(
        N_("One young person in seven is contacted by a predator."),
        N_(
            "About 1 in 25 young people a year received an online sexual request in which "
            "the person tried to make offline contact."
        ),
        (CCRC,),
        OLDER,
    ),
    Myth(
        N_("Offenders lure young people by pretending to be other young people."),
        N_(
            "Many do not hide that they are adults: they appeal to a young person's wish to be "
            "appreciated and understood, to take risks and to learn about sex. Others fake a "
            "young profile. Teach both patterns."
        ),
        (CCRC, WOLAK),
        OLDER,
    ),
    Myth(
        N_("If a young person sent a picture, it is partly their fault."),
        N_(
            "It is never their fault: the person who pressured or tricked them is responsible. "
            "Feeling to blame is one of the biggest reasons young people do not ask for help."
        ),
        (UKCIS, THORN),
        ("G35", *OLDER),
    ),
    Myth(
        N_("Taking the device away keeps a child safe."),
        N_(
            "Children stop telling adults when they fear losing their device. Stay calm, "
            "listen and help; leave new rules for later."
        ),
        (UKCIS, THORN),
    ),
    Myth(
        N_("Once a picture is online, it is there forever."),
        N_(
            "There are ways to get pictures taken down, and adults can help (see 'Help and "
            "reporting')."
        ),
        (NCMEC_SEXTORTION,),
        OLDER,
        ("T11", "T12", "T18", "T19"),
    ),
    Myth(
        N_("Paying the blackmailer, or sending more, makes it stop."),
        N_(
            "Paying rarely stops it. Stop replying, keep the messages, and get help before "
            "doing anything else."
        ),
        (NCAC, NCMEC_SEXTORTION),
        OLDER,
        ("T18", "T19"),
    ),
)

FAQS = (
    Faq(
        N_("Can I teach this lesson in an assembly?"),
        N_(
            "No. Teach it to a class or a small group, where children can talk and you can "
            "notice who needs support. Assemblies on this subject have been shown not to work."
        ),
    ),
    Faq(
        N_("What if a child tells me something during the lesson?"),
        N_(
            "Thank them, stay calm and follow 'Responding to a disclosure' in this plan and "
            "your safeguarding policy. Do not ask for details in front of the class; talk "
            "privately afterwards."
        ),
    ),
    Faq(
        N_("What if a parent objects?"),
        N_(
            "Share the family letter and this plan, listen to their worry, and agree what their "
            "child will do instead. Telling families in advance avoids most surprises."
        ),
    ),
    Faq(
        N_("What if a child wants to pass or leave?"),
        N_(
            "Let them: everyone has the right to pass. Offer the quiet space and check in with "
            "them quietly later."
        ),
    ),
    Faq(
        N_("Do the results identify children?"),
        N_(
            "No. The learning check counts answers without names and shows them only as a "
            "class summary."
        ),
    ),
    Faq(
        N_("Is the game online?"),
        N_(
            "No. Signal Scouts never connects to the internet: no accounts, no chat with real "
            "people, nothing sent anywhere."
        ),
    ),
    Faq(
        N_("What if a young person has already sent a picture?"),
        N_(
            "It is not their fault, and it is not too late. Stop replying, do not delete the "
            "chat, never save or forward the picture, and get it taken down with the services "
            "in 'Help and reporting'. Follow 'Responding to a disclosure'."
        ),
        OLDER,
    ),
)


def myths_for(lesson: Lesson) -> list[Myth]:
    """The myths a plan of *lesson* prints, in the shared order."""
    return [m for m in MYTHS if m.applies_to(lesson)]


def faqs_for(lesson: Lesson) -> list[Faq]:
    """The shared teachers' questions for *lesson*'s age group."""
    return [f for f in FAQS if lesson.grade_band in f.bands]
