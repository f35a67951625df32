#include "io/grid_import.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "io/closest_name.h"
#include "io/csv_reader.h"
#include "io/grid_vocabulary.h"
#include "io/text_position.h"

namespace contactplan::io {
namespace {

// The two label cells of row 1, and of every row before the first person column.
constexpr size_t kLabelCells = 2;

std::string_view Trimmed(const CsvCell& cell) {
  const absl::string_view trimmed = absl::StripAsciiWhitespace(cell.text);
  return {trimmed.data(), trimmed.size()};
}

// Where another cell is, for a message that already gives its own position in full.
std::string PositionText(const CsvCell& cell) {
  return absl::StrCat("cell ", CellReference(cell.row, cell.column));
}

// The first bytes of every .xlsx, .docx ... (a ZIP archive): a workbook renamed to .csv.
constexpr std::string_view kZipSignature = "PK\x03\x04";

// One import: the rows are read in order; everything that refers to a person by name (@reports_to)
// is resolved once all columns are known.
class GridImport {
 public:
  explicit GridImport(std::string_view csv) : csv_(csv) {}

  absl::StatusOr<v1::Plan> Run() {
    if (csv_.starts_with(kZipSignature)) {
      errors_.Add({1, 1},
                  "this is a spreadsheet workbook (.xlsx or .ods), not CSV text: save the sheet as "
                  "\"CSV UTF-8\" and import that file",
                  "A1");
      return std::move(errors_).ToStatus();
    }
    CsvText text = ReadCsv(csv_, DetectDelimiter(csv_));
    if (!text.errors.empty() || text.omitted_errors > 0) {
      return DiagnosticsToStatus(std::move(text.errors), text.omitted_errors);
    }

    auto row = std::find_if(text.records.begin(), text.records.end(),
                            [](const CsvRecord& r) { return !r.IsBlank(); });
    if (row == text.records.end()) {
      errors_.Add({1, 1},
                  "the file has no rows: row 1 must hold two label cells (such as \"Team member\" "
                  "and \"Level\"), then one client person's name per column",
                  "A1");
      return std::move(errors_).ToStatus();
    }
    if (!ReadHeader(*row, text.records)) return std::move(errors_).ToStatus();
    for (++row; row != text.records.end(); ++row) {
      if (row->IsBlank()) continue;  // blank lines and rows of bare commas carry nothing
      CheckWidth(*row);
      if (row->cells[0].text.starts_with('@')) {
        ReadAttributeRow(*row);
      } else {
        ReadTeamMemberRow(*row);
      }
    }
    ResolveReportsTo();
    AddOpportunity();
    if (!errors_.empty()) return std::move(errors_).ToStatus();
    return std::move(plan_);
  }

 private:
  // Every problem names its cell as a spreadsheet does ("C5") besides its line and column.
  void Error(const CsvCell& cell, std::string message) {
    errors_.Add(cell.position, std::move(message), CellReference(cell.row, cell.column));
  }
  // A problem at a position within `cell` (one word of a list).
  void Error(const CsvCell& cell, TextPosition at, std::string message) {
    errors_.Add(at, std::move(message), CellReference(cell.row, cell.column));
  }

  // Row 1: the labels, then the persons. False when it cannot be the header at all.
  bool ReadHeader(const CsvRecord& header, const std::vector<CsvRecord>& records) {
    if (header.cells[0].text.starts_with('@')) {
      Error(header.cells[0],
            "the first row must be the header (two label cells, then the client persons' names), "
            "not an attribute row: add the header above it");
      return false;
    }
    // Spreadsheets write empty cells after the last used column (formatting reaches further than
    // data): they are not columns.
    size_t used = header.cells.size();
    while (used > 0 && header.cells[used - 1].text.empty()) --used;
    if (used <= kLabelCells) {
      Error(header.cells[0],
            absl::StrCat("row 1 has ", used, used == 1 ? " cell" : " cells",
                         ", but a grid's row 1 holds two label cells (such as \"Team member\" and "
                         "\"Level\") and then one client person's name per column, separated by "
                         "commas, semicolons or tabs: is this a contact map grid saved as CSV?"));
      return false;
    }
    width_ = header.cells.size();
    const std::vector<bool> filled = ColumnsWithValues(records, header);
    person_of_column_.assign(width_, -1);
    absl::flat_hash_map<std::string, const CsvCell*> first_with_id;
    for (size_t c = kLabelCells; c < header.cells.size(); ++c) {
      const CsvCell& cell = header.cells[c];
      if (cell.text.empty() && !filled[c]) continue;  // a column empty all the way down
      person_of_column_[c] = plan_.persons_size();
      v1::Person& person = *plan_.add_persons();
      person.set_name(cell.text);
      person.set_id(PersonIdFromName(cell.text, static_cast<int>(c)));
      column_names_.push_back(cell.text);
      if (!CheckName(cell, "person", person.id(), first_with_id)) continue;
      person_by_id_.emplace(person.id(), person_of_column_[c]);
    }
    pending_reports_to_.resize(plan_.persons_size());
    participant_cells_.resize(plan_.persons_size());
    return true;
  }

  // By column: whether any row below the header has a value there.
  static std::vector<bool> ColumnsWithValues(const std::vector<CsvRecord>& records,
                                             const CsvRecord& header) {
    std::vector<bool> filled(header.cells.size(), false);
    for (const CsvRecord& record : records) {
      if (&record == &header) continue;
      const size_t cells = std::min(record.cells.size(), filled.size());
      for (size_t c = 0; c < cells; ++c) {
        if (!record.cells[c].text.empty()) filled[c] = true;
      }
    }
    return filled;
  }

  // A person's id: from the name, or from the column when the name leaves nothing to derive one
  // from (a name of punctuation or symbols only).
  static std::string PersonIdFromName(std::string_view name, int column) {
    std::string id = IdFromName(name);
    if (id.empty() && !name.empty()) id = FallbackPersonId(column);
    return id;
  }

  // A name must give an id, and no other name of its kind may give the same one.
  bool CheckName(const CsvCell& cell, absl::string_view kind, const std::string& id,
                 absl::flat_hash_map<std::string, const CsvCell*>& first_with_id) {
    if (cell.text.empty()) {
      Error(cell, kind == "person"
                               ? "a person column without a name: write the person's name in row "
                                 "1, or delete the column"
                               : "a team member row without a name: write the team member's name "
                                 "in the first cell, or delete the row");
      return false;
    }
    if (id.empty()) {
      Error(cell,
            absl::StrCat("the ", kind, " name ", Quoted(cell.text),
                         " has no letter or digit to derive an id from: add one"));
      return false;
    }
    const auto [first, inserted] = first_with_id.emplace(id, &cell);
    if (!inserted) {
      Error(cell,
            absl::StrCat("the ", kind, " name ", Quoted(cell.text), " gives the id ", Quoted(id),
                         ", as the name in ", PositionText(*first->second),
                         " does: ids come from names, so make the names differ in a letter or "
                         "digit"));
      return false;
    }
    return true;
  }

  // Cells past row 1's width are an error only when they hold something: spreadsheets write empty
  // ones after the last used column.
  void CheckWidth(const CsvRecord& row) {
    for (size_t c = width_; c < row.cells.size(); ++c) {
      if (row.cells[c].text.empty()) continue;
      Error(row.cells[c],
            absl::StrCat("this row has a value in column ", ColumnLetters(static_cast<int>(c)),
                         " but row 1 has ", width_,
                         " cells: delete the cells past the last person column, or add the "
                         "person's name to row 1"));
      return;
    }
  }

  void ReadAttributeRow(const CsvRecord& row) {
    const CsvCell& name = row.cells[0];
    const std::optional<GridAttribute> attribute = ParseGridAttribute(Trimmed(name));
    if (!attribute.has_value()) {
      Error(name,
            absl::StrCat("unknown attribute ", Quoted(name.text),
                         DidYouMean(NormalizeGridWord(Trimmed(name)), GridAttributeNames()),
                         ": use one of ", absl::StrJoin(GridAttributeNames(), ", "),
                         " (a team member's name cannot start with \"@\")"));
      return;
    }
    const auto [first, inserted] =
        attribute_rows_.emplace(static_cast<int>(*attribute), &name);
    if (!inserted) {
      Error(name, absl::StrCat(GridAttributeName(*attribute), " appears again (first in ",
                                        PositionText(*first->second),
                                        "): keep one row per attribute"));
      return;
    }
    if (first_team_member_ != nullptr) {
      Error(name, absl::StrCat("the attribute row ", GridAttributeName(*attribute),
                                        " comes after the team member rows: move it above the "
                                        "first team member (",
                                        PositionText(*first_team_member_), ")"));
    }
    if (row.cells.size() > 1 && !row.cells[1].text.empty()) {
      Error(row.cells[1],
            absl::StrCat("the second cell of an attribute row must be empty (it is the team "
                         "members' level column): move ",
                         Quoted(row.cells[1].text), " into a person's column, or clear it"));
    }
    const size_t cells = std::min(row.cells.size(), width_);
    for (size_t c = kLabelCells; c < cells; ++c) {
      if (row.cells[c].text.empty() || person_of_column_[c] < 0) continue;
      ReadAttribute(*attribute, row.cells[c], person_of_column_[c]);
    }
  }

  // "@level of "Ann Lee": ".
  std::string AttributeOf(GridAttribute attribute, int p) const {
    return absl::StrCat(GridAttributeName(attribute), " of ", Quoted(column_names_[p]), ": ");
  }

  // Parses an enum cell into `set`; reports an unknown word.
  template <typename Setter>
  void ReadWord(GridAttribute attribute, const GridVocabulary& words, const CsvCell& cell, int p,
                Setter set) {
    const std::optional<int> value = words.Parse(Trimmed(cell));
    if (!value.has_value()) {
      Error(cell,
            absl::StrCat(AttributeOf(attribute, p), words.UnknownWordMessage(Trimmed(cell))));
      return;
    }
    set(*value);
  }

  void ReadAttribute(GridAttribute attribute, const CsvCell& cell, int p) {
    v1::Person& person = *plan_.mutable_persons(p);
    switch (attribute) {
      case GridAttribute::kTitle:
        person.set_title(cell.text);
        return;
      case GridAttribute::kDepartment:
        person.set_department(cell.text);
        return;
      case GridAttribute::kLevel:
        ReadWord(attribute, LevelWords(), cell, p,
                 [&](int v) { person.set_level(static_cast<v1::Level>(v)); });
        return;
      case GridAttribute::kRoles:
        ReadRoles(cell, p);
        return;
      case GridAttribute::kKey:
        if (const std::optional<bool> key = ParseYesNo(Trimmed(cell))) {
          person.set_key(*key);
        } else {
          Error(cell, absl::StrCat(AttributeOf(attribute, p), Quoted(cell.text),
                                            " is neither yes nor no: write yes or no (also "
                                            "y/n, true/false, x, 1/0), or leave the cell empty"));
        }
        return;
      case GridAttribute::kReportsTo:
        pending_reports_to_[p] = cell;
        return;
      case GridAttribute::kRelationship:
        ReadWord(attribute, RelationshipLevelWords(), cell, p, [&](int v) {
          person.set_relationship_level(static_cast<v1::RelationshipLevel>(v));
        });
        return;
      case GridAttribute::kDesiredRelationship:
        ReadWord(attribute, RelationshipLevelWords(), cell, p, [&](int v) {
          person.set_desired_relationship_level(static_cast<v1::RelationshipLevel>(v));
        });
        return;
      case GridAttribute::kRelationshipType:
        ReadWord(attribute, RelationshipTypeWords(), cell, p, [&](int v) {
          person.set_relationship_type(static_cast<v1::RelationshipType>(v));
        });
        return;
      case GridAttribute::kNps:
        if (const std::optional<int> score = ParseNpsScore(Trimmed(cell))) {
          person.add_nps_answers()->set_score(*score);
        } else {
          Error(cell,
                absl::StrCat(AttributeOf(attribute, p), Quoted(cell.text),
                             " is not a whole number from 0 to 10: write the person's survey "
                             "answer, or leave the cell empty"));
        }
        return;
      case GridAttribute::kBuyingRole:
        ReadParticipant(attribute, BuyingRoleWords(), cell, p, [](v1::Participant& part, int v) {
          part.set_buying_role(static_cast<v1::Participant::BuyingRole>(v));
        });
        return;
      case GridAttribute::kPreference:
        ReadParticipant(attribute, PreferenceWords(), cell, p, [](v1::Participant& part, int v) {
          part.set_preference(static_cast<v1::Preference>(v));
        });
        return;
      case GridAttribute::kDesiredPreference:
        ReadParticipant(attribute, PreferenceWords(), cell, p, [](v1::Participant& part, int v) {
          part.set_desired_preference(static_cast<v1::Preference>(v));
        });
        return;
    }
  }

  template <typename Setter>
  void ReadParticipant(GridAttribute attribute, const GridVocabulary& words, const CsvCell& cell,
                       int p, Setter set) {
    std::optional<v1::Participant>& participant = participant_cells_[p];
    if (!participant.has_value()) participant.emplace();
    ReadWord(attribute, words, cell, p, [&](int v) { set(*participant, v); });
  }

  void ReadRoles(const CsvCell& cell, int p) {
    v1::Person& person = *plan_.mutable_persons(p);
    const LineMap cell_lines(cell.text);
    for (const auto& [word, offset] : SplitRoleList(cell.text)) {
      // Point at the word itself: a role list is one cell but may hold several mistakes.
      const TextPosition within = cell_lines.At(offset);
      TextPosition at = cell.position;
      if (within.line == 1) {
        at.column += within.column - 1 + (cell.quoted ? 1 : 0);  // past the opening quote
      } else {
        at = {at.line + within.line - 1, within.column};
      }
      const std::optional<int> role = BuyerRoleWords().Parse(word);
      if (!role.has_value()) {
        Error(cell, at, absl::StrCat(AttributeOf(GridAttribute::kRoles, p),
                               BuyerRoleWords().UnknownWordMessage(word),
                               " (separate several roles with spaces or \";\")"));
        continue;
      }
      const auto& roles = person.buyer_roles();
      if (std::find(roles.begin(), roles.end(), *role) != roles.end()) {
        Error(cell, at, absl::StrCat(AttributeOf(GridAttribute::kRoles, p), "the role ", Quoted(word),
                               " is listed twice: list each role once"));
        continue;
      }
      person.add_buyer_roles(static_cast<v1::Person::BuyerRole>(*role));
    }
  }

  void ReadTeamMemberRow(const CsvRecord& row) {
    const CsvCell& name = row.cells[0];
    if (first_team_member_ == nullptr) first_team_member_ = &name;
    v1::TeamMember& member = *plan_.add_team_members();
    member.set_name(name.text);
    member.set_id(IdFromName(name.text));
    CheckName(name, "team member", member.id(), member_ids_);
    if (row.cells.size() > 1 && !row.cells[1].text.empty()) {
      const CsvCell& level = row.cells[1];
      if (const std::optional<int> value = LevelWords().Parse(Trimmed(level))) {
        member.set_level(static_cast<v1::Level>(*value));
      } else {
        Error(level, absl::StrCat("level of ", Quoted(name.text), ": ",
                                           LevelWords().UnknownWordMessage(Trimmed(level))));
      }
    }
    const size_t cells = std::min(row.cells.size(), width_);
    for (size_t c = kLabelCells; c < cells; ++c) {
      const CsvCell& cell = row.cells[c];
      if (cell.text.empty() || person_of_column_[c] < 0) continue;  // blank: no relationship
      const int p = person_of_column_[c];
      const std::optional<int> grade = GradeWords().Parse(Trimmed(cell));
      if (!grade.has_value()) {
        Error(cell,
              absl::StrCat("how ", Quoted(column_names_[p]), " sees ", Quoted(name.text), ": ",
                           GradeWords().UnknownWordMessage(Trimmed(cell)),
                           " for no relationship"));
        continue;
      }
      v1::Relationship& relationship = *plan_.add_relationships();
      relationship.set_team_member_id(member.id());
      relationship.set_person_id(plan_.persons(p).id());
      relationship.set_grade(static_cast<v1::Grade>(*grade));
    }
  }

  // The id of the person column `name` names: as ids do, case and punctuation aside; a name that
  // gives no id (its person's id comes from its column) matches that column's name exactly.
  std::string ManagerKey(std::string_view name) const {
    std::string id = IdFromName(name);
    if (!id.empty()) return id;
    for (int p = 0; p < static_cast<int>(column_names_.size()); ++p) {
      if (column_names_[p] == name) return plan_.persons(p).id();
    }
    return id;
  }

  // @reports_to names another person column; names match as their ids do (case and punctuation
  // aside), which is also how the grid tells names apart.
  void ResolveReportsTo() {
    for (int p = 0; p < static_cast<int>(pending_reports_to_.size()); ++p) {
      if (!pending_reports_to_[p].has_value()) continue;
      const CsvCell& cell = *pending_reports_to_[p];
      const auto manager = person_by_id_.find(ManagerKey(cell.text));
      if (manager == person_by_id_.end()) {
        Error(cell,
              absl::StrCat(AttributeOf(GridAttribute::kReportsTo, p), "no person column is named ",
                           Quoted(cell.text), DidYouMean(cell.text, column_names_),
                           ": write the manager's name as it stands in row 1, or leave the cell "
                           "empty"));
        continue;
      }
      if (manager->second == p) {
        Error(cell, absl::StrCat(AttributeOf(GridAttribute::kReportsTo, p),
                                          "a person cannot report to themselves: name their "
                                          "manager, or leave the cell empty"));
        continue;
      }
      plan_.mutable_persons(p)->set_reports_to_id(plan_.persons(manager->second).id());
    }
  }

  // docs/grid.md: persons with a buying role or a preference take part in one open opportunity.
  void AddOpportunity() {
    v1::Opportunity* opportunity = nullptr;
    for (int p = 0; p < static_cast<int>(participant_cells_.size()); ++p) {
      if (!participant_cells_[p].has_value()) continue;
      if (opportunity == nullptr) {
        opportunity = plan_.add_opportunities();
        opportunity->set_id(std::string(kGridOpportunityId));
      }
      v1::Participant& participant = *opportunity->add_participants();
      participant = *participant_cells_[p];
      participant.set_person_id(plan_.persons(p).id());
    }
  }

  std::string_view csv_;
  DiagnosticList errors_;  // bounded: a million empty header cells give a short message
  v1::Plan plan_;
  size_t width_ = kLabelCells;  // cells in row 1: no row may have more
  std::vector<std::string> column_names_;  // person names, by column
  absl::flat_hash_map<std::string, int> person_by_id_;
  // The cells below point into the records of Run, which outlive every use.
  absl::flat_hash_map<std::string, const CsvCell*> member_ids_;
  absl::flat_hash_map<int, const CsvCell*> attribute_rows_;  // where each attribute row stands
  const CsvCell* first_team_member_ = nullptr;
  std::vector<int> person_of_column_;  // by CSV column: the person's index, or -1 (no person)
  std::vector<std::optional<CsvCell>> pending_reports_to_;         // by person
  std::vector<std::optional<v1::Participant>> participant_cells_;  // by person
};

}  // namespace

absl::StatusOr<v1::Plan> ImportGrid(std::string_view csv) { return GridImport(csv).Run(); }

}  // namespace contactplan::io
