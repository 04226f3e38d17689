/*
 * Conformance from C: for every folder of tests/fixtures, the report that
 * convener_initiative_from_json + convener_analyze give (with options.json when the
 * folder has one) equals report.json byte for byte.
 *
 * Usage: fixtures [REPO_ROOT]   (default ".")
 */
#include "util.h"

/* Runs one fixture folder; every check on it counts. */
static void run_fixture(const char *dir, const char *name) {
  char *folder = join(dir, name);
  char *input_path = join(folder, "input.json");
  char *options_path = join(folder, "options.json");
  char *report_path = join(folder, "report.json");
  size_t input_len = 0, report_len = 0;
  char *input = read_file(input_path, &input_len);
  char *options = read_file(options_path, NULL); /* NULL when there is none: defaults */
  char *expected = read_file(report_path, &report_len);

  if (CHECK(input != NULL && expected != NULL, "%s: cannot read input.json or report.json", name)) {
    convener_initiative *ini = NULL;
    convener_status s = convener_initiative_from_json(input, input_len, &ini);
    CHECK(s == CONVENER_OK && ini != NULL, "%s: from_json gives %s: %s", name, status_name(s),
          last_message());
    char *report = NULL;
    s = convener_analyze(ini, options, &report);
    CHECK(s == CONVENER_OK && report != NULL, "%s: analyze gives %s: %s", name, status_name(s),
          last_message());
    SAME_BYTES(name, report, expected, report_len);
    /* A second analysis of the same handle gives the same bytes again. */
    char *again = NULL;
    s = convener_analyze(ini, options, &again);
    CHECK(s == CONVENER_OK, "%s: second analyze gives %s", name, status_name(s));
    SAME_BYTES(name, again, expected, report_len);
    convener_string_free(again);
    convener_string_free(report);
    convener_initiative_free(ini);
  }
  free(input);
  free(options);
  free(expected);
  free(report_path);
  free(options_path);
  free(input_path);
  free(folder);
}

int main(int argc, char **argv) {
  const char *root = argc > 1 ? argv[1] : ".";
  char *dir = join(root, "tests/fixtures");
  size_t count = 0;
  char **names = list_dir(dir, 1, NULL, &count);
  CHECK(names != NULL, "cannot list %s", dir);
  /* The corpus has 21 initiatives; a listing that finds far fewer is a broken test. */
  CHECK(count >= 20, "only %zu fixture folders in %s", count, dir);
  if (names != NULL) {
    for (size_t i = 0; i < count; i++) {
      int failed_before = test_failed;
      run_fixture(dir, names[i]);
      printf("%-32s %s\n", names[i], test_failed == failed_before ? "ok" : "FAILED");
      free(names[i]);
    }
    free(names);
  }
  free(dir);
  return finish();
}
