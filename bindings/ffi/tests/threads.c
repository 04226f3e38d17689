/*
 * Threads: 4 threads each read their own handle and analyse it 3 times; 4 threads
 * share one handle and analyse it 3 times each, at once. Every report equals the
 * fixture's bytes. The last error belongs to its thread.
 *
 * Usage: threads [REPO_ROOT]   (default ".")
 */
#include "util.h"

#include <pthread.h>

#define THREADS 4
#define ROUNDS 3

static const char *doc;       /* the example's JSON text */
static size_t doc_len;
static const char *expected;  /* its report.json */
static size_t expected_len;
static pthread_barrier_t start_together;

/* What one thread saw; checked by the main thread (the counters are not shared). */
struct job {
  int index;
  const convener_initiative *shared; /* NULL: read a handle of its own */
  int loaded, same, differ, failed;
  int own_error_kept;   /* its last error was still its own after the others failed */
  size_t needed_before; /* convener_last_error's `needed` before its first call */
  char message[256];
};

static void *run(void *arg) {
  struct job *job = arg;
  /* Nothing has failed on a new thread, whatever failed on the others. */
  convener_last_error(NULL, 0, &job->needed_before);
  pthread_barrier_wait(&start_together);

  convener_initiative *own = NULL;
  const convener_initiative *ini = job->shared;
  if (ini == NULL) {
    if (convener_initiative_from_json(doc, doc_len, &own) == CONVENER_OK) {
      job->loaded = 1;
    } else {
      convener_last_error(job->message, sizeof job->message, NULL);
    }
    ini = own;
  }
  for (int r = 0; r < ROUNDS && ini != NULL; r++) {
    char *report = NULL;
    if (convener_analyze(ini, NULL, &report) != CONVENER_OK) {
      job->failed++;
      convener_last_error(job->message, sizeof job->message, NULL);
    } else if (strlen(report) == expected_len && memcmp(report, expected, expected_len) == 0) {
      job->same++;
    } else {
      job->differ++;
    }
    convener_string_free(report);
  }

  /* Each thread fails in its own way; after all have failed, each still sees its own. */
  char name[32], *s = NULL;
  snprintf(name, sizeof name, "no-schema-%d", job->index);
  convener_schema(name, &s);
  pthread_barrier_wait(&start_together);
  char message[256];
  convener_last_error(message, sizeof message, NULL);
  job->own_error_kept = strstr(message, name) != NULL;

  convener_initiative_free(own);
  return NULL;
}

/* Runs THREADS jobs at once, on `shared` or on handles of their own. */
static void run_all(const char *what, const convener_initiative *shared) {
  pthread_t threads[THREADS];
  struct job jobs[THREADS];
  memset(jobs, 0, sizeof jobs);
  int started = 0;
  if (pthread_barrier_init(&start_together, NULL, THREADS) != 0) {
    CHECK(0, "%s: no barrier", what);
    return;
  }
  for (int i = 0; i < THREADS; i++) {
    jobs[i].index = i;
    jobs[i].shared = shared;
    if (pthread_create(&threads[i], NULL, run, &jobs[i]) == 0) {
      started++;
    }
  }
  if (!CHECK(started == THREADS, "%s: only %d threads started", what, started)) {
    exit(finish()); /* the others wait at the barrier for ever */
  }
  for (int i = 0; i < THREADS; i++) {
    pthread_join(threads[i], NULL);
  }
  pthread_barrier_destroy(&start_together);
  int same = 0;
  for (int i = 0; i < THREADS; i++) {
    struct job *j = &jobs[i];
    CHECK(shared != NULL || j->loaded, "%s, thread %d: could not load: %s", what, i, j->message);
    CHECK(j->same == ROUNDS && j->differ == 0 && j->failed == 0,
          "%s, thread %d: %d reports the same, %d different, %d failed (%s)", what, i, j->same,
          j->differ, j->failed, j->message);
    CHECK(j->needed_before == 0, "%s, thread %d: an error before its first call", what, i);
    CHECK(j->own_error_kept, "%s, thread %d: its last error is another thread's", what, i);
    same += j->same;
  }
  printf("%s: %d threads, %d reports equal to the fixture\n", what, THREADS, same);
}

int main(int argc, char **argv) {
  const char *root = argc > 1 ? argv[1] : ".";
  char *doc_path = join(root, "examples/data/family-support.json");
  char *report_path = join(root, "tests/fixtures/family-support/report.json");
  char *d = read_file(doc_path, &doc_len);
  char *e = read_file(report_path, &expected_len);
  doc = d;
  expected = e;
  if (!CHECK(d != NULL && e != NULL, "cannot read %s or %s", doc_path, report_path)) {
    return finish();
  }

  /* The main thread fails first: the threads must not see its error. */
  char *s = NULL;
  convener_schema("main-thread-error", &s);

  run_all("own handles", NULL);

  convener_initiative *shared = NULL;
  CHECK_STATUS(convener_initiative_from_json(doc, doc_len, &shared), CONVENER_OK);
  if (shared != NULL) {
    run_all("one shared handle", shared);
  }
  convener_initiative_free(shared);

  /* ... and the threads' errors did not reach the main thread. */
  CHECK(strstr(last_message(), "main-thread-error") != NULL, "main thread's error: %s",
        last_message());

  free(d);
  free(e);
  free(report_path);
  free(doc_path);
  return finish();
}
