package io.takumo.aegis.deploy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The objects {@code helm template} printed, parsed from its YAML stream. */
record Rendered(List<JsonNode> objects) {
  private static final YAMLMapper YAML = new YAMLMapper();

  static Rendered of(String manifest) {
    List<JsonNode> objects = new ArrayList<>();
    try (JsonParser parser = YAML.createParser(manifest);
        MappingIterator<JsonNode> documents = YAML.readValues(parser, JsonNode.class)) {
      while (documents.hasNext()) {
        JsonNode document = documents.next();
        if (document != null && document.has("kind")) { // comment-only documents are empty
          objects.add(document);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Rendered(List.copyOf(objects));
  }

  List<String> kinds() {
    return objects.stream().map(o -> o.path("kind").asText()).toList();
  }

  JsonNode one(String kind, String name) {
    List<JsonNode> found = objects.stream()
        .filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name)).toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " " + kind + " named " + name + " in " + kinds());
    }
    return found.get(0);
  }
}
