"""Standard safeguarding text that every plan and family pack carries.

From safety-education.md §3.4 (responding to disclosures, NSPCC and UKCIS),
§5.4 (checklist, ground rules) and §5.5. Marked with ``N_`` so the catalogs
translate them; builders pass them through the translator.
"""

from __future__ import annotations

from game.i18n import N_

SENSITIVITY = {
    1: N_("1 - general digital safety"),
    2: N_("2 - contact risks, no sexual reference"),
    3: N_("3 - sexual-exploitation concepts (ages 11+ only)"),
    4: N_("4 - sextortion (ages 11+ only)"),
}

CHECKLIST = (
    N_("Preview every scene of the lesson in teacher mode."),
    N_("Tell the designated safeguarding lead or school counsellor when you will teach it."),
    N_("Know your reporting duties and your school's safeguarding policy."),
    N_("Send the family letter home in advance."),
    N_("Plan a quiet space and, if possible, a second adult in the room."),
    N_("Prepare an anonymous question box."),
    N_("Check the local help lines listed at the end of this plan."),
    N_("Read the disclosure script in this plan before the lesson."),
)

GROUND_RULES = (
    N_("We talk about the characters, not about ourselves: no personal stories."),
    N_("We do not name other people, in or out of this room."),
    N_("Everyone has the right to pass."),
    N_("We listen with respect and never laugh at a question."),
    N_(
        "What we say stays in the room, unless an adult is worried that someone "
        "is not safe: then they must tell someone who can help."
    ),
)

MATERIALS = (
    N_("No internet connection is needed: Signal Scouts runs offline."),
    N_("The Help screen (F1) shows local help lines; have it ready for the end of the lesson."),
)

#: What the game offers so every child can play (the plan's differentiation section).
IN_THE_GAME = N_(
    "Every screen can be read aloud in the child's language (Read to me is on for ages 5-7; "
    "a speaker button and the R key read any screen). Text grows to twice its size, and "
    "Settings > Accessibility offers high contrast, a reading font for dyslexia, reduced "
    "motion and switch access (one or two switches). Keyboard, mouse and touch all work, "
    "nothing is timed, and every wrong choice leads to a kind explanation. The game is "
    "available in six languages for families and English-language learners."
)

#: The same for families (the family pack).
ACCESS_FAMILY = N_(
    "Signal Scouts can read every screen aloud: press the speaker button or the R key. In "
    "Settings you can make the text up to twice as large, and under Accessibility choose high "
    "contrast, a reading font for dyslexia, less motion, or play with one or two switches. "
    "Nothing is timed, and your child can stop at any point."
)

FLOW_PARTS = {
    "warm_up": N_("Warm-up"),
    "story": N_("Story hook"),
    "game": N_("Game"),
    "practice": N_("Practice"),
    "discuss": N_("Discussion"),
    "apply": N_("Apply"),
    "plenary": N_("Plenary"),
}

STEP_KINDS = {
    "chat": N_("Chat"),
    "story": N_("Story page"),
    "spot": N_("Spot the red flag"),
    "sort": N_("Sort it"),
    "quiz": N_("Quiz"),
    "help_plan": N_("Help plan"),
    "reply": N_("Build a reply"),
    "privacy": N_("Privacy settings"),
}

STORY_HOOK = N_(
    "Introduce {name} and the setting on screen. Keep it a story about a character: "
    'ask "What could they do?", never "Has this happened to you?".'
)
GAME_PART = N_("Play the game steps below in order. Stop at each pause point for its question.")
DISCUSS_PART = N_("Use the discussion questions in this plan.")
PLENARY_PART = N_(
    'Repeat the key message: "{message}" Then show the Help screen with the local help lines.'
)
#: The learning check's rows in the flow: on each device, first (a baseline) and after the game.
CHECK_BEFORE_PART = N_(
    "Before any teaching, each child opens the lesson on their device and answers the "
    "learning check's questions; nothing is marked right or wrong (see 'Assessment and exit "
    "ticket'). The lesson then waits on its first screen. With the check off, give these "
    "minutes to the game."
)
CHECK_AFTER_PART = N_(
    "On each device, right after the debrief: the same questions, each answer with a kind "
    "explanation. With the check off, give these minutes to the game."
)
#: K2 and G35 see their own, shorter help (the plan's "Help and reporting" shows it).
PLENARY_PART_YOUNG = N_(
    'Repeat the key message: "{message}" Then show the Help screen and read its steps '
    'together (see "What the Help screen shows this age group" under "Help and reporting").'
)

DISCLOSURE_DO = (
    N_("Listen carefully and stay calm; do not show shock."),
    N_("Tell them they did the right thing by telling you."),
    N_("Tell them it is not their fault."),
    N_("Say that you take them seriously."),
    N_("Explain what happens next; do not promise to keep it secret."),
    N_("Write down what they said, in their words, and report it promptly under your policy."),
    N_("Do not confront the person they told you about."),
)

DISCLOSURE_DONT = (
    N_("Do not take their device away."),
    N_("Do not blame them for chatting, sharing or not blocking sooner."),
    N_("Do not give an online-safety lesson straight after a disclosure."),
    N_("Do not ask leading questions or ask for details; listening is enough."),
)

DISCLOSURE_WORDS = N_(
    '"Thank you for telling me. You did the right thing. This is not your fault. '
    'I am going to help, and I need to tell someone whose job is to keep children safe."'
)

IF_YOUR_CHILD_TELLS_YOU = (
    N_("Stay calm and listen. Your calm tells them they can keep talking."),
    N_("Thank them for telling you and say it is not their fault, whatever happened."),
    N_("Do not take the device away: children stop telling when they fear losing it."),
    N_("Do not reply to, pay or confront the other person."),
    N_("Save the evidence (screenshots of names and messages), but never save or send pictures."),
    N_("Block and report the account in the app, then report to the service below."),
    N_("If your child is in danger now, call your local emergency number."),
)

LETTER_OPENING = N_("Dear families,")
LETTER_INTRO = N_(
    'Soon your child\'s class will play "{title}", a Signal Scouts lesson for children '
    "aged {low} to {high}. "
    "Signal Scouts teaches children to notice tricky online behaviour and what to do: "
    "stop, block and report, and tell a trusted adult."
)
LETTER_SENSITIVE = N_(
    "This lesson talks about people online who manipulate or pressure young people, "
    "for example for pictures, money or a meeting. "
    "It uses a made-up story and no frightening detail. If you have questions, or your "
    "child has had a difficult experience, please talk to the teacher before the lesson."
)
LETTER_CLOSING = N_(
    "The most important message for children is that they can always tell a trusted adult, "
    "it is never too late, and it is never their fault. Thank you for helping at home."
)
AGREEMENT_INTRO = N_("Talk these through together and sign if you agree.")
PROMISE = N_(
    "Grown-up's promise: if you tell me something went wrong online, I will stay calm, "
    "help you, and not take your device away."
)
