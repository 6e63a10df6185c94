package dev.retold.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.retold.Article;
import dev.retold.Relation;
import dev.retold.Retold;
import dev.retold.ScanResult;
import dev.retold.Story;
import dev.retold.StoryMember;
import dev.retold.TextEmbedder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The story stage end to end on the cases that break a single similarity cut, with the semantic
 * signal on and off: stories of one kind (shootings) told apart by their names, places and numbers;
 * a round-up article that retells two incidents and must not merge them; a dated follow-up months
 * later that is a new event, beside a reprint of the same months later that is a copy. The corpus
 * is seeded and generated from templates: each incident is told by three outlets in their own
 * words, among unrelated news that gives every article a background.
 */
class StoryCasesTest {
  private static final String[] CITIES = {
    "Dayton", "Tulsa", "Fresno", "Akron", "Macon", "Boise", "Reno", "Toledo", "Erie", "Waco",
    "Flint", "Joliet", "Yuma", "Salem", "Ogden", "Pueblo", "Topeka", "Laredo", "Mobile", "Peoria"
  };
  private static final String[] STREETS = {
    "Maple Avenue",
    "Oak Street",
    "Cedar Road",
    "Pine Boulevard",
    "Elm Court",
    "Birch Lane",
    "Walnut Drive",
    "Spruce Way",
    "Willow Place",
    "Chestnut Row",
    "Hickory Street",
    "Magnolia Drive",
    "Poplar Avenue",
    "Sycamore Lane",
    "Juniper Road",
    "Aspen Court",
    "Laurel Way",
    "Cypress Boulevard",
    "Alder Place",
    "Redwood Row"
  };
  private static final String[] VICTIMS = {
    "Marcus Whitfield", "Dana Okafor", "Terrell Brennan", "Alicia Castillo", "Brandon Hargrove",
    "Keisha Lindqvist", "Lamar Mbeki", "Rosa Sorensen", "Derek Pruitt", "Monique Valdez",
    "Andre Fairbanks", "Bianca Holloway", "Calvin Esposito", "Denise Kruger", "Elijah Montoya",
    "Fatima Rourke", "Gordon Trevino", "Hailey Underwood", "Isaac Wexler", "Jasmine Zeller"
  };
  private static final String[] SUSPECTS = {
    "Curtis Ambrose", "Wesley Dunmore", "Hector Galloway", "Jerome Kowalski", "Travis Nakamura",
    "Dwayne Ostrowski", "Felix Quarles", "Rodney Szabo", "Vernon Tillman", "Gavin Yarborough",
    "Keith Abernathy", "Leon Bustamante", "Mason Cardenas", "Nolan Delacroix", "Oscar Eberhardt",
    "Perry Fontaine", "Quentin Gutierrez", "Russell Haverford", "Silas Iverson", "Tyrone Jablonski"
  };
  private static final String[] OFFICERS = {
    "Sergeant Ellen Marsh",
    "Lieutenant Omar Haddad",
    "Captain Irene Vogel",
    "Chief Paul Adeyemi",
    "Sergeant Nina Rasmussen",
    "Lieutenant Carl Bixby",
    "Captain June Moreau",
    "Chief Ray Olsen",
    "Sergeant Tom Kavanagh",
    "Lieutenant Ada Pereira",
    "Sergeant Beth Callahan",
    "Captain Diego Ferreira",
    "Chief Hank Lindgren",
    "Sergeant Iris Novak",
    "Lieutenant Joel Peterka",
    "Captain Kim Sandoval",
    "Chief Lou Tanaka",
    "Sergeant Mia Ulrich",
    "Lieutenant Ned Vasquez",
    "Captain Opal Whitaker"
  };
  private static final String[] PLACES = {
    "a convenience store", "a house party", "an apartment complex", "a gas station", "a bar",
    "a nightclub", "a parking garage", "a motel", "a car wash", "a city park"
  };
  private static final String[] FILLER_TOPICS = {
    "the city council approved a budget for new bus lines and road repairs",
    "the orchestra opened its season with a programme of Brahms and Sibelius",
    "a drought pushed wheat prices to their highest level in a decade",
    "the school board voted to extend the academic year by two weeks",
    "a software company announced layoffs after a weak quarter",
    "the museum unveiled a restored medieval tapestry after six years of work",
    "the football club signed a striker from a rival league team",
    "heavy snow closed mountain passes and delayed freight trains",
    "the central bank held interest rates steady citing slowing inflation",
    "a new species of frog was described by researchers in the rainforest",
    "the airport opened a second runway after years of planning disputes",
    "farmers protested a tax on diesel fuel with tractors on the highway"
  };

  private record Incident(
      int number,
      String city,
      String street,
      String victim,
      String suspect,
      int age,
      int wounded,
      String place,
      String time,
      String officer,
      LocalDate date) {}

  private static List<Incident> incidents(long seed, int count) {
    Random random = new Random(seed);
    List<Incident> incidents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      incidents.add(
          new Incident(
              i,
              CITIES[i % CITIES.length],
              STREETS[(i * 3 + 1) % STREETS.length],
              VICTIMS[i % VICTIMS.length],
              SUSPECTS[i % SUSPECTS.length],
              18 + random.nextInt(40),
              2 + i,
              PLACES[i % PLACES.length],
              (1 + random.nextInt(11)) + ":" + (10 + random.nextInt(50)) + " p.m.",
              OFFICERS[i % OFFICERS.length],
              LocalDate.of(2025, 3, 1).plusDays(random.nextInt(20))));
    }
    return incidents;
  }

  private static final String[] DETAILS = {
    "a dispute over a parking space",
    "a birthday celebration",
    "a silver pickup truck",
    "a security guard who returned fire",
    "a church parking lot",
    "an unpaid debt",
    "a basketball game that had just ended",
    "a stolen motorcycle",
    "a neighbourhood cookout",
    "a broken street light",
    "a custody disagreement",
    "a rideshare driver who called 911",
    "a doorbell camera",
    "a high school graduation party",
    "a rifle found in a dumpster",
    "a former coworker",
    "a loud music complaint",
    "a funeral reception",
    "a food truck",
    "a laundromat across the road",
    "a rented minivan",
    "a card game",
    "a barbershop",
    "a skateboard park",
    "a wedding anniversary",
    "a tow truck",
    "a pawn shop receipt",
    "a rooftop bar",
    "a missing dog",
    "a bowling alley"
  };

  /** Each slot of a report in several wordings; an outlet picks its own for each incident. */
  private static final String[][] SLOTS = {
    {
      "{V} was killed and {N} others were wounded when gunfire broke out at {P} on {S} in {C}.",
      "A shooting at {P} on {S} left {V} dead and {N} people injured, {C} police said.",
      "{C} police are investigating a shooting on {S} that killed {V} and hurt {N} more.",
      "Gunshots rang out at {P} in {C} late Saturday, killing {V}; {N} people were hit.",
      "One man, {V}, died and {N} were injured in a shooting in {C} at {P} on {S}."
    },
    {
      "Officers arrested {X}, {A}, a few blocks away at about {T}, said {O}.",
      "{X}, {A}, was charged with murder on Sunday.",
      "Prosecutors named the suspect as {A}-year-old {X}, who is being held without bail.",
      "A {A}-year-old man, {X}, surrendered to detectives hours later.",
      "Detectives took {X} ({A}) into custody overnight."
    },
    {
      "Witnesses said the shooting, at about {T}, followed {D1}.",
      "According to the {C} police chief, it began with {D1}.",
      "{O} said {D1} led to the violence.",
      "Family members told reporters about {D1} before the shots."
    },
    {
      "The wounded were taken to {C} General Hospital, where two remained in critical condition.",
      "Paramedics treated {N} injured people on {S} before taking them to hospital.",
      "Hospital officials in {C} said most of the {N} injured were expected to survive.",
      "{N} victims, all shot near {P}, were still in surgery on Sunday morning."
    },
    {
      "Neighbours gathered on {S} for a vigil; many mentioned {D2}.",
      "Residents described {D2} and said they had feared trouble for weeks.",
      "A friend of {VL} recalled {D2} and called him generous.",
      "{O} spoke of {D2} and urged calm in {C}."
    },
    {
      "Police are reviewing footage from {T} that shows {D3}.",
      "Evidence collected at the scene included {D3}.",
      "The investigation now centres on {D3}, a spokesperson said.",
      "Detectives asked anyone with information about {D3} to come forward."
    }
  };

  private static final String[] COLOURS = {
    "red", "blue", "green", "yellow", "black", "white", "grey", "orange", "purple", "brown"
  };
  private static final String[] THINGS = {"sedan", "backpack", "scooter", "jacket"};

  /** A detail no other incident has, up to 40 of them: "a red sedan". */
  private static String thing(int index) {
    return "a " + COLOURS[index % COLOURS.length] + " " + THINGS[index / COLOURS.length];
  }

  /** Words each report may say its own way, so that no two reports share a sentence skeleton. */
  private static final String[][] SYNONYMS = {
    {"killed", "slain", "shot dead", "fatally shot"},
    {"wounded", "injured", "hurt", "struck"},
    {"police", "officers", "authorities", "investigators", "deputies"},
    {"said", "stated", "reported", "confirmed", "noted"},
    {"shooting", "gunfire", "attack", "shootout", "violence"},
    {"Saturday", "overnight", "Friday", "midnight"},
    {"Sunday", "Monday", "later", "afterwards"},
    {"hospital", "trauma centre", "emergency room", "medical centre"},
    {"detectives", "agents", "homicide investigators", "the team"},
    {"people", "others", "bystanders", "victims", "residents"},
    {"arrested", "detained", "apprehended", "caught"},
    {"investigating", "probing", "examining", "looking into"},
    {"reviewing", "studying", "going through", "checking"},
    {"footage", "video", "recordings", "images"},
    {"evidence", "material", "items", "objects"},
    {"scene", "site", "location", "area"},
    {"suspect", "accused", "gunman", "alleged shooter"},
    {"vigil", "memorial", "gathering", "prayer service"},
    {"gathered", "assembled", "met", "came together"},
    {"described", "recalled", "mentioned", "talked about"},
    {"surgery", "intensive care", "treatment", "the operating room"},
    {"expected", "likely", "predicted", "thought"},
    {"survive", "recover", "pull through", "live"},
    {"weeks", "months", "days", "years"},
    {"urged", "called for", "asked for", "appealed for"},
    {"calm", "peace", "patience", "restraint"},
    {"generous", "kind", "gentle", "loyal"},
    {"custody", "jail", "detention", "a cell"},
    {"charged", "accused", "indicted", "booked"},
    {"believe", "think", "suspect", "say"},
    {"followed", "came after", "started with", "grew out of"}
  };

  /** Each word of a template that has synonyms said one of its ways, chosen at random. */
  private static String reword(String template, Random random) {
    StringBuilder text = new StringBuilder();
    for (String word : template.split(" ")) {
      int end = word.length();
      while (end > 0 && !Character.isLetter(word.charAt(end - 1))) {
        end--;
      }
      String bare = word.substring(0, end);
      String said = bare;
      for (String[] group : SYNONYMS) {
        if (Arrays.asList(group).contains(bare)) {
          said = group[random.nextInt(group.length)];
          break;
        }
      }
      text.append(text.length() == 0 ? "" : " ").append(said).append(word.substring(end));
    }
    return text.toString();
  }

  /** Three outlets tell each incident with the same facts in wordings of their own. */
  private static List<String> reports(Incident x) {
    Random random = new Random(1_000 + x.number);
    String[] details = {
      DETAILS[x.number % DETAILS.length], thing(2 * x.number), thing(2 * x.number + 1)
    };
    List<String> reports = new ArrayList<>();
    for (int outlet = 0; outlet < 3; outlet++) {
      StringBuilder text = new StringBuilder();
      for (String[] slot : SLOTS) {
        if (text.length() > 0 && random.nextInt(6) == 0) {
          continue;
        }
        String sentence =
            reword(slot[random.nextInt(slot.length)], random)
                .replace("{VL}", x.victim.split(" ")[1])
                .replace("{V}", x.victim)
                .replace("{X}", x.suspect)
                .replace("{N}", Integer.toString(x.wounded))
                .replace("{A}", Integer.toString(x.age))
                .replace("{P}", x.place)
                .replace("{S}", x.street)
                .replace("{C}", x.city)
                .replace("{D1}", details[0])
                .replace("{D2}", details[1])
                .replace("{D3}", details[2])
                .replace("{T}", x.time)
                .replace("{O}", x.officer);
        text.append(text.length() == 0 ? "" : " ").append(sentence);
      }
      reports.add(text.toString());
    }
    return reports;
  }

  /** Unrelated news, two retellings each, dated across the year. */
  private static List<Article> filler() {
    List<Article> articles = new ArrayList<>();
    for (int t = 0; t < FILLER_TOPICS.length; t++) {
      String topic = FILLER_TOPICS[t];
      LocalDate date = LocalDate.of(2025, 1 + t % 12, 5);
      articles.add(
          Article.of(
                  "filler-" + t + "-a",
                  "On Tuesday "
                      + topic
                      + ". Officials said the decision followed months of debate, and critics"
                      + " said more needed to be done.")
              .withTitleAndDate(null, date));
      articles.add(
          Article.of(
                  "filler-" + t + "-b",
                  "Reports confirmed that "
                      + topic
                      + ", a step observers had expected for some time. Reaction was mixed.")
              .withTitleAndDate(null, date.plusDays(1)));
    }
    return articles;
  }

  private static List<Article> corpus(List<Incident> incidents) {
    List<Article> articles = new ArrayList<>(filler());
    for (Incident x : incidents) {
      List<String> texts = reports(x);
      for (int outlet = 0; outlet < texts.size(); outlet++) {
        articles.add(
            Article.of("incident-" + x.number + "-" + "abc".charAt(outlet), texts.get(outlet))
                .withTitleAndDate(null, x.date.plusDays(outlet == 0 ? 0 : 1)));
      }
    }
    return articles;
  }

  private static Retold retold(boolean semantic) {
    return Retold.builder()
        .embedder(semantic ? TextEmbedder.installed().orElseThrow() : null)
        .build();
  }

  private static Set<String> storyIds(ScanResult result, String id) {
    Story story = result.storyOf(id).orElseThrow();
    Set<String> ids =
        story.members().stream()
            .map(StoryMember::id)
            .collect(Collectors.toCollection(HashSet::new));
    ids.add(story.canonical());
    return ids;
  }

  private static Set<String> incidentIds(int number) {
    return Set.of(
        "incident-" + number + "-a", "incident-" + number + "-b", "incident-" + number + "-c");
  }

  @ParameterizedTest(name = "semantic {0}")
  @ValueSource(booleans = {true, false})
  void shootingsOfOneKindAreToldApartByTheirFacts(boolean semantic) {
    List<Incident> incidents = incidents(3, 20);
    ScanResult result = retold(semantic).scan(corpus(incidents));
    for (Incident x : incidents) {
      assertThat(storyIds(result, "incident-" + x.number + "-a"))
          .as("incident %d", x.number)
          .isEqualTo(incidentIds(x.number));
    }
  }

  @ParameterizedTest(name = "semantic {0}")
  @ValueSource(booleans = {true, false})
  void aRoundUpOfTwoIncidentsDoesNotMergeThem(boolean semantic) {
    List<Incident> incidents = incidents(5, 20);
    List<Article> articles = new ArrayList<>(corpus(incidents));
    String first = reports(incidents.get(0)).get(1);
    String second = reports(incidents.get(1)).get(0);
    articles.add(
        Article.of("round-up", "Weekend violence. " + first + " Elsewhere, " + second)
            .withTitleAndDate(null, incidents.get(1).date.plusDays(2)));
    ScanResult result = retold(semantic).scan(articles);

    Set<String> one = storyIds(result, "incident-0-a");
    Set<String> two = storyIds(result, "incident-1-a");
    assertThat(one).doesNotContainAnyElementsOf(incidentIds(1));
    assertThat(two).doesNotContainAnyElementsOf(incidentIds(0));
    assertThat(one).containsAll(incidentIds(0));
    assertThat(two).containsAll(incidentIds(1));
  }

  @ParameterizedTest(name = "semantic {0}")
  @ValueSource(booleans = {true, false})
  void aFollowUpMonthsLaterIsANewStoryButAReprintJoins(boolean semantic) {
    List<Incident> incidents = incidents(7, 20);
    Incident x = incidents.get(2);
    LocalDate later = x.date.plusMonths(6);
    List<Article> articles = new ArrayList<>(corpus(incidents));
    articles.add(
        Article.of(
                "follow-up",
                String.format(
                    "Six months after the shooting at %s on %s in %s that killed %s, the trial of"
                        + " %s opened on Monday. Prosecutors told the jury that %s, now %d, had"
                        + " argued with the victim earlier that evening. %d people were wounded"
                        + " in the attack, and several of them are expected to testify.",
                    x.place, x.street, x.city, x.victim, x.suspect, x.suspect, x.age, x.wounded))
            .withTitleAndDate(null, later));
    articles.add(
        Article.of("reprint", reports(x).get(0)).withTitleAndDate(null, later.plusDays(1)));
    ScanResult result = retold(semantic).scan(articles);

    Set<String> story = storyIds(result, "incident-2-a");
    assertThat(story).containsAll(incidentIds(2)).contains("reprint");
    assertThat(story).doesNotContain("follow-up");
    assertThat(result.storyOf("reprint").orElseThrow().members())
        .contains(new StoryMember("reprint", Relation.DUPLICATE));
  }
}
