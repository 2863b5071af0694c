"""A feature that opens on a story of a year long past comes to its news below (s65, read 104)."""

from __future__ import annotations

import pytest

from diplo_ml.models.summarise.selection import statement_candidates

STORY = ("She carried a rice cooker and a dictionary, and little else.\n\n"
         "The winters were long, and the factory closed within a year.\n\n"
         "She stayed, learned the language and opened a small shop near the station.\n\n")
NEWS = ("The Vietnamese Embassy on Saturday opened a community centre in Leipzig with a library of 6,000 books and "
        "free Vietnamese classes for children.")


def _first(text: str, headline: str | None = "A shop, a library and a long road home") -> str:
    found = statement_candidates(text, headline)
    return next(s for s, ok in zip(found.sentences, found.allowed) if ok)


@pytest.mark.parametrize("opening", [
    "In the winter of 1987, a young welder named Pham Thi Hong arrived in Leipzig from Hai Phong.",
    "In October 1989, Pham Thi Hong stepped off a train in Leipzig with two suitcases.",
    "When Pham Thi Hong opened her first shop in Leipzig in 1994, she had no sign over the door.",
    "Half a century ago, a few hundred Vietnamese students came to study in Leipzig.",
    "On a grey Sunday in March last year, Pham Thi Hong took two buses to the consulate and found it closed.",
    "For years, traders in Leipzig sold Vietnamese goods from the backs of vans.",
])
def test_a_story_of_a_year_long_past_gives_way_to_the_news_of_its_day(opening):
    assert _first(f"{opening}\n\n{STORY}{NEWS}\n\nThe centre will open daily.") == NEWS


@pytest.mark.parametrize("news", [
    "More than 3,000 visitors attended the Vietnam Culture Days in Leipzig from May 23 to 25.",
    "Ambassador Tran Van Minh and the mayor on June 9 witnessed the signing of three agreements in Leipzig.",
    "The consulate will hold mobile service days in Leipzig and Dresden between September 8 and October 27.",
])
def test_news_told_with_other_verbs_on_a_day_of_this_year(news):
    opening = "In the winter of 1987, a young welder named Pham Thi Hong arrived in Leipzig from Hai Phong."
    assert _first(f"{opening}\n\n{STORY}{news}\n\nThe programme ran for three days.") == news


@pytest.mark.parametrize("opening, later", [
    # an anniversary's own day: its news
    ("Twenty years ago, on March 26, 2004, the Politburo issued a resolution on Vietnamese people abroad.",
     "In times of crisis, the missions have organised flights to bring compatriots home."),
    # no day below it: the story stands
    ("In 2009, retired teacher Luong Thi Chi began teaching Vietnamese to seven children in Vientiane.",
     "The classes have since grown to 300 pupils."),
    # the news below is the story's own year
    ("In 2012, Nguyen Huu Loc flew to Ivory Coast with a suitcase of cash.",
     "On March 3, 2012, he signed his first contract with a buyer in Abidjan."),
])
def test_an_opening_that_stays(opening, later):
    assert _first(f"{opening}\n\n{STORY}{later}\n\nThe community now numbers 6,000.") == opening


@pytest.mark.parametrize("scene, news", [
    ("In a furniture factory outside Ho Chi Minh City, forklift drivers are loading containers for ports that would "
     "have seemed exotic five years ago.",
     "Vietnam's exports outside its three biggest markets rose 21 per cent in the first five months to 58 billion "
     "USD, the trade ministry said."),
    ("In a function hall decorated with sacks of rice and a banner reading \"Partners for Food Security,\" officials "
     "clinked coffee cups on Tuesday afternoon.",
     "The Philippines and Vietnam on Tuesday signed a memorandum on rice supply for five years."),
])
def test_a_scene_in_a_place_of_no_name_gives_way_to_the_news_below(scene, news):
    assert _first(f"{scene}\n\n{news}\n\nTraders welcomed the deal.") == news


def test_a_scene_that_reports_news_itself_stays():
    opening = ("In a ceremony in Hanoi, the two ministers signed an agreement on rice supply on Tuesday, officials "
               "said.")
    assert _first(f"{opening}\n\nExports rose 21 per cent last year.\n\nTraders welcomed the deal.") == opening


@pytest.mark.parametrize("opening, later", [
    # the story's own person on a later day of the story (review 1 of s65)
    ("In the winter of 1987, a young welder named Pham Thi Hong arrived in Leipzig from Hai Phong.",
     "On February 2, Hong signed a three-year contract at a machinery plant."),
    # a year's figures, the year before the news's
    ("In 2025, Vietnam welcomed 21.2 million international visitors, a record.",
     "The tourism authority on January 5 launched a campaign to attract 25 million visitors in 2026."),
    # a point that runs to now
    ("For decades, Vietnam has treated its fishing fleet as a matter of livelihoods, and the yellow card is the bill.",
     "EU inspectors arrived in Hanoi on Monday for a fifth review."),
    # the story going on, years later
    ("When Nguyen Van Hai arrived in Warsaw as a student in 1990, the community numbered a few hundred people.",
     "Three years later, on June 4, Hai opened a clothes stall at the Stadion market."),
])
def test_a_past_opening_whose_later_statement_is_still_the_story_stays(opening, later):
    assert _first(f"{opening}\n\n{STORY}{later}\n\nThe community now numbers 6,000.") == opening
