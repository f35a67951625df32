// Names are absl::string_view where they go into absl::StrCat (Debian's Abseil has its own
// string_view type).
//
// The words of the contact map grid (docs/grid.md): attribute names, grades, levels, roles and the other
// values, and ids derived from names. Import and export both go through this file, so what one writes
// the other reads.
//
// Values are compared after NormalizeGridWord: ASCII case is ignored, and spaces and hyphens count as
// underscores ("Senior management", "senior-management" and "SENIOR_MANAGEMENT" are one word). The
// words of an enum are its proto value names in lower case, taken from the descriptors, so a value
// added to plan.proto is a grid word at once; grades are also written as their letters T O S I D M.
#ifndef CONTACTPLAN_SRC_IO_GRID_VOCABULARY_H_
#define CONTACTPLAN_SRC_IO_GRID_VOCABULARY_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/descriptor.h"

namespace contactplan::io {

// Lower case ASCII, spaces and hyphens as underscores.
std::string NormalizeGridWord(std::string_view text);

// The values of one enum as the grid reads and writes them. The zero (*_UNSPECIFIED) value has no
// word: in the grid it is an empty cell.
class GridVocabulary {
 public:
  // `kind` names the values in messages ("grade", "level"). `aliases` are extra words for a value;
  // when `write_aliases` is true, a value with an alias is written as its first alias.
  GridVocabulary(std::string kind, const google::protobuf::EnumDescriptor* values,
                 std::vector<std::pair<std::string, int>> aliases = {}, bool write_aliases = false);

  const std::string& kind() const { return kind_; }
  // The value a (not yet normalized) word names; nullopt when none.
  std::optional<int> Parse(std::string_view text) const;
  // The word written for a value; nullopt for zero and for numbers the enum does not define.
  std::optional<std::string> Write(int value) const;
  // "Use a, b or c": the accepted words, for the end of an error message.
  std::string Hint() const;
  // "unknown level "x": did you mean "y"? Use ...".
  std::string UnknownWordMessage(std::string_view text) const;

 private:
  std::string kind_;
  std::vector<std::pair<std::string, int>> words_;  // every accepted word, normalized
  std::vector<std::pair<int, std::string>> written_;  // value -> word written, ascending values
  std::string hint_words_;
};

const GridVocabulary& GradeWords();             // t, o, s, i, d, m and trust ... motivated_to_change
const GridVocabulary& LevelWords();             // executive, senior_management ..., senior mgmt ...

// How reports label a level in narrow columns ("senior mgmt", "middle mgmt"); empty for unset and
// unknown values. The grid reads these labels as levels, so what a user copies from a report is
// accepted: this is the one table of them.
std::string_view LevelLabel(int level);
const GridVocabulary& BuyerRoleWords();         // power, user, advisor, evangelist (@roles)
const GridVocabulary& RelationshipLevelWords();  // vendor ... trusted_advisor
const GridVocabulary& RelationshipTypeWords();  // competitive, cooperative, collaborative
const GridVocabulary& PreferenceWords();        // enemy ... mentor
const GridVocabulary& BuyingRoleWords();        // decision_maker, approver, evaluator, user

// @roles holds several roles, separated by spaces or ';' (tabs and line breaks count as spaces). Returns the words with their byte offsets
// within `text`; empty pieces are skipped.
std::vector<std::pair<std::string_view, size_t>> SplitRoleList(std::string_view text);
// The separator export writes between roles.
inline constexpr absl::string_view kRoleSeparator = " ";

// @key: yes, y, true, x, 1 / no, n, false, 0 (any case: Excel writes TRUE).
std::optional<bool> ParseYesNo(std::string_view text);
std::string WriteYesNo(bool value);

// @nps: a whole number from 0 to 10, digits only.
std::optional<int> ParseNpsScore(std::string_view text);
inline constexpr int kMaxNpsScore = 10;

// The attribute rows, in the order export writes them.
enum class GridAttribute {
  kTitle,
  kDepartment,
  kLevel,
  kRoles,
  kKey,
  kReportsTo,
  kRelationship,
  kDesiredRelationship,
  kRelationshipType,
  kNps,
  kBuyingRole,
  kPreference,
  kDesiredPreference,
};
inline constexpr std::array kGridAttributes = {
    GridAttribute::kTitle,           GridAttribute::kDepartment,
    GridAttribute::kLevel,           GridAttribute::kRoles,
    GridAttribute::kKey,             GridAttribute::kReportsTo,
    GridAttribute::kRelationship,    GridAttribute::kDesiredRelationship,
    GridAttribute::kRelationshipType, GridAttribute::kNps,
    GridAttribute::kBuyingRole,      GridAttribute::kPreference,
    GridAttribute::kDesiredPreference,
};
// "@title", "@reports_to" ...
absl::string_view GridAttributeName(GridAttribute attribute);
// The attribute a first cell names ("@Reports-To" is @reports_to); nullopt when unknown.
std::optional<GridAttribute> ParseGridAttribute(std::string_view text);
// Every attribute name, in export order, for messages and suggestions.
const std::vector<std::string>& GridAttributeNames();

// The labels export writes in the first two cells of row 1 (import accepts any text there).
inline constexpr absl::string_view kTeamMemberLabel = "Team member";
inline constexpr absl::string_view kLevelLabel = "Level";
// The id import gives the opportunity it creates from @buying_role, @preference and
// @desired_preference.
inline constexpr absl::string_view kGridOpportunityId = "opportunity";

// The id of a person whose name leaves nothing to derive one from: "person-" and the letters of its
// column (0-based `column`), lowered: "person-c".
std::string FallbackPersonId(int column);

// The id the grid derives from a name, transliterated to ASCII first ("Jürgen Müller" is
// "jurgen-muller", "Иван Петров" is "ivan-petrov"; see transliteration.h): ASCII letters lowered,
// each run of other characters (spaces, punctuation, symbols) one '-', with no '-' at either end: "Dr. Ann O'Neil (CFO)" gives
// "dr-ann-o-neil-cfo". Trimming the ends keeps ids free of stray dashes from brackets and trailing
// dots. Empty when nothing is left (a name of symbols only).
std::string IdFromName(std::string_view name);

}  // namespace contactplan::io

#endif  // CONTACTPLAN_SRC_IO_GRID_VOCABULARY_H_
