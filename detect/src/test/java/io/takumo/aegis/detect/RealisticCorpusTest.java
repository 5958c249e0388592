package io.takumo.aegis.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall on realistic files: every SPEC §4 format planted in the assignment syntax
 * of 10 languages and 9 config formats, in files that also hold the look-alikes SPEC §4 says are
 * not secrets. A planted secret counts as found when a finding covers exactly its bytes; any
 * finding that covers no planted secret is a false positive.
 */
class RealisticCorpusTest {
  private static final Detector DETECTOR = Detector.builtIn();

  /** A secret to plant, the name to assign it to, and whether it needs the name to be found. */
  private record Plant(String id, String name, String value) {}

  private static List<Plant> plants() {
    String gh = DetectorTest.github("ghp_");
    String npm = DetectorTest.github("npm_");
    String anthropic = "sk-ant-api03-" + "Xq9_LmZ2-aB7cD3eF5gH8jK1nP4rS6tV0wY2zA5bC8dE1fG3hJ6kM9nQ2sU5vX8yZ0aB3cD5eF7gH9jK2mN4pQ6rS8tU0wX" .substring(0, 93) + "AA";
    return List.of(
        new Plant("aws-access-key-id", "aws_access_key_id", "AKIAZ7QW3RTY5UIO2PAS"),
        new Plant("aws-secret-key", "aws_secret_access_key", "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"),
        new Plant("github-token", "gh_credential", gh),
        new Plant("github-fine-grained-pat", "repo_access", "github_pat_c3j27xdcg2lMLzgeonyLGc_" + "TJFiz4soCmZ9cpvnpKnA1hEDCM4PmBxdUcl1MhOoSfAqFdpRaj71FtQUwOg"),
        new Plant("gitlab-token", "gitlab", "glpat-Zx9Yw8Vu7Ts6Rq5Po4Nm"),
        new Plant("npm-token", "npm_publish", npm),
        new Plant("slack-token", "slack_bot", "xoxb-263594206564-2343594206574-FGqddMF8t08v8N7Oq4i57vs1"),
        new Plant("slack-webhook-url", "alerts_url", "https://hooks.slack.com/services/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"),
        new Plant("stripe-key", "stripe", "sk_live_51HxQ2eKf8Jz0qWpLmZr8TnVx3Ys"),
        new Plant("stripe-webhook-secret", "stripe_signing", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
        new Plant("gcp-api-key", "maps", "AIzaSyD8qGxt4ec15vitgn44duC5ucxaOi4FmqE"),
        new Plant("sendgrid-api-key", "mailer", "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"),
        new Plant("twilio-api-key", "twilio_sid", "SK2c3fa1b4d5e6f708192a3b4c5d6e7f80"),
        new Plant("openai-project-key", "llm", "sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90Uv12Wx34"),
        new Plant("anthropic-api-key", "claude", anthropic),
        new Plant("huggingface-token", "hub", "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"),
        new Plant("databricks-token", "workspace", "dapi8f3a2b1c9d4e5f6a7b8c9d0e1f2a3b4c"),
        new Plant("shopify-token", "store", "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"),
        new Plant("jwt", "session", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U"),
        new Plant("postgres-url", "database_url", "postgres://app:s3cr3t-P4ss@db.internal:5432/app"),
        new Plant("mongodb-url", "mongo_uri", "mongodb+srv://admin:Zx81kLq2@cluster0.ab1cd.mongodb.net/prod"),
        new Plant("redis-url", "cache_url", "rediss://default:AbCd1234XyZ@cache.internal:6380/0"),
        new Plant("password", "db_password", "Tr0ub4dor&3-horse"),
        new Plant("generic-token", "api_token", "Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB"),
        new Plant("client-secret", "client_secret", "q8Yw2-Lm9ZxR4tVb7NcK1pJs"),
        new Plant("private-ip", "db_host", "10.24.7.19"));
  }

  /** One file shape: a header, then assignment lines made by {@code line(name, value)}. */
  private interface Syntax {
    String line(String name, String value);
  }

  private record Language(String name, String header, Syntax syntax) {}

  private static String upper(String name) {
    return name.toUpperCase(java.util.Locale.ROOT);
  }

  private static String camel(String name) {
    StringBuilder out = new StringBuilder();
    boolean up = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        up = true;
      } else {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      }
    }
    return out.toString();
  }

  private static List<Language> languages() {
    return List.of(
        new Language("python", "import os\n\ndef connect():\n    return None\n", (n, v) -> n + " = \"" + v + "\""),
        new Language("javascript", "import fs from 'fs';\n\nexport function main() {}\n", (n, v) -> "const " + camel(n) + " = '" + v + "';"),
        new Language("typescript", "import { Client } from './client';\n", (n, v) -> "export const " + camel(n) + ": string = \"" + v + "\";"),
        new Language("java", "package app;\n\npublic final class Config {\n", (n, v) -> "  private static final String " + upper(n) + " = \"" + v + "\";"),
        new Language("go", "package main\n\nimport \"fmt\"\n", (n, v) -> camel(n) + " := \"" + v + "\""),
        new Language("ruby", "require 'json'\n\nmodule App\n", (n, v) -> "  " + upper(n) + " = '" + v + "'"),
        new Language("php", "<?php\nnamespace App;\n", (n, v) -> "$" + camel(n) + " = \"" + v + "\";"),
        new Language("csharp", "using System;\n\nnamespace App {\n", (n, v) -> "  var " + camel(n) + " = \"" + v + "\";"),
        new Language("rust", "use std::env;\n\nfn main() {\n", (n, v) -> "    let " + n + " = \"" + v + "\";"),
        new Language("kotlin", "package app\n\nobject Config {\n", (n, v) -> "    val " + camel(n) + " = \"" + v + "\""),
        new Language("shell", "#!/usr/bin/env bash\nset -euo pipefail\n", (n, v) -> "export " + upper(n) + "=\"" + v + "\""),
        new Language("dotenv", "# local settings\nDEBUG=true\n", (n, v) -> upper(n) + "=" + v),
        new Language("yaml", "service:\n  name: billing\n  replicas: 3\n", (n, v) -> "  " + n + ": " + v),
        new Language("yaml-quoted", "settings:\n", (n, v) -> "  " + n + ": \"" + v + "\""),
        new Language("json", "{\n  \"name\": \"billing\",\n", (n, v) -> "  \"" + n + "\": \"" + v + "\","),
        new Language("toml", "[service]\nname = \"billing\"\n", (n, v) -> n + " = \"" + v + "\""),
        new Language("properties", "server.port=8080\n", (n, v) -> "app." + n.replace('_', '.') + "=" + v),
        new Language("xml", "<?xml version=\"1.0\"?>\n<config>\n", (n, v) -> "  <" + camel(n) + ">" + v + "</" + camel(n) + ">"),
        new Language("dockerfile", "FROM eclipse-temurin:17\nWORKDIR /app\n", (n, v) -> "ENV " + upper(n) + "=" + v));
  }

  /** Look-alikes that must not be flagged, in the same file as the secrets. */
  private static final String NEGATIVES = String.join("\n",
      "request_id = \"550e8400-e29b-41d4-a716-446655440000\"",
      "commit = \"3f786850e387550fdab836ed7e6dc881de23001b\"",
      "\"integrity\": \"sha512-v2kDEe57lecTulaDIuNTPy3Ry4gLGJ6Z1O3vE1krgXZNrsQ+5PyyD+9AGCmOvzTQ0WFb6Tn4iQyVLZL7RG6C8w==\"",
      "logo = \"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\"",
      "lodash@^4.17.21:\n  resolved \"https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz#679591c564c3bffaae8454cf0b3df370c3d6911c\"",
      "api_key = process.env.API_KEY",
      "password: ${DB_PASSWORD}",
      "password = \"changeme\"",
      "token = \"__TAKUMO_v1_KEY_8f3a2b1c__\"",
      "version = \"4.17.21\"",
      "color = \"#ff00aa\"",
      "endpoint = \"https://api.example.com/v1/messages\"",
      "sha256 = \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"",
      "max_tokens = 4096",
      "localhost = \"127.0.0.1\"",
      "");

  @Test
  void precisionAndRecallOnPlantedSecrets() {
    int planted = 0;
    int found = 0;
    int falsePositives = 0;
    List<String> missed = new ArrayList<>();
    List<String> spurious = new ArrayList<>();
    for (Language language : languages()) {
      for (Plant plant : plants()) {
        String line = language.syntax().line(plant.name(), plant.value());
        String text = language.header() + NEGATIVES.replace("\n", "\n") + line + "\n}\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int start = text.indexOf(plant.value());
        int end = start + plant.value().getBytes(StandardCharsets.UTF_8).length;
        planted++;
        boolean hit = false;
        for (Finding f : DETECTOR.scan(bytes)) {
          if (f.start() == start && f.end() == end) {
            hit = true;
          } else if (f.end() <= start || f.start() >= end) {
            falsePositives++;
            spurious.add(language.name() + "/" + plant.id() + ": " + f.ruleId() + " "
                + new String(bytes, f.start(), Math.min(f.length(), 50), StandardCharsets.UTF_8));
          }
        }
        if (hit) {
          found++;
        } else {
          missed.add(language.name() + "/" + plant.id() + ": " + line);
        }
      }
    }
    double recall = (double) found / planted;
    double precision = (double) found / (found + falsePositives);
    System.out.printf("realistic corpus: %d planted in %d languages and config formats, recall %.3f, precision %.3f%n",
        planted, languages().size(), recall, precision);
    missed.forEach(m -> System.out.println("  missed " + m));
    spurious.stream().distinct().limit(20).forEach(s -> System.out.println("  false positive " + s));
    assertThat(recall).as("recall (missed: %s)", missed).isGreaterThanOrEqualTo(0.97);
    assertThat(precision).as("precision (false positives: %s)", spurious).isGreaterThanOrEqualTo(0.97);
  }
}
