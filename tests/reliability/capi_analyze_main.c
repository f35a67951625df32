/*
 * A minimal host of the C ABI, as a CRM server would be: reads one plan file, analyses it through
 * libcontactplan.so and reports the status. The heavy reliability tests run it as a child process
 * to measure the peak memory of an analysis through the shipped library, and the leak checks run it
 * under valgrind.
 *
 *   reliability_capi_analyze PLAN [ENGINE_OPTIONS_JSON]
 *
 * The plan's format comes from its extension. Prints the status name and, on failure, the message
 * on stderr, and the analysis size on stdout; the exit code is the cplan_status (0 for CPLAN_OK).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contactplan/contactplan.h"

static char* ReadFile(const char* path, size_t* size) {
  FILE* file = fopen(path, "rb");
  char* bytes = NULL;
  long length;
  if (file == NULL) return NULL;
  if (fseek(file, 0, SEEK_END) == 0 && (length = ftell(file)) >= 0 &&
      fseek(file, 0, SEEK_SET) == 0) {
    /* One spare byte, so an empty file still gives a non-NULL buffer. */
    bytes = (char*)malloc((size_t)length + 1);
    if (bytes != NULL && fread(bytes, 1, (size_t)length, file) != (size_t)length) {
      free(bytes);
      bytes = NULL;
    }
    *size = (size_t)length;
  }
  fclose(file);
  return bytes;
}

static int Finish(cplan_status status, char* message) {
  fprintf(stderr, "%s%s%s\n", cplan_status_name(status), message != NULL ? ": " : "",
          message != NULL ? message : "");
  cplan_free(message);
  return (int)status;
}

int main(int argc, char** argv) {
  cplan_format format;
  cplan_engine* engine = NULL;
  char* message = NULL;
  char* plan;
  char* output = NULL;
  size_t plan_size = 0;
  size_t output_size = 0;
  const char* options = argc > 2 ? argv[2] : "";
  cplan_status status;

  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: reliability_capi_analyze PLAN [ENGINE_OPTIONS_JSON]\n");
    return 64;
  }
  status = cplan_format_from_path(argv[1], &format, &message);
  if (status != CPLAN_OK) return Finish(status, message);
  plan = ReadFile(argv[1], &plan_size);
  if (plan == NULL) {
    fprintf(stderr, "cannot read %s\n", argv[1]);
    return 66;
  }
  status = cplan_engine_create(options, strlen(options), CPLAN_FORMAT_JSON, &engine, &message);
  if (status == CPLAN_OK) {
    status = cplan_analyze(engine, plan, plan_size, format, NULL, 0, CPLAN_FORMAT_JSON,
                           CPLAN_FORMAT_BINARY, &output, &output_size, &message);
  }
  if (status == CPLAN_OK) printf("%lu\n", (unsigned long)output_size);
  cplan_free(output);
  cplan_engine_destroy(engine);
  free(plan);
  return Finish(status, message);
}
