/*
 * A host that loads libcontactplan.so with dlopen, analyses a plan, closes the library and loads it
 * again, as plugin hosts do. The library registers its schema with the process-wide protobuf
 * runtime when it is loaded; were it really unloaded and loaded again, that registration would run
 * twice and libprotobuf would abort the host ("File already exists in database"). The library is
 * linked with -z nodelete so that dlclose keeps it mapped; this test proves the second load works.
 *
 * Plain C, linked only with libdl: the library's path comes from argv[1] (ctest passes the built
 * file), the plan from $CONTACTPLAN_TEST_DATA/capi/plan.json.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contactplan/contactplan.h"

typedef cplan_status (*engine_create_fn)(const void*, size_t, cplan_format, cplan_engine**, char**);
typedef void (*engine_destroy_fn)(cplan_engine*);
typedef cplan_status (*analyze_fn)(const cplan_engine*, const void*, size_t, cplan_format,
                                   const void*, size_t, cplan_format, cplan_format, char**, size_t*,
                                   char**);
typedef void (*free_fn)(void*);

static char* read_plan(size_t* size) {
  const char* dir = getenv("CONTACTPLAN_TEST_DATA");
  char path[4096];
  FILE* file;
  long length;
  char* data;
  if (dir == NULL) dir = CPLAN_TEST_DATA_DIR;
  snprintf(path, sizeof path, "%s/capi/plan.json", dir);
  file = fopen(path, "rb");
  if (file == NULL || fseek(file, 0, SEEK_END) != 0 || (length = ftell(file)) < 0 ||
      fseek(file, 0, SEEK_SET) != 0) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  data = malloc((size_t)length);
  *size = fread(data, 1, (size_t)length, file);
  fclose(file);
  return data;
}

/* Looks up one entry point into *function (a function pointer of the right type), or reports
 * which one is missing. POSIX guarantees dlsym's object pointer converts to a function pointer;
 * ISO C does not, hence the copy instead of a cast. */
static int entry(void* library, const char* name, void* function) {
  void* symbol = dlsym(library, name);
  if (symbol == NULL) {
    fprintf(stderr, "capi_reload_test: %s not found: %s\n", name, dlerror());
    return 0;
  }
  memcpy(function, &symbol, sizeof symbol);
  return 1;
}

/* Loads the library, analyses the plan to JSON, unloads. Returns the JSON's length, 0 on failure. */
static size_t load_analyze_close(const char* library_path, const char* plan, size_t plan_len,
                                 int round) {
  void* library = dlopen(library_path, RTLD_NOW | RTLD_LOCAL);
  engine_create_fn engine_create;
  engine_destroy_fn engine_destroy;
  analyze_fn analyze;
  free_fn release;
  cplan_engine* engine = NULL;
  char* output = NULL;
  size_t output_len = 0;
  char* message = NULL;
  cplan_status status;
  if (library == NULL) {
    fprintf(stderr, "capi_reload_test: load %d: dlopen failed: %s\n", round, dlerror());
    return 0;
  }
  if (!entry(library, "cplan_engine_create", &engine_create) ||
      !entry(library, "cplan_engine_destroy", &engine_destroy) ||
      !entry(library, "cplan_analyze", &analyze) || !entry(library, "cplan_free", &release)) {
    dlclose(library);
    return 0;
  }
  status = engine_create(NULL, 0, CPLAN_FORMAT_JSON, &engine, &message);
  if (status == CPLAN_OK) {
    status = analyze(engine, plan, plan_len, CPLAN_FORMAT_JSON, NULL, 0, CPLAN_FORMAT_JSON,
                     CPLAN_FORMAT_JSON, &output, &output_len, &message);
  }
  if (status != CPLAN_OK) {
    fprintf(stderr, "capi_reload_test: load %d: status %d: %s\n", round, (int)status,
            message != NULL ? message : "(no message)");
    output_len = 0;
  } else if (output == NULL || strstr(output, "\"findings\"") == NULL) {
    fprintf(stderr, "capi_reload_test: load %d: the analysis has no findings list\n", round);
    output_len = 0;
  }
  release(output);
  release(message);
  engine_destroy(engine);
  if (dlclose(library) != 0) {
    fprintf(stderr, "capi_reload_test: load %d: dlclose failed: %s\n", round, dlerror());
    return 0;
  }
  return output_len;
}

int main(int argc, char** argv) {
  size_t plan_len = 0;
  char* plan;
  size_t first, second, third;
  if (argc != 2) {
    fprintf(stderr, "usage: capi_reload_test PATH/TO/libcontactplan.so\n");
    return 2;
  }
  plan = read_plan(&plan_len);
  first = load_analyze_close(argv[1], plan, plan_len, 1);
  second = load_analyze_close(argv[1], plan, plan_len, 2);
  third = load_analyze_close(argv[1], plan, plan_len, 3);
  free(plan);
  if (first == 0 || second == 0 || third == 0) return 1;
  /* Each load analyses the same plan deterministically. */
  if (first != second || second != third) {
    fprintf(stderr, "capi_reload_test: the analyses differ in length (%lu, %lu, %lu)\n",
            (unsigned long)first, (unsigned long)second, (unsigned long)third);
    return 1;
  }
  printf("capi_reload_test: 3 loads, each analysis %lu bytes\n", (unsigned long)first);
  return 0;
}
