/* Analyse a collective-impact initiative with convener from C.
 *
 *   cargo build --release -p convener-ffi
 *   cc -std=c11 examples/c/analyze.c -I bindings/ffi/include -L target/release \
 *      -lconvener_ffi -Wl,-rpath,"$PWD/target/release" -o analyze
 *   ./analyze [initiative.json]      (default: the bundled example)
 *
 * Prints the five conditions' scores and writes the per-partner network table to
 * network.csv. Rules: every call returns a convener_status (0 is OK); on failure
 * convener_last_error says why; what convener gives, convener_string_free frees. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "convener.h"

/* Prints the last error of this thread with some context; returns an exit status. */
static int fail(const char *context) {
  char message[1024]; /* long messages are cut short, safely */
  convener_last_error(message, sizeof message, NULL);
  fprintf(stderr, "%s: %s\n", context, message);
  return 1;
}

/* Reads a whole file into memory (free it); NULL when it cannot. */
static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *text = NULL;
  if (f != NULL && fseek(f, 0, SEEK_END) == 0) {
    long size = ftell(f);
    rewind(f);
    text = size < 0 ? NULL : malloc((size_t)size + 1);
    if (text != NULL) *len = fread(text, 1, (size_t)size, f);
  }
  if (f != NULL) fclose(f);
  return text;
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "examples/data/family-support.json";
  size_t len = 0;
  char *json = read_file(path, &len);
  if (json == NULL) { perror(path); return 1; }

  convener_initiative *ini = NULL; /* an opaque handle */
  convener_status status = convener_initiative_from_json(json, len, &ini);
  free(json);
  if (status != CONVENER_OK) return fail(path);

  char *report = NULL; /* the report: pretty JSON; NULL options mean the defaults */
  if (convener_analyze(ini, NULL, &report) != CONVENER_OK) {
    convener_initiative_free(ini);
    return fail("analyze");
  }
  /* The report's "conditions" come first, each with its name, score and stage:
   * enough to find them by text without a JSON library. */
  const char *p = report;
  for (int i = 0; i < 5 && (p = strstr(p, "\"condition\": \"")) != NULL; i++) {
    const char *name = strstr(p, "\"name\": \""), *score = strstr(p, "\"score\": "),
               *stage = strstr(p, "\"stage\": \"");
    if (name == NULL || score == NULL || stage == NULL) break;
    name += 9, stage += 10;
    printf("%-32.*s %5.1f  %.*s\n", (int)strcspn(name, "\""), name, strtod(score + 9, NULL),
           (int)strcspn(stage, "\""), stage);
    p = stage;
  }
  convener_string_free(report);

  char *csv = NULL; /* one row per partner: degree, betweenness, community, ... */
  status = convener_network_csv(ini, NULL, &csv);
  convener_initiative_free(ini);
  if (status != CONVENER_OK) return fail("network table");
  FILE *out = fopen("network.csv", "w");
  int ok = out != NULL && fputs(csv, out) >= 0;
  if (out != NULL && fclose(out) != 0) ok = 0;
  convener_string_free(csv);
  if (!ok) { perror("network.csv"); return 1; }
  printf("wrote network.csv\n");
  return 0;
}
