/*
 * Every function of the C ABI on the bundled example (examples/data/family-support.json
 * and its CSV folder): version, reading JSON and CSV, the report, the network and
 * indicator tables as CSV and JSON, what-if and the schemas.
 *
 * Usage: api [REPO_ROOT]   (default ".")
 */
#include "util.h"

#include <ctype.h>

static const char *NETWORK_HEADER =
    "partner,name,sector,degree,in_degree,out_degree,degree_centrality,betweenness,"
    "closeness,eigenvector,pagerank,core_number,constraint,effective_size,"
    "articulation_point,community,trust,value\n";

static const size_t PARTNERS = 25; /* in the example */

/* Lines in `s` (each ends with a newline). */
static size_t lines(const char *s) {
  size_t n = 0;
  for (; *s != '\0'; s++) {
    n += *s == '\n';
  }
  return n;
}

/* Occurrences of `needle` in `s`. */
static size_t count(const char *s, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(s, needle); p != NULL; p = strstr(p + 1, needle)) {
    n++;
  }
  return n;
}

/* Commas in the first line. */
static size_t header_commas(const char *s) {
  size_t n = 0;
  for (; *s != '\0' && *s != '\n'; s++) {
    n += *s == ',';
  }
  return n;
}

static void version(void) {
  const char *v = convener_version();
  CHECK(v != NULL, "no version");
  if (v == NULL) {
    return;
  }
  /* MAJOR.MINOR.PATCH, digits and dots. */
  int dots = 0, ok = isdigit((unsigned char)v[0]) != 0;
  for (const char *p = v; *p != '\0'; p++) {
    if (*p == '.') {
      dots++;
      ok = ok && isdigit((unsigned char)p[1]);
    } else if (!isdigit((unsigned char)*p)) {
      ok = 0;
    }
  }
  CHECK(ok && dots == 2, "version '%s' is not MAJOR.MINOR.PATCH", v);
  CHECK(convener_version() == v, "the version is not static");
  printf("version %s\n", v);
}

/* Text of a successful call, or NULL (a failed check). */
#define TEXT_OF(call, out)                                                           \
  do {                                                                               \
    (out) = NULL;                                                                    \
    convener_status s_ = (call);                                                     \
    CHECK(s_ == CONVENER_OK && (out) != NULL, "%s gives %s: %s", #call,              \
          status_name(s_), last_message());                                          \
  } while (0)

static void tables(const convener_initiative *ini) {
  char *csv, *json;

  TEXT_OF(convener_network_csv(ini, NULL, &csv), csv);
  if (csv != NULL) {
    CHECK(strncmp(csv, NETWORK_HEADER, strlen(NETWORK_HEADER)) == 0, "network header: %.300s", csv);
    CHECK(header_commas(csv) == 17, "%zu columns", header_commas(csv) + 1);
    CHECK(lines(csv) == PARTNERS + 1, "%zu lines, expected %zu", lines(csv), PARTNERS + 1);
    CHECK(strstr(csv, "\neastbrae-family-centre,") != NULL, "no row for eastbrae-family-centre");
  }
  TEXT_OF(convener_network_json(ini, NULL, &json), json);
  if (json != NULL) {
    size_t n = strlen(json);
    CHECK(n > 2 && json[0] == '[' && json[1] == '{' && json[n - 1] == ']', "network JSON: %.80s", json);
    CHECK(count(json, "{\"partner\":") == PARTNERS, "%zu rows", count(json, "{\"partner\":"));
    CHECK(count(json, "\"clustering\":") == PARTNERS, "no clustering column");
    CHECK(strstr(json, "\"partner\":\"eastbrae-family-centre\"") != NULL, "no eastbrae row");
  }
  convener_string_free(json);
  /* Options reach the tables: with cooperate and up, fewer ties count. */
  char *fewer = NULL;
  TEXT_OF(convener_network_csv(ini, "{\"min_level\": \"cooperate\"}", &fewer), fewer);
  CHECK(fewer != NULL && csv != NULL && strcmp(fewer, csv) != 0 && lines(fewer) == PARTNERS + 1,
        "min_level cooperate gives the same network table");
  convener_string_free(fewer);
  convener_string_free(csv);

  TEXT_OF(convener_indicators_csv(ini, NULL, &csv), csv);
  if (csv != NULL) {
    CHECK(strncmp(csv, "indicator,partner,group,phase,n,centre,", 39) == 0, "indicators: %.100s", csv);
    CHECK(header_commas(csv) == 21, "%zu columns, expected 22", header_commas(csv) + 1);
    CHECK(lines(csv) > 10, "only %zu lines", lines(csv));
  }
  TEXT_OF(convener_indicators_json(ini, NULL, &json), json);
  if (json != NULL && csv != NULL) {
    size_t n = strlen(json);
    CHECK(json[0] == '[' && json[1] == '{' && json[n - 1] == ']', "indicators JSON: %.80s", json);
    /* One JSON row per CSV row. */
    CHECK(count(json, "{\"indicator\":") == lines(csv) - 1, "%zu JSON rows, %zu CSV rows",
          count(json, "{\"indicator\":"), lines(csv) - 1);
    CHECK(strstr(json, "\"periods_since_last\":") != NULL, "no periods_since_last");
  }
  convener_string_free(json);
  convener_string_free(csv);
}

static void what_if(const convener_initiative *ini, const char *report) {
  char *out;
  TEXT_OF(convener_what_if(ini, "[\"eastbrae-family-centre\"]", NULL, &out), out);
  if (out != NULL) {
    CHECK(strncmp(out, "{\n  \"removed\": [\n    \"eastbrae-family-centre\"\n  ],\n  \"delta\": {", 61) == 0,
          "what-if: %.120s", out);
    CHECK(strstr(out, "\n  \"report\": {\n    \"format\": \"convener-report/1\"") != NULL,
          "no report in the what-if");
    CHECK(strcmp(out + strlen(out) - 2, "}\n") == 0, "no closing brace and newline");
    /* The report without the partner counts 24 partners. */
    CHECK(strstr(out, "\"partners\": 24,") != NULL, "the what-if report does not have 24 partners");
  }
  convener_string_free(out);
  /* Nobody removed: the delta is nothing, the report is the report. */
  TEXT_OF(convener_what_if(ini, "[]", NULL, &out), out);
  if (out != NULL && report != NULL) {
    CHECK(strstr(out, "\"removed\": []") != NULL, "%.80s", out);
    /* The report inside is indented by two spaces more; compare its first line. */
    CHECK(strstr(out, "\"partners\": 25,") != NULL, "the report lost partners");
  }
  convener_string_free(out);
  /* Options reach what-if too. */
  TEXT_OF(convener_what_if(ini, "[\"eastbrae-family-centre\"]", "{\"min_level\": \"cooperate\"}", &out), out);
  CHECK(out != NULL && strstr(out, "\"min_level\": \"cooperate\"") != NULL, "options not used");
  convener_string_free(out);
}

static void schemas(void) {
  const char *names[] = {"report", "initiative", "options"};
  const char *titles[] = {"convener-report/1", "convener/1", "options"};
  for (size_t i = 0; i < 3; i++) {
    char *s;
    TEXT_OF(convener_schema(names[i], &s), s);
    if (s != NULL) {
      CHECK(strncmp(s, "{\n  \"$schema\": \"https://json-schema.org/", 40) == 0, "%s: %.80s", names[i], s);
      CHECK(strstr(s, titles[i]) != NULL, "schema %s does not mention %s", names[i], titles[i]);
    }
    convener_string_free(s);
  }
}

int main(int argc, char **argv) {
  const char *root = argc > 1 ? argv[1] : ".";
  version();

  char *json_path = join(root, "examples/data/family-support.json");
  char *csv_dir = join(root, "examples/data/family-support");
  char *fixture_path = join(root, "tests/fixtures/family-support/report.json");
  size_t len = 0, expected_len = 0;
  char *doc = read_file(json_path, &len);
  char *expected = read_file(fixture_path, &expected_len);
  if (!CHECK(doc != NULL && expected != NULL, "cannot read %s or %s", json_path, fixture_path)) {
    return finish();
  }

  /* The same initiative from JSON and from its CSV folder. */
  convener_initiative *from_json = NULL, *from_csv = NULL;
  CHECK_STATUS(convener_initiative_from_json(doc, len, &from_json), CONVENER_OK);
  CHECK_STATUS(convener_initiative_from_csv_dir(csv_dir, &from_csv), CONVENER_OK);
  if (!CHECK(from_json != NULL && from_csv != NULL, "no handle")) {
    return finish();
  }
  char *report = NULL, *report_csv = NULL;
  TEXT_OF(convener_analyze(from_json, NULL, &report), report);
  TEXT_OF(convener_analyze(from_csv, NULL, &report_csv), report_csv);
  SAME_BYTES("the report from JSON", report, expected, expected_len);
  SAME_BYTES("the report from the CSV folder", report_csv, expected, expected_len);
  /* Pretty JSON, a trailing newline. */
  CHECK(report != NULL && strncmp(report, "{\n  \"format\": \"convener-report/1\",\n", 35) == 0 &&
            report[strlen(report) - 1] == '\n',
        "report: %.60s", report ? report : "NULL");
  /* Options as text: as_of changes the report. */
  char *earlier = NULL;
  TEXT_OF(convener_analyze(from_json, "{\"as_of\": \"2024-03\"}", &earlier), earlier);
  CHECK(earlier != NULL && strstr(earlier, "\"as_of\": \"2024-03\"") != NULL, "as_of not used");

  tables(from_json);
  /* The tables are the same from the CSV folder. */
  char *a = NULL, *b = NULL;
  TEXT_OF(convener_network_csv(from_json, NULL, &a), a);
  TEXT_OF(convener_network_csv(from_csv, NULL, &b), b);
  CHECK(a != NULL && b != NULL && strcmp(a, b) == 0, "the network tables differ");
  convener_string_free(a);
  convener_string_free(b);
  TEXT_OF(convener_indicators_csv(from_json, NULL, &a), a);
  TEXT_OF(convener_indicators_csv(from_csv, NULL, &b), b);
  CHECK(a != NULL && b != NULL && strcmp(a, b) == 0, "the indicator tables differ");
  convener_string_free(a);
  convener_string_free(b);

  what_if(from_json, report);
  schemas();

  /* Validating the example: no issues. */
  char *issues = NULL;
  TEXT_OF(convener_validate_json(doc, len, &issues), issues);
  CHECK(issues != NULL && strcmp(issues, "[]") == 0, "issues: %s", issues ? issues : "NULL");
  convener_string_free(issues);

  convener_string_free(earlier);
  convener_string_free(report_csv);
  convener_string_free(report);
  convener_initiative_free(from_csv);
  convener_initiative_free(from_json);
  free(expected);
  free(doc);
  free(fixture_path);
  free(csv_dir);
  free(json_path);
  return finish();
}
