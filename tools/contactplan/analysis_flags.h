// The flags of the subcommands that run an analysis (analyze, blueprint): --as-of and --horizon,
// declared and read the same way wherever they appear.
#ifndef CONTACTPLAN_TOOLS_CONTACTPLAN_ANALYSIS_FLAGS_H_
#define CONTACTPLAN_TOOLS_CONTACTPLAN_ANALYSIS_FLAGS_H_

#include "command.h"
#include "contactplan/v1/options.pb.h"
#include "flags.h"

namespace contactplan::cli {

struct AnalysisFlags {
  const Flag& as_of;
  const Flag& horizon;
};

// Declares --as-of TIME and --horizon DAYS on `flags`, in that order.
AnalysisFlags DeclareAnalysisFlags(FlagSet& flags);

// The AnalysisOptions the flags ask for. --as-of: a date (2024-06-30, read as midnight UTC) or an
// RFC 3339 date-time; --horizon: 30 (default), 60 or 90. Anything else is a usage error naming
// the flag and what it accepts.
Outcome<v1::AnalysisOptions> AnalysisOptionsFrom(const AnalysisFlags& flags);

}  // namespace contactplan::cli

#endif  // CONTACTPLAN_TOOLS_CONTACTPLAN_ANALYSIS_FLAGS_H_
