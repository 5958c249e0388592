package io.takumo.aegis.proto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.takumo.aegis.proto.config.v1.Config;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the configuration schema from a file: protobuf JSON ({@code .json}) or the same document in
 * YAML (anything else). Field names as in the proto ({@code custom_patterns}) or in lowerCamelCase;
 * unknown fields are refused, so a typo does not silently keep a default.
 */
public final class ConfigFiles {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final YAMLMapper YAML = new YAMLMapper();

  private ConfigFiles() {}

  /** Parses {@code file}; the exception's message names the file and what is wrong, never a value. */
  public static Config read(Path file) throws IOException {
    String text = Files.readString(file);
    try {
      return parse(text, file.getFileName().toString().endsWith(".json"));
    } catch (IllegalArgumentException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a document given as JSON, or as YAML when {@code json} is false. */
  public static Config parse(String text, boolean json) {
    String asJson;
    try {
      JsonNode node = (json ? JSON : YAML).readTree(text);
      if (node == null || node.isMissingNode() || node.isNull()) {
        return Config.getDefaultInstance(); // an empty file: every default
      }
      if (!node.isObject()) {
        throw new IllegalArgumentException("expected a mapping of config fields at the top level");
      }
      asJson = JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      // Only the position: the parser's message quotes the offending text, which may be a key.
      var at = e.getLocation();
      throw new IllegalArgumentException("not valid " + (json ? "JSON" : "YAML")
          + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()));
    }
    Config.Builder builder = Config.newBuilder();
    try {
      JsonFormat.parser().merge(asJson, builder);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("does not match the takumo.config.v1.Config schema ("
          + withoutValues(firstLine(String.valueOf(e.getMessage()))) + ')');
    }
    return builder.build();
  }

  /** The document as protobuf JSON (what {@code coordinator config show} prints). */
  public static String toJson(Config config) {
    try {
      return JsonFormat.printer().preservingProtoFieldNames().print(config);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** JsonFormat quotes the offending value ("Not an int64 value: \"sk-…\""), which may be a key: drop it. */
  private static String withoutValues(String message) {
    return message.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|\\{.*}|\\[.*]", "(value not shown)");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no detail";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
