package dev.retold.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What a page's JSON-LD ({@code <script type="application/ld+json">}, schema.org) says about its
 * article: the structured metadata news sites write for search engines, often the most reliable on
 * the page.
 *
 * <p>Every such script is read with Jackson; one that is not JSON is passed over (a page's metadata
 * is a hint, never a reason to skip it). The objects are those at the top, in top-level arrays, and
 * in {@code @graph} lists, each indexed by its {@code @id} so that a reference ({@code "author":
 * {"@id": "#jane"}}) finds the object it names. Article objects come first: those whose
 * {@code @type} (or one of its types) ends with "Article" or "Posting" ({@code NewsArticle}, {@code
 * BlogPosting}...), or is "Report"; then the others. Each field is taken from the first object that
 * has it.
 *
 * @param headline the {@code headline}, or {@code null}
 * @param datePublished the {@code datePublished} as written, or {@code null}
 * @param author the {@code author}'s name, or the names of several joined by ", ", or {@code null}
 * @param publisher the {@code publisher}'s name, or {@code null}
 */
record JsonLd(String headline, String datePublished, String author, String publisher) {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonLd NONE = new JsonLd(null, null, null, null);

  /** How deep references are followed, so that a cycle of {@code @id}s ends. */
  private static final int MAX_REFERENCES = 4;

  /** What the page's JSON-LD scripts say, or nothing. */
  static JsonLd of(Document page) {
    List<JsonNode> objects = new ArrayList<>();
    for (Element script : page.getElementsByTag("script")) {
      String type = script.attr("type").strip().toLowerCase(Locale.ROOT);
      if (!type.startsWith("application/ld+json")) {
        continue;
      }
      try {
        collect(JSON.readTree(script.data()), objects);
      } catch (JsonProcessingException | RuntimeException notJson) {
        continue; // passed over, as the class says
      }
    }
    if (objects.isEmpty()) {
      return NONE;
    }
    Map<String, JsonNode> byId = new HashMap<>();
    for (JsonNode object : objects) {
      JsonNode id = object.get("@id");
      if (id != null && id.isTextual()) {
        byId.putIfAbsent(id.asText(), object);
      }
    }
    List<JsonNode> ordered = new ArrayList<>();
    objects.stream().filter(JsonLd::isArticle).forEach(ordered::add);
    objects.stream().filter(object -> !isArticle(object)).forEach(ordered::add);
    return new JsonLd(
        first(ordered, "headline", byId),
        first(ordered, "datePublished", byId),
        first(ordered, "author", byId),
        first(ordered, "publisher", byId));
  }

  private static void collect(JsonNode node, List<JsonNode> objects) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(item -> collect(item, objects));
    } else if (node.isObject()) {
      objects.add(node);
      collect(node.get("@graph"), objects);
    }
  }

  private static boolean isArticle(JsonNode object) {
    JsonNode types = object.get("@type");
    if (types == null) {
      return false;
    }
    for (JsonNode type : types.isArray() ? types : List.of(types)) {
      String name = type.asText("");
      name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
      if (name.endsWith("Article") || name.endsWith("Posting") || name.equals("Report")) {
        return true;
      }
    }
    return false;
  }

  private static String first(List<JsonNode> objects, String field, Map<String, JsonNode> byId) {
    for (JsonNode object : objects) {
      String value = names(object.get(field), byId, 0);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * A field's text: a string or number as it stands; an object's {@code name} (found through its
   * {@code @id} if it has none); an array's values joined by ", ".
   */
  private static String names(JsonNode value, Map<String, JsonNode> byId, int references) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isTextual() || value.isNumber()) {
      String text = value.asText().strip();
      return text.isEmpty() ? null : text;
    }
    if (value.isArray()) {
      Set<String> all = new LinkedHashSet<>();
      for (JsonNode item : value) {
        String name = names(item, byId, references);
        if (name != null) {
          all.add(name);
        }
      }
      return all.isEmpty() ? null : String.join(", ", all);
    }
    if (value.isObject()) {
      String name = names(value.get("name"), byId, references);
      JsonNode id = value.get("@id");
      if (name == null && id != null && id.isTextual() && references < MAX_REFERENCES) {
        JsonNode named = byId.get(id.asText());
        if (named != null && named != value) {
          return names(named, byId, references + 1);
        }
      }
      return name;
    }
    return null;
  }
}
