/*
 * Every output from C: for three fixtures of tests/fixtures that keep golden files
 * (outputs/), convener_render of each output named there gives exactly the golden bytes
 * (the what-if outputs without the document's first partner, as the golden files are
 * made); the report equals report.json; the CSV folder comes as a JSON object of files;
 * a what-if naming no partner removes nothing; an unknown output fails with a status and
 * the error's code; the byte count is exact and convener_bytes_free takes NULL.
 *
 * Usage: outputs [REPO_ROOT]   (default ".")
 */
#include "util.h"

static const char *FIXTURES[] = {"family-support", "synth-12-seed-1", "edge-one-partner"};

/* The id of the document's first partner, from its canonical pretty JSON (malloc'd);
 * NULL when it has none. */
static char *first_partner(const char *input) {
  const char *p = strstr(input, "\"partners\": [");
  if (p == NULL || (p = strstr(p, "\"id\": \"")) == NULL) {
    return NULL;
  }
  p += strlen("\"id\": \"");
  const char *end = strchr(p, '"');
  if (end == NULL) {
    return NULL;
  }
  size_t n = (size_t)(end - p);
  char *id = malloc(n + 1);
  if (id != NULL) {
    memcpy(id, p, n);
    id[n] = '\0';
  }
  return id;
}

/* The request for one output (malloc'd): {"output": NAME, "options": OPTIONS, "without": [ID]}. */
static char *request_for(const char *output, const char *options, const char *partner) {
  size_t n = strlen(output) + (options ? strlen(options) : 4) + (partner ? strlen(partner) : 0) + 64;
  char *r = malloc(n);
  if (r == NULL) {
    return NULL;
  }
  int what_if = strncmp(output, "what-if", 7) == 0;
  snprintf(r, n, "{\"output\": \"%s\", \"options\": %s%s%s%s}", output, options ? options : "null",
           what_if ? ", \"without\": [\"" : "", what_if ? partner : "", what_if ? "\"]" : "");
  return r;
}

/* Renders one output and compares it with the golden file. */
static void check_output(const convener_initiative *ini, const char *fixture, const char *golden_path,
                         const char *output, const char *options, const char *partner) {
  size_t want_len = 0;
  char *want = read_file(golden_path, &want_len);
  char *request = request_for(output, options, partner);
  uint8_t *bytes = NULL;
  size_t len = 0;
  convener_status s = convener_render(ini, request, &bytes, &len);
  CHECK(s == CONVENER_OK, "%s/%s: convener_render gives %s: %s", fixture, output, status_name(s), last_message());
  CHECK(want != NULL, "cannot read %s", golden_path);
  if (bytes != NULL && want != NULL) {
    CHECK(len == want_len && memcmp(bytes, want, len) == 0, "%s/%s: %zu bytes, expected %zu (or different bytes)",
          fixture, output, len, want_len);
  }
  convener_bytes_free(bytes, len);
  free(request);
  free(want);
}

static void run_fixture(const char *root, const char *fixture) {
  char rel[256];
  snprintf(rel, sizeof rel, "tests/fixtures/%s", fixture);
  char *dir = join(root, rel);
  char *input_path = join(dir, "input.json");
  char *options_path = join(dir, "options.json");
  char *report_path = join(dir, "report.json");
  char *outputs_dir = join(dir, "outputs");
  size_t input_len = 0;
  char *input = read_file(input_path, &input_len);
  char *options = read_file(options_path, NULL);
  convener_initiative *ini = NULL;
  CHECK_STATUS(convener_initiative_from_json(input, input_len, &ini), CONVENER_OK);
  char *partner = input ? first_partner(input) : NULL;

  size_t count = 0;
  char **names = list_dir(outputs_dir, 0, "", &count);
  CHECK(names != NULL && count >= 18, "%s: only %zu golden files", fixture, count);
  for (size_t i = 0; names != NULL && i < count; i++) {
    char *golden = join(outputs_dir, names[i]);
    check_output(ini, fixture, golden, names[i], options, partner);
    free(golden);
    free(names[i]);
  }
  free(names);
  check_output(ini, fixture, report_path, "report.json", options, partner);

  /* The CSV folder: a JSON object of files. */
  uint8_t *folder = NULL;
  size_t len = 0;
  CHECK_STATUS(convener_render(ini, "{\"output\": \"csv-folder\"}", &folder, &len), CONVENER_OK);
  const char *start = "{\"initiative.csv\":\"format,id,name";
  CHECK(folder != NULL && len > strlen(start) && memcmp(folder, start, strlen(start)) == 0 && folder[len - 1] == '}',
        "%s: the CSV folder is not a JSON object of files", fixture);
  convener_bytes_free(folder, len);

  free(partner);
  convener_initiative_free(ini);
  free(input);
  free(options);
  free(outputs_dir);
  free(report_path);
  free(options_path);
  free(input_path);
  free(dir);
}

static void errors(const char *root) {
  char *path = join(root, "examples/data/family-support.json");
  size_t len = 0;
  char *doc = read_file(path, &len);
  convener_initiative *ini = NULL;
  CHECK_STATUS(convener_initiative_from_json(doc, len, &ini), CONVENER_OK);
  uint8_t *out = (uint8_t *)"not null";
  size_t out_len = 99;
  CHECK_STATUS(convener_render(ini, "{\"output\": \"report.htm\"}", &out, &out_len), CONVENER_INVALID_OPTIONS);
  CHECK(out == NULL && out_len == 0, "out and out_len are reset on failure");
  CHECK(strstr(last_message(), "did you mean 'report.html'") != NULL, "%s", last_message());
  char *json = NULL;
  CHECK_STATUS(convener_last_error_json(&json), CONVENER_OK);
  CHECK(json != NULL && strstr(json, "\"code\":\"argument.unknown_output\"") != NULL, "%s", json);
  convener_string_free(json);
  CHECK_STATUS(convener_render(ini, "{\"output\": \"what-if.json\"}", &out, &out_len), CONVENER_OK);
  CHECK(out != NULL && out_len > 0 && memcmp(out, "{\n  \"removed\": []", 17) == 0, "what-if without partners");
  convener_bytes_free(out, out_len);
  CHECK_STATUS(convener_render(ini, "{\"output\": \"what-if.json\", \"without\": [\"nobody\"]}", &out, &out_len),
               CONVENER_INVALID_OPTIONS);
  CHECK_STATUS(convener_render(ini, "{\"output\": \"report.md\", \"options\": {\"min_levle\": 1}}", &out, &out_len),
               CONVENER_INVALID_OPTIONS);
  CHECK_STATUS(convener_render(ini, "[]", &out, &out_len), CONVENER_INVALID_OPTIONS);
  CHECK_STATUS(convener_render(NULL, "{\"output\": \"report.md\"}", &out, &out_len), CONVENER_NULL_PARAMETER);
  CHECK_STATUS(convener_render(ini, NULL, &out, &out_len), CONVENER_NULL_PARAMETER);
  CHECK_STATUS(convener_render(ini, "{\"output\": \"report.md\"}", NULL, &out_len), CONVENER_NULL_PARAMETER);
  CHECK_STATUS(convener_render(ini, "{\"output\": \"report.md\"}", &out, NULL), CONVENER_NULL_PARAMETER);
  convener_bytes_free(NULL, 0);
  convener_initiative_free(ini);
  free(doc);
  free(path);
}

int main(int argc, char **argv) {
  const char *root = argc > 1 ? argv[1] : ".";
  for (size_t i = 0; i < sizeof FIXTURES / sizeof FIXTURES[0]; i++) {
    run_fixture(root, FIXTURES[i]);
  }
  errors(root);
  printf("outputs: %d passed, %d failed\n", test_passed, test_failed);
  return test_failed == 0 ? 0 : 1;
}
