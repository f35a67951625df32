/* A host program: analyses the plan file named on the command line and prints its web figure. */
#include <contactplan/contactplan.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char** argv) {
  static char plan[1 << 16];
  size_t plan_len;
  FILE* file;
  cplan_engine* engine = NULL;
  cplan_format format;
  char* analysis = NULL;
  size_t analysis_len = 0;
  char* message = NULL;
  const char* figure;

  if (argc != 2 || !CPLAN_CHECK_VERSION()) return 2;
  file = fopen(argv[1], "rb");
  if (file == NULL) return 2;
  plan_len = fread(plan, 1, sizeof plan, file);
  fclose(file);

  if (cplan_format_from_path(argv[1], &format, &message) != CPLAN_OK ||
      cplan_engine_create(NULL, 0, CPLAN_FORMAT_JSON, &engine, &message) != CPLAN_OK ||
      cplan_analyze(engine, plan, plan_len, format, NULL, 0, CPLAN_FORMAT_JSON, CPLAN_FORMAT_JSON,
                    &analysis, &analysis_len, &message) != CPLAN_OK) {
    fprintf(stderr, "%s\n", message != NULL ? message : "failed");
    cplan_free(message);
    cplan_engine_destroy(engine);
    return 1;
  }
  figure = strstr(analysis, "\"figure\": \"");
  if (figure != NULL) {
    figure += strlen("\"figure\": \"");
    printf("contactplan %s figure %.*s\n", cplan_version(), (int)strcspn(figure, "\""), figure);
  }
  cplan_free(analysis);
  cplan_engine_destroy(engine);
  return figure != NULL ? 0 : 1;
}
