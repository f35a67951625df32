#include "contactplan/engine.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "contactplan/rule_catalogue.h"
#include "contactplan/validation.h"
#include "contactplan/version.h"
#include "engine/analysis_bytes.h"
#include "engine/analyze.h"
#include "engine/finding_selection.h"
#include "base/quoted.h"
#include "base/timestamp_range.h"
#include "model/context.h"
#include "model/plan_index.h"
#include "io/json_writer.h"
#include "io/output_size.h"
#include "io/plan_rows.h"
#include "model/relationship_table.h"
#include "model/time.h"
#include "options/settings.h"
#include "recommend/importance.h"
#include "recommend/reasons.h"
#include "recommend/recommendations.h"
#include "rules/finding.h"
#include "rules/finding_wire.h"
#include "rules/rules.h"
#include "score/activity.h"
#include "score/gaps.h"
#include "score/scores.h"
#include "score/web.h"
#include "validate/checked_plan.h"

namespace contactplan {
namespace internal {

struct EngineState {
  v1::EngineOptions options;
  Settings settings;  // validation reads its limits as they are
};

}  // namespace internal

namespace {

// AnalysisOptions.max_findings when unset (options.proto documents it).
constexpr int32_t kDefaultMaxFindings = 250;

// A disabled rule that is not in the catalogue is almost always a typo that would silently keep the
// rule on: refuse it.
absl::Status CheckDisabledRules(const v1::EngineOptions& options) {
  for (int i = 0; i < options.disabled_rules_size(); ++i) {
    bool known = false;
    for (const RuleInfo& rule : RuleCatalogue()) known = known || rule.code == options.disabled_rules(i);
    if (!known) {
      return absl::InvalidArgumentError(absl::StrCat(
          "disabled_rules[", i, "]: no rule ", base::Quoted(options.disabled_rules(i)),
          " in the catalogue (`contactplan rules` lists the codes)"));
    }
  }
  return absl::OkStatus();
}

}  // namespace

Engine::Engine(std::shared_ptr<const internal::EngineState> state) : state_(std::move(state)) {}

absl::StatusOr<Engine> Engine::Create(const v1::EngineOptions& options) {
  if (absl::Status rules = CheckDisabledRules(options); !rules.ok()) return rules;
  absl::StatusOr<Settings> settings = ResolveSettings(options);
  if (!settings.ok()) return settings.status();
  auto state = std::make_shared<internal::EngineState>();
  state->options = options;
  state->settings = *std::move(settings);
  return Engine(std::move(state));
}

const v1::EngineOptions& Engine::options() const { return state_->options; }

absl::Status Engine::Validate(const v1::Plan& plan) const {
  return ValidationStatus(validate::CheckPlan(plan, state_->settings).problems);
}

absl::StatusOr<v1::Analysis> Engine::Analyze(const v1::Plan& plan,
                                             const v1::AnalysisOptions& options) const {
  v1::Analysis analysis;
  if (absl::Status status = AnalyzeInto(plan, options, &analysis); !status.ok()) return status;
  return analysis;
}

absl::Status Engine::CheckAnalysisOptions(const v1::AnalysisOptions& options) {
  const int32_t horizon = options.horizon_days();
  if (horizon != 0 && horizon != 30 && horizon != 60 && horizon != 90) {
    return absl::InvalidArgumentError(
        absl::StrCat("horizon_days: must be 30, 60 or 90, got ", options.horizon_days()));
  }
  if (options.has_as_of()) {
    // Checked here, not left to the writers: a "now" outside Timestamp's range cannot be written
    // back as the analysis' as_of, nor any date drafted from it.
    if (const std::vector<std::string> problems = base::TimestampProblems(options.as_of());
        !problems.empty()) {
      return absl::InvalidArgumentError(absl::StrCat("as_of.", problems.front()));
    }
  }
  if (options.max_findings() < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "max_findings: must be 0 (list every finding) or a positive cap, got ",
        options.max_findings()));
  }
  return absl::OkStatus();
}

absl::Status Engine::AnalyzeInto(const v1::Plan& plan, const v1::AnalysisOptions& options,
                                 v1::Analysis* analysis) const {
  return engine::AnalyzePlan(state_->settings, plan, model::RelationshipTable::FromPlan(plan),
                             options, analysis, nullptr);
}

absl::StatusOr<std::string> Engine::AnalyzeBytes(std::string_view plan, PlanFormat plan_format,
                                                 const v1::AnalysisOptions& options,
                                                 PlanFormat output_format) const {
  if (output_format == PlanFormat::kCsvGrid) {
    return absl::InvalidArgumentError(
        "an analysis has no CSV grid form: write it as binary, JSON or text");
  }
  if (absl::Status checked = CheckAnalysisOptions(options); !checked.ok()) return checked;
  // The plan and the analysis on arenas of their own, as the C ABI has them (docs/memory.md).
  google::protobuf::ArenaOptions arena_options;
  arena_options.start_block_size = 128 << 10;
  arena_options.max_block_size = 256 << 10;
  google::protobuf::Arena plan_arena(arena_options);
  auto* parsed = google::protobuf::Arena::CreateMessage<v1::Plan>(&plan_arena);
  model::RelationshipTable relationships;
  if (absl::Status status = io::ParsePlanRows(plan, plan_format, parsed, &relationships);
      !status.ok()) {
    return status;
  }
  google::protobuf::Arena analysis_arena(arena_options);
  auto* analysis = google::protobuf::Arena::CreateMessage<v1::Analysis>(&analysis_arena);
  // Binary and JSON are written from the analysis' bytes with its largest parts as rows
  // (engine/analysis_bytes.h); text from the whole message.
  const bool binary = output_format == PlanFormat::kBinary;
  const bool as_rows = engine::WrittenFromRows(output_format);
  engine::AnalysisRows rows;
  if (absl::Status analyzed = engine::AnalyzePlan(state_->settings, *parsed, relationships, options,
                                                  analysis, as_rows ? &rows : nullptr);
      !analyzed.ok()) {
    return analyzed;
  }
  relationships = model::RelationshipTable();  // nothing written from here on views the rows
  if (!as_rows) return WriteAnalysis(*analysis, output_format);
  const engine::AnalysisWithRows bytes(*analysis, rows);
  if (!binary) return bytes.WriteJson();
  // WriteAnalysis' limit and message for the same analysis.
  if (absl::Status fits = io::CheckOutputSize(bytes.size(), io::kMaxOutputBytes, "binary"); !fits.ok()) {
    return fits;
  }
  std::string written(bytes.size(), '\0');
  bytes.WriteInto(written.data());
  return written;
}

namespace engine {

absl::Status ValidatePlanRows(const Settings& settings, const v1::Plan& plan,
                              const model::RelationshipTable& relationships) {
  return ValidationStatus(validate::CheckPlan(plan, relationships, settings).problems);
}

absl::Status AnalyzePlan(const Settings& settings, const v1::Plan& plan,
                         const model::RelationshipTable& relationships,
                         const v1::AnalysisOptions& options, v1::Analysis* analysis,
                         AnalysisRows* rows) {
  analysis->Clear();
  if (absl::Status checked = Engine::CheckAnalysisOptions(options); !checked.ok()) return checked;
  const int32_t horizon = options.horizon_days() == 0 ? 30 : options.horizon_days();
  // One pass validates the plan and resolves its ids; the index is built on those ids.
  validate::CheckedPlan checked = validate::CheckPlan(plan, relationships, settings);
  if (absl::Status valid = ValidationStatus(checked.problems); !valid.ok()) return valid;

  // "Now": the option, else the plan's as_of, else the latest time in the plan (the index resolves
  // it once, and who has left with it).
  const model::PlanIndex index(plan, relationships, std::move(checked.ids),
                               model::ToTime(options.has_as_of(), options.as_of()));
  const model::Context context{index, settings, index.now()};

  // Every stage writes into the analysis in place, so on an arena nothing is built twice.
  analysis->set_schema_version(CONTACTPLAN_SCHEMA_VERSION);
  if (context.now) *analysis->mutable_as_of() = model::ToTimestamp(*context.now);
  const model::InfluenceWeb web = model::ComputeInfluenceWeb(context);
  score::WriteWeb(index, web, analysis->mutable_web());
  std::vector<uint32_t> order;  // the analysis order of the findings, which stay where they are
  std::vector<rules::Finding> findings = rules::EvaluateRules(context, web, &order);
  const engine::OrderedFindings ordered{findings, order};
  // Recommendations need of the findings only the reasons they give cells, resolved here. The list
  // is then cut to what the host asked for, the findings kept become messages, and the records are
  // freed before the recommendations are built: on a large account they are tens of thousands, and
  // the recommendations (the drift forecast above all) are the analysis' largest part, so the two
  // are never held at once.
  const recommend::CellReasons reasons(index, findings);
  // How much each person matters: the findings kept are chosen by it, the key intersections
  // ranked by it.
  const std::vector<double> importance = recommend::PersonImportance(context);
  {
    const std::vector<bool> kept = engine::SelectFindings(
        ordered, importance,
        options.has_max_findings() ? options.max_findings() : kDefaultMaxFindings);
    engine::CountFindings(ordered, kept, analysis->mutable_finding_counts());
    const bool include_messages = !options.has_include_messages() || options.include_messages();
    if (rows != nullptr) {
      rules::FindingWire listed(context, include_messages, v1::Analysis::kFindingsFieldNumber);
      for (size_t k = 0; k < ordered.size(); ++k) {
        if (kept[k]) listed.Add(ordered[k]);
      }
      rows->findings = listed.TakeBytes();
    } else {
      for (size_t k = 0; k < ordered.size(); ++k) {
        if (kept[k]) {
          rules::WriteFinding(context, findings[order[k]], include_messages,
                              analysis->add_findings());
        }
      }
    }
  }
  std::vector<rules::Finding>().swap(findings);
  std::vector<uint32_t>().swap(order);
  // Written after the findings are freed, so that on a large account the two are not held at once
  // (the gaps, scores and activity are several MB of messages there). Fields are written in number
  // order whatever order they are built in.
  score::ComputeGaps(context, analysis->mutable_gaps());
  score::ComputeScores(context, web, horizon, analysis->mutable_scores(),
                       rows != nullptr ? &rows->person_coverage : nullptr);
  score::ComputeActivity(context, analysis->mutable_activity());
  recommend::Recommend(context, reasons, importance, horizon, analysis->mutable_recommendations(),
                       rows != nullptr ? &rows->recommendations : nullptr);
  return absl::OkStatus();
}

}  // namespace engine

}  // namespace contactplan
